/**
 * Where a value is read after the expression that creates it: the expression itself when it is used in
 * place (`axios.create().get(…)`), the reads of the variable it initialises or is assigned to once, and the
 * `this.<name>` reads inside the class whose field or constructor stores it. Anything else (returned,
 * passed along, stored in an object) is left to the caller, which sees the expression's parent.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';
import { unwrapExpression } from './unwrap-expression.js';
import { walkDescendants } from './walk-descendants.js';

export interface ValueReferences {
  /** Expressions that evaluate to the value: the creating expression or the reads of where it is stored. */
  readonly references: readonly TSESTree.Node[];
  /** Where it is stored: a variable, a class member, or nowhere (used in place). */
  readonly storage: 'variable' | 'class-member' | 'none';
  /** The variable or member is exported, so other modules may use the value too. */
  readonly exported: boolean;
}

/** The places that read the value `expression` evaluates to. */
export function findValueReferences(context: AnyRuleContext, expression: TSESTree.Node): ValueReferences {
  const outer = findOutermostWrapper(expression);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
    return fromVariable(context, parent.id, isExportedDeclarator(parent));
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.operator === '=') {
    if (parent.left.type === AST_NODE_TYPES.Identifier) return fromVariable(context, parent.left, false);
    const member = getThisMemberName(parent.left);
    if (member !== undefined) return fromClassMember(context, parent, member);
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === outer && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier && !parent.static) {
    return fromClassMember(context, parent, parent.key.name);
  }
  return { references: [outer], storage: 'none', exported: false };
}

/** `this.name` (non-computed) → name. */
export function getThisMemberName(node: TSESTree.Node): string | undefined {
  const unwrapped = unwrapExpression(node);
  if (unwrapped.type !== AST_NODE_TYPES.MemberExpression || unwrapped.computed) return undefined;
  if (unwrapped.object.type !== AST_NODE_TYPES.ThisExpression || unwrapped.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return unwrapped.property.name;
}

function findOutermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSTypeAssertion)
  ) {
    current = current.parent;
  }
  return current;
}

function fromVariable(context: AnyRuleContext, identifier: TSESTree.Identifier, exported: boolean): ValueReferences {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  if (!variable) return { references: [], storage: 'variable', exported };
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length > 1) return { references: [], storage: 'variable', exported: true };
  const references = variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Node);
  return { references, storage: 'variable', exported };
}

function isExportedDeclarator(declarator: TSESTree.VariableDeclarator): boolean {
  return declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

function fromClassMember(context: AnyRuleContext, from: TSESTree.Node, name: string): ValueReferences {
  let node: TSESTree.Node | undefined = from;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  if (!node) return { references: [], storage: 'class-member', exported: true };
  const references: TSESTree.Node[] = [];
  walkDescendants(context, node, (current) => {
    if (getThisMemberName(current) === name && !isAssignmentTarget(current)) references.push(current);
  });
  return { references, storage: 'class-member', exported: false };
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node;
}
