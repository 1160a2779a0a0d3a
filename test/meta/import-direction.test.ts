/**
 * Imports point one way. No cycle between files, nor between the folders of knowledge/, policy/, rules/ and
 * checker/; the areas import along STYLE.md's arrows; rule families depend on each other only along the
 * declared list below; nothing outside a family imports its detectors.
 *
 * A folder here is a first-level folder of an area (a family such as rules/retry, rules/ast,
 * checker/core, knowledge/http) with everything below it; a file directly in an area (rules/create-rule.ts,
 * a rule file) stands for itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { AREAS, findCycles, groupGraph, readImportGraph, SHARED_RULE_FOLDERS } from './import-graph.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const graph = readImportGraph(root);

/** What each area may import besides itself. */
const AREA_IMPORTS: Readonly<Record<(typeof AREAS)[number], readonly string[]>> = {
  knowledge: [],
  policy: ['knowledge'],
  rules: ['policy', 'knowledge'],
  checker: ['rules', 'policy', 'knowledge'],
};

/**
 * The families a family may import (its rules/<family>/ and knowledge/<family>/ folders alike). Declare a
 * new family here, with the families it builds on; the list must stay one-way.
 */
const FAMILY_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  http: [],
  retry: ['http'],
  logging: [],
  tracing: ['http', 'logging'],
  messaging: ['retry', 'http'],
};

/** The files of rules/ that every family may import: the rule factory. */
const SHARED_RULE_FILES: ReadonlySet<string> = new Set(['rules/create-rule.ts']);

/**
 * Cycles that are known and being taken apart. An entry that no longer exists fails too, so the list only
 * shrinks: remove it when its cycle is gone.
 */
const KNOWN_FILE_CYCLES: readonly (readonly string[])[] = [];
const KNOWN_FOLDER_CYCLES: readonly (readonly string[])[] = [];
/** Imports against the family list, as `from -> to`. */
const KNOWN_FAMILY_IMPORTS: readonly string[] = [];

const folderOf = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
};
const areaOf = (file: string): string => file.split('/')[0]!;

/** The family a file belongs to (rules/<family>/… or knowledge/<family>/…), if any. */
function familyOf(file: string): string | undefined {
  const [area, folder, ...rest] = file.split('/');
  if (rest.length === 0 || (area !== 'rules' && area !== 'knowledge')) return undefined;
  return area === 'rules' && SHARED_RULE_FOLDERS.has(folder!) ? undefined : folder;
}

function listImports(accept: (from: string, to: string) => boolean): string[] {
  return [...graph.imports].flatMap(([from, targets]) => targets.filter((to) => accept(from, to)).map((to) => `${from} -> ${to}`));
}

describe('import direction', () => {
  it('reads the sources of every area', () => {
    for (const area of AREAS) expect(graph.files.some((file) => file.startsWith(`${area}/`)), area).toBe(true);
    expect(graph.imports.get('rules/index.ts')).toContain('rules/create-rule.ts');
  });

  it('has no import cycle between files beyond the known ones', () => {
    expect(findCycles(graph.imports)).toEqual(KNOWN_FILE_CYCLES);
  });

  it('has no import cycle between folders beyond the known ones', () => {
    expect(findCycles(groupGraph(graph, folderOf))).toEqual(KNOWN_FOLDER_CYCLES);
  });

  it('imports across areas only along the arrows: rules → policy → knowledge, checker → all three', () => {
    const against = listImports((from, to) => areaOf(from) !== areaOf(to) && !(AREA_IMPORTS[areaOf(from) as keyof typeof AREA_IMPORTS] ?? []).includes(areaOf(to)));
    expect(against).toEqual([]);
  });

  it('declares every family, in a one-way list', () => {
    const families = new Set(graph.files.map(familyOf).filter((family): family is string => family !== undefined));
    expect([...families].filter((family) => !Object.hasOwn(FAMILY_IMPORTS, family))).toEqual([]);
    const declared = new Map(Object.entries(FAMILY_IMPORTS).map(([family, imported]) => [family, new Set(imported)]));
    expect(findCycles(declared)).toEqual([]);
  });

  it('lets a family import another only along the declared list', () => {
    const against = new Set<string>();
    for (const [from, targets] of graph.imports) {
      for (const to of targets) {
        const [source, target] = [familyOf(from), familyOf(to)];
        if (source && target && source !== target && !FAMILY_IMPORTS[source]?.includes(target)) against.add(`${source} -> ${target}`);
      }
    }
    expect([...against].sort()).toEqual(KNOWN_FAMILY_IMPORTS);
  });

  it('keeps the shared rule helpers (rules/ast, rules/family, rules/typed) free of families and rule files', () => {
    const against = listImports((from, to) => {
      const [area, folder] = from.split('/');
      const isFamilyOrRuleFile = familyOf(to) !== undefined || (folderOf(to) === to && !SHARED_RULE_FILES.has(to));
      return area === 'rules' && SHARED_RULE_FOLDERS.has(folder!) && to.startsWith('rules/') && isFamilyOrRuleFile;
    });
    expect(against).toEqual([]);
  });

  it("imports a family's detectors only from inside that family", () => {
    const against = listImports((from, to) => {
      const match = /^rules\/([^/]+)\/detectors\//.exec(to);
      return match !== null && !from.startsWith(`rules/${match[1]}/`);
    });
    expect(against).toEqual([]);
  });
});
