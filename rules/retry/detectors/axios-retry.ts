/**
 * axios-retry: `axiosRetry(client, options)` (default export; `require('axios-retry')` and its `.default`),
 * and per-request overrides under the `'axios-retry'` key of a request config. With type information, also
 * an `axiosRetry(client, options)` in the module that made a client used here.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { AXIOS_RETRY_CONFIG_KEY, axiosRetry, axiosRetryConditionMethods, axiosRetryConditions, axiosRetryDelays } from '../../../knowledge/retry/axios-retry.js';
import { describeCallee, skipOuterExpressions, type Attachment } from '../../ast/find-creation.js';
import { CALL, ESM, READ, type TraceMapElement, tracePackages } from '../../ast/library-references.js';
import { evaluateExpression } from '../../ast/resolve-across-files.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { findNodesWriting } from '../../ast/nodes-writing.js';
import type { RetriedMethods, RetryBackoff, RetryCondition, RetryPolicy } from '../model.js';
import { classifyCondition, readsRequestMethod } from './condition.js';
import { classifyDelay } from './delay.js';
import {
  findOption,
  getArgument,
  getBound,
  getKnownReference,
  isRetryDisabled,
  readNumber,
  optionsArgument,
  sourceOf,
  type Detection,
  type OptionSource,
  type RetryLibraryDetector,
  type RetryReference,
} from './detection.js';

const LIBRARY = 'axios-retry';
const EXPORTS = [...Object.keys(axiosRetryConditions), ...Object.keys(axiosRetryDelays)];

const exportsMap = (prefix: string): TraceMapElement<RetryReference> =>
  Object.fromEntries(EXPORTS.map((name) => [name, { [READ]: { library: LIBRARY, name: `${prefix}${name}` }, [CALL]: { library: LIBRARY, name: `${prefix}${name}` } }]));

const axiosRetryFunction: TraceMapElement<RetryReference> = { [CALL]: { library: LIBRARY, name: 'axiosRetry' }, ...exportsMap('default.') };

export const axiosRetryDetector: RetryLibraryDetector = {
  library: LIBRARY,
  modules: tracePackages<RetryReference>(axiosRetry.packages, { [ESM]: true, ...axiosRetryFunction, ...exportsMap(''), default: axiosRetryFunction }),
  detect(references, detection) {
    const attachments = references.filter((reference) => reference.info.name === 'axiosRetry' && reference.type === CALL);
    for (const reference of attachments) {
      const call = reference.node as TSESTree.CallExpression;
      const policy = describe(detection, call, optionsArgument(call, 1), false);
      if (policy) detection.onPolicy({ ...policy, client: getArgument(call, 0) });
    }
    // `{ 'axios-retry': { … } }` in a request config overrides the instance's options for that request.
    const instanceOptions = attachments.length === 1 ? getArgument(attachments[0]!.node as TSESTree.CallExpression, 1) : undefined;
    const overridesKnown = attachments.length === 1;
    for (const key of findNodesWriting(detection.context, AXIOS_RETRY_CONFIG_KEY)) {
      const node = key.parent;
      if (node?.type !== AST_NODE_TYPES.Property || node.key !== key || getKeyName(node) !== AXIOS_RETRY_CONFIG_KEY) continue;
      const sources = [...sourceOf(node.value), ...(overridesKnown ? sourceOf(instanceOptions) : [{ unknown: true as const }])];
      const policy = describe(detection, node, sources, !overridesKnown);
      if (policy) detection.onPolicy(policy);
    }
  },
};

/** One axios-retry policy from its option sources (most specific first); library defaults fill the rest. */
function describe(detection: Detection, node: TSESTree.Node, sources: readonly OptionSource[], isPartial: boolean): RetryPolicy | undefined {
  const { context } = detection;
  const limit = readNumber(findOption(context, sources, 'retries'));
  if (isRetryDisabled(limit)) return undefined;
  const conditionOption = findOption(context, sources, 'retryCondition');
  return {
    library: LIBRARY,
    node,
    bound: getBound(limit, { option: 'retries', defaultLimit: axiosRetry.limit.default, library: LIBRARY, timeBudget: false }),
    backoff: getBackoff(detection, findOption(context, sources, 'retryDelay')),
    condition: getCondition(detection, conditionOption, isPartial),
    methods: getMethods(detection, conditionOption),
  };
}

