/**
 * The built-in retry of got and ky: every request on the default export, every instance made by
 * `extend`/`create` (one policy for the instance), and every request that overrides `retry` per call.
 * Options merge as the libraries merge them: per-call over instance over parent instance over defaults.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { CREDENTIAL_CLIENT_ERRORS } from '../../../knowledge/http/http-status.js';
import type { HttpClientWithRetrySpec } from '../../../knowledge/types.js';
import { findConstInitializer } from '../../ast/find-property.js';
import { findValueReferences } from '../../ast/find-value-references.js';
import { CALL, ESM, type TraceMapElement } from '../../ast/library-references.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { RetriedMethods, RetryBackoff, RetryBound, RetryCondition, RetryPolicy } from '../model.js';
import { classifyCondition, classifyStatusList } from './condition.js';
import {
  findNestedSources,
  findOption,
  getArgument,
  isArgumentHidden,
  isSet,
  optionsArgument,
  readList,
  readNumber,
  readString,
  toSource,
  type Detection,
  type OptionSource,
  type OptionValue,
  type RetryLibraryDetector,
  type RetryLibraryName,
} from './detection.js';

/** The retry options in effect, most specific first, and the limit a `retry: n` shorthand sets. */
export interface RetrySettings {
  readonly library: RetryLibraryName;
  readonly spec: HttpClientWithRetrySpec;
  /** Where the `retry` options live, most specific first. */
  readonly retry: readonly OptionSource[];
  /** `retry: n` ends the lookup: the limit is n and every other retry option is the default. */
  readonly shorthandLimit?: number;
  /** The request options themselves (for `signal`, `method`, `timeout`). */
  readonly request: readonly OptionSource[];
}

export interface HttpClientRetryLibrary {
  readonly library: 'got' | 'ky';
  readonly spec: HttpClientWithRetrySpec;
  /** Factories that merge over the parent's options (`extend`) and those that start afresh (ky `create`). */
  readonly inheritingFactories: readonly string[];
  readonly freshFactories: readonly string[];
  readonly getBound: (detection: Detection, settings: RetrySettings) => RetryBound;
  readonly getBackoff: (detection: Detection, settings: RetrySettings) => RetryBackoff;
}

const MAX_INSTANCE_DEPTH = 4;

export function createHttpClientRetryDetector(client: HttpClientRetryLibrary): RetryLibraryDetector {
  const info = (name: string) => ({ library: client.library, name });
  const names = [...Object.keys(client.spec.requestFunctions), ...client.inheritingFactories, ...client.freshFactories];
  const clientMap: TraceMapElement<ReturnType<typeof info>> = {
    [CALL]: info(''),
    ...Object.fromEntries(names.map((name) => [name, { [CALL]: info(name) }])),
  };
  return {
    library: client.library,
    modules: { [client.spec.packages[0]!]: { [ESM]: true, ...clientMap, default: clientMap, [client.library]: clientMap } },
    detect(references, detection) {
      for (const reference of references) {
        if (reference.type !== CALL) continue;
        visitClientCall(client, detection, reference.node as TSESTree.CallExpression, reference.info.name, [], 0);
      }
    },
  };
}

/** A call on the client (the default export or an instance whose options are `instance`). */
function visitClientCall(client: HttpClientRetryLibrary, detection: Detection, call: TSESTree.CallExpression, name: string, instance: readonly OptionSource[], depth: number): void {
  if (client.inheritingFactories.includes(name) || client.freshFactories.includes(name)) {
    const inherits = client.inheritingFactories.includes(name);
    const own = getFactorySources(call);
    const sources = [...own, ...(inherits ? instance : [])];
    // An extended instance that leaves `retry` alone retries as its parent does: the parent's policy covers it.
    const setsRetry = !inherits || instance.length === 0 || own.some((source) => findOption(detection.context, [source], 'retry').kind !== 'absent');
    const policy = setsRetry ? describe(client, detection, call, sources) : undefined;
    if (policy) detection.onPolicy(policy);
    if (depth < MAX_INSTANCE_DEPTH) visitInstanceUses(client, detection, call, sources, depth + 1);
    return;
  }
  const requestFunction = name === '' ? client.spec.call : client.spec.requestFunctions[name];
  if (!requestFunction) return;
  const callOptions = getRequestOptions(call, requestFunction.optionsArgument ?? 1, requestFunction.urlOptional === true);
  // On an instance, only a per-call `retry` makes a policy of its own; the instance's policy covers the rest.
  if (instance.length > 0 && !callOptions.some((source) => findOption(detection.context, [source], 'retry').kind !== 'absent')) return;
  const sources = [...callOptions, ...instance];
  // `const request = isWrite ? got.post : got.get`: the method is one of several, and the retry covers some.
  const method = hasAlternativeCallees(detection, call) ? undefined : (requestFunction.method ?? readMethod(detection, sources));
  const policy = describe(client, detection, call, sources);
  if (!policy || (method && policy.methods.kind === 'known' && !policy.methods.methods.includes(method))) return;
  detection.onPolicy(policy);
}

function visitInstanceUses(client: HttpClientRetryLibrary, detection: Detection, factory: TSESTree.CallExpression, sources: readonly OptionSource[], depth: number): void {
  for (const reference of findValueReferences(detection.context, factory).references) {
    const parent = reference.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference) {
      visitClientCall(client, detection, parent, '', sources, depth);
      continue;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference || parent.computed || parent.property.type !== AST_NODE_TYPES.Identifier) continue;
    const call = parent.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) visitClientCall(client, detection, call, parent.property.name, sources, depth);
  }
}

