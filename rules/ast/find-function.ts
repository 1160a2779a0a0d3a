/**
 * The function an expression evaluates to, in this module or (with type information) in the module that
 * declares it: inline functions, local declarations and `const` bindings, `this.method` in the enclosing
 * class, and imported functions and methods followed through the type checker. Returns the function with
 * the context of its module, so its body can be read with the usual ESTree helpers.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findDeclarationNode } from './find-declaration-node.js';
import { isFunctionNode, resolveFunction, type FunctionNode } from './resolve-function.js';
import { unwrapExpression } from './unwrap-expression.js';
import { walkDescendants } from './walk-descendants.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface FoundFunction {
  readonly context: AnyContext;
  readonly node: FunctionNode;
}

export function findFunction(context: AnyContext, node: TSESTree.Node): FoundFunction | undefined {
  const local = resolveFunction(context, node);
  if (local) return { context, node: local };
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) {
    const method = findOwnMethod(expression, expression.property.name);
    if (method) return { context, node: method };
  }
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const declared = findDeclarationNode(context, expression);
  const fn = declared && getDeclaredFunction(declared.node);
  return declared && fn ? { context: declared.context, node: fn } : undefined;
}

/** The expressions a function may return: an arrow's expression body, or every `return` outside nested functions. */
export function listReturnedExpressions(context: AnyContext, fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Expression[] = [];
  walkDescendants(context, fn.body, (node) => {
    if (node !== fn.body && isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
    return undefined;
  });
  return returned;
}

/** The function a declaration binds: a function declaration, a `const` set to a function, a method or a function-valued property. */
export function getDeclaredFunction(node: TSESTree.Node): FunctionNode | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.body) return node;
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
    const init = unwrapExpression(node.init);
    return isFunctionNode(init) ? init : undefined;
  }
  if (node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.Property || node.type === AST_NODE_TYPES.PropertyDefinition) {
    const value = node.value && unwrapExpression(node.value);
    return value && isFunctionNode(value) && value.body ? value : undefined;
  }
  return undefined;
}

function findOwnMethod(node: TSESTree.Node, name: string): FunctionNode | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  if (!current) return undefined;
  for (const member of current.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name && member.value.body) {
      return member.value;
    }
  }
  return undefined;
}
