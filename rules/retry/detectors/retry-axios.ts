/**
 * retry-axios: `rax.attach(instance?)` (namespace, named and CommonJS imports) and the `raxConfig` objects
 * that configure it, on `axios.create({ raxConfig })`, `instance.defaults.raxConfig = …` or a request config.
 * Without any `raxConfig` the attached interceptor still retries with the library defaults.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { RETRY_AXIOS_CONFIG_KEY, retryAxios } from '../../../knowledge/retry/retry-axios.js';
import { CALL, ESM, tracePackages } from '../../ast/library-references.js';
import { findNodesWriting } from '../../ast/nodes-writing.js';
import type { RetriedMethods, RetryBackoff, RetryCondition, RetryPolicy } from '../model.js';
import { classifyCondition, classifyStatusList } from './condition.js';
import {
  findOption,
  getArgument,
  getBound,
  isRetryDisabled,
  readList,
  readNumber,
  readString,
  type Detection,
  type OptionSource,
  type RetryLibraryDetector,
  type RetryReference,
} from './detection.js';

const LIBRARY = 'retry-axios';
const attach = { attach: { [CALL]: { library: LIBRARY, name: 'attach' } } } as const;

export const retryAxiosDetector: RetryLibraryDetector = {
  library: LIBRARY,
  modules: tracePackages<RetryReference>(retryAxios.packages, { [ESM]: true, ...attach, default: attach }),
  detect(references, detection) {
    const attachments = references.filter((reference) => reference.info.name === 'attach').map((reference) => reference.node as TSESTree.CallExpression);
    const configs = findRaxConfigs(detection);
    const instanceConfigs = configs.filter((config) => config.client !== undefined);
    for (const config of configs) {
      // A request config merges over the instance's raxConfig: unknown unless no instance config is in sight.
      const sources: OptionSource[] = config.client || instanceConfigs.length === 0 ? [{ node: config.node }] : [{ node: config.node }, { unknown: true }];
      const policy = describe(detection, config.node, sources);
      if (policy) detection.onPolicy({ ...policy, client: config.client });
    }
    if (configs.length > 0) return;
    for (const call of attachments) {
      const policy = describe(detection, call, []);
      if (policy) detection.onPolicy({ ...policy, client: getArgument(call, 0) });
    }
  },
};

interface RaxConfig {
  readonly node: TSESTree.Node;
  /** The instance whose defaults hold it (`axios.create(…)`, `client.defaults`); undefined for a request config. */
  readonly client: TSESTree.Node | undefined;
}

function findRaxConfigs(detection: Detection): RaxConfig[] {
  const found: RaxConfig[] = [];
  // Reached from where the key is written: `{ raxConfig: … }` and `….raxConfig = …`.
  for (const key of findNodesWriting(detection.context, RETRY_AXIOS_CONFIG_KEY)) {
    if (getKeyName(key) !== RETRY_AXIOS_CONFIG_KEY) continue;
    const parent = key.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === key && !parent.computed) {
      found.push({ node: parent.value, client: getCreatingCall(parent) });
    }
    const assignment = parent?.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.property === key &&
      !parent.computed &&
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.left === parent
    ) {
      const holder = parent.object;
      const isDefaults = holder.type === AST_NODE_TYPES.MemberExpression && !holder.computed && getKeyName(holder.property) === 'defaults';
      found.push({ node: assignment.right, client: isDefaults ? holder.object : undefined });
    }
  }
  return found;
}

/** `axios.create({ raxConfig })`: the create call, when the object is its first argument. */
function getCreatingCall(property: TSESTree.Property): TSESTree.Node | undefined {
  const object = property.parent;
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== object) return undefined;
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && getKeyName(callee.property) === 'create' ? call : undefined;
}

