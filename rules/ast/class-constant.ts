/**
 * A class field that holds one constant for the life of the program: `this.maxRetries` where the class
 * declares `private readonly maxRetries = 3` (or a field with an initializer that nothing assigns again, or
 * one `this.maxRetries = 3` in the constructor and no other write), and `Client.MAX_RETRIES` where the
 * class declares `static MAX_RETRIES = 5`. Any other write to the field, anywhere in the file, makes it
 * unreadable.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';
import { getStaticValueOf, type StaticValue } from './static-value.js';
import { unwrapExpression } from './unwrap-expression.js';
import { walkDescendants } from './walk-descendants.js';

export function getClassConstant(context: AnyRuleContext, node: TSESTree.Node): StaticValue | undefined {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed) return undefined;
  const name = getKeyName(member.property);
  if (name === undefined) return undefined;
  const object = unwrapExpression(member.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const body = findEnclosingClassBody(member);
    return body ? readField(context, body, name, undefined) : undefined;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(object), object)?.defs[0];
  if (definition?.type !== 'ClassName') return undefined;
  return readField(context, (definition.node as TSESTree.ClassDeclaration).body, name, object.name);
}

function readField(context: AnyRuleContext, body: TSESTree.ClassBody, name: string, className: string | undefined): StaticValue | undefined {
  const isStatic = className !== undefined;
  let value: StaticValue | undefined;
  for (const member of body.body) {
    if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.computed || member.static !== isStatic || getKeyName(member.key) !== name || !member.value) continue;
    value = getStaticValueOf(context, member.value);
    if (!value) return undefined;
  }
  const { assignments, updated } = findWrites(context, isStatic ? context.sourceCode.ast : body, (node) => isFieldReference(node, name, className));
  if (updated) return undefined;
  if (value) return assignments.length === 0 ? value : undefined;
  if (isStatic || assignments.length !== 1) return undefined;
  // `constructor() { this.maxRetries = 3 }`: the one write, in the constructor, of a constant.
  const [write] = assignments;
  const constructor = body.body.find((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor');
  if (!write || !constructor || !isWithin(write, constructor) || write.operator !== '=') return undefined;
  return getStaticValueOf(context, write.right);
}

/** Assignments of the field below `root`, and whether anything steps it (`this.maxRetries++`). */
function findWrites(
  context: AnyRuleContext,
  root: TSESTree.Node,
  isField: (node: TSESTree.Node) => boolean,
): { assignments: TSESTree.AssignmentExpression[]; updated: boolean } {
  const assignments: TSESTree.AssignmentExpression[] = [];
  let updated = false;
  walkDescendants(context, root, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && isField(node.left)) assignments.push(node);
    if (node.type === AST_NODE_TYPES.UpdateExpression && isField(node.argument)) updated = true;
  });
  return { assignments, updated };
}

/** `this.name` for an instance field, `ClassName.name` for a static one. */
function isFieldReference(node: TSESTree.Node, name: string, className: string | undefined): boolean {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed || getKeyName(member.property) !== name) return false;
  const object = unwrapExpression(member.object);
  return className === undefined ? object.type === AST_NODE_TYPES.ThisExpression : object.type === AST_NODE_TYPES.Identifier && object.name === className;
}

function findEnclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

function getKeyName(key: TSESTree.Node): string | undefined {
  return key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier ? key.name : undefined;
}

function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

