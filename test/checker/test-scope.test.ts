/**
 * Test code is out of scope by default: policy-check does not check test files, test helpers or mocks,
 * lists each with its reason, and checks them when the policy says `tests: false`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { checkProject } from '../../checker/index.js';
import { describeFindings, readExpectations } from './expectations.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/test-scope');

const TEST_FILES = ['e2e/checkout.e2e-spec.ts', 'src/__mocks__/prices-client.ts', 'src/prices-client.test.ts', 'test/helpers/wait-for-server.ts'];

describe('policy-check and test code', () => {
  it('checks production code only, and lists every test file it left out', async () => {
    const result = await checkProject({ root: ROOT });
    expect(result.fileCount).toBe(1);
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(ROOT).filter((expected) => !TEST_FILES.includes(expected.file))));
    expect(result.excluded).toEqual(TEST_FILES.map((file) => ({ file, reason: 'test' })));
    expect(result.inventory.map((entry) => entry.file)).toEqual(['src/prices-client.ts']);
  });

  it('checks tests like production code with `tests: false`', async () => {
    const result = await checkProject({ root: ROOT, policy: { tests: false } });
    expect(result.fileCount).toBe(5);
    expect(result.excluded).toEqual([]);
    const timeouts = result.findings.filter((finding) => finding.ruleId === 'service-policy/require-http-timeout');
    expect(timeouts.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'e2e/checkout.e2e-spec.ts:4 service-policy/require-http-timeout',
      'src/__mocks__/prices-client.ts:2 service-policy/require-http-timeout',
      'src/prices-client.test.ts:4 service-policy/require-http-timeout',
      'src/prices-client.ts:3 service-policy/require-http-timeout',
      'test/helpers/wait-for-server.ts:5 service-policy/require-http-timeout',
    ]);
  });

  it('takes the policy\'s own patterns, and names files the policy ignores as ignored', async () => {
    const result = await checkProject({ root: ROOT, policy: { tests: ['e2e/**'], ignore: ['src/__mocks__/**'] } });
    expect(result.fileCount).toBe(3);
    expect(result.excluded).toEqual([
      { file: 'e2e/checkout.e2e-spec.ts', reason: 'test' },
      { file: 'src/__mocks__/prices-client.ts', reason: 'ignored' },
    ]);
  });

  it('lists only the files under the paths given', async () => {
    const result = await checkProject({ root: ROOT, paths: ['src'] });
    expect(result.excluded).toEqual([
      { file: 'src/__mocks__/prices-client.ts', reason: 'test' },
      { file: 'src/prices-client.test.ts', reason: 'test' },
    ]);
  });
});
