/**
 * References to a global that no configuration declared (`fetch` in a project without `globals.node`):
 * ESLint leaves them unresolved in the global scope's `through` list, where ReferenceTracker does not look.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnyRuleContext } from './rule-context.js';

export function findUndeclaredReferences(context: AnyRuleContext, names: readonly string[]): TSESTree.Identifier[] {
  if (names.length === 0) return [];
  const globalScope = context.sourceCode.getScope(context.sourceCode.ast);
  const wanted = new Set(names);
  return globalScope.through
    .filter((reference) => reference.isRead() && wanted.has(reference.identifier.name) && !globalScope.set.has(reference.identifier.name))
    .map((reference) => reference.identifier as TSESTree.Identifier);
}
