/**
 * No file under the paths given vanishes: a workspace package whose tsconfig lists none of its sources
 * (`"outDir": "."`, `"files": ["package.json"]`) is checked whole, from the workspace root and from inside the
 * package, with one note saying so; compiled output beside its source and test code are listed with their
 * reasons instead of being checked.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { checkProject } from '../../checker/index.js';
import { describeFindings, readExpectations } from './expectations.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/partial-tsconfig');
const NOTIFIER = path.join(ROOT, 'packages/notifier');

const NOTIFIER_SOURCES = [
  'index.ts',
  'src/channels/email.ts',
  'src/channels/push.ts',
  'src/channels/sms.ts',
  'src/config.ts',
  'src/queue/dispatch.ts',
  'src/templates/render.ts',
];
const LEFT_OUT = [
  { file: 'src/channels/email.test.ts', reason: 'test' },
  { file: 'src/templates/render.js', reason: 'compiled-output' },
  { file: 'test/local-gateway.ts', reason: 'test' },
];

const inNotifier = (file: string): string => `packages/notifier/${file}`;

describe('policy-check on a package whose tsconfig lists none of its sources', () => {
  it('checks every non-test source of the package when run from the workspace root on it, and says so once', async () => {
    const result = await checkProject({ root: ROOT, paths: ['packages/notifier'] });
    expect(result.fileCount).toBe(NOTIFIER_SOURCES.length);
    expect(result.excluded).toEqual(LEFT_OUT.map((entry) => ({ ...entry, file: inNotifier(entry.file) })));
    expect(result.notes).toEqual([
      {
        file: 'packages/notifier/tsconfig.json',
        message: "lists 0 of the 7 source files checked under packages/notifier; the other 7 are checked too, with the project's compiler options",
      },
    ]);
    expect(result.problems).toEqual([]);
    const expected = readExpectations(ROOT).filter((finding) => finding.file.startsWith('packages/notifier/'));
    expect(describeFindings(result.findings)).toEqual(describeFindings(expected));
  });

  it('checks the same files from inside the package', async () => {
    const result = await checkProject({ root: NOTIFIER });
    expect(result.fileCount).toBe(NOTIFIER_SOURCES.length);
    expect(result.excluded).toEqual(LEFT_OUT);
    expect(result.notes.map((note) => note.file)).toEqual(['tsconfig.json']);
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(NOTIFIER)));
  });

  it('accounts for every source file of the whole workspace, with no note for the package whose tsconfig lists its sources', async () => {
    const result = await checkProject({ root: ROOT });
    expect(result.fileCount).toBe(NOTIFIER_SOURCES.length + 1);
    expect(result.fileCount + result.excluded.length + result.problems.length).toBe(11);
    expect(result.notes.map((note) => note.file)).toEqual(['packages/notifier/tsconfig.json']);
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(ROOT)));
  });
});
