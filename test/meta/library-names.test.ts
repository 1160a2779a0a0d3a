/**
 * What a library does is said in knowledge/: outside it, code asks a library's spec (`spec.headerMethods`,
 * `spec.timeout.insert`) instead of comparing its name with a string (`library.name === 'superagent'`). A
 * comparison like that hides a fact the next library will not have, and the detector silently skips it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every library name and package the knowledge tables declare. */
async function readLibraryNames(): Promise<Set<string>> {
  const names = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.packages) && typeof record.name === 'string') {
      names.add(record.name);
      for (const name of record.packages) if (typeof name === 'string') names.add(name);
    }
  };
  for (const file of listSources(path.join(root, 'knowledge'))) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    Object.values(module).forEach(collect);
  }
  return names;
}

/** `x === 'name'`, `'name' !== x`, `case 'name':` with the quoted string. */
const COMPARISON = /(?:[!=]==?\s*'([^'\n]+)')|(?:'([^'\n]+)'\s*[!=]==?)|(?:\bcase\s+'([^'\n]+)'\s*:)/g;

function findComparisons(source: string, names: ReadonlySet<string>): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
    for (const match of line.matchAll(COMPARISON)) {
      const compared = match[1] ?? match[2] ?? match[3];
      if (compared !== undefined && names.has(compared)) found.push(`${index + 1}: ${line.trim()}`);
    }
  });
  return found;
}

describe('library names', () => {
  it('reads the names of the libraries the rules know', async () => {
    const names = await readLibraryNames();
    for (const name of ['axios', 'got', 'superagent', 'pino', 'pino-http', 'winston', 'koa', 'morgan', 'axios-retry']) expect(names).toContain(name);
  });

  it('finds a comparison with a library name, and not one in a comment', () => {
    const names = new Set(['superagent', 'koa']);
    const source = ["if (library.name === 'superagent') return;", "  // framework.name === 'koa'", "  case 'koa':", "if (kind === 'middleware') {}"].join('\n');
    expect(findComparisons(source, names)).toEqual(["1: if (library.name === 'superagent') return;", "3: case 'koa':"]);
  });

  it('compares no library name with a string outside knowledge/', async () => {
    const names = await readLibraryNames();
    const found = ['rules', 'checker', 'policy'].flatMap((area) =>
      listSources(path.join(root, area)).flatMap((file) => findComparisons(readFileSync(file, 'utf8'), names).map((line) => `${path.relative(root, file)}:${line}`)),
    );
    expect(found).toEqual([]);
  });
});
