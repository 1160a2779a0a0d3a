import { describe, expect, it } from 'vitest';

import { renderMarkdown } from '../../bench/report.js';
import type { BenchmarkResults, CorpusResult, VariantId, VariantSummary } from '../../bench/results.js';
import { computeGrowth, computeRatios, computeTargets, fastestRuleTimes, median, summarizeRuleTimes, summarizeVariant } from '../../bench/results.js';

function summary(medianMs: number, medianRssBytes: number, ruleCount = 0): VariantSummary {
  return { runs: [{ wallMs: medianMs, cpuMs: medianMs, maxRssBytes: medianRssBytes }], medianMs, medianCpuMs: medianMs, fastestCpuMs: medianMs, medianRssBytes, files: 0, problems: 0, fatal: 0, ruleCount, messagesByRule: {} };
}

const MB = 1024 * 1024;

function results(corpora: readonly CorpusResult[]): BenchmarkResults {
  const growth = computeGrowth(corpora);
  return {
    schemaVersion: 1,
    date: '2025-01-01T00:00:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, memoryBytes: 8 * 1024 ** 3, node: 'v20.0.0', platform: 'linux', load: { before: 0.1, mean: 1, max: 1.2 } },
    settings: { repeat: 3, largeRepeat: 3, seed: 1, quick: false },
    versions: {},
    corpora,
    growth,
    targets: computeTargets(corpora, growth),
  };
}

function corpus(files: number, scale: number): CorpusResult {
  const variants: Partial<Record<VariantId, VariantSummary>> = {
    'eslint-floor': summary(1_000 * scale, 200 * MB),
    'eslint-ours': summary(1_050 * scale, 210 * MB, 5),
    'eslint-security': summary(1_300 * scale, 220 * MB, 15),
    'eslint-sonarjs': summary(3_300 * scale, 260 * MB, 230),
    'eslint-typed-floor': summary(2_500 * scale, 300 * MB),
    'eslint-typed-ours': summary(2_800 * scale, 320 * MB, 5),
    'checker-floor': summary(3_000 * scale, 400 * MB * scale),
    'policy-check': summary(3_600 * scale, 420 * MB * scale),
    tsc: summary(2_000 * scale, 380 * MB * scale),
  };
  return { id: String(files), kind: 'generated', repeat: 3, description: '', directory: `bench/corpus/${files}`, files, lines: files * 50, variants, ratios: computeRatios(variants), wallRatios: computeRatios(variants, 'wall'), ruleTimings: {} };
}

