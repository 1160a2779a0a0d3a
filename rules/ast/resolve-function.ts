/**
 * The function an expression evaluates to when it is written in this file: an inline function, or a name
 * bound to a function declaration or to a `const` initialised with one.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';
import { unwrapExpression } from './unwrap-expression.js';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

const MAX_DEPTH = 5;

export function resolveFunction(context: AnyRuleContext, node: TSESTree.Node | undefined, depth = 0): FunctionNode | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  // A parameter's definition node is its function too: only the function's own name resolves to it. A
  // `declare function` has no body to read.
  if (definition.type === 'FunctionName') return isFunctionNode(definition.node) ? definition.node : undefined;
  if (definition.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  const declarator = definition.node;
  return declarator.id.type === AST_NODE_TYPES.Identifier ? resolveFunction(context, declarator.init ?? undefined, depth + 1) : undefined;
}

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}