function getBackoff(detection: Detection, found: ReturnType<typeof findOption>): RetryBackoff {
  if (found.kind === 'absent') return { kind: 'none', jitter: false, reason: 'axios-retry default retryDelay, no delay' };
  if (found.kind === 'unknown') return { kind: 'unknown', jitter: 'unknown', reason: 'retryDelay' };
  return classifyDelay(detection, found.node, found.node ? undefined : found.value?.value, 'retryDelay');
}

function getCondition(detection: Detection, found: ReturnType<typeof findOption>, isPartial: boolean): RetryCondition {
  if (found.kind === 'absent') return isPartial ? { kind: 'unknown' } : { kind: 'default' };
  if (found.kind === 'unknown' || !found.node) return { kind: 'unknown' };
  return classifyCondition(detection, found.node);
}

/** The default condition retries network errors on every method; exported conditions say which methods. */
function getMethods(detection: Detection, found: ReturnType<typeof findOption>): RetriedMethods {
  if (found.kind === 'absent') return { kind: 'all' };
  if (found.kind === 'unknown' || !found.node) return { kind: 'unknown' };
  const methods = getConditionMethods(detection, found.node);
  if (methods) return methods === 'all' ? { kind: 'all' } : { kind: 'known', methods };
  if (hasAllMethodsDisjunct(detection, found.node)) return { kind: 'all' };
  return readsRequestMethod(detection, found.node) ? { kind: 'unknown' } : { kind: 'all' };
}

/** The methods an exported condition (`axiosRetry.isNetworkError`, `isRetryableError`) retries, by reference. */
function getConditionMethods(detection: Detection, node: TSESTree.Node): (typeof axiosRetryConditionMethods)[keyof typeof axiosRetryConditionMethods] | undefined {
  const name = getKnownReference(detection, node)?.name.split('.').at(-1);
  return name && Object.hasOwn(axiosRetryConditionMethods, name) ? axiosRetryConditionMethods[name as keyof typeof axiosRetryConditionMethods] : undefined;
}

/**
 * Whether a predicate returns `isNetworkError(error) || …` (or another condition that ignores the method)
 * whatever else it checks: the network errors of a POST are then retried, whatever the other disjuncts say.
 * Only a predicate that returns one expression (after plain `const` reads) is followed.
 */
function hasAllMethodsDisjunct(detection: Detection, node: TSESTree.Node): boolean {
  const predicate = resolveFunction(detection.context, node);
  const returned = predicate && getReturnedExpression(predicate);
  return returned !== undefined && getDisjuncts(returned).some((disjunct) => isAllMethodsConditionCall(detection, disjunct));
}

function getReturnedExpression(predicate: FunctionNode): TSESTree.Expression | undefined {
  if (predicate.body.type !== AST_NODE_TYPES.BlockStatement) return predicate.body;
  const statements = predicate.body.body;
  const last = statements.at(-1);
  const readsOnly = statements.slice(0, -1).every((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration);
  return readsOnly && last?.type === AST_NODE_TYPES.ReturnStatement ? (last.argument ?? undefined) : undefined;
}

function getDisjuncts(expression: TSESTree.Expression): TSESTree.Expression[] {
  const unwrapped = unwrapExpression(expression) as TSESTree.Expression;
  if (unwrapped.type === AST_NODE_TYPES.LogicalExpression && unwrapped.operator === '||') {
    return [...getDisjuncts(unwrapped.left), ...getDisjuncts(unwrapped.right)];
  }
  return [unwrapped];
}

function isAllMethodsConditionCall(detection: Detection, node: TSESTree.Expression): boolean {
  const call = unwrapExpression(node);
  if (call.type === AST_NODE_TYPES.AwaitExpression) return isAllMethodsConditionCall(detection, call.argument);
  return call.type === AST_NODE_TYPES.CallExpression && getConditionMethods(detection, call.callee) === 'all';
}

function getKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}

