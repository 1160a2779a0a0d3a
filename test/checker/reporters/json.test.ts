import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import type { CheckResult } from '../../../checker/report/model.js';
import { parseJsonReport, reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createEntry, reverseLists } from './check-result-fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8')) as object;
const schemaDoc = readFileSync(new URL('../../../docs/report-schema.md', import.meta.url), 'utf8');
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const options = { color: false };

describe('json reporter', () => {
  const output = reporters.json(createCheckResult(), options);
  const document = JSON.parse(output) as Record<string, unknown> & CheckResult;

  it('writes schemaVersion first and every object with its keys in a fixed order, two-space indent', () => {
    expect(output.startsWith('{\n  "schemaVersion": 2,\n  "tool": {\n    "name": "policy-check",\n    "version": "0.1.0"\n  },\n  "fileCount": 14,\n')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
    expect(Object.keys(document)).toEqual(['schemaVersion', 'tool', 'fileCount', 'findings', 'inventory', 'problems', 'excluded', 'notes', 'rules']);
    expect(document.excluded).toEqual([
      { file: 'services/orders/src/generated/client.ts', reason: 'ignored' },
      { file: 'services/orders/src/payments-client.spec.ts', reason: 'test' },
      { file: 'services/orders/test/retry.test.ts', reason: 'test' },
    ]);
    expect(Object.keys(document.notes[0])).toEqual(['file', 'message']);
    expect(Object.keys(document.findings[0])).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'helpUrl', 'service']);
    expect(Object.keys(document.inventory[0])).toEqual(['kind', 'library', 'file', 'line', 'column', 'service', 'properties']);
    expect(Object.keys(document.inventory.find((entry) => entry.library === 'axios-retry')!.properties)).toEqual(['backoff', 'bound', 'jitter', 'methods']);
  });

  it('sorts findings by file, line, column, rule and message, the inventory by location, rules by id', () => {
    expect(document.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      'packages/shared/src/http.ts:4:14 service-policy/require-circuit-breaker',
      'services/orders/src/payments-client.ts:8:24 service-policy/require-http-timeout',
      'services/orders/src/payments-client.ts:31:10 service-policy/require-idempotency-key',
      'services/orders/src/retry.ts:9:5 service-policy/no-unbounded-retry',
      'services/orders/src/retry.ts:9:5 service-policy/no-unbounded-retry',
      'services/orders/src/retry.ts:21:3 service-policy/require-retry-backoff',
      'services/payments/src/handlers/charge.ts:12:24 service-policy/require-http-timeout',
      'services/shipping/src/legacy client.ts:17:7 service-policy/require-http-timeout',
    ]);
    expect(document.findings[3].message).toMatch(/^pRetry/);
    expect(document.inventory.map((entry) => `${entry.file}:${entry.line}`)).toEqual([
      'packages/shared/src/http.ts:4',
      'packages/shared/src/logger.ts:3',
      'services/orders/src/payments-client.ts:8',
      'services/orders/src/retry.ts:9',
      'services/payments/src/handlers/charge.ts:10',
      'services/payments/src/handlers/charge.ts:12',
    ]);
    expect(document.rules.map((rule) => rule.id)).toEqual([...document.rules.map((rule) => rule.id)].sort());
  });

  it('is valid against docs/report.schema.json', () => {
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(reporters.json(createCheckResult({ findings: [], inventory: [], problems: [], rules: [] }), options)))).toBe(true);
  });

  it('writes numbers JSON cannot hold as strings', () => {
    const retry = document.inventory.find((entry) => entry.library === 'axios-retry')!;
    expect(retry.properties.bound).toBe('Infinity');
    const result = createCheckResult({ inventory: [createEntry('retry-policy', 'cockatiel', 'src/a.ts', 1, 1, 'a', { bound: -Infinity, delay: Number.NaN })] });
    expect(JSON.parse(reporters.json(result, options)).inventory[0].properties).toEqual({ bound: '-Infinity', delay: 'NaN' });
  });

  it('reads back through parseJsonReport to the same result and the same bytes', () => {
    const parsed = parseJsonReport(output);
    expect(parsed.findings).toEqual(document.findings);
    expect(parsed.problems).toEqual([{ file: 'services/payments/src/broken.ts', message: `'}' expected. </td><script>window.__pwned = true</script>` }]);
    expect(parsed.rules).toHaveLength(5);
    expect(reporters.json(parsed, options)).toBe(output);
  });

  it('does not depend on the order of the input', () => {
    expect(reporters.json(reverseLists(createCheckResult()), options)).toBe(output);
  });

  it('matches the example in docs/report-schema.md', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(schemaDoc)![1];
    expect(validate(JSON.parse(example)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseJsonReport(example).findings[0].ruleId).toBe('service-policy/require-http-timeout');
  });
});