/** `got.extend(a, b)`: later arguments win; a function argument (ky `extend(parent => …)`) is unknown. */
function getFactorySources(call: TSESTree.CallExpression): OptionSource[] {
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return [{ unknown: true }];
  return [...call.arguments].reverse().map((argument) => {
    const expression = unwrapExpression(argument);
    const isFunction = expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression;
    return isFunction ? { unknown: true } : { node: argument };
  });
}

/** The options of a request: at `index`, or first when the URL is left out (`got({ url, … })`). */
function getRequestOptions(call: TSESTree.CallExpression, index: number, urlOptional: boolean): OptionSource[] {
  if (isArgumentHidden(call, index)) return [{ unknown: true }];
  const first = getArgument(call, 0);
  if (urlOptional && call.arguments.length === 1 && first && unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression) return [{ node: first }];
  return optionsArgument(call, index);
}

/** A callee bound to a choice between functions: `const send = body ? client.post : client.get`. */
function hasAlternativeCallees(detection: Detection, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const initializer = callee.type === AST_NODE_TYPES.Identifier ? findConstInitializer(detection.context, callee) : undefined;
  const chosen = initializer && unwrapExpression(initializer);
  return chosen?.type === AST_NODE_TYPES.ConditionalExpression || chosen?.type === AST_NODE_TYPES.LogicalExpression;
}

function readMethod(detection: Detection, sources: readonly OptionSource[]): string | undefined {
  const method = readString(findOption(detection.context, sources, 'method'));
  if (method.kind === 'value') return method.value.toUpperCase();
  return method.kind === 'absent' ? 'GET' : undefined;
}

/** The retry settings in effect for these request or instance options. */
export function getRetrySettings(client: HttpClientRetryLibrary, detection: Detection, sources: readonly OptionSource[]): RetrySettings {
  const retry: OptionSource[] = [];
  for (const source of sources) {
    const found = findOption(detection.context, [source], 'retry');
    if (found.kind === 'absent') continue;
    const limit = readNumber(found);
    if (limit.kind === 'value') return { library: client.library, spec: client.spec, retry, shorthandLimit: limit.value, request: sources };
    retry.push(toSource(found));
  }
  return { library: client.library, spec: client.spec, retry, request: sources };
}

function describe(client: HttpClientRetryLibrary, detection: Detection, node: TSESTree.CallExpression, sources: readonly OptionSource[]): RetryPolicy | undefined {
  const settings = getRetrySettings(client, detection, sources);
  const limit = readRetryLimit(detection, settings);
  if (limit.kind === 'value' && limit.value <= 0) return undefined;
  return {
    library: client.library,
    node,
    bound: client.getBound(detection, settings),
    backoff: client.getBackoff(detection, settings),
    condition: getCondition(detection, settings, node),
    methods: getMethods(detection, settings),
    client: node,
  };
}

/** `retry.limit`, or the `retry: n` shorthand. */
export function readRetryLimit(detection: Detection, settings: RetrySettings): OptionValue<number> {
  if (settings.shorthandLimit !== undefined) return { kind: 'value', value: settings.shorthandLimit };
  return readNumber(findOption(detection.context, settings.retry, 'limit'));
}

/** Looks up a retry option, unless the `retry: n` shorthand left every other option at its default. */
export function findRetryOption(detection: Detection, settings: RetrySettings, name: string): ReturnType<typeof findOption> {
  return settings.shorthandLimit !== undefined ? { kind: 'absent' } : findOption(detection.context, settings.retry, name);
}

/** An AbortSignal on the request ends its retries too. */
export function hasSignal(detection: Detection, settings: RetrySettings): boolean | 'unknown' {
  return isSet(findOption(detection.context, settings.request, 'signal'));
}

function getCondition(detection: Detection, settings: RetrySettings, node: TSESTree.Node): RetryCondition {
  const shouldRetry = findRetryOption(detection, settings, 'shouldRetry');
  if (shouldRetry.kind === 'unknown') return { kind: 'unknown' };
  if (shouldRetry.kind === 'found') return shouldRetry.node ? classifyCondition(detection, shouldRetry.node) : { kind: 'unknown' };
  const found = findRetryOption(detection, settings, 'statusCodes');
  const statuses = readList(found);
  if (statuses.kind === 'absent') return { kind: 'default' };
  if (statuses.kind === 'unknown' || statuses.value.some((status) => typeof status !== 'number')) return { kind: 'unknown' };
  const allowed: number[] = settings.spec.retry.condition.statuses.filter((status) => status === 413);
  if (hasBeforeRetryHook(detection, settings)) allowed.push(...CREDENTIAL_CLIENT_ERRORS);
  return classifyStatusList(statuses.value as number[], (found.kind === 'found' && found.node) || node, allowed);
}

/**
 * `hooks.beforeRetry` runs before every retry and can refresh the credentials (the ky README's example), so
 * a 401 or 403 retried behind it may get another answer.
 */
function hasBeforeRetryHook(detection: Detection, settings: RetrySettings): boolean {
  const found = findOption(detection.context, findNestedSources(detection.context, settings.request, 'hooks'), 'beforeRetry');
  if (found.kind !== 'found' || !found.node) return false;
  const hooks = unwrapExpression(found.node);
  return hooks.type !== AST_NODE_TYPES.ArrayExpression || hooks.elements.length > 0;
}

function getMethods(detection: Detection, settings: RetrySettings): RetriedMethods {
  const methods = readList(findRetryOption(detection, settings, 'methods'));
  if (methods.kind === 'absent') {
    const defaults = settings.spec.retry.methods.methods;
    return defaults === 'all' ? { kind: 'all' } : { kind: 'known', methods: defaults };
  }
  if (methods.kind === 'unknown' || methods.value.some((method) => typeof method !== 'string')) return { kind: 'unknown' };
  return { kind: 'known', methods: methods.value.map((method) => String(method).toUpperCase()) };
}
