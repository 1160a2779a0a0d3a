/**
 * An idempotency key created inside the retried function: every attempt sends a new key, so the server
 * cannot recognise the resend. Recognised when the header's value is (or is a constant declared in the
 * retried code from) a call that returns a fresh value each time: `randomUUID()`, uuid's `v4()`, `nanoid()`,
 * `ulid()`, `Date.now()`, `Math.random()`, `randomBytes()`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { contains } from '../ast/contains.js';
import { findConstInitializer } from '../ast/find-property.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';

/** Functions whose every call returns a new value. */
const FRESH_VALUE_FUNCTIONS = new Set(['randomUUID', 'v1', 'v4', 'v6', 'v7', 'uuid', 'uuidv4', 'uuidV4', 'nanoid', 'ulid', 'cuid', 'createId', 'randomBytes', 'now', 'random']);
const MAX_DEPTH = 4;

export function isKeyCreatedPerAttempt(context: AnyRuleContext, value: TSESTree.Node, attempt: readonly TSESTree.Node[], depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const expression = unwrapExpression(value);
  switch (expression.type) {
    case AST_NODE_TYPES.CallExpression:
      return isFreshValueCall(context, expression, attempt, depth);
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.expressions.some((part) => isKeyCreatedPerAttempt(context, part, attempt, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return isKeyCreatedPerAttempt(context, expression.left, attempt, depth + 1) || isKeyCreatedPerAttempt(context, expression.right, attempt, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const initializer = findConstInitializer(context, expression);
      return initializer !== undefined && attempt.some((region) => contains(region, initializer)) && isKeyCreatedPerAttempt(context, initializer, attempt, depth + 1);
    }
    default:
      return false;
  }
}

/** `randomUUID()`, `crypto.randomUUID()`, `uuid.v4()`, `randomBytes(16).toString('hex')`. */
function isFreshValueCall(context: AnyRuleContext, call: TSESTree.CallExpression, attempt: readonly TSESTree.Node[], depth: number): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return FRESH_VALUE_FUNCTIONS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  if (FRESH_VALUE_FUNCTIONS.has(callee.property.name)) return true;
  // A conversion of a fresh value (`randomBytes(16).toString('hex')`) is fresh too.
  return isKeyCreatedPerAttempt(context, callee.object, attempt, depth + 1);
}
