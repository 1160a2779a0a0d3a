/** A property name read statically: `a.b`, `a['b']`, `a[CONSTANT]`; undefined when computed from a variable. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';
import { getStaticValueOf } from './static-value.js';

export function getMemberName(context: AnyRuleContext, member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  const value = getStaticValueOf(context, member.property)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
