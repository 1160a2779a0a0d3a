/**
 * The node-retry option family (`retries`, `forever`, `factor`, `minTimeout`, `maxTimeout`, `randomize`,
 * `maxRetryTime`), shared by the `retry` package itself (`retry.operation(options)`), async-retry and
 * p-retry; and the detector for `retry.operation(options)` with `operation.attempt(fn)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { nodeRetry } from '../../../knowledge/retry/node-retry.js';
import type { RetryLibrarySpec } from '../../../knowledge/types.js';
import { findValueReferences } from '../../ast/find-value-references.js';
import { CALL, ESM, tracePackages } from '../../ast/library-references.js';
import type { RetryBackoff, RetryBound, RetryPolicy } from '../model.js';
import {
  findOption,
  getArgument,
  getBound,
  isRetryDisabled,
  isSet,
  readBoolean,
  readNumber,
  optionsArgument,
  type Detection,
  type OptionSource,
  type RetryLibraryDetector,
  type RetryReference,
} from './detection.js';

const LIBRARY = 'retry';
const operation = { operation: { [CALL]: { library: LIBRARY, name: 'operation' } } } as const;

export const nodeRetryDetector: RetryLibraryDetector = {
  library: LIBRARY,
  modules: tracePackages<RetryReference>(nodeRetry.packages, { [ESM]: true, ...operation, default: operation }),
  detect(references, detection) {
    for (const reference of references) {
      const call = reference.node as TSESTree.CallExpression;
      const sources = optionsArgument(call, 0);
      const policy = describeNodeRetry(detection, call, sources, { spec: nodeRetry, timeBudgetOptions: ['maxRetryTime'] });
      if (!policy) continue;
      const attempts = findAttemptedFunctions(detection, call);
      if (attempts.length === 0) detection.onPolicy(policy);
      for (const attempted of attempts) detection.onPolicy({ ...policy, operation: attempted });
    }
  },
};

/** `op.attempt(fn)` on the operation a `retry.operation()` call returns. */
function findAttemptedFunctions(detection: Detection, call: TSESTree.CallExpression): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const reference of findValueReferences(detection.context, call).references) {
    const member = reference.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference || member.computed) continue;
    if (member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== 'attempt') continue;
    const attempt = member.parent;
    if (attempt?.type === AST_NODE_TYPES.CallExpression && attempt.callee === member) {
      const attempted = getArgument(attempt, 0);
      if (attempted) found.push(attempted);
    }
  }
  return found;
}

export interface NodeRetryFamily {
  readonly spec: RetryLibrarySpec;
  /** Options that bound the total time when set: `maxRetryTime`, and for p-retry `signal`. */
  readonly timeBudgetOptions: readonly string[];
  /** Options whose presence makes `retries` stop bounding the attempts (p-retry `shouldConsumeRetry`). */
  readonly uncountedOptions?: readonly string[];
}

/** A policy from node-retry style options; `condition` and `methods` default to the wrapper's. */
export function describeNodeRetry(detection: Detection, node: TSESTree.Node, sources: readonly OptionSource[], family: NodeRetryFamily): RetryPolicy | undefined {
  const limit = readNumber(findOption(detection.context, sources, 'retries'));
  if (isRetryDisabled(limit) && readBoolean(findOption(detection.context, sources, 'forever')).kind === 'absent') return undefined;
  return {
    library: family.spec.name,
    node,
    bound: getNodeRetryBound(detection, sources, family),
    backoff: getNodeRetryBackoff(detection, sources, family.spec),
    condition: { kind: 'default' },
    methods: { kind: 'all' },
  };
}

function getNodeRetryBound(detection: Detection, sources: readonly OptionSource[], family: NodeRetryFamily): RetryBound {
  const { context } = detection;
  const timeBudget = getTimeBudget(detection, sources, family.timeBudgetOptions);
  const forever = readBoolean(findOption(context, sources, 'forever'));
  if (forever.kind === 'value' && forever.value) {
    if (timeBudget === true) return { kind: 'time-budget' };
    return timeBudget === 'unknown' ? { kind: 'unknown' } : { kind: 'unbounded', reason: 'forever: true' };
  }
  if (forever.kind === 'unknown' && timeBudget !== true) return { kind: 'unknown' };
  const uncounted = (family.uncountedOptions ?? []).some((name) => isSet(findOption(context, sources, name)) !== false);
  if (uncounted) return timeBudget === true ? { kind: 'time-budget' } : { kind: 'unknown' };
  const limit = readNumber(findOption(context, sources, 'retries'));
  return getBound(limit, { option: 'retries', defaultLimit: family.spec.limit.default, library: family.spec.name, timeBudget });
}

/** A finite `maxRetryTime` or any `signal` bounds the total time. */
function getTimeBudget(detection: Detection, sources: readonly OptionSource[], names: readonly string[]): boolean | 'unknown' {
  let result: boolean | 'unknown' = false;
  for (const name of names) {
    const found = findOption(detection.context, sources, name);
    if (name === 'signal') {
      const set = isSet(found);
      if (set === true) return true;
      if (set === 'unknown') result = 'unknown';
      continue;
    }
    const value = readNumber(found);
    if (value.kind === 'value' && Number.isFinite(value.value)) return true;
    if (value.kind === 'unknown') result = 'unknown';
  }
  return result;
}

function getNodeRetryBackoff(detection: Detection, sources: readonly OptionSource[], spec: RetryLibrarySpec): RetryBackoff {
  const { context } = detection;
  const read = (name: string): number | undefined | 'unknown' => {
    const value = readNumber(findOption(context, sources, name));
    return value.kind === 'value' ? value.value : value.kind === 'unknown' ? 'unknown' : undefined;
  };
  const randomize = readBoolean(findOption(context, sources, 'randomize'));
  const jitter = randomize.kind === 'value' ? randomize.value : randomize.kind === 'absent' ? spec.backoff.jitter : 'unknown';
  const jitterNote =
    jitter === 'unknown'
      ? 'randomize set by a value that cannot be read'
      : randomize.kind === 'absent'
        ? `randomize defaults to ${String(spec.backoff.jitter)} in ${spec.name}`
        : `randomize: ${String(jitter)}`;
  const minTimeout = read('minTimeout') ?? 1000;
  const maxTimeout = read('maxTimeout') ?? Number.POSITIVE_INFINITY;
  const factor = read('factor') ?? 2;
  if ((typeof minTimeout === 'number' && minTimeout <= 1) || (typeof maxTimeout === 'number' && maxTimeout <= 1)) {
    return { kind: 'none', jitter: false, reason: typeof minTimeout === 'number' && minTimeout <= 1 ? `minTimeout: ${minTimeout}` : `maxTimeout: ${String(maxTimeout)}` };
  }
  if (typeof factor === 'number' && factor <= 1) {
    return { kind: 'constant', jitter, reason: `factor: ${factor}, the same ${typeof minTimeout === 'number' ? `${minTimeout} ms ` : ''}delay every time` };
  }
  if (factor === 'unknown' || minTimeout === 'unknown') return { kind: 'unknown', jitter, reason: jitterNote };
  return { kind: 'exponential', jitter, reason: `exponential backoff${jitter === false ? ' without jitter' : ''}, ${jitterNote}` };
}