/**
 * The methods an `axiosRetry(client, options)` written in another module retries, read from its options
 * there; undefined when the call is not axios-retry or retries nothing (`retries: 0`).
 */
export function getAttachedRetryMethods(checker: ts.TypeChecker, attachment: Attachment): RetriedMethods | undefined {
  const callee = attachment.callee;
  const origin = callee?.package ?? callee?.module;
  const isAxiosRetry = origin !== undefined && (axiosRetry.packages as readonly string[]).includes(origin) && callee!.path.every((name) => name === 'default');
  if (!isAxiosRetry || attachment.position !== 0) return undefined;
  const argument = attachment.node.arguments[1];
  const options = argument ? evaluateExpression(checker, argument)?.value : {};
  if (options === null || typeof options !== 'object') return { kind: 'unknown' };
  const limit = (options as Record<string, unknown>)[axiosRetry.limit.option];
  if (typeof limit === 'number' && isRetryDisabled({ kind: 'value', value: limit })) return undefined;
  if ((options as Record<string, unknown>).retryCondition === undefined) return { kind: axiosRetry.methods.methods };
  return getAttachedConditionMethods(checker, argument);
}

/** `retryCondition: axiosRetry.isSafeRequestError` names the methods it retries; any other function cannot be read. */
function getAttachedConditionMethods(checker: ts.TypeChecker, argument: ts.Expression | undefined): RetriedMethods {
  const literal = argument && skipOuterExpressions(argument);
  const property = literal && ts.isObjectLiteralExpression(literal) ? literal.properties.find((candidate) => candidate.name?.getText() === 'retryCondition') : undefined;
  const initializer = property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
  const name = initializer && describeCallee(checker, initializer)?.path.at(-1);
  if (name && Object.hasOwn(axiosRetryConditionMethods, name)) {
    const methods = axiosRetryConditionMethods[name as keyof typeof axiosRetryConditionMethods];
    return methods === 'all' ? { kind: 'all' } : { kind: 'known', methods };
  }
  const returned = initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? getAttachedReturnedExpression(initializer) : undefined;
  const retriesAllMethods = returned !== undefined && getAttachedDisjuncts(returned).some((disjunct) => isAttachedAllMethodsCall(checker, disjunct));
  return retriesAllMethods ? { kind: 'all' } : { kind: 'unknown' };
}

function getAttachedReturnedExpression(predicate: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | undefined {
  if (!ts.isBlock(predicate.body)) return predicate.body;
  const statements = predicate.body.statements;
  const last = statements.at(-1);
  const readsOnly = statements.slice(0, -1).every((statement) => ts.isVariableStatement(statement));
  return readsOnly && last && ts.isReturnStatement(last) ? last.expression : undefined;
}

function getAttachedDisjuncts(expression: ts.Expression): ts.Expression[] {
  const unwrapped = skipOuterExpressions(expression);
  if (ts.isBinaryExpression(unwrapped) && unwrapped.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
    return [...getAttachedDisjuncts(unwrapped.left), ...getAttachedDisjuncts(unwrapped.right)];
  }
  return [unwrapped];
}

function isAttachedAllMethodsCall(checker: ts.TypeChecker, expression: ts.Expression): boolean {
  const call = ts.isAwaitExpression(expression) ? skipOuterExpressions(expression.expression) : expression;
  if (!ts.isCallExpression(call)) return false;
  const callee = describeCallee(checker, call.expression);
  const origin = callee?.package ?? callee?.module;
  const name = callee?.path.at(-1);
  return origin !== undefined && (axiosRetry.packages as readonly string[]).includes(origin) && name !== undefined && Object.hasOwn(axiosRetryConditionMethods, name) && axiosRetryConditionMethods[name as keyof typeof axiosRetryConditionMethods] === 'all';
}
