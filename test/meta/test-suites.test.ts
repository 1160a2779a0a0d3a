/**
 * The two ways to run the tests stay what the README says: `npm run test:unit` runs every test file but
 * the slow ones listed in vitest.config.ts, `npm test` runs them all, and CI (.ci/run) runs the full suite
 * with the browser test required.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';

import { SLOW_TESTS } from '../../vitest.config.js';
import { REPOSITORY } from '../cli/run-cli.js';

const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

function listTestFiles(directory = 'test'): string[] {
  return readdirSync(path.join(REPOSITORY, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'fixture-project' ? [] : listTestFiles(relative);
    return entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('test suites', () => {
  const files = listTestFiles();

  it('names only slow test files that exist, so a renamed one does not slip into the fast run', () => {
    const unmatched = SLOW_TESTS.filter((pattern) => !files.some((file) => picomatch(pattern)(file)));
    expect(unmatched).toEqual([]);
  });

  it('keeps most test files in the fast run', () => {
    const slow = files.filter((file) => SLOW_TESTS.some((pattern) => picomatch(pattern)(file)));
    expect(slow.length).toBeGreaterThan(0);
    expect(files.length - slow.length).toBeGreaterThan(slow.length);
  });

  it('runs the unit project alone for the inner loop, everything for npm test', () => {
    expect(manifest.scripts['test:unit']).toBe('vitest run --project unit');
    expect(manifest.scripts.test).toMatch(/&& vitest run$/);
  });

  it('runs the full suite on CI with the browser test required', () => {
    const ci = readFileSync(path.join(REPOSITORY, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^export REQUIRE_BROWSER=1$/m);
    expect(ci).toMatch(/^export CI=true$/m);
    expect(ci.trimEnd().split('\n').at(-1)).toBe('npm test');
  });
});