function describe(detection: Detection, node: TSESTree.Node, sources: readonly OptionSource[]): RetryPolicy | undefined {
  const { context } = detection;
  const limit = readNumber(findOption(context, sources, 'retry'));
  if (isRetryDisabled(limit)) return undefined;
  return {
    library: LIBRARY,
    node,
    bound: getBound(limit, { option: 'retry', defaultLimit: retryAxios.limit.default, library: LIBRARY, timeBudget: false }),
    backoff: getBackoff(detection, sources),
    condition: getCondition(detection, sources, node),
    methods: getMethods(detection, sources),
  };
}

function getBackoff(detection: Detection, sources: readonly OptionSource[]): RetryBackoff {
  const { context } = detection;
  const type = readString(findOption(context, sources, 'backoffType'));
  const delay = readNumber(findOption(context, sources, 'retryDelay'));
  const jitter = readString(findOption(context, sources, 'jitter'));
  if (type.kind === 'unknown') return { kind: 'unknown', jitter: 'unknown', reason: 'backoffType' };
  const backoffType = type.kind === 'value' ? type.value : 'exponential';
  const baseDelay = delay.kind === 'value' ? delay.value : delay.kind === 'absent' ? retryAxios.options.retryDelay.default : undefined;
  if (backoffType === 'linear') return { kind: 'linear', jitter: false, reason: "backoffType: 'linear', n × 1000 ms with no jitter" };
  if (backoffType === 'static') {
    if (baseDelay === undefined) return { kind: 'constant', jitter: false, reason: "backoffType: 'static'" };
    return baseDelay > 0
      ? { kind: 'constant', jitter: false, reason: `backoffType: 'static' with retryDelay ${baseDelay} ms` }
      : { kind: 'none', jitter: false, reason: "backoffType: 'static' with retryDelay 0" };
  }
  if (backoffType !== 'exponential') return { kind: 'unknown', jitter: 'unknown', reason: 'backoffType' };
  if (baseDelay === 0) return { kind: 'none', jitter: false, reason: 'retryDelay: 0' };
  if (jitter.kind === 'unknown') return { kind: 'exponential', jitter: 'unknown', reason: 'retry-axios exponential backoff' };
  const isJittered = jitter.kind === 'value' && (jitter.value === 'full' || jitter.value === 'equal');
  return {
    kind: baseDelay === undefined ? 'unknown' : 'exponential',
    jitter: isJittered,
    reason: isJittered ? `retry-axios exponential backoff with ${jitter.kind === 'value' ? jitter.value : ''} jitter` : "retry-axios exponential backoff, jitter 'none' by default",
  };
}

function getCondition(detection: Detection, sources: readonly OptionSource[], node: TSESTree.Node): RetryCondition {
  const { context } = detection;
  const shouldRetry = findOption(context, sources, 'shouldRetry');
  if (shouldRetry.kind === 'unknown') return { kind: 'unknown' };
  if (shouldRetry.kind === 'found') return shouldRetry.node ? classifyCondition(detection, shouldRetry.node) : { kind: 'unknown' };
  const found = findOption(context, sources, 'statusCodesToRetry');
  const ranges = readList(found);
  if (ranges.kind === 'absent') return { kind: 'default' };
  if (ranges.kind === 'unknown' || found.kind !== 'found') return { kind: 'unknown' };
  const statuses: number[] = [];
  for (const range of ranges.value) {
    if (!Array.isArray(range) || typeof range[0] !== 'number' || typeof range[1] !== 'number') return { kind: 'unknown' };
    for (let status = Math.max(range[0], 400); status <= Math.min(range[1], 499); status += 1) statuses.push(status);
  }
  return classifyStatusList(statuses, found.node ?? node);
}

function getMethods(detection: Detection, sources: readonly OptionSource[]): RetriedMethods {
  const methods = readList(findOption(detection.context, sources, 'httpMethodsToRetry'));
  if (methods.kind === 'absent') return { kind: 'known', methods: retryAxios.methods.methods };
  if (methods.kind === 'unknown' || methods.value.some((method) => typeof method !== 'string')) return { kind: 'unknown' };
  return { kind: 'known', methods: methods.value.map((method) => String(method).toUpperCase()) };
}

function getKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}
