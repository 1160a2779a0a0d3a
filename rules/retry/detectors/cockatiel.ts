/**
 * cockatiel: `retry(policy, { maxAttempts, backoff })` and the `.execute(fn, signal?)` calls on what it
 * returns. One policy per `execute` (so each retried operation is known), or one for the `retry()` call
 * when it is executed out of sight (`wrap(…)`, passed along).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { COCKATIEL_EXECUTE, cockatiel, cockatielBackoffs, cockatielGenerators } from '../../../knowledge/retry/cockatiel.js';
import { findConstInitializer } from '../../ast/find-property.js';
import { findValueReferences } from '../../ast/find-value-references.js';
import { CALL, CONSTRUCT, ESM, READ, type TraceMapElement, tracePackages } from '../../ast/library-references.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { RetryBackoff, RetryCondition } from '../model.js';
import { classifyCondition } from './condition.js';
import { classifyDelay, constantDelay, fromBackoffSpec } from './delay.js';
import {
  findOption,
  getArgument,
  getBound,
  getKnownReference,
  isArgumentHidden,
  isRetryDisabled,
  optionsArgument,
  readNumber,
  type Detection,
  type RetryLibraryDetector,
  type RetryReference,
} from './detection.js';

const LIBRARY = 'cockatiel';
const info = (name: string) => ({ library: LIBRARY, name }) as const;

const exportsMap: TraceMapElement<ReturnType<typeof info>> = {
  [cockatiel.exportName]: { [CALL]: info(cockatiel.exportName) },
  wrap: { [CALL]: info('wrap') },
  handleAll: { [READ]: info('handleAll') },
  handleWhen: { [CALL]: info('handleWhen') },
  handleType: { [CALL]: info('handleType') },
  ...Object.fromEntries(Object.keys(cockatielBackoffs).map((name) => [name, { [CONSTRUCT]: info(name) }])),
  ...Object.fromEntries(Object.keys(cockatielGenerators).map((name) => [name, { [READ]: info(name) }])),
};

const COMBINATORS = new Set(['orWhen', 'orType']);

export const cockatielDetector: RetryLibraryDetector = {
  library: LIBRARY,
  modules: tracePackages<RetryReference>(cockatiel.packages, { [ESM]: true, ...exportsMap, default: exportsMap }),
  detect(references, detection) {
    for (const reference of references) {
      if (reference.info.name !== cockatiel.exportName || reference.type !== CALL) continue;
      const call = reference.node as TSESTree.CallExpression;
      const sources = optionsArgument(call, 1);
      const limit = readNumber(findOption(detection.context, sources, cockatiel.limit.option));
      if (isRetryDisabled(limit)) continue;
      const backoff = getBackoff(detection, findOption(detection.context, sources, 'backoff'));
      const policyArgument = getArgument(call, 0);
      const condition = policyArgument ? getCondition(detection, policyArgument) : ({ kind: 'unknown' } as const);
      const describe = (timeBudget: boolean | 'unknown') => ({
        library: LIBRARY,
        node: call,
        bound: getBound(limit, { option: 'maxAttempts', defaultLimit: cockatiel.limit.default, library: LIBRARY, timeBudget }),
        backoff,
        condition,
        methods: { kind: 'all' } as const,
      });
      const executions = findExecutions(detection, call);
      if (executions.length === 0) detection.onPolicy(describe(false));
      for (const execution of executions) {
        const signalIndex = COCKATIEL_EXECUTE.signalArgument;
        const timeBudget = isArgumentHidden(execution, signalIndex) ? 'unknown' : getArgument(execution, signalIndex) !== undefined;
        detection.onPolicy({ ...describe(timeBudget), operation: getArgument(execution, 0) });
      }
    }
  },
};

/**
 * `policy.execute(fn, signal)` calls on the value `retry(…)` returns, or on a `wrap(…)` that combines it with
 * other policies (a circuit breaker, a timeout): executing the wrap runs the retry around `fn`.
 */
function findExecutions(detection: Detection, call: TSESTree.CallExpression, depth = 0): TSESTree.CallExpression[] {
  const found: TSESTree.CallExpression[] = [];
  for (const reference of findValueReferences(detection.context, call).references) {
    const member = reference.parent;
    if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments.includes(reference as TSESTree.Expression) && depth < 4) {
      if (getKnownReference(detection, member)?.name === 'wrap') found.push(...findExecutions(detection, member, depth + 1));
      continue;
    }
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference || member.computed) continue;
    if (member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== COCKATIEL_EXECUTE.method) continue;
    if (member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) found.push(member.parent);
  }
  return found;
}

