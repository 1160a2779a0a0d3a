/**
 * References to a library through `require('pkg')` where no configuration declares `require` (a CommonJS
 * `.js` file linted as a module, a TypeScript file compiled to CommonJS): ReferenceTracker only follows
 * a declared `require`, so these are traced here from each call with the same trace map.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { findUndeclaredReferences } from './find-undeclared-references.js';
import type { LibraryReference, TraceMap } from './library-references.js';
import type { AnyRuleContext } from './rule-context.js';

// Used by findLibraryReferences only; rules call that.

interface PropertyTracker {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: unknown): Iterable<{ node: TSESTree.Node; path: string[]; type: symbol; info: unknown }>;
}

export function findUndeclaredRequireReferences<Info>(context: AnyRuleContext, modules: TraceMap<Info>): Array<LibraryReference<Info>> {
  const requires = findUndeclaredReferences(context, ['require']);
  if (requires.length === 0) return [];
  // `iteratePropertyReferences` is public in @eslint-community/eslint-utils but missing from the typings re-exported here.
  const tracker = new ASTUtils.ReferenceTracker(context.sourceCode.getScope(context.sourceCode.ast)) as unknown as Partial<PropertyTracker>;
  if (typeof tracker.iteratePropertyReferences !== 'function') return [];
  const found: Array<LibraryReference<Info>> = [];
  for (const identifier of requires) {
    const call = identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const source = call.arguments[0];
    const name = source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : undefined;
    if (name === undefined || !Object.hasOwn(modules, name)) continue;
    for (const reference of tracker.iteratePropertyReferences(call, modules[name])) {
      found.push({ node: reference.node, path: [name, ...reference.path], type: reference.type, info: reference.info as Info });
    }
  }
  return found;
}
