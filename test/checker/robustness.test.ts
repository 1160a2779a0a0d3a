/**
 * Bad inputs never crash the checker: a file that does not parse, a binary or huge file, a broken
 * tsconfig.json, a symbolic link loop and an empty project each cost at most one line and nothing else;
 * a malformed policy file stops the run with one line naming the file, the key and what was expected.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { checkProject, ConfigError } from '../../checker/index.js';
import { describeFindings, readExpectations } from './expectations.js';

const BROKEN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/broken');
const temporary = mkdtempSync(path.join(tmpdir(), 'policy-check-robustness-'));

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

const fixture = (name: string): string => path.join(BROKEN, name);

describe('checkProject on broken input', () => {
  it('reports a file that does not parse once and checks the others', async () => {
    const result = await checkProject({ root: fixture('parse-error') });
    expect(result.problems).toEqual([{ file: 'src/half-merged.ts', message: expect.stringMatching(/^2:1: Parsing error: Merge conflict marker encountered\.$/) }]);
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(fixture('parse-error'))));
    // Two files selected; the one that does not parse was not checked.
    expect(result.fileCount).toBe(1);
  });

  it('checks an empty project', async () => {
    const result = await checkProject({ root: fixture('empty') });
    expect(result).toMatchObject({ fileCount: 0, findings: [], inventory: [], problems: [] });
  });

  it('loads the sources of a folder whose tsconfig.json is broken with defaults, and says so', async () => {
    const result = await checkProject({ root: fixture('broken-tsconfig') });
    expect(result.problems).toEqual([{ file: 'tsconfig.json', message: "cannot be read, using defaults: Cannot read file 'tsconfig.base.json'." }]);
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(fixture('broken-tsconfig'))));
  });

  it('skips a binary file and a huge generated file with one line each', async () => {
    const root = path.join(temporary, 'huge');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/bundle.js'), `export const table = [${'0,'.repeat(600_000)}];\n`);
    writeFileSync(path.join(root, 'src/client.ts'), "export const ping = () => fetch('http://health.internal/ready');\n");
    const huge = await checkProject({ root });
    expect(huge.problems).toEqual([{ file: 'src/bundle.js', message: expect.stringMatching(/^skipped: longer than 1 MB/) }]);
    expect(describeFindings(huge.findings)).toEqual(['src/client.ts:1 service-policy/require-http-timeout']);

    const binary = await checkProject({ root: fixture('binary-file') });
    expect(binary.problems).toEqual([{ file: 'src/logo.ts', message: 'skipped: binary content' }]);
    expect(describeFindings(binary.findings)).toEqual(describeFindings(readExpectations(fixture('binary-file'))));
  });

  it('ends a symbolic link loop', async () => {
    const root = path.join(temporary, 'loop');
    mkdirSync(path.join(root, 'src/nested'), { recursive: true });
    symlinkSync(path.join(root, 'src'), path.join(root, 'src/nested/back'));
    writeFileSync(path.join(root, 'src/client.ts'), "export const ping = () => fetch('http://health.internal/ready');\n");
    const result = await checkProject({ root });
    expect(describeFindings(result.findings)).toEqual(['src/client.ts:1 service-policy/require-http-timeout']);
    expect(result.fileCount).toBe(1);
  });

  it.each([
    ['bad-policy-syntax', /^\.policy-checkrc\.json: cannot be read: /],
    ['bad-policy-schema', /^\.policy-checkrc\.json: "jwt\.maxLifetime" must be a duration such as "1h", "30m" or a number of seconds$/],
    ['unknown-rule', /^\.policy-checkrc\.json: "rules\.require-http-timeouts" is not a known rule or check$/],
  ])('stops on the malformed policy file in %s with one line', async (name, message) => {
    const error = await checkProject({ root: fixture(name) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('stops on a policy file given by path that does not exist', async () => {
    await expect(checkProject({ root: fixture('empty'), configFile: 'missing.json' })).rejects.toThrow(/^missing\.json: no such policy file$/);
  });
});
