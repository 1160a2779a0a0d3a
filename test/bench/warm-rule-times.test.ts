/**
 * The warm rule-time report: each plugin's rules summed and averaged by their prefix, and the two plugins'
 * totals compared within the same passes.
 */
import { describe, expect, it } from 'vitest';

import { renderWarmRuleTimes, summarizePlugin, type WarmRuleTimes } from '../../bench/warm-rule-times.js';

const times: WarmRuleTimes = {
  passes: 5,
  rules: { 'service-policy/a': 30, 'service-policy/b': 6, 'security/x': 40, 'security/y': 2, 'security/z': 0 },
};

describe('warm rule times', () => {
  it('sums and averages one plugin by its prefix', () => {
    expect(summarizePlugin(times, 'service-policy/')).toEqual({ rules: 2, totalMs: 36, perRuleMs: 18 });
    expect(summarizePlugin(times, 'security/')).toEqual({ rules: 3, totalMs: 42, perRuleMs: 14 });
    expect(summarizePlugin(times, 'sonarjs/')).toEqual({ rules: 0, totalMs: 0, perRuleMs: 0 });
  });

  it('lists our rules per build and compares the totals within the same passes', () => {
    const before: WarmRuleTimes = { passes: 5, rules: { 'service-policy/a': 60, 'security/x': 30 } };
    const report = renderWarmRuleTimes('bench/corpus/500', [
      { name: 'this build', times },
      { name: 'before', times: before },
    ]);
    expect(report).toContain('| `service-policy/a` | 30.0 | 60.0 |');
    expect(report).toContain('| `service-policy/b` | 6.0 | – |');
    expect(report).toContain("| our rules' total ÷ eslint-plugin-security's (same passes) | 0.86× | 2.00× |");
  });
});
