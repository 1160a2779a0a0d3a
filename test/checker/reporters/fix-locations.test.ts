/**
 * Findings whose fix belongs elsewhere (lines written through one shared logger): the JSON report carries
 * the fix location and reads it back, the text and Markdown reports group the findings under it with their
 * count, and reports without such findings are unchanged.
 */
import { readFileSync } from 'node:fs';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { groupByFixLocation, type Finding } from '../../../checker/report/model.js';
import { parseJsonReport, reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createFinding, reverseLists } from './check-result-fixture.js';

const schema = JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const options = { color: false };
const DOCS = 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs';

const SHARED = { label: 'pino logger `logger`', file: 'packages/shared/src/logger.ts', line: 3 };
const WORKER = { label: 'winston logger `logger`', file: 'services/orders/src/worker.ts', line: 8 };

function onLogger(file: string, line: number, service: string, fixLocation: Finding['fixLocation']): Finding {
  const message = `Log line with no \`traceId\`: the logger made at ${fixLocation!.file}:${fixLocation!.line} does not bind it.`;
  return { ...createFinding('require-log-fields', 'error', file, line, 5, service, message), fixLocation };
}

const findings: Finding[] = [
  onLogger('services/orders/src/orders.ts', 12, 'orders', SHARED),
  onLogger('services/orders/src/orders.ts', 30, 'orders', SHARED),
  onLogger('services/payments/src/charge.ts', 7, 'payments', SHARED),
  onLogger('services/orders/src/worker.ts', 20, 'orders', WORKER),
  createFinding('require-log-fields', 'error', 'services/orders/src/cli.ts', 4, 1, 'orders', 'console.log writes an unstructured line.'),
];
const result = createCheckResult({ findings });

describe('fix locations', () => {
  it('groups findings by the place their fix belongs, the largest group first', () => {
    expect(groupByFixLocation(findings).map((group) => `${group.fixLocation.file}:${group.fixLocation.line} ${group.findings.length} in ${group.fileCount}`)).toEqual([
      'packages/shared/src/logger.ts:3 3 in 2',
      'services/orders/src/worker.ts:8 1 in 1',
    ]);
  });

  it('writes them in the JSON report, valid against the schema, and reads them back', () => {
    const output = reporters.json(result, options);
    const document = JSON.parse(output) as { findings: Array<Record<string, unknown>> };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.findings.filter((finding) => 'fixLocation' in finding)).toHaveLength(4);
    expect(Object.keys(document.findings.find((finding) => finding.file === 'services/orders/src/cli.ts')!)).not.toContain('fixLocation');
    const parsed = parseJsonReport(output);
    expect(parsed.findings.find((finding) => finding.line === 20)?.fixLocation).toEqual(WORKER);
    expect(reporters.json(parsed, options)).toBe(output);
    expect(reporters.json(reverseLists(result), options)).toBe(output);
  });

  it('rejects a fix location with an unknown key', () => {
    const output = reporters.json(result, options).replace('"line": 3\n', '"line": 3,\n        "column": 1\n');
    expect(() => parseJsonReport(output)).toThrow(/fixLocation has an unknown key "column"/);
  });

  it('lists the places to fix once in the text report', () => {
    const text = reporters.text(result, options);
    expect(text).toContain(
      [
        'Fix once, where it is made:',
        '  packages/shared/src/logger.ts:3  pino logger `logger`: 3 findings in 2 files  service-policy/require-log-fields',
        '  services/orders/src/worker.ts:8  winston logger `logger`: 1 finding in 1 file  service-policy/require-log-fields',
      ].join('\n'),
    );
    expect(reporters.text(createCheckResult(), options)).not.toContain('Fix once');
  });

  it('tables them in the Markdown report', () => {
    const markdown = reporters.markdown(result, options);
    expect(markdown).toContain('### Fix once, where it is made\n\n| Where | What | Rule | Findings | Files |\n| --- | --- | --- | ---: | ---: |\n');
    expect(markdown).toMatch(/\| `packages\/shared\/src\/logger\.ts:3` \| pino logger `logger` \| \[require-log-fields\]\([^)]+\) \| 3 \| 2 \|/);
    expect(reporters.markdown(createCheckResult(), options)).not.toContain('Fix once');
  });

  it('gives the lines of one file written through one shared logger one row in the Markdown findings', () => {
    const markdown = reporters.markdown(result, options);
    expect(markdown).toContain(
      [
        '#### `services/orders/src/orders.ts`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 12:5, 30:5 | ❌ error | [require-log-fields](${DOCS}/rules/require-log-fields.md) | 2 lines through pino logger \`logger\`, fixed once where it is made (see above): Log line with no \`traceId\`: the logger made at packages/shared/src/logger.ts:3 does not bind it. |`,
      ].join('\n'),
    );
    expect(markdown).toContain('#### `services/orders/src/cli.ts`\n\n| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n| 4:1 | ❌ error |');
    expect(markdown).toContain('| 20:5 | ❌ error |');
  });

  it('reads five hundred lines on one shared logger as one fix: one row per file, nothing cut', () => {
    const many = Array.from({ length: 500 }, (_, index) => onLogger(`services/orders/src/handlers/handler-${String(index % 50).padStart(2, '0')}.ts`, 10 + Math.floor(index / 50), 'orders', SHARED));
    const markdown = reporters.markdown(createCheckResult({ findings: many }), options);
    expect(markdown).toContain(`| \`packages/shared/src/logger.ts:3\` | pino logger \`logger\` | [require-log-fields](${DOCS}/rules/require-log-fields.md) | 500 | 50 |`);
    expect(markdown.match(/^\| 10:5, 11:5, 12:5, 13:5, 14:5, 15:5, 16:5, 17:5, \+2 \| ❌ error \| .* 10 lines through pino logger `logger`/gm)).toHaveLength(50);
    expect(markdown).not.toContain('Truncated');
    expect(markdown.length).toBeLessThan(60_000);
  });
});
