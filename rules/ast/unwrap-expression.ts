/** Strips what does not change a value: `as`, `satisfies`, `!`, `<T>` casts and parentheses. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}
