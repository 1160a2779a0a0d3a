/**
 * policy-check on the checkout-service fixture: exactly the findings written beside the code, those only
 * the cross-module view sees (lines written through the logger another module makes) included, and the
 * findings on that shared logger grouped under it with their count.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { checkProject, type CheckResult } from '../../checker/index.js';
import { describeFindings, readExpectations } from './expectations.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/checkout-service');
const RULE = 'service-policy/require-log-fields';

let result: CheckResult;

beforeAll(async () => {
  result = await checkProject({ root: FIXTURE });
});

describe('checkProject on fixtures/checkout-service', () => {
  it('reports exactly the require-log-fields findings written beside the code', () => {
    const expected = readExpectations(FIXTURE).filter((finding) => finding.ruleId === RULE);
    expect(describeFindings(result.findings.filter((finding) => finding.ruleId === RULE))).toEqual(describeFindings(expected));
    expect(result.problems).toEqual([]);
  });

  it('names the shared logger and where it is made in the findings on lines written through it', () => {
    const carts = result.findings.find((finding) => finding.file === 'src/routes/carts.ts' && finding.ruleId === RULE);
    expect(carts?.message).toContain('the pino logger `logger` made at src/logger.ts:7');
    const pricing = result.findings.find((finding) => finding.file === 'src/clients/pricing-client.ts' && finding.ruleId === RULE);
    expect(pricing?.message).toContain('`log` (a child of the pino logger `logger` made at src/logger.ts:7)');
  });

  it('ties every finding on the shared logger to the place its fix belongs', () => {
    const shared = result.findings.filter((finding) => finding.fixLocation?.file === 'src/logger.ts');
    expect(shared.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'src/clients/pricing-client.ts:30',
      'src/clients/pricing-client.ts:37',
      'src/routes/carts.ts:39',
      'src/routes/carts.ts:44',
      'src/server.ts:34',
    ]);
    expect(new Set(shared.map((finding) => JSON.stringify(finding.fixLocation)))).toEqual(new Set([JSON.stringify({ label: 'pino logger `logger`', file: 'src/logger.ts', line: 7 })]));
    const worker = result.findings.filter((finding) => finding.file === 'src/workers/abandoned-carts.ts');
    expect(worker.map((finding) => finding.fixLocation?.line ?? 'none')).toEqual([11, 11, 'none']);
  });

  it('lists every logger with the fields it binds', () => {
    const loggers = result.inventory
      .filter((entry) => entry.kind === 'logger')
      .map((entry) => `${entry.file}:${entry.line} ${entry.library} ${entry.properties.name} [${entry.properties.fields}]${entry.properties.root ? ` root ${entry.properties.root}` : ''}${entry.properties.fieldsFrom ? ` ${entry.properties.fieldsFrom}` : ''}`);
    expect(loggers).toEqual([
      'src/logger.ts:7 pino logger [hostname, name, pid]',
      'src/logger.ts:15 pino moduleLogger() [hostname, module, name, pid] root src/logger.ts:7',
      'src/routes/carts.ts:28 pino log [cartId, hostname, name, pid, traceId] root src/logger.ts:7',
      'src/server.ts:20 pino-http req.log [hostname, name, pid, req, req.id] req.id (from the x-request-id header)',
      'src/workers/abandoned-carts.ts:11 winston logger [service, timestamp]',
    ]);
  });

  it('reports exactly the require-trace-propagation findings written beside the code, and whether each outbound call propagates', () => {
    const rule = 'service-policy/require-trace-propagation';
    const expected = readExpectations(FIXTURE).filter((finding) => finding.ruleId === rule);
    expect(describeFindings(result.findings.filter((finding) => finding.ruleId === rule))).toEqual(describeFindings(expected));
    const calls = result.inventory
      .filter((entry) => entry.kind === 'outbound-client')
      .map((entry) => `${entry.file}:${entry.line} ${entry.library} ${String(entry.properties.propagates)} ${String(entry.properties.via)}`);
    expect(calls).toEqual([
      'src/clients/pricing-client.ts:12 axios false null',
      'src/routes/shipping.ts:15 axios true request interceptor',
      'src/routes/shipping.ts:23 axios true request interceptor',
      'src/routes/shipping.ts:28 fetch true traceparent',
      'src/routes/shipping.ts:37 fetch false null',
    ]);
  });
});
