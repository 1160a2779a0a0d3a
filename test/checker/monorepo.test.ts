/**
 * The monorepo fixture: two services and a shared platform package. Exact findings, as written beside the
 * code, including those only the cross-file view finds.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as typescriptParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { checkProject, type CheckResult } from '../../checker/index.js';
import plugin, { rules } from '../../rules/index.js';
import { describeFindings, readExpectations } from './expectations.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/monorepo');
const expected = readExpectations(FIXTURE);

/** A rule whose implementation is still the generated stub reports nothing yet; its expectations wait. */
const isStub = (ruleId: string): boolean => {
  const rule = (rules as Record<string, { meta: { docs?: { description?: string } } }>)[ruleId.replace('service-policy/', '')];
  return rule?.meta.docs?.description === 'Placeholder.';
};

let result: CheckResult;

beforeAll(async () => {
  result = await checkProject({ root: FIXTURE });
});

describe('checkProject on fixtures/monorepo', () => {
  const ruleIds = [...new Set(expected.map((finding) => finding.ruleId))].sort();

  it.each(ruleIds.filter((ruleId) => !isStub(ruleId)))('reports exactly the %s findings written beside the code', (ruleId) => {
    const actual = result.findings.filter((finding) => finding.ruleId === ruleId);
    expect(describeFindings(actual)).toEqual(describeFindings(expected.filter((finding) => finding.ruleId === ruleId)));
  });

  it('reports nothing that is not expected beside the code', () => {
    const expectedLines = new Set(describeFindings(expected));
    expect(describeFindings(result.findings).filter((line) => !expectedLines.has(line))).toEqual([]);
  });

  it('checks every source file once, leaving out the policy-ignored tests and no file unparsed', () => {
    expect(result.fileCount).toBe(13);
    expect(result.problems).toEqual([]);
    expect(result.findings.some((finding) => finding.file.endsWith('.test.ts'))).toBe(false);
  });

  it('names services by workspace package and writes relative POSIX paths, sorted', () => {
    const services = Object.fromEntries(result.inventory.map((entry) => [entry.file.split('/').slice(0, 2).join('/'), entry.service]));
    expect(services).toEqual({ 'packages/platform': '@shop/platform', 'services/billing': 'billing', 'services/orders': 'orders' });
    for (const finding of result.findings) expect(finding.file).toMatch(/^(packages|services)\/[\w/.-]+$/);
    const order = result.findings.map((finding) => `${finding.file}\0${String(finding.line).padStart(6, '0')}`);
    expect(order).toEqual([...order].sort());
  });

  it('honours a suppression that gives a reason and reports one that gives none', () => {
    const catalog = result.findings.filter((finding) => finding.file === 'services/orders/src/catalog.ts');
    expect(catalog).toEqual([]);
    expect(result.inventory.some((entry) => entry.file === 'services/orders/src/catalog.ts' && entry.library === 'fetch')).toBe(true);
    const invalid = result.findings.filter((finding) => finding.ruleId === 'service-policy/invalid-suppression');
    expect(invalid.map((finding) => [finding.file, finding.severity])).toEqual([['services/billing/src/exchange-rates.js', 'warning']]);
  });

  it('takes severities from the policy file and help links from rule metadata', () => {
    for (const finding of result.findings) {
      expect(finding.helpUrl).toMatch(/^https:\/\/github\.com\/service-policy\/eslint-plugin-service-policy\/blob\/main\/docs\/(rules|checks)\/[a-z-]+\.md$/);
    }
    expect(result.rules.map((rule) => rule.id)).toContain('service-policy/require-retry-backoff');
    const backoff = result.findings.filter((finding) => finding.ruleId === 'service-policy/require-retry-backoff');
    for (const finding of backoff) expect(finding.severity).toBe('warning');
  });

  it('reads a timeout imported through a re-export from the platform package', () => {
    const invoices = result.findings.find((finding) => finding.file === 'services/billing/src/invoices.ts');
    expect(invoices?.message).toContain('timeout: 0');
  });

  it('gives byte-identical results on a second run, and reports progress file by file', async () => {
    const progress: string[] = [];
    const again = await checkProject({ root: FIXTURE, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(progress).toEqual(Array.from({ length: 13 }, (_, index) => `${index + 1}/13`));
  });

  it('finds what ESLint alone, one file at a time without types, misses', async () => {
    const eslint = new ESLint({
      cwd: FIXTURE,
      overrideConfigFile: true,
      overrideConfig: [
        { ignores: ['**/*.test.ts'] },
        { ...plugin.configs.recommended, files: ['**/*.ts', '**/*.js'] } as Linter.Config,
        {
          files: ['**/*.ts', '**/*.js'],
          languageOptions: { parser: typescriptParser as unknown as Linter.Parser, globals: { fetch: 'readonly', AbortSignal: 'readonly' } },
          rules: { 'service-policy/require-retry-backoff': 'warn' },
        },
      ],
    });
    const untyped = (await eslint.lintFiles(['.'])).flatMap((file) =>
      file.messages.map((message) => ({ file: path.relative(FIXTURE, file.filePath).split(path.sep).join('/'), line: message.line, ruleId: message.ruleId ?? 'parse' })),
    );
    // Every finding ESLint alone makes, the checker makes too; what the fixture expects beyond them needs
    // the whole project: values and clients from other modules, and the project checks.
    const seenByEslint = describeFindings(untyped);
    expect(seenByEslint.filter((line) => !describeFindings(result.findings).includes(line))).toEqual([]);
    expect(describeFindings(expected).filter((line) => !seenByEslint.includes(line))).toEqual([
      'packages/platform/src/http-clients.ts:9 service-policy/require-circuit-breaker',
      'services/billing/src/exchange-rates.js:17 service-policy/invalid-suppression',
      'services/billing/src/invoices.ts:5 service-policy/require-http-timeout',
      'services/billing/src/ledger.ts:8 service-policy/no-retry-on-client-error',
      'services/billing/src/ledger.ts:8 service-policy/no-unbounded-retry',
      'services/billing/src/ledger.ts:8 service-policy/require-circuit-breaker',
      'services/orders/src/quotes.ts:14 service-policy/no-retry-on-client-error',
      'services/orders/src/quotes.ts:14 service-policy/require-circuit-breaker',
      'services/orders/src/reserve-stock.ts:11 service-policy/require-idempotency-key',
    ]);
  });
});
