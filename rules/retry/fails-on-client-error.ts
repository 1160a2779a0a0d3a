/**
 * Whether a retry that retries every error retries 4xx answers: only when what it retries fails on them. An
 * HTTP client the retry is attached to does; a wrapped operation does when it sends a request that rejects
 * on 4xx (here or, with types, in another module); a hand-written retry does when it tests the answer
 * itself (`if (!res.ok) continue`), or when its catch receives the failure of code that fails on one (a try
 * block with `if (!res.ok) throw …`, an axios promise before `.catch(cb)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { throwsOnClientError } from './detectors/http-operation.js';
import type { RetryPolicy } from './model.js';

export function failsOnClientError(context: AnyRuleContext, policy: RetryPolicy, node: TSESTree.Node): boolean {
  if (policy.client) return true;
  if (policy.library !== 'hand-written') return policy.operation !== undefined && throwsOnClientError(context, policy.operation);
  if (node.type === AST_NODE_TYPES.CatchClause) return throwsOnClientError(context, node.parent.block);
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return true;
  const handled = getPromiseBeforeHandler(node);
  return handled !== undefined && throwsOnClientError(context, handled);
}

/** `request().then(…).catch(handler)` → `request().then(…)`: the promise whose failure a handler receives. */
function getPromiseBeforeHandler(handler: TSESTree.Node): TSESTree.Node | undefined {
  const call = handler.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(handler as TSESTree.CallExpressionArgument)) return undefined;
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
}
