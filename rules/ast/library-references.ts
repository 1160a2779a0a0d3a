/**
 * Finds every reference to a library's exports in the linted file, however it was imported: ESM default,
 * named, namespace and aliased imports, CommonJS `require` (destructured or not), and globals such as
 * `fetch`. Built on ReferenceTracker so shadowed and re-bound names are followed correctly; `require`
 * calls that no configuration declares (CommonJS linted as a module) are traced too.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { findUndeclaredReferences } from './find-undeclared-references.js';
import type { AnyRuleContext } from './rule-context.js';

export const { CALL, CONSTRUCT, READ, ESM } = ASTUtils.ReferenceTracker;

/** Package or global name → nested export names, with CALL/CONSTRUCT/READ keys carrying the info. */
export interface TraceMap<Info = unknown> {
  [name: string]: TraceMapElement<Info>;
}
export interface TraceMapElement<Info = unknown> {
  [name: string | symbol]: TraceMapElement<Info> | Info | boolean | undefined;
}

type Tracker = InstanceType<typeof ASTUtils.ReferenceTracker>;
type FoundReference = ReturnType<Tracker['iterateEsmReferences']> extends Iterable<infer Item> ? Item : never;

export interface LibraryReference<Info> {
  readonly node: TSESTree.Node;
  readonly path: readonly string[];
  readonly type: symbol;
  readonly info: Info;
}

/**
 * All references matching `modules` (package name → trace map, ESM and CommonJS alike) and `globals`.
 * A trace map marked with `[ESM]: true` treats `default` as the module's default export for CommonJS too.
 */
export function findLibraryReferences<Info>(
  context: AnyRuleContext,
  modules: TraceMap<Info>,
  globals: TraceMap<Info> = {},
): Array<LibraryReference<Info>> {
  // Cheap question first: a module is imported, and a global read, only by writing its name in the file.
  const text = context.sourceCode.text;
  const namedModules = keepImported(context.sourceCode.ast, text, modules);
  const namedGlobals = keepNamedIn(text, globals);
  if (!namedModules && !namedGlobals) return [];
  modules = namedModules ?? {};
  globals = namedGlobals ?? {};
  const tracker = new ASTUtils.ReferenceTracker(context.sourceCode.getScope(context.sourceCode.ast));
  const found: Array<LibraryReference<Info>> = [];
  const seen = new Set<TSESTree.Node>();
  const add = (references: Iterable<FoundReference>): void => {
    for (const reference of references) {
      if (seen.has(reference.node)) continue;
      seen.add(reference.node);
      found.push({ node: reference.node, path: reference.path, type: reference.type, info: reference.info as Info });
    }
  };
  add(tracker.iterateEsmReferences(modules as never));
  add(tracker.iterateCjsReferences(modules as never));
  add(tracker.iterateGlobalReferences(globals as never));
  add(findUndeclaredRequireReferences(context, modules));
  return found.sort((left, right) => left.node.range[0] - right.node.range[0]);
}

/**
 * The entries of a trace map for the modules the file imports; undefined when it imports none of them. A
 * file that can load a module by a call (`require`, `import()`) is judged by its text instead.
 */
function keepImported<Info>(program: TSESTree.Program, text: string, map: TraceMap<Info>): TraceMap<Info> | undefined {
  if (text.includes('require') || text.includes('import(')) return keepNamedIn(text, map);
  let kept: TraceMap<Info> | undefined;
  for (const statement of program.body) {
    const source = statement.type === AST_NODE_TYPES.ImportDeclaration ? statement.source.value : undefined;
    if (source === undefined || !Object.hasOwn(map, source)) continue;
    kept ??= {};
    kept[source] = map[source]!;
  }
  return kept;
}

/** The entries of a trace map whose names the text contains; undefined when it contains none. */
function keepNamedIn<Info>(text: string, map: TraceMap<Info>): TraceMap<Info> | undefined {
  let kept: TraceMap<Info> | undefined;
  for (const name of Object.keys(map)) {
    if (!text.includes(name)) continue;
    kept ??= {};
    kept[name] = map[name]!;
  }
  return kept;
}

/** One trace map element for every package of a knowledge spec, so package names live in knowledge/ alone. */
export function tracePackages<Info>(packages: readonly string[], element: TraceMapElement<Info>): TraceMap<Info> {
  return Object.fromEntries(packages.map((name) => [name, element]));
}

/**
 * References through `require('pkg')` where no configuration declares `require` (a CommonJS `.js` file
 * linted as a module, a TypeScript file compiled to CommonJS): ReferenceTracker only follows a declared
 * `require`, so these are traced here from each call with the same trace map.
 */
interface PropertyTracker {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: unknown): Iterable<{ node: TSESTree.Node; path: string[]; type: symbol; info: unknown }>;
}

function findUndeclaredRequireReferences<Info>(context: AnyRuleContext, modules: TraceMap<Info>): Array<LibraryReference<Info>> {
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