describe('benchmark results', () => {
  it('takes the median of odd and even numbers of runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarizes runs and keeps a failure or an unavailable tool visible', () => {
    const result = { wallMs: 10, cpuMs: 8, maxRssBytes: 5, files: 2, problems: 1, fatal: 0, ruleCount: 3, messagesByRule: { b: 1, a: 2 } };
    expect(summarizeVariant([result, { ...result, wallMs: 30, cpuMs: 5 }, { ...result, cpuMs: 12 }, new Error('exited with 1\nstack')])).toMatchObject({
      medianMs: 10,
      medianCpuMs: 8,
      fastestCpuMs: 5,
      messagesByRule: { a: 2, b: 1 },
      error: 'exited with 1',
    });
    expect(summarizeVariant([{ ...result, unavailable: 'not built' }])).toMatchObject({ runs: [], unavailable: 'not built' });
  });

  it("sets runs against each other by their fastest CPU time, and keeps the medians' ratios apart", () => {
    // The floor's median run fell in a slow phase of the machine; its fastest did not.
    const variants = { 'eslint-floor': { ...summary(1_000, 200 * MB), medianCpuMs: 1_400 }, 'eslint-ours': { ...summary(1_050, 210 * MB, 5), medianCpuMs: 1_100 } };
    expect(computeRatios(variants).oursOverUntypedFloor).toBe(1.05);
    expect(computeRatios(variants, 'cpu-median').oursOverUntypedFloor).toBe(0.786);
  });

  it('computes ratios, overhead per rule and targets', () => {
    const small = corpus(500, 1);
    expect(small.ratios).toMatchObject({
      oursOverUntypedFloor: 1.05,
      oursMsPerRule: 10,
      securityMsPerRule: 20,
      sonarjsMsPerRule: 10,
      policyCheckOverCheckerFloor: 1.2,
      policyCheckRssOverTscRss: 1.105,
    });
    const targets = computeTargets([small], []);
    expect(targets.map((target) => [target.id, target.met])).toEqual([
      ['ours-untyped-overhead', true],
      ['ours-over-core-rule', null],
      ['ours-per-rule-vs-security', true],
      ['ours-per-rule-vs-sonarjs', false],
      ['ours-per-rule-over-core-rule-vs-security', null],
      ['policy-check-over-floor', true],
      ['policy-check-rss-over-tsc', true],
    ]);
  });

  it('takes what any rule costs ESLint out: our rules over the one-core-rule run, and per rule against security', () => {
    const small = corpus(500, 1);
    // One core rule costs 100 ms: ours adds 50 ms more over 5 rules (10 a rule), security 150 ms over 15 (10 a rule).
    const variants = { ...small.variants, 'eslint-core-rule': summary(1_100, 200 * MB), 'eslint-ours': summary(1_150, 210 * MB, 5), 'eslint-security': summary(1_250, 220 * MB, 15) };
    const ratios = computeRatios(variants);
    expect(ratios).toMatchObject({ oursOverCoreRule: 1.045, oursMsPerRule: 30, securityMsPerRule: 16.67, oursMsPerRuleOverCoreRule: 10, securityMsPerRuleOverCoreRule: 10 });
    const targets = computeTargets([{ ...small, variants, ratios }], []);
    const met = (id: string) => targets.find((target) => target.id === id)?.met;
    expect([met('ours-untyped-overhead'), met('ours-over-core-rule'), met('ours-per-rule-vs-security'), met('ours-per-rule-over-core-rule-vs-security')]).toEqual([false, true, false, false]);
    expect(renderMarkdown(results([{ ...small, variants, ratios }]))).toContain('| our overhead per rule over the one-core-rule run | 10.00 ms |');
  });

  it('compares another build measured in the same run, and holds each rule alone to the peer\'s cost per rule', () => {
    const small = corpus(500, 1);
    const variants = { ...small.variants, 'eslint-ours-before': summary(1_140, 205 * MB, 5) };
    const ruleTimings = { untyped: { parseMs: 600, rules: [{ rule: 'a', totalMs: 12, share: 0.02 }, { rule: 'b', totalMs: 25, share: 0.04 }] } };
    const both: CorpusResult = { ...small, variants, ratios: computeRatios(variants), ruleTimings };
    expect(both.ratios).toMatchObject({ oursBeforeOverUntypedFloor: 1.14, oursBeforeMsPerRule: 28, oursOverUntypedFloor: 1.05 });
    const perRule = computeTargets([both], []).filter((target) => target.id.startsWith('rule-time-vs-security:'));
    expect(perRule.map((target) => [target.id, target.value, target.bar, target.met])).toEqual([
      ['rule-time-vs-security:a', 12, 20, true],
      ['rule-time-vs-security:b', 25, 20, false],
    ]);
    expect(renderMarkdown({ ...results([both]), settings: { repeat: 3, largeRepeat: 1, seed: 1, quick: false, before: 'commit 8ad8628' } })).toContain('The `--before` build: commit 8ad8628.');
  });

  it("compares the time our rules spend per rule with eslint-plugin-security's, both from ESLint stats", () => {
    const small = corpus(500, 1);
    const timing = (rule: string, totalMs: number) => ({ rule, totalMs, share: 0 });
    const ruleTimings = {
      untyped: { parseMs: 600, rules: [timing('service-policy/a', 30), timing('service-policy/b', 6)] },
      security: { parseMs: 600, rules: [timing('security/x', 40), timing('security/y', 2), timing('security/z', 0)] },
    };
    const target = (timings: CorpusResult['ruleTimings']) =>
      computeTargets([{ ...small, ruleTimings: timings }], []).find((candidate) => candidate.id === 'rule-time-per-rule-vs-security');
    expect(target(ruleTimings)).toMatchObject({ value: 18, bar: 14, met: false });
    expect(target({ ...ruleTimings, untyped: { parseMs: 600, rules: [timing('service-policy/a', 20), timing('service-policy/b', 6)] } })).toMatchObject({ value: 13, bar: 14, met: true });
    expect(target({})).toBeUndefined();
  });

  it('measures growth per file between corpus sizes', () => {
    const growth = computeGrowth([corpus(500, 1), corpus(2_000, 4), corpus(8_000, 20)]);
    const policyCheck = growth.find((row) => row.variant === 'policy-check')!;
    expect(policyCheck.timeGrowth).toBe(1.25);
    // Peak RSS grows by 1,260 MB over 1,500 files (0.84 MB a file), then by 6,720 MB over 6,000 (1.12 MB a file).
    expect(policyCheck.memoryGrowth).toBe(1.333);
  });

  it('names our rules from ESLint stats, slowest first', () => {
    const timings = summarizeRuleTimes(
      { wallMs: 0, cpuMs: 0, maxRssBytes: 0, files: 1, problems: 0, fatal: 0, ruleCount: 2, messagesByRule: {}, parseMs: 50, ruleTimes: { 'service-policy/a': 10, 'service-policy/b': 40, 'other/c': 0 } },
      'service-policy/',
    );
    expect(timings).toEqual({
      parseMs: 50,
      rules: [
        { rule: 'service-policy/b', totalMs: 40, share: 0.4 },
        { rule: 'service-policy/a', totalMs: 10, share: 0.1 },
      ],
    });
  });

  it('keeps the rule times of the stats run with the least CPU time, all from that run', () => {
    const run = (cpuMs: number, a: number, b: number) => ({ wallMs: 0, cpuMs, maxRssBytes: 0, files: 1, problems: 0, fatal: 0, ruleCount: 2, messagesByRule: {}, parseMs: 100, ruleTimes: { 'service-policy/a': a, 'service-policy/b': b } });
    // The second run is the fastest overall, although the first has the smaller time for rule a.
    const timings = fastestRuleTimes([run(900, 5, 95), run(700, 20, 30), new Error('measurement exited with 1'), run(800, 25, 35)], 'service-policy/');
    expect(timings).toEqual({
      parseMs: 100,
      rules: [
        { rule: 'service-policy/b', totalMs: 30, share: 0.2 },
        { rule: 'service-policy/a', totalMs: 20, share: 0.1333 },
      ],
      runs: 4,
    });
    expect(fastestRuleTimes([new Error('measurement exited with 1')], 'service-policy/')).toBeUndefined();
  });

  it('renders the targets and every run in Markdown', () => {
    const markdown = renderMarkdown(results([corpus(500, 1), corpus(2_000, 4)]));
    expect(markdown).toContain('| all our rules over the untyped floor | 500 | 1.05× | ≤ 1.05× | yes |');
    expect(markdown).toContain('| `policy-check` (`checkProject`) | 3.60 s · 3.60 s (3.60 s) · 420 MB | 14.4 s · 14.4 s (14.4 s) · 1680 MB |');
    expect(markdown).toContain('## Growth with corpus size');
  });
});
