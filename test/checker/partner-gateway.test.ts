/**
 * policy-check on the partner-gateway fixture: the calls of a fetch helper defined in another module, and
 * NestJS HttpService requests whose provider's module (in another file) imports HttpModule without a
 * timeout, are reported at the call with the wrapper or module named; per-file ESLint stays silent on
 * them, since the wrapper and the module are out of its sight.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { checkProject, type CheckResult } from '../../checker/index.js';
import { lintProject, listSourceFiles } from '../fixtures/lint-project.js';
import { describeFindings, readExpectations } from './expectations.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/partner-gateway');
const RULE = 'service-policy/require-http-timeout';

let result: CheckResult;

beforeAll(async () => {
  result = await checkProject({ root: FIXTURE });
});

describe('checkProject on fixtures/partner-gateway', () => {
  it('reports exactly the findings written beside the code', () => {
    expect(describeFindings(result.findings)).toEqual(describeFindings(readExpectations(FIXTURE)));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.problems).toEqual([]);
  });

  it('names the wrapper and the module, and where each is, in the messages', () => {
    const messages = result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`);
    expect(messages.filter((message) => message.includes('`request` (defined at src/http/request.ts:4)'))).toHaveLength(2);
    expect(messages.filter((message) => message.includes('pass `signal` in argument 2 here'))).toHaveLength(2);
    expect(messages.filter((message) => message.startsWith('src/rates/rates.client.ts:10') && message.includes('`RatesModule` (src/rates/rates.module.ts:6) imports `HttpModule` without'))).toHaveLength(1);
  });

  it('lists each HttpService request with the timeout its module gives it', () => {
    const clients = result.inventory
      .filter((entry) => entry.kind === 'http-client' && entry.file.includes('.client.ts'))
      .map((entry) => `${entry.file}:${entry.line} ${entry.library} ${String(entry.properties.timeout)}`);
    expect(clients).toEqual([
      'src/invoices/invoices.client.ts:10 axios unknown',
      'src/invoices/invoices.client.ts:15 axios unknown',
      'src/rates/rates.client.ts:10 axios none',
      'src/rates/rates.client.ts:15 axios 2000 ms',
    ]);
  });

  it('is silent on those lines when ESLint lints one file at a time without types', async () => {
    const { findings, fatal, crashed } = await lintProject(FIXTURE, listSourceFiles(FIXTURE), { allRules: true });
    expect(fatal).toEqual([]);
    expect(crashed).toEqual([]);
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
