/**
 * The keys of the object an expression evaluates to, through object literals, `const` bindings, spreads of
 * known objects and (with type information) constants from other modules. Unknown when a spread, computed
 * key or opaque value hides which keys are there. With type information, a call to a function that returns
 * one object literal gives that literal's keys.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { findConstInitializer } from './find-property.js';
import { listReturnedObjectKeys } from './returned-object-keys.js';
import type { AnyRuleContext } from './rule-context.js';
import { getStaticValueOf } from './static-value.js';
import { unwrapExpression } from './unwrap-expression.js';

export type PropertyNames =
  | { readonly kind: 'known'; readonly names: readonly string[] }
  | { readonly kind: 'unknown' };

const MAX_DEPTH = 5;
const UNKNOWN: PropertyNames = { kind: 'unknown' };

export function listPropertyNames(context: AnyRuleContext, node: TSESTree.Node | undefined, depth = 0): PropertyNames {
  if (!node || depth > MAX_DEPTH) return UNKNOWN;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return listLiteralNames(context, expression, depth);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, expression);
    if (initializer) return listPropertyNames(context, initializer, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const returned = listReturnedObjectKeys(context, expression);
    return returned ? { kind: 'known', names: returned } : UNKNOWN;
  }
  const value = getStaticValueOf(context, expression)?.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return UNKNOWN;
  return { kind: 'known', names: Object.keys(value) };
}

function listLiteralNames(context: AnyRuleContext, object: TSESTree.ObjectExpression, depth: number): PropertyNames {
  const names: string[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = listPropertyNames(context, property.argument, depth + 1);
      if (spread.kind === 'unknown') return UNKNOWN;
      names.push(...spread.names);
      continue;
    }
    const name = getKeyName(context, property);
    if (name === undefined) return UNKNOWN;
    names.push(name);
  }
  return { kind: 'known', names };
}

function getKeyName(context: AnyRuleContext, property: TSESTree.Property): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  }
  const key = getStaticValueOf(context, property.key)?.value;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
