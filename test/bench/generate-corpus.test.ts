import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { renderCorpus, SMALLEST_CORPUS, writeCorpus } from '../../bench/generate-corpus.js';
import { NODE_MODULES } from '../../bench/paths.js';

const temporary: string[] = [];
afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

function createTemporaryDirectory(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'corpus-'));
  temporary.push(directory);
  return directory;
}

function hashTree(directory: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(directory, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

const typeScriptFiles = (files: readonly { path: string }[]): number => files.filter((file) => file.path.endsWith('.ts')).length;

describe('generate-corpus', () => {
  it('writes byte-identical files for the same seed', () => {
    const first = createTemporaryDirectory();
    const second = createTemporaryDirectory();
    writeCorpus(first, { files: 150, seed: 7 });
    writeCorpus(second, { files: 150, seed: 7 });
    const hashes = hashTree(first);
    expect(Object.keys(hashes)).toHaveLength(153);
    expect(hashTree(second)).toEqual(hashes);
  });

  it('writes a different corpus for another seed', () => {
    const first = renderCorpus({ files: 150, seed: 7 });
    const second = renderCorpus({ files: 150, seed: 8 });
    expect(second.map((file) => file.text)).not.toEqual(first.map((file) => file.text));
  });

  it('writes exactly the number of TypeScript files asked for', () => {
    for (const files of [SMALLEST_CORPUS, SMALLEST_CORPUS + 1, 57, 500, 2_000]) {
      expect(typeScriptFiles(renderCorpus({ files, seed: 3 })), `${files} files`).toBe(files);
    }
    expect(() => renderCorpus({ files: SMALLEST_CORPUS - 1 })).toThrow(RangeError);
  });

  it('keeps most files clean and lists every seeded pattern in corpus.json', () => {
    const files = renderCorpus({ files: 2_000, seed: 1 });
    const manifest = JSON.parse(files.find((file) => file.path === 'corpus.json')!.text) as { filesWithPatterns: number; seeded: { file: string; rules: string[] }[] };
    const seeded = files.filter((file) => file.patterns.length > 0);
    expect(manifest.seeded).toEqual(seeded.map((file) => ({ file: file.path, rules: file.patterns })));
    expect(manifest.filesWithPatterns / 2_000).toBeGreaterThan(0.01);
    expect(manifest.filesWithPatterns / 2_000).toBeLessThan(0.15);
  });

  it('type-checks with the real libraries, every seeded pattern included', () => {
    const directory = createTemporaryDirectory();
    writeCorpus(directory, { files: 250, seed: 11, defectDensity: 25 });
    symlinkSync(NODE_MODULES, path.join(directory, 'node_modules'), 'dir');
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(directory, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const messages = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.formatDiagnostic(diagnostic, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => directory, getNewLine: () => '\n' }));
    expect(parsed.fileNames).toHaveLength(250);
    expect(messages).toEqual([]);
  });
});