describe('parseJsonReport', () => {
  const valid = JSON.parse(reporters.json(createCheckResult(), options)) as Record<string, unknown>;
  // The changes write values the report's types forbid: that is the point.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const withChange = (change: (document: Record<string, any>) => void): string => {
    const document = structuredClone(valid);
    change(document);
    return JSON.stringify(document);
  };

  it.each([
    ['text that is not JSON', '{"schemaVersion": 1,\n  oops', /^Not a policy-check JSON report: /],
    ['a JSON array', '[]', 'Not a policy-check JSON report: expected an object at the top level.'],
    ['a report with no schemaVersion', withChange((document) => delete document.schemaVersion), 'Not a policy-check JSON report: it has no schemaVersion.'],
    ['a report from another schema version', withChange((document) => (document.schemaVersion = 1)), 'Unsupported policy-check report schemaVersion 1: expected 2.'],
    ['a missing list', withChange((document) => delete document.inventory), 'Invalid policy-check report: the report has no inventory.'],
    ['an unknown key', withChange((document) => (document.generatedAt = 'today')), 'Invalid policy-check report: the report has an unknown key "generatedAt".'],
    ['a list that is not an array', withChange((document) => (document.findings = {})), 'Invalid policy-check report: findings must be an array.'],
    ['a line of 0', withChange((document) => (document.findings[2].line = 0)), 'Invalid policy-check report: findings[2].line must be an integer of at least 1, got 0.'],
    ['an unknown severity', withChange((document) => (document.findings[0].severity = 'info')), 'Invalid policy-check report: findings[0].severity must be "error" or "warning", got "info".'],
    ['a finding with an extra key', withChange((document) => (document.findings[1].fix = null)), 'Invalid policy-check report: findings[1] has an unknown key "fix".'],
    ['a nested property value', withChange((document) => (document.inventory[0].properties.timeout = { ms: 5 })), 'Invalid policy-check report: inventory[0].properties.timeout must be a string, number, boolean or null.'],
    ['a tool with no version', withChange((document) => delete document.tool.version), 'Invalid policy-check report: tool has no version.'],
    ['a negative file count', withChange((document) => (document.fileCount = -1)), 'Invalid policy-check report: fileCount must be an integer of at least 0, got -1.'],
    ['an unknown exclusion reason', withChange((document) => (document.excluded[1].reason = 'generated')), 'Invalid policy-check report: excluded[1].reason must be one of "test", "ignored", "not-included", "compiled-output", got "generated".'],
    ['a note with no message', withChange((document) => delete document.notes[0].message), 'Invalid policy-check report: notes[0] has no message.'],
    ['a problem with a numeric file', withChange((document) => (document.problems[0].file = 7)), 'Invalid policy-check report: problems[0].file must be a string.'],
  ])('rejects %s with one clear line', (_, text, expected) => {
    let message = '';
    try {
      parseJsonReport(text);
    } catch (error) {
      message = (error as Error).message;
    }
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });
});
