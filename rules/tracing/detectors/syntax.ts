/** Small readers of ESTree shapes the tracing detectors share. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** `a.b` and `a['b']` → `b`; undefined when the key is computed from a variable. */
export function getStaticMemberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string' ? member.property.value : undefined;
}

/** The identifier a parameter binds (`req`, `req = {}`, `private readonly req`); undefined for a pattern. */
export function getParameterIdentifier(parameter: TSESTree.Node | undefined): TSESTree.Identifier | undefined {
  if (!parameter) return undefined;
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter;
  if (parameter.type === AST_NODE_TYPES.AssignmentPattern) return getParameterIdentifier(parameter.left);
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) return getParameterIdentifier(parameter.parameter);
  return undefined;
}

/** A parameter's name without leading underscores (`_req` → `req`). */
export function getParameterName(parameter: TSESTree.Node): string | undefined {
  return getParameterIdentifier(parameter)?.name.replace(/^_+/, '');
}

/** `@Get()` and `@Get` → the `Get` identifier. */
export function getDecoratorName(decorator: TSESTree.Decorator): TSESTree.Identifier | undefined {
  const expression = decorator.expression;
  if (expression.type === AST_NODE_TYPES.Identifier) return expression;
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier) return expression.callee;
  return undefined;
}

/** The key of an object property when it can be read without evaluation. */
export function getPropertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal && (typeof property.key.value === 'string' || typeof property.key.value === 'number')) return String(property.key.value);
  return undefined;
}

/** Whether `inner` lies within `outer` in the source. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
