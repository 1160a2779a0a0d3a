/**
 * Looks up one property of an options object, the way rules read library options: through object literals,
 * `const` bindings, spreads of known objects and (with type information) objects from other modules.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';
import { getStaticValueOf, type StaticValue } from './static-value.js';
import { unwrapExpression } from './unwrap-expression.js';

export type PropertyLookup =
  /** The property is there; `node` is its value in this file when it is written here. */
  | { readonly kind: 'found'; readonly node: TSESTree.Node | undefined; readonly value: StaticValue | undefined }
  /** The object is fully known and has no such property: the library default applies. */
  | { readonly kind: 'absent' }
  /** A spread, computed key or opaque value hides whether the property is set: do not guess. */
  | { readonly kind: 'unknown' };

const MAX_DEPTH = 5;

/** Finds `name` in the object `node` evaluates to. */
export function findProperty(context: AnyRuleContext, node: TSESTree.Node | undefined, name: string, depth = 0): PropertyLookup {
  if (!node || depth > MAX_DEPTH) return { kind: 'unknown' };
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return findInObjectLiteral(context, expression, name, depth);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, expression);
    if (initializer) return findProperty(context, initializer, name, depth + 1);
  }
  return findInStaticValue(getStaticValueOf(context, expression), name);
}

/** Whether the property is known to be set (found), whatever its value. */
export function hasProperty(context: AnyRuleContext, node: TSESTree.Node | undefined, name: string): boolean {
  return findProperty(context, node, name).kind === 'found';
}

/** The initializer of a `const` binding declared in this file, when `identifier` refers to one. */
export function findConstInitializer(context: AnyRuleContext, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.init ?? undefined;
}

function findInObjectLiteral(context: AnyRuleContext, object: TSESTree.ObjectExpression, name: string, depth: number): PropertyLookup {
  // Later properties win, as at run time: walk backwards and stop at the first that decides.
  for (let index = object.properties.length - 1; index >= 0; index -= 1) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inSpread = findProperty(context, property.argument, name, depth + 1);
      if (inSpread.kind !== 'absent') return inSpread;
      continue;
    }
    const key = getKeyName(context, property);
    if (key === undefined) return { kind: 'unknown' };
    if (key !== name) continue;
    const value = property.value;
    if (property.kind !== 'init' || value.type === AST_NODE_TYPES.AssignmentPattern) return { kind: 'found', node: value, value: undefined };
    return { kind: 'found', node: value, value: getStaticValueOf(context, value) };
  }
  return { kind: 'absent' };
}

function findInStaticValue(found: StaticValue | undefined, name: string): PropertyLookup {
  const value = found?.value;
  if (value === null || typeof value !== 'object') return { kind: 'unknown' };
  if (!Object.hasOwn(value, name)) return { kind: 'absent' };
  return { kind: 'found', node: undefined, value: { value: (value as Record<string, unknown>)[name] } };
}

function getKeyName(context: AnyRuleContext, property: TSESTree.Property): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  }
  const key = getStaticValueOf(context, property.key);
  return key && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
}
