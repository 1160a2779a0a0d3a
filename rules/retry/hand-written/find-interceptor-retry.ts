/**
 * axios response interceptors that retry: `client.interceptors.response.use(onFulfilled, onRejected)`, on an
 * instance or on `axios` itself, whose rejected handler sends the failed request again (`return api(config)`,
 * `api.request(error.config)`, `axios(originalRequest)`), directly or from a timer or `.then` callback. A
 * re-send that follows a credential refresh (`await refreshToken()` on the way to it), or a handler that
 * re-sends only on 401/403 (it exists to renew credentials, whatever it calls to do so), is an
 * authentication flow, not a retry policy.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { CREDENTIAL_CLIENT_ERRORS } from '../../../knowledge/http/http-status.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkSameFunction } from './control-flow.js';
import type { InterceptorRetry } from './hand-written-retry.js';
import type { FunctionNode } from './local-functions.js';
import { getPathItems } from './path-to-call.js';
import { readCondition } from './read-condition.js';
import type { HttpRequests } from './read-methods.js';
import { repairsBeforeRetrying } from './repairs-before-retrying.js';

/** `client.interceptors.response.use(…)`: a cheap shape check before anything is resolved. */
export function isResponseInterceptor(call: TSESTree.CallExpression): boolean {
  return getInterceptedClient(call) !== undefined;
}

export function findInterceptorRetry(context: AnyRuleContext, use: TSESTree.CallExpression, requests: HttpRequests): InterceptorRetry | undefined {
  const client = getInterceptedClient(use);
  const handler = resolveFunction(context, use.arguments[1]);
  const error = handler?.params[0];
  if (!client || !handler || error?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const failureNames = new Set([error.name]);
  const configNames = findConfigNames(handler, error.name);
  const isConfig = (node: TSESTree.Node): boolean => isFailedConfig(node, failureNames, configNames);
  const resends: TSESTree.CallExpression[] = [];
  walkSameFunction(
    handler.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && isResend(context, node, client, requests, isConfig)) resends.push(node);
    },
    () => true,
  );
  const resend = resends.find((call) => !refreshesBefore(call, handler));
  if (!resend) return undefined;
  const retry: InterceptorRetry = {
    form: 'interceptor',
    function: handler,
    call: resend,
    operation: resend,
    failure: handler,
    failureNames,
    use,
    client,
    configNames,
    configMarks: findConfigMarks(handler, isConfig),
  };
  return isCredentialRefresh(context, retry) ? undefined : retry;
}

/** `error.config`, a variable that holds it, or `{ ...config, headers }`. */
export function isFailedConfig(node: TSESTree.Node, failureNames: ReadonlySet<string>, configNames: ReadonlySet<string>): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return configNames.has(expression.name);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    return expression.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement && isFailedConfig(property.argument, failureNames, configNames));
  }
  return (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    !expression.computed &&
    expression.property.type === AST_NODE_TYPES.Identifier &&
    expression.property.name === 'config' &&
    expression.object.type === AST_NODE_TYPES.Identifier &&
    failureNames.has(expression.object.name)
  );
}

/** `instance.interceptors.response.use` → `instance`. */
function getInterceptedClient(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const use = unwrapExpression(call.callee);
  if (!isMember(use, 'use')) return undefined;
  const response = unwrapExpression(use.object);
  if (!isMember(response, 'response')) return undefined;
  const interceptors = unwrapExpression(response.object);
  return isMember(interceptors, 'interceptors') ? unwrapExpression(interceptors.object) : undefined;
}

function isMember(node: TSESTree.Node, name: string): node is TSESTree.MemberExpression {
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === name;
}

/** The failed config sent through the same client (`api(config)`, `api.request(config)`) or through axios. */
function isResend(
  context: AnyRuleContext,
  call: TSESTree.CallExpression,
  client: TSESTree.Node,
  requests: HttpRequests,
  isConfig: (node: TSESTree.Node) => boolean,
): boolean {
  const argument = call.arguments[0];
  if (!argument || !isConfig(argument)) return false;
  const callee = unwrapExpression(call.callee);
  const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
  if (text(callee) === text(client)) return true;
  if (isMember(callee, 'request') && text(unwrapExpression(callee.object)) === text(client)) return true;
  return requests.find(call)?.library.spec.errorConfigProperty !== undefined;
}

/** `const config = error.config`, `const { config } = error`, `const original = error.config as RetryConfig`. */
function findConfigNames(handler: FunctionNode, error: string): ReadonlySet<string> {
  const names = new Set<string>();
  const errorNames = new Set([error]);
  walkSameFunction(handler.body, (node) => {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) return;
    let init = unwrapExpression(node.init);
    if (init.type === AST_NODE_TYPES.LogicalExpression) init = unwrapExpression(init.left);
    if (node.id.type === AST_NODE_TYPES.Identifier && isFailedConfig(init, errorNames, names)) names.add(node.id.name);
    if (node.id.type !== AST_NODE_TYPES.ObjectPattern || init.type !== AST_NODE_TYPES.Identifier || init.name !== error) return;
    for (const property of node.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'config') continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier) names.add(value.name);
    }
  });
  return names;
}

/** Properties the handler writes on the failed config: `config._retry = true` (a flag), `config.__retryCount += 1`. */
function findConfigMarks(handler: FunctionNode, isConfig: (node: TSESTree.Node) => boolean): ReadonlyMap<string, 'flag' | 'counter'> {
  const marks = new Map<string, 'flag' | 'counter'>();
  walkSameFunction(
    handler.body,
    (node) => {
      const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
      if (target?.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier || !isConfig(target.object)) return;
      const isFlag = node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.right.type === AST_NODE_TYPES.Literal && node.right.value === true;
      const name = target.property.name;
      marks.set(name, isFlag && marks.get(name) !== 'counter' ? 'flag' : 'counter');
    },
    () => true,
  );
  return marks;
}

/** A refresh on the way to the re-send: a statement or a test before it, or the promise a `.then` waits for. */
function refreshesBefore(call: TSESTree.CallExpression, handler: FunctionNode): boolean {
  const onPath = getPathItems(call, handler).some((item) =>
    item.kind === 'test' ? repairsBeforeRetrying(item.test) : item.statement.type !== AST_NODE_TYPES.IfStatement && repairsBeforeRetrying(item.statement),
  );
  if (onPath) return true;
  for (let node: TSESTree.Node | undefined = call.parent; node && node !== handler; node = node.parent) {
    if (node.type === AST_NODE_TYPES.CallExpression && isMember(unwrapExpression(node.callee), 'then') && repairsBeforeRetrying((node.callee as TSESTree.MemberExpression).object)) {
      return true;
    }
  }
  return false;
}

/**
 * A handler that re-sends only on 401/403: it renews credentials before the re-send, even when the refresh
 * runs elsewhere (requests queued while one refresh runs) or under a name that does not say so.
 */
function isCredentialRefresh(context: AnyRuleContext, retry: InterceptorRetry): boolean {
  const condition = readCondition(context, retry, true);
  return condition.kind === 'client-errors' && condition.statuses.every((status) => CREDENTIAL_CLIENT_ERRORS.includes(status));
}
