/**
 * The import graph of the project's own sources (knowledge/, policy/, rules/, checker/), resolved the way
 * TypeScript resolves them (tsconfig.json's compiler options), type-only imports included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

export const AREAS = ['knowledge', 'policy', 'rules', 'checker'] as const;

/** Folders of rules/ that are shared helpers, not families: they import no family and no rule file. */
export const SHARED_RULE_FOLDERS: ReadonlySet<string> = new Set(['ast', 'family', 'inventory', 'typed']);

export interface ImportGraph {
  /** Repository-relative POSIX paths of every source file. */
  readonly files: readonly string[];
  /** File → the project files it imports (sorted). */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

/** The graph of the files in `folders` (the four areas unless told), with the imports between them. */
export function readImportGraph(root: string, folders: readonly string[] = AREAS): ImportGraph {
  const options = readCompilerOptions(root);
  const files = folders.flatMap((folder) => listSources(root, folder)).sort();
  const known = new Set(files);
  const imports = new Map<string, readonly string[]>();
  for (const file of files) {
    const absolute = path.join(root, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, absolute, options, ts.sys).resolvedModule?.resolvedFileName;
      const target = resolved && toPosix(path.relative(root, resolved));
      if (target && known.has(target) && target !== file) targets.add(target);
    }
    imports.set(file, [...targets].sort());
  }
  return { files, imports };
}

/** The strongly connected groups of more than one node (Tarjan), each sorted, in a stable order. */
export function findCycles(edges: ReadonlyMap<string, Iterable<string>>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((left, right) => (left[0]! < right[0]! ? -1 : 1));
}

/** The graph with files grouped by `unitOf`: an edge between two units for every import between their files. */
export function groupGraph(graph: ImportGraph, unitOf: (file: string) => string): Map<string, Set<string>> {
  const grouped = new Map<string, Set<string>>();
  for (const [file, targets] of graph.imports) {
    const from = unitOf(file);
    const edges = grouped.get(from) ?? new Set<string>();
    grouped.set(from, edges);
    for (const target of targets) if (unitOf(target) !== from) edges.add(unitOf(target));
  }
  return grouped;
}

function listSources(root: string, directory: string): string[] {
  return readdirSync(path.join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixture-project' ? [] : listSources(root, relative);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

function readCompilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
