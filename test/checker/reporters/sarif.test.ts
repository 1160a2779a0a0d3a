import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createFinding, reverseLists } from './check-result-fixture.js';

// The official SARIF 2.1.0 schema is JSON Schema draft-04, with one pattern that is not valid in unicode mode.
const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///') && !/\s/.test(value));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validateSarif = ajv.compile(sarifSchema);
const options = { color: false };

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: Record<string, number> };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: SarifLocation[] }[] }[];
    results: SarifResult[];
  }[];
}

function toSarif(result = createCheckResult()): SarifLog {
  return JSON.parse(reporters.sarif(result, options)) as SarifLog;
}

describe('sarif reporter', () => {
  const output = reporters.sarif(createCheckResult(), options);
  const log = JSON.parse(output) as SarifLog;
  const [run] = log.runs;

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    const empty = toSarif(createCheckResult({ findings: [], problems: [], inventory: [], rules: [] }));
    expect(validateSarif(empty), ajv.errorsText(validateSarif.errors)).toBe(true);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('suits GitHub code scanning: one run, rule ids on every result, relative URIs from %SRCROOT%', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\/.+sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
    for (const result of run.results) {
      expect(result.ruleId).toMatch(/^service-policy\/[a-z-]+$/);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(ruleIds).toContain(result.ruleId);
      const { artifactLocation } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
    }
    expect(run.results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri)).toContain('services/shipping/src/legacy%20client.ts');
  });

  it('describes the tool and every rule from the result', () => {
    expect(run.tool.driver).toMatchObject({ name: 'policy-check', version: '0.1.0', informationUri: 'https://github.com/service-policy/eslint-plugin-service-policy' });
    expect(run.tool.driver.rules).toContainEqual({
      id: 'service-policy/require-circuit-breaker',
      shortDescription: { text: 'Require a circuit breaker around clients that retry' },
      helpUri: 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/checks/require-circuit-breaker.md',
    });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'service-policy/no-unbounded-retry',
      'service-policy/require-circuit-breaker',
      'service-policy/require-http-timeout',
      'service-policy/require-idempotency-key',
      'service-policy/require-retry-backoff',
    ]);
  });

  it('writes each finding with its level, message and 1-based region', () => {
    expect(run.results).toHaveLength(8);
    expect(run.results[1]).toMatchObject({
      ruleId: 'service-policy/require-http-timeout',
      level: 'error',
      message: { text: 'axios.create() has no timeout (axios default 0 = wait forever). Set timeout.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/orders/src/payments-client.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 8, startColumn: 24, endLine: 8, endColumn: 36 },
          },
        },
      ],
    });
    expect(run.results.filter((result) => result.level === 'warning')).toHaveLength(3);
  });

  it('gives each finding a fingerprint that stays when lines move and differs between findings', () => {
    const fingerprints = run.results.map((result) => result.partialFingerprints['policyCheck/v1']);
    expect(new Set(fingerprints).size).toBe(8);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const moved = createCheckResult();
    const shifted = { ...moved, findings: moved.findings.map((finding) => ({ ...finding, line: finding.line + 10, endLine: finding.endLine + 10 })) };
    expect(toSarif(shifted).runs[0].results.map((result) => result.partialFingerprints['policyCheck/v1'])).toEqual(fingerprints);
  });

  it('tells identical findings in one file apart by their order', () => {
    const twice = [1, 40].map((line) => createFinding('require-http-timeout', 'error', 'src/client.ts', line, 1, 'a', 'fetch() has no timeout.'));
    const [first, second] = toSarif(createCheckResult({ findings: twice })).runs[0].results;
    expect(first.partialFingerprints['policyCheck/v1']).not.toBe(second.partialFingerprints['policyCheck/v1']);
  });

  it('reports files that could not be checked, and notes, as tool execution notifications', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: `'}' expected. </td><script>window.__pwned = true</script>` },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'services/payments/src/broken.ts', uriBaseId: '%SRCROOT%' } } }],
          },
          {
            level: 'note',
            message: { text: 'lists 1 of 4 source files under services/shipping; the other 3 are checked too' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'services/shipping/tsconfig.json', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('describes a rule a finding names even when the result lists no descriptor for it', () => {
    const finding = createFinding('no-cache-stampede', 'warning', 'src/cache.ts', 3, 1, 'a', 'Cache-aside with no lock.');
    const { results, tool } = toSarif(createCheckResult({ findings: [finding], rules: [] })).runs[0];
    expect(tool.driver.rules).toEqual([{ id: 'service-policy/no-cache-stampede', shortDescription: { text: 'service-policy/no-cache-stampede' }, helpUri: finding.helpUrl }]);
    expect(results[0].ruleIndex).toBe(0);
  });

  it('keeps regions valid when a finding has no usable end', () => {
    const finding = { ...createFinding('require-http-timeout', 'error', './src/a.ts', 7, 9, 'a', 'No timeout.'), endLine: 6, endColumn: 1 };
    const sarif = toSarif(createCheckResult({ findings: [finding] }));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 9 },
    });
  });

  it('does not depend on the order of the input', () => {
    expect(reporters.sarif(reverseLists(createCheckResult()), options)).toBe(output);
  });
});
