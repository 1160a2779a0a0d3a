/**
 * What `npm pack` ships: the built plugin and checker with their docs, README and LICENSE, never the
 * benchmark, the tests or the sources. Builds dist/ first when it is older than the sources.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { REPOSITORY, ensureBuilt } from '../cli/run-cli.js';

describe('npm pack', () => {
  let files: string[] = [];

  beforeAll(() => {
    ensureBuilt();
    // --ignore-scripts: prepack would rebuild dist/ under the other tests that run the built CLI.
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPOSITORY, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = (JSON.parse(output) as [{ files: { path: string }[] }])[0].files.map((file) => file.path).sort();
  }, 120_000);

  it('ships the plugin, the checker and its CLI, the docs, README and LICENSE', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/rules/index.js', 'dist/rules/index.d.ts', 'dist/checker/index.js', 'dist/checker/bin.js', 'docs/cli.md', 'docs/report.schema.json']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.startsWith('docs/rules/'))).toHaveLength(readdirSync(path.join(REPOSITORY, 'docs/rules')).length);
  });

  it('ships nothing else: no benchmark, tests, fixtures or sources', () => {
    const unexpected = files.filter((file) => !/^(?:package\.json|README\.md|LICENSE|docs\/.+|dist\/(?:checker|knowledge|policy|rules)\/.+\.(?:js|d\.ts))$/.test(file));
    expect(unexpected).toEqual([]);
    expect(files.some((file) => file.startsWith('dist/bench/'))).toBe(false);
  });
});