function getCondition(detection: Detection, node: TSESTree.Node, depth = 0): RetryCondition {
  const expression = unwrapExpression(node);
  if (depth < 4 && expression.type === AST_NODE_TYPES.Identifier && !getKnownReference(detection, expression)) {
    const initializer = findConstInitializer(detection.context, expression);
    if (initializer) return getCondition(detection, initializer, depth + 1);
  }
  const known = getKnownReference(detection, expression);
  if (known?.name === 'handleAll') return classifyCondition(detection, expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return { kind: 'unknown' };
  const callee = unwrapExpression(expression.callee);
  const factory = getKnownReference(detection, expression)?.name;
  if (factory === 'handleWhen') {
    const predicate = getArgument(expression, 0);
    return predicate ? classifyCondition(detection, predicate) : { kind: 'unknown' };
  }
  if (factory === 'handleType') {
    const predicate = getArgument(expression, 1);
    return predicate ? classifyCondition(detection, predicate) : { kind: 'unknown' };
  }
  // `handleAll.orWhen(…)` still handles every error.
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && COMBINATORS.has(callee.property.name)) {
    const base = getCondition(detection, callee.object, depth + 1);
    return base.kind === 'every-error' ? base : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

function getBackoff(detection: Detection, found: ReturnType<typeof findOption>, depth = 0): RetryBackoff {
  if (found.kind === 'absent') return { kind: 'none', jitter: false, reason: 'cockatiel default backoff `new ConstantBackoff(0)`, no delay' };
  if (found.kind === 'unknown' || !found.node) return { kind: 'unknown', jitter: 'unknown', reason: 'backoff' };
  const expression = unwrapExpression(found.node);
  if (expression.type === AST_NODE_TYPES.Identifier && depth < 4) {
    const initializer = findConstInitializer(detection.context, expression);
    if (initializer) return getBackoff(detection, { kind: 'found', node: initializer, value: undefined }, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.NewExpression) return { kind: 'unknown', jitter: 'unknown', reason: 'backoff' };
  const name = getKnownReference(detection, expression)?.name;
  const firstArgument = getArgument(expression, 0);
  switch (name) {
    case 'ConstantBackoff': {
      const interval = firstArgument ? getStaticValueOf(detection.context, firstArgument)?.value : undefined;
      return typeof interval === 'number' ? constantDelay(interval, 'ConstantBackoff') : fromBackoffSpec(cockatielBackoffs.ConstantBackoff, 'ConstantBackoff');
    }
    case 'ExponentialBackoff':
      return getExponentialBackoff(detection, expression);
    case 'IterableBackoff': {
      const durations = firstArgument ? getStaticValueOf(detection.context, firstArgument)?.value : undefined;
      if (!Array.isArray(durations) || durations.some((duration) => typeof duration !== 'number')) {
        return { kind: 'custom', jitter: 'unknown', reason: 'IterableBackoff' };
      }
      if (durations.every((duration) => duration === durations[0])) return constantDelay(Number(durations[0] ?? 0), 'IterableBackoff');
      return { kind: 'custom', jitter: false, reason: `\`IterableBackoff([${durations.join(', ')}])\`, fixed delays with no jitter` };
    }
    case 'DelegateBackoff':
      return classifyDelay(detection, firstArgument, undefined, 'DelegateBackoff');
    default:
      return { kind: 'unknown', jitter: 'unknown', reason: 'backoff' };
  }
}

function getExponentialBackoff(detection: Detection, expression: TSESTree.NewExpression): RetryBackoff {
  const options = optionsArgument(expression, 0);
  const generator = findOption(detection.context, options, 'generator');
  if (generator.kind === 'absent') return fromBackoffSpec(cockatielBackoffs.ExponentialBackoff, 'ExponentialBackoff with decorrelated jitter');
  const name = generator.kind === 'found' ? getKnownReference(detection, generator.node)?.name : undefined;
  if (name && Object.hasOwn(cockatielGenerators, name)) {
    const jitter = cockatielGenerators[name as keyof typeof cockatielGenerators].jitter;
    return { kind: 'exponential', jitter, reason: `ExponentialBackoff with ${name}` };
  }
  return { kind: 'exponential', jitter: 'unknown', reason: 'ExponentialBackoff with a custom generator' };
}
