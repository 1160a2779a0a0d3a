/**
 * The first-rule-cost report: medians per variant, each run against the floor, and the cost per rule of
 * a plugin over one rule that listens to nothing.
 */
import { describe, expect, it } from 'vitest';

import { renderFirstRuleCost, summarize, type VariantSummary } from '../../bench/first-rule-cost.js';
import type { MeasurementResult } from '../../bench/measure.js';

function run(cpuMs: number, gcMs: number, ruleCount = 0): MeasurementResult {
  return { wallMs: cpuMs, cpuMs, gcMs, promotedBytes: gcMs * 1024 * 1024, maxRssBytes: 300 * 1024 * 1024, files: 500, problems: ruleCount > 0 ? 9 : 0, fatal: 0, ruleCount, messagesByRule: {} };
}

function summaryOf(cpuMs: number, gcMs: number, ruleCount = 0): VariantSummary {
  return summarize([run(cpuMs, gcMs, ruleCount)]);
}

describe('first rule cost', () => {
  it("keeps the fastest run, its GC pauses, and the median beside it", () => {
    expect(summarize([run(3_100, 280), run(3_400, 500), run(3_000, 300)])).toMatchObject({ cpuMs: 3_000, gcMs: 300, medianCpuMs: 3_100, promotedBytes: 300 * 1024 * 1024, runs: 3 });
    expect(summarize([run(3_000, 300), run(3_400, 500)])).toMatchObject({ cpuMs: 3_000, medianCpuMs: 3_200 });
  });

  it('sets each run against the floor and spreads a plugin over its rules beyond the first-rule cost', () => {
    const report = renderFirstRuleCost('bench/corpus/500', {
      floor: summaryOf(3_000, 250),
      noop: summaryOf(3_300, 450, 1),
      'noop-copied': summaryOf(3_000, 250, 1),
      ours: summaryOf(3_440, 460, 7),
      'ours-copied': summaryOf(3_150, 270, 7),
      security: summaryOf(3_600, 470, 15),
      'security-copied': summaryOf(3_450, 460, 15),
    });
    expect(report).toContain('| one rule that listens to nothing | 3.30 s | 450 ms | 3.30 s | 450 MB | 300 MB | 1.10× | 9 |');
    expect(report).toContain("| ESLint's cost of running any rule (one rule that listens to nothing ÷ floor) | 1.10× |");
    expect(report).toContain('| the same with the rule context copied | 1.00× |');
    expect(report).toContain('| our rules ÷ one rule that listens to nothing | 1.04× |');
    expect(report).toContain('| our cost per rule over one rule that listens to nothing | 20.0 ms |');
    expect(report).toContain("| eslint-plugin-security's cost per rule over one rule that listens to nothing | 20.0 ms |");
    expect(report).toContain('| our cost per rule over the floor, rule context copied | 21.4 ms |');
    // A variant not measured is left out of the runs.
    expect(report).not.toContain('one core rule');
  });
});
