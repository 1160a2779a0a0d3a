import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Linter, Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { checkNeverCrash, findSourceFiles, MAX_FILE_BYTES } from '../../bench/never-crash.js';

const temporary: string[] = [];
afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

const throwsOnBoom: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create: () => ({
    Identifier(node) {
      if (node.name === 'boom') throw new TypeError('cannot read properties of undefined');
    },
  }),
};

describe('never-crash', () => {
  it('runs every rule over a sample of real node_modules files without an exception', () => {
    const report = checkNeverCrash({ sample: 300, typed: true });
    expect(report.files).toBe(300);
    expect(report.rules.length).toBeGreaterThan(0);
    expect(report.ruleExceptions).toEqual([]);
    expect(report.filesLinted).toBeGreaterThanOrEqual(290);
  }, 300_000);

  it('records a rule that throws with its file, and counts files that do not parse apart', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'never-crash-'));
    temporary.push(root);
    mkdirSync(path.join(root, 'package'));
    writeFileSync(path.join(root, 'package', 'clean.js'), 'module.exports = function add(a, b) { return a + b; };\n');
    writeFileSync(path.join(root, 'package', 'broken.ts'), 'export const = ;\n');
    writeFileSync(path.join(root, 'package', 'crash.ts'), 'export const boom = 1;\n');
    writeFileSync(path.join(root, 'package', 'types.d.ts'), 'export declare const boom: number;\n');
    const config: Linter.Config = { plugins: { probe: { rules: { 'throws-on-boom': throwsOnBoom } } }, rules: { 'probe/throws-on-boom': 'error' } };

    const report = checkNeverCrash({ root, config });

    expect(report.files).toBe(3);
    expect(report.filesLinted).toBe(1);
    expect(report.parseFailures).toBe(1);
    expect(report.ruleExceptions).toEqual([
      { rule: 'probe/throws-on-boom', file: 'package/crash.ts', parser: 'typescript-eslint', message: 'cannot read properties of undefined' },
    ]);
  });

  it('skips declaration files, files over 1 MB and symbolic links', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'never-crash-'));
    temporary.push(root);
    writeFileSync(path.join(root, 'index.mjs'), 'export default 1;\n');
    writeFileSync(path.join(root, 'index.d.mts'), 'export default 1;\n');
    writeFileSync(path.join(root, 'bundle.js'), `var x = "${'a'.repeat(MAX_FILE_BYTES)}";\n`);
    writeFileSync(path.join(root, 'README.md'), '# readme\n');
    mkdirSync(path.join(root, 'nested'));
    writeFileSync(path.join(root, 'nested', 'loop.cjs'), 'module.exports = 1;\n');
    symlinkSync(root, path.join(root, 'nested', 'back'), 'dir');

    expect(findSourceFiles(root).map((file) => path.relative(root, file))).toEqual(['index.mjs', path.join('nested', 'loop.cjs')]);
  });
});
