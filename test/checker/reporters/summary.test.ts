import { describe, expect, it } from 'vitest';

import { getInventoryColumns, getPropertyLabel, getRuleFamily, rankFixes, splitCodeSpans } from '../../../checker/reporters/summary.js';
import { createEntry, createFinding } from './check-result-fixture.js';

const DOCS = 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs';

describe('report summaries', () => {
  it('puts each rule in its family, and a check of no family under project checks', () => {
    expect(
      [
        'no-unbounded-retry',
        'require-retry-backoff',
        'no-retry-on-client-error',
        'require-idempotency-key',
        'require-circuit-breaker',
        'require-http-timeout',
        'require-log-fields',
        'require-trace-propagation',
        'require-access-log',
      ].map((name) => getRuleFamily(`service-policy/${name}`, `${DOCS}/rules/${name}.md`)),
    ).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'http', 'logging', 'tracing', 'tracing']);
    expect(getRuleFamily('service-policy/invalid-suppression', `${DOCS}/checks/invalid-suppression.md`)).toBe('project checks');
    expect(getRuleFamily('service-policy/no-insecure-jwt', `${DOCS}/rules/no-insecure-jwt.md`)).toBe('other');
  });

  it('cuts a message into prose and code spans as CommonMark reads them', () => {
    expect(splitCodeSpans('set `timeout` or ``a `b` c`` and ` x `; one stray ` stays')).toEqual([
      { code: false, text: 'set ', source: 'set ' },
      { code: true, text: 'timeout', source: '`timeout`' },
      { code: false, text: ' or ', source: ' or ' },
      { code: true, text: 'a `b` c', source: '``a `b` c``' },
      { code: false, text: ' and ', source: ' and ' },
      { code: true, text: 'x', source: '` x `' },
      { code: false, text: '; one stray ` stays', source: '; one stray ` stays' },
    ]);
    expect(splitCodeSpans('')).toEqual([]);
  });

  it('orders an inventory kind by its known properties, then any other by name', () => {
    const entries = [createEntry('outbound-client', 'axios', 'a.ts', 1, 1, 'a', { zone: 'eu', host: null, propagates: true, extra: 1 })];
    expect(getInventoryColumns('outbound-client', entries)).toEqual(['propagates', 'host', 'extra', 'zone']);
    expect(getInventoryColumns('cache-write', [createEntry('cache-write', 'redis', 'a.ts', 1, 1, 'a', { ttl: 5, key: 'x' })])).toEqual(['key', 'ttl']);
    expect(['mayAddFields', 'propagates', 'root', 'timeout'].map(getPropertyLabel)).toEqual(['may add fields', 'propagates trace context', 'child of', 'timeout']);
  });

  it('ranks where to start: a shared logger counts once for all its lines, most errors first', () => {
    const logger = { label: 'pino logger `logger`', file: 'src/logger.ts', line: 7 };
    const findings = [
      ...[1, 2, 3].map((line) => ({ ...createFinding('require-log-fields', 'error', 'src/a.ts', line, 1, 'a', 'm'), fixLocation: logger })),
      createFinding('require-log-fields', 'error', 'src/b.ts', 4, 1, 'b', 'console.log'),
      createFinding('require-http-timeout', 'error', 'src/c.ts', 1, 1, 'c', 'm'),
      createFinding('require-http-timeout', 'error', 'src/d.ts', 1, 1, 'a', 'm'),
      createFinding('require-retry-backoff', 'warning', 'src/e.ts', 1, 1, 'a', 'm'),
      createFinding('require-retry-backoff', 'warning', 'src/f.ts', 1, 1, 'a', 'm'),
      createFinding('require-retry-backoff', 'warning', 'src/g.ts', 1, 1, 'a', 'm'),
    ];
    expect(rankFixes(findings).map((item) => (item.kind === 'rule' ? `${item.ruleId} ${item.errors}/${item.total} in ${item.services.join(',')}` : `${item.group.fixLocation.file}:${item.group.fixLocation.line} ${item.errors}/${item.total}`))).toEqual([
      'src/logger.ts:7 3/3',
      'service-policy/require-http-timeout 2/2 in a,c',
      'service-policy/require-log-fields 1/1 in b',
      'service-policy/require-retry-backoff 0/3 in a',
    ]);
  });
});
