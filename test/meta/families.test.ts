/**
 * Every rule family has the same shape (CONTRIBUTING.md, "Adding a rule family"): rules/<family>/model.ts,
 * a collector rules/<family>/collect.ts made with createCollector, the knowledge folder knowledge/<family>/
 * that a test reads, and rules that use the family, each with a docs page and a test file.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { rules } from '../../rules/index.js';
import { AREAS, readImportGraph, SHARED_RULE_FOLDERS } from './import-graph.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const graph = readImportGraph(root, [...AREAS, 'test']);

/** Folders of rules/ that hold shared helpers rather than a family. */

/**
 * Parts a family does not have yet, being built: an entry that exists fails, so the list only shrinks.
 * Remove an entry when its file lands.
 */
const PENDING: Readonly<Record<string, readonly ('model' | 'collector')[]>> = {};

const families = readdirSync(path.join(root, 'rules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_RULE_FOLDERS.has(entry.name))
  .map((entry) => entry.name)
  .sort();

/** The rule files that import anything of the family. */
function rulesOf(family: string): string[] {
  return Object.keys(rules)
    .filter((name) => (graph.imports.get(`rules/${name}.ts`) ?? []).some((target) => target.startsWith(`rules/${family}/`)))
    .sort();
}

function importers(file: string): string[] {
  return [...graph.imports].filter(([, targets]) => targets.includes(file)).map(([importer]) => importer);
}

describe('rule families', () => {
  it('finds the families', () => {
    expect(families).toEqual(expect.arrayContaining(['http', 'retry']));
  });

  for (const family of families) {
    describe(family, () => {
      const pending = PENDING[family] ?? [];

      it('has a model: rules/<family>/model.ts, what its rules judge', () => {
        expect(existsSync(path.join(root, 'rules', family, 'model.ts'))).toBe(!pending.includes('model'));
      });

      it('has one collector, rules/<family>/collect.ts, made with createCollector', () => {
        const collector = `rules/${family}/collect.ts`;
        expect(existsSync(path.join(root, collector))).toBe(!pending.includes('collector'));
        if (!pending.includes('collector')) expect(graph.imports.get(collector)).toContain('rules/family/create-collector.ts');
      });

      it('has its knowledge in knowledge/<family>/, read by a test', () => {
        const specs = graph.files.filter((file) => file.startsWith(`knowledge/${family}/`));
        expect(specs.length).toBeGreaterThan(0);
        expect(specs.flatMap(importers).some((importer) => importer.startsWith('test/'))).toBe(true);
      });

      it('has rules, each with a docs page and a test file', () => {
        const names = rulesOf(family);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) {
          expect(existsSync(path.join(root, 'docs/rules', `${name}.md`)), `docs/rules/${name}.md`).toBe(true);
          expect(existsSync(path.join(root, 'test/rules', `${name}.test.ts`)), `test/rules/${name}.test.ts`).toBe(true);
        }
      });
    });
  }
});
