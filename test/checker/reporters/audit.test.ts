import { describe, expect, it } from 'vitest';

import { formatAudit, pickSample } from '../../../checker/reporters/audit.js';
import { createCheckResult, createManyFindings, reverseLists } from './check-result-fixture.js';

/** Numbered lines, so the code shown around a finding can be checked by number. */
const readLines = (file: string): string[] | undefined => (file.includes('broken') ? undefined : Array.from({ length: 40 }, (_, index) => `line ${index + 1} of ${file}`));

describe('audit report', () => {
  const output = formatAudit(createCheckResult(), { readLines, seed: 1, context: 2 });

  it('groups the findings by rule, in rule order, with a line to mark each', () => {
    expect(output.startsWith('# policy-check audit\n\n8 findings of 5 rules in 14 files checked.\n')).toBe(true);
    expect(output.match(/^## .*$/gm)).toEqual([
      '## no-unbounded-retry (2 findings)',
      '## require-circuit-breaker (1 finding)',
      '## require-http-timeout (3 findings)',
      '## require-idempotency-key (1 finding)',
      '## require-retry-backoff (1 finding)',
    ]);
    expect(output.match(/^verdict: \[ \] true {2}\[ \] false {2}\[ \] arguable {2}reason:$/gm)).toHaveLength(8);
  });

  it('shows the reported line marked, with the given number of lines around it', () => {
    expect(output).toContain(
      [
        '### 1. services/orders/src/payments-client.ts:8:24',
        '',
        'axios.create() has no timeout (axios default 0 = wait forever). Set timeout.',
        '',
        'verdict: [ ] true  [ ] false  [ ] arguable  reason:',
        '',
        '```',
        '   6 | line 6 of services/orders/src/payments-client.ts',
        '   7 | line 7 of services/orders/src/payments-client.ts',
        '>  8 | line 8 of services/orders/src/payments-client.ts',
        '   9 | line 9 of services/orders/src/payments-client.ts',
        '  10 | line 10 of services/orders/src/payments-client.ts',
        '```',
      ].join('\n'),
    );
  });

  it('does not depend on the order of the input', () => {
    expect(formatAudit(reverseLists(createCheckResult()), { readLines, seed: 1, context: 2 })).toBe(output);
  });

  it('shows a seeded sample per rule past the sample size, the same for the same seed, in report order', () => {
    const result = createCheckResult({ findings: createManyFindings(90) });
    const sampled = formatAudit(result, { readLines, seed: 1, sample: 10, context: 0 });
    expect(sampled).toContain('at most 10 per rule picked with seed 1.');
    expect(sampled).toContain('## require-http-timeout (10 of 60 findings)');
    expect(sampled).toContain('## require-retry-backoff (10 of 30 findings)');
    expect(formatAudit(result, { readLines, seed: 1, sample: 10, context: 0 })).toBe(sampled);
    expect(formatAudit(result, { readLines, seed: 2, sample: 10, context: 0 })).not.toBe(sampled);
    const headings = sampled.match(/^### \d+\. (.*)$/gm)!.map((heading) => heading.replace(/^### \d+\. /, ''));
    const httpHeadings = headings.slice(0, 10);
    expect(httpHeadings).toEqual([...httpHeadings].sort((left, right) => left.localeCompare(right, 'en', { numeric: true })));
  });

  it('says so when a file cannot be read', () => {
    const result = createCheckResult({ findings: createCheckResult().findings.map((finding) => ({ ...finding, file: `broken/${finding.file}` })) });
    expect(formatAudit(result, { readLines, seed: 1, context: 2 })).toContain('(the file cannot be read)');
  });
});

describe('pickSample', () => {
  const items = Array.from({ length: 100 }, (_, index) => index);

  it('keeps everything at or under the size, and picks distinct items in order above it', () => {
    expect(pickSample(items.slice(0, 5), 5, 'a')).toEqual([0, 1, 2, 3, 4]);
    expect(pickSample(items, undefined, 'a')).toEqual(items);
    const picked = pickSample(items, 40, '1:service-policy/require-http-timeout');
    expect(picked).toHaveLength(40);
    expect(new Set(picked).size).toBe(40);
    expect(picked).toEqual([...picked].sort((left, right) => left - right));
    expect(pickSample(items, 40, '1:service-policy/require-http-timeout')).toEqual(picked);
  });

  it('spreads the picks over the whole list', () => {
    const picked = pickSample(items, 40, 'spread');
    expect(picked.filter((index) => index < 50).length).toBeGreaterThan(10);
    expect(picked.filter((index) => index >= 50).length).toBeGreaterThan(10);
  });
});
