/**
 * What ESLint charges for running any rule at all, and what is left for the rules themselves. An ESLint run
 * with one rule that listens to nothing costs clearly more than a run with no rule, although it does no more
 * work: ESLint makes each rule's context with `Object.create(fileContext)`, and V8 keeps the map of the new
 * object, in old space, pointing at that file's context; so every file's source code, tokens, AST and scopes
 * survive the young-generation collections until the next full one. Measured here by replacing that one call
 * with a copy of the same fields (`copiedContext` in measure.ts): what remains is the rules' own cost.
 *
 *   node dist/bench/first-rule-cost.js [--corpus bench/corpus/500] [--repeat 5]
 *
 * Every variant runs in a fresh process, `--repeat` times, interleaved; the fastest run's CPU time is compared
 * (other work on a shared machine only adds time), the median shown beside it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import type { Measurement, MeasurementResult, RuleSet } from './measure.js';
import { isMainModule, REPOSITORY_ROOT } from './paths.js';
import { median } from './results.js';
import { runMeasurement } from './run.js';

interface Variant {
  readonly id: string;
  readonly label: string;
  readonly rules: RuleSet;
  readonly copiedContext: boolean;
}

export const FIRST_RULE_VARIANTS: readonly Variant[] = [
  { id: 'floor', label: 'no rules (untyped floor)', rules: 'none', copiedContext: false },
  { id: 'noop', label: 'one rule that listens to nothing', rules: 'noop', copiedContext: false },
  { id: 'noop-copied', label: 'one rule that listens to nothing, rule context copied', rules: 'noop', copiedContext: true },
  { id: 'core', label: 'one core rule (`no-debugger`)', rules: 'core', copiedContext: false },
  { id: 'ours', label: 'service-policy `configs.all`', rules: 'ours', copiedContext: false },
  { id: 'ours-copied', label: 'service-policy `configs.all`, rule context copied', rules: 'ours', copiedContext: true },
  { id: 'security', label: 'eslint-plugin-security recommended', rules: 'security', copiedContext: false },
  { id: 'security-copied', label: 'eslint-plugin-security recommended, rule context copied', rules: 'security', copiedContext: true },
];

export interface VariantSummary {
  /** The fastest run's CPU time. */
  readonly cpuMs: number;
  readonly medianCpuMs: number;
  /** The fastest run's main-thread GC pauses. */
  readonly gcMs: number;
  /** Median bytes moved into old space by young-generation collections: the same from run to run, whatever the machine's speed. */
  readonly promotedBytes: number;
  readonly maxRssBytes: number;
  readonly ruleCount: number;
  readonly problems: number;
  readonly runs: number;
}

export type FirstRuleResults = Readonly<Record<string, VariantSummary>>;

export function summarize(samples: readonly MeasurementResult[]): VariantSummary {
  const fastest = samples.reduce<MeasurementResult | undefined>((best, sample) => (best === undefined || sample.cpuMs < best.cpuMs ? sample : best), undefined);
  return {
    cpuMs: fastest?.cpuMs ?? 0,
    medianCpuMs: median(samples.map((sample) => sample.cpuMs)),
    gcMs: fastest?.gcMs ?? 0,
    promotedBytes: median(samples.map((sample) => sample.promotedBytes ?? 0)),
    maxRssBytes: median(samples.map((sample) => sample.maxRssBytes)),
    ruleCount: samples[0]?.ruleCount ?? 0,
    problems: samples[0]?.problems ?? 0,
    runs: samples.length,
  };
}

export function renderFirstRuleCost(corpus: string, results: FirstRuleResults): string {
  const floor = results.floor;
  const ratio = (id: string, over = floor): string => {
    const value = results[id];
    return value && over && over.cpuMs > 0 ? `${(value.cpuMs / over.cpuMs).toFixed(2)}×` : '–';
  };
  const perRule = (id: string, over: string): string => {
    const value = results[id];
    const base = results[over];
    return value && base && value.ruleCount > 0 ? `${((value.cpuMs - base.cpuMs) / value.ruleCount).toFixed(1)} ms` : '–';
  };
  const lines = [
    `ESLint's cost of running any rule on \`${corpus}\` (untyped; ${floor?.runs ?? 0} runs of each, each in a fresh process, interleaved; CPU time and the main thread's GC pauses of the fastest run, median CPU time beside them; promoted: what young-generation collections moved into old space, the median, which holds still from run to run):`,
    '',
    '| Run | CPU, fastest | GC pauses | CPU, median | promoted | median peak RSS | ÷ floor | problems |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const variant of FIRST_RULE_VARIANTS) {
    const value = results[variant.id];
    if (!value) continue;
    lines.push(`| ${variant.label} | ${(value.cpuMs / 1000).toFixed(2)} s | ${Math.round(value.gcMs)} ms | ${(value.medianCpuMs / 1000).toFixed(2)} s | ${Math.round(value.promotedBytes / 1024 / 1024)} MB | ${Math.round(value.maxRssBytes / 1024 / 1024)} MB | ${ratio(variant.id)} | ${value.problems} |`);
  }
  lines.push(
    '',
    '| Derived | Value |',
    '| --- | ---: |',
    `| ESLint's cost of running any rule (one rule that listens to nothing ÷ floor) | ${ratio('noop')} |`,
    `| the same with the rule context copied | ${ratio('noop-copied')} |`,
    `| our rules ÷ one rule that listens to nothing | ${ratio('ours', results.noop)} |`,
    `| our rules ÷ floor, rule context copied in both | ${ratio('ours-copied')} |`,
    `| eslint-plugin-security ÷ floor, rule context copied | ${ratio('security-copied')} |`,
    `| our cost per rule over one rule that listens to nothing | ${perRule('ours', 'noop')} |`,
    `| eslint-plugin-security's cost per rule over one rule that listens to nothing | ${perRule('security', 'noop')} |`,
    `| our cost per rule over the floor, rule context copied | ${perRule('ours-copied', 'floor')} |`,
    `| eslint-plugin-security's cost per rule over the floor, rule context copied | ${perRule('security-copied', 'floor')} |`,
  );
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.join('bench', 'corpus', '500') },
      repeat: { type: 'string', default: '5' },
    },
  });
  const corpus = path.resolve(REPOSITORY_ROOT, values.corpus);
  const repeat = Math.max(1, Number(values.repeat));
  const samples = new Map<string, MeasurementResult[]>();
  for (let round = 1; round <= repeat; round++) {
    for (const variant of FIRST_RULE_VARIANTS) {
      const measurement: Measurement = { kind: 'eslint', corpus, typed: false, rules: variant.rules, copiedContext: variant.copiedContext };
      const result = await runMeasurement(measurement);
      if (result instanceof Error) throw new Error(`${variant.id}: ${result.message}`);
      samples.set(variant.id, [...(samples.get(variant.id) ?? []), result]);
      process.stderr.write(`${variant.id.padEnd(16)} #${round}  ${(result.cpuMs / 1000).toFixed(2)} s CPU  ${Math.round(result.gcMs ?? 0)} ms GC  ${Math.round((result.promotedBytes ?? 0) / 1024 / 1024)} MB promoted\n`);
    }
  }
  const results: Record<string, VariantSummary> = {};
  for (const [id, values] of samples) results[id] = summarize(values);
  process.stdout.write(renderFirstRuleCost(path.relative(REPOSITORY_ROOT, corpus), results));
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`first-rule-cost: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
