/**
 * Whether a retry that retries every error retries 4xx answers: only when what it retries fails on them. An
 * HTTP client the retry is attached to does; a wrapped operation does when it sends a request that rejects
 * on 4xx (here or, with types, in another module); a hand-written retry does when it tests the answer
 * itself (`if (!res.ok) continue`), when a node-style `if (err)` retries a call that is an HTTP request,
 * or when its catch receives the failure of code that fails on one (a try block with `if (!res.ok) throw …`,
 * an axios promise before `.catch(cb)`). A node-style `if (err)` around `fs.copy` never sees a 4xx.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { throwsOnClientError } from './detectors/http-operation.js';
import type { RetryPolicy } from './model.js';

const ANSWER_PROPERTIES = new Set(['ok', 'status', 'statusCode']);

export function failsOnClientError(context: AnyRuleContext, policy: RetryPolicy, node: TSESTree.Node): boolean {
  if (policy.client) return true;
  if (policy.library !== 'hand-written') return policy.operation !== undefined && throwsOnClientError(context, policy.operation);
  if (node.type === AST_NODE_TYPES.CatchClause) return throwsOnClientError(context, node.parent.block);
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) {
    // A test of the answer (`if (!res.ok)`) is about an HTTP status; a node-style `if (err)` only when the call is a request.
    return readsAnswer(context, node) || policy.methods.kind !== 'unknown' || (policy.operation !== undefined && throwsOnClientError(context, policy.operation));
  }
  const handled = getPromiseBeforeHandler(node);
  return handled !== undefined && throwsOnClientError(context, handled);
}

/** `res.ok`, `res.status`, `err.statusCode` in the test that retries. */
function readsAnswer(context: AnyRuleContext, node: TSESTree.Node): boolean {
  const test = node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression ? node.test : node;
  let found = false;
  walkDescendants(context, test, (current) => {
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier && ANSWER_PROPERTIES.has(current.property.name)) found = true;
    if (current.type === AST_NODE_TYPES.Identifier && ANSWER_PROPERTIES.has(current.name)) found = true;
  });
  return found;
}

/** `request().then(…).catch(handler)` → `request().then(…)`: the promise whose failure a handler receives. */
function getPromiseBeforeHandler(handler: TSESTree.Node): TSESTree.Node | undefined {
  const call = handler.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(handler as TSESTree.CallExpressionArgument)) return undefined;
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
}
