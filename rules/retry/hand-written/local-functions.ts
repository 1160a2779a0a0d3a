/**
 * Functions whose bodies this file shows: a function declaration, a `const` bound to a function or arrow,
 * or a method of the enclosing class called through `this`. Retry detection looks one level into them
 * (a `sleep` helper, a `computeBackoff(attempt)`, an `isRetryable(err)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';

export type { FunctionNode };
export { isFunctionNode };

/** The function a call invokes, when its body is in this file. */
export function findLocalFunction(context: AnyRuleContext, call: TSESTree.CallExpression): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return findFunctionOfIdentifier(context, callee);
  const method = getThisMethodName(callee);
  return method === undefined ? undefined : findClassMethod(call, method);
}

/** `this.name` (or `this.#name`) → name. */
export function getThisMethodName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.name : undefined;
}

/** The name of a function or method as the code calls it, and how: by identifier or through `this`. */
export function getFunctionName(fn: FunctionNode): { readonly name: string; readonly through: 'identifier' | 'this' } | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return { name: fn.id.name, through: 'identifier' };
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, through: 'identifier' };
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed && !parent.static) {
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) return { name: key.name, through: 'this' };
  }
  return undefined;
}

/**
 * The expression a function returns when its body is that expression, or `const` declarations followed by
 * one `return` (the constants are followed where the expression reads them).
 */
export function getReturnedExpression(fn: FunctionNode): TSESTree.Expression | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const statements = fn.body.body;
  const last = statements.at(-1);
  const prelude = statements.slice(0, -1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  if (!prelude.every((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === 'const')) return undefined;
  return last.argument ?? undefined;
}

function findFunctionOfIdentifier(context: AnyRuleContext, identifier: TSESTree.Identifier): FunctionNode | undefined {
  return resolveFunction(context, identifier);
}

function findClassMethod(from: TSESTree.Node, name: string): FunctionNode | undefined {
  let node: TSESTree.Node | undefined = from;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (!node) return undefined;
  for (const member of node.body) {
    if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.computed || member.static) continue;
    const key = member.key;
    if ((key.type !== AST_NODE_TYPES.Identifier && key.type !== AST_NODE_TYPES.PrivateIdentifier) || key.name !== name) continue;
    const value = member.value && unwrapExpression(member.value);
    if (value && isFunctionNode(value)) return value;
  }
  return undefined;
}
