/**
 * The benchmark's result model and the figures computed from raw measurements: medians, ratios, per-rule
 * overheads, growth with corpus size, and each target with whether it was met. Pure: no I/O.
 */
import type { MeasurementResult } from './measure.js';

export const RESULTS_SCHEMA_VERSION = 1;

export const VARIANT_IDS = [
  'eslint-floor',
  'eslint-core-rule',
  'eslint-ours',
  'eslint-ours-before',
  'eslint-security',
  'eslint-sonarjs',
  'eslint-typed-floor',
  'eslint-typed-ours',
  'checker-floor',
  'policy-check',
  'tsc',
] as const;

export type VariantId = (typeof VARIANT_IDS)[number];

export const VARIANT_LABELS: Readonly<Record<VariantId, string>> = {
  'eslint-floor': 'ESLint + typescript-eslint parser, no rules (untyped floor)',
  'eslint-core-rule': 'untyped floor + one cheap core rule (`no-debugger`)',
  'eslint-ours': 'untyped floor + service-policy `configs.all`',
  'eslint-ours-before': 'untyped floor + service-policy `configs.all` of the `--before` build',
  'eslint-security': 'untyped floor + eslint-plugin-security recommended',
  'eslint-sonarjs': 'untyped floor + eslint-plugin-sonarjs recommended',
  'eslint-typed-floor': 'ESLint typed (`projectService`), no rules (typed floor)',
  'eslint-typed-ours': 'typed floor + service-policy `configs.all`',
  'checker-floor': 'policy-check floor: ts-morph program + type checker + rule-less ESLint pass',
  'policy-check': '`policy-check` (`checkProject`)',
  tsc: '`tsc --noEmit -p`',
};

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
  /** One-minute load average, sampled during the run. */
  readonly load: { readonly before: number; readonly mean: number; readonly max: number };
}

export interface CorpusInfo {
  /** `500`, `2000`, … for generated corpora, a package name for real ones. */
  readonly id: string;
  readonly kind: 'generated' | 'real';
  readonly description: string;
  /** Relative to the repository root. */
  readonly directory: string;
  readonly files: number;
  readonly lines: number;
  readonly seed?: number;
  /** Generated corpora: files seeded with each rule's pattern. */
  readonly seededPatterns?: Readonly<Record<string, number>>;
}

export interface RunSample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssBytes: number;
}

export interface VariantSummary {
  readonly runs: readonly RunSample[];
  /** Median wall time. */
  readonly medianMs: number;
  /** Median CPU time (user + system, all threads). */
  readonly medianCpuMs: number;
  /**
   * The fastest run's CPU time: the figure ratios, targets and growth use. Other work on a shared machine
   * only ever adds time, in phases that slow every variant alike for a minute or two; the fastest of several
   * interleaved runs is the one such a phase touched least.
   */
  readonly fastestCpuMs: number;
  readonly medianRssBytes: number;
  readonly files: number;
  readonly problems: number;
  readonly fatal: number;
  readonly ruleCount: number;
  readonly messagesByRule: Readonly<Record<string, number>>;
  readonly unavailable?: string;
  readonly error?: string;
}

export interface RuleTiming {
  readonly rule: string;
  /** Milliseconds over the whole corpus. */
  readonly totalMs: number;
  /** Share of the run's lint time (parse plus all rules). */
  readonly share: number;
}

export interface RuleTimings {
  readonly parseMs: number;
  readonly rules: readonly RuleTiming[];
  /** Stats runs made; the figures are the fastest one's (by CPU time). */
  readonly runs?: number;
}

export interface CorpusResult extends CorpusInfo {
  /** Runs of each variant on this corpus. */
  readonly repeat: number;
  readonly variants: Partial<Record<VariantId, VariantSummary>>;
  /** From the fastest run's CPU time, which a busy machine distorts least. */
  readonly ratios: Readonly<Record<string, number | null>>;
  /** The same from median CPU time. */
  readonly medianRatios?: Readonly<Record<string, number | null>>;
  /** The same from wall time. */
  readonly wallRatios: Readonly<Record<string, number | null>>;
  /**
   * From ESLint's `stats`: time per rule of ours, untyped and typed, and of eslint-plugin-security's untyped
   * rules, so the time rules spend can be compared per rule without ESLint's own cost of running any rule.
   */
  readonly ruleTimings: { readonly untyped?: RuleTimings; readonly typed?: RuleTimings; readonly security?: RuleTimings };
}

export interface GrowthRow {
  readonly variant: VariantId;
  /** `msPerFile`: CPU milliseconds per file. */
  readonly sizes: readonly { readonly files: number; readonly msPerFile: number; readonly wallMsPerFile: number; readonly rssKbPerFile: number }[];
  /** Per-file CPU time at the largest size over the smallest. */
  readonly timeGrowth: number | null;
  /**
   * Memory per added file over the last size step, divided by the same over the first step (three or
   * more sizes); with two sizes, per-file RSS at the larger over the smaller.
   */
  readonly memoryGrowth: number | null;
}

export interface Target {
  readonly id: string;
  readonly description: string;
  readonly corpus: string;
  readonly value: number | null;
  /** `value <= bar` (or `<` for strict comparisons) meets the target. */
  readonly bar: number;
  readonly comparison: '<=' | '<';
  readonly unit: 'ratio' | 'ms/rule';
  readonly met: boolean | null;
}

export interface BenchmarkResults {
  readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  readonly date: string;
  readonly machine: Machine;
  readonly settings: { readonly repeat: number; readonly largeRepeat: number; readonly seed: number; readonly quick: boolean; readonly before?: string };
  /** Commit of the repository the measured build came from (uncommitted changes may be in it too). */
  readonly commit?: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly corpora: readonly CorpusResult[];
  readonly growth: readonly GrowthRow[];
  readonly targets: readonly Target[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarizeVariant(results: readonly (MeasurementResult | Error)[]): VariantSummary {
  const ok = results.filter((result): result is MeasurementResult => !(result instanceof Error) && result.unavailable === undefined);
  const failed = results.find((result): result is Error => result instanceof Error);
  const unavailable = results.find((result): result is MeasurementResult => !(result instanceof Error) && result.unavailable !== undefined)?.unavailable;
  const first = ok[0];
  return {
    runs: ok.map(({ wallMs, cpuMs, maxRssBytes }) => ({ wallMs: round(wallMs, 1), cpuMs: round(cpuMs, 1), maxRssBytes })),
    medianMs: round(median(ok.map((result) => result.wallMs)), 1),
    medianCpuMs: round(median(ok.map((result) => result.cpuMs)), 1),
    fastestCpuMs: round(Math.min(...ok.map((result) => result.cpuMs)), 1),
    medianRssBytes: median(ok.map((result) => result.maxRssBytes)),
    files: first?.files ?? 0,
    problems: first?.problems ?? 0,
    fatal: first?.fatal ?? 0,
    ruleCount: first?.ruleCount ?? 0,
    messagesByRule: sortKeys(first?.messagesByRule ?? {}),
    ...(unavailable === undefined ? {} : { unavailable }),
    ...(failed === undefined ? {} : { error: failed.message.split('\n')[0] }),
  };
}

/**
 * The rule times of the fastest of several stats runs by CPU time: like the timed variants, the run a slow
 * phase of the machine touched least, with all its rules' figures from that one run.
 */
export function fastestRuleTimes(results: ReadonlyArray<MeasurementResult | Error>, prefix: string): RuleTimings | undefined {
  const measured = results.filter((result): result is MeasurementResult => !(result instanceof Error) && result.ruleTimes !== undefined);
  const fastest = measured.reduce<MeasurementResult | undefined>((best, result) => (best === undefined || result.cpuMs < best.cpuMs ? result : best), undefined);
  const timings = summarizeRuleTimes(fastest, prefix);
  return timings && { ...timings, runs: results.length };
}

export function summarizeRuleTimes(result: MeasurementResult | Error | undefined, prefix: string): RuleTimings | undefined {
  if (!result || result instanceof Error || !result.ruleTimes) return undefined;
  const parseMs = result.parseMs ?? 0;
  const total = parseMs + Object.values(result.ruleTimes).reduce((sum, time) => sum + time, 0);
  const rules = Object.entries(result.ruleTimes)
    .filter(([rule]) => rule.startsWith(prefix))
    .map(([rule, totalMs]) => ({ rule, totalMs: round(totalMs, 1), share: total > 0 ? round(totalMs / total, 4) : 0 }))
    .sort((left, right) => right.totalMs - left.totalMs || (left.rule < right.rule ? -1 : 1));
  return { parseMs: round(parseMs, 1), rules };
}

const usable = (summary: VariantSummary | undefined): summary is VariantSummary =>
  summary !== undefined && summary.runs.length > 0 && Number.isFinite(summary.medianMs);

function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (numerator === undefined || denominator === undefined || !Number.isFinite(numerator) || !(denominator > 0)) return null;
  return round(numerator / denominator, 3);
}

/** `cpu`: the fastest run's CPU time; `cpu-median`: the median run's; `wall`: the median run's wall time. */
export type TimeMetric = 'cpu' | 'cpu-median' | 'wall';

const timeOf = (summary: VariantSummary, metric: TimeMetric): number =>
  metric === 'cpu' ? summary.fastestCpuMs : metric === 'cpu-median' ? summary.medianCpuMs : summary.medianMs;

/** Milliseconds a rule set adds to the untyped floor, per rule. */
/**
 * (variant − base) ÷ rules enabled. Over the untyped floor it carries ESLint's own cost of running any rule
 * (see first-rule-cost.ts), divided among fewer rules for a smaller plugin; over the one-core-rule run it
 * is what the rules add beyond that.
 */
export function overheadPerRule(
  variants: CorpusResult['variants'],
  id: 'eslint-ours' | 'eslint-ours-before' | 'eslint-security' | 'eslint-sonarjs',
  metric: TimeMetric = 'cpu',
  base: 'eslint-floor' | 'eslint-core-rule' = 'eslint-floor',
): number | null {
  const floor = variants[base];
  const withRules = variants[id];
  if (!usable(floor) || !usable(withRules) || withRules.ruleCount === 0) return null;
  return round((timeOf(withRules, metric) - timeOf(floor, metric)) / withRules.ruleCount, 2);
}

export function computeRatios(variants: CorpusResult['variants'], metric: TimeMetric = 'cpu'): Record<string, number | null> {
  const time = (id: VariantId): number | undefined => (usable(variants[id]) ? timeOf(variants[id]!, metric) : undefined);
  const rss = (id: VariantId): number | undefined => (usable(variants[id]) ? variants[id]!.medianRssBytes : undefined);
  return {
    oursOverUntypedFloor: ratio(time('eslint-ours'), time('eslint-floor')),
    oursBeforeOverUntypedFloor: ratio(time('eslint-ours-before'), time('eslint-floor')),
    coreRuleOverUntypedFloor: ratio(time('eslint-core-rule'), time('eslint-floor')),
    oursOverCoreRule: ratio(time('eslint-ours'), time('eslint-core-rule')),
    oursTypedOverTypedFloor: ratio(time('eslint-typed-ours'), time('eslint-typed-floor')),
    typedFloorOverUntypedFloor: ratio(time('eslint-typed-floor'), time('eslint-floor')),
    securityOverUntypedFloor: ratio(time('eslint-security'), time('eslint-floor')),
    sonarjsOverUntypedFloor: ratio(time('eslint-sonarjs'), time('eslint-floor')),
    oursMsPerRule: overheadPerRule(variants, 'eslint-ours', metric),
    oursBeforeMsPerRule: overheadPerRule(variants, 'eslint-ours-before', metric),
    securityMsPerRule: overheadPerRule(variants, 'eslint-security', metric),
    oursMsPerRuleOverCoreRule: overheadPerRule(variants, 'eslint-ours', metric, 'eslint-core-rule'),
    securityMsPerRuleOverCoreRule: overheadPerRule(variants, 'eslint-security', metric, 'eslint-core-rule'),
    sonarjsMsPerRule: overheadPerRule(variants, 'eslint-sonarjs', metric),
    policyCheckOverCheckerFloor: ratio(time('policy-check'), time('checker-floor')),
    checkerFloorOverTsc: ratio(time('checker-floor'), time('tsc')),
    policyCheckOverTsc: ratio(time('policy-check'), time('tsc')),
    policyCheckRssOverTscRss: ratio(rss('policy-check'), rss('tsc')),
    checkerFloorRssOverTscRss: ratio(rss('checker-floor'), rss('tsc')),
    oursRssOverUntypedFloorRss: ratio(rss('eslint-ours'), rss('eslint-floor')),
  };
}

const GROWTH_VARIANTS: readonly VariantId[] = ['eslint-floor', 'eslint-ours', 'eslint-typed-floor', 'eslint-typed-ours', 'checker-floor', 'policy-check', 'tsc'];

export function computeGrowth(corpora: readonly CorpusResult[]): GrowthRow[] {
  const generated = corpora.filter((corpus) => corpus.kind === 'generated').sort((left, right) => left.files - right.files);
  if (generated.length < 2) return [];
  return GROWTH_VARIANTS.flatMap((variant) => {
    const points = generated
      .map((corpus) => ({ corpus, summary: corpus.variants[variant] }))
      .filter((point): point is { corpus: CorpusResult; summary: VariantSummary } => usable(point.summary));
    if (points.length < 2) return [];
    const sizes = points.map(({ corpus, summary }) => ({
      files: corpus.files,
      msPerFile: round(summary.fastestCpuMs / corpus.files, 3),
      wallMsPerFile: round(summary.medianMs / corpus.files, 3),
      rssKbPerFile: round(summary.medianRssBytes / 1024 / corpus.files, 1),
    }));
    const first = points[0]!;
    const last = points.at(-1)!;
    const perFile = (point: typeof first, value: number): number => value / point.corpus.files;
    const timeGrowth = ratio(perFile(last, last.summary.fastestCpuMs), perFile(first, first.summary.fastestCpuMs));
    const marginal = (from: typeof first, to: typeof first): number =>
      (to.summary.medianRssBytes - from.summary.medianRssBytes) / (to.corpus.files - from.corpus.files);
    const memoryGrowth =
      points.length >= 3
        ? ratio(marginal(points.at(-2)!, last), marginal(first, points[1]!))
        : ratio(perFile(last, last.summary.medianRssBytes), perFile(first, first.summary.medianRssBytes));
    return [{ variant, sizes, timeGrowth, memoryGrowth }];
  });
}

/** The time a plugin's rules spend, by ESLint's `stats`, over the number of its rules that ran. */
function meanRuleTime(timings: RuleTimings | undefined): number | undefined {
  if (!timings || timings.rules.length === 0) return undefined;
  return round(timings.rules.reduce((sum, timing) => sum + timing.totalMs, 0) / timings.rules.length, 2);
}

export const FLAT_GROWTH_BAR = 1.25;
/** Every rule of the plugin together, over ESLint with the parser and no rules: room left for the rules to come. */
export const OURS_OVER_FLOOR_BAR = 1.05;

export function computeTargets(corpora: readonly CorpusResult[], growth: readonly GrowthRow[]): Target[] {
  const targets: Target[] = [];
  const add = (target: Omit<Target, 'met'>): void => {
    const met = target.value === null ? null : target.comparison === '<=' ? target.value <= target.bar : target.value < target.bar;
    targets.push({ ...target, met });
  };
  for (const corpus of corpora) {
    const { ratios } = corpus;
    add({ id: 'ours-untyped-overhead', description: 'all our rules over the untyped floor', corpus: corpus.id, value: ratios.oursOverUntypedFloor ?? null, bar: OURS_OVER_FLOOR_BAR, comparison: '<=', unit: 'ratio' });
    // ESLint's cost of running any rule, which no plugin can avoid (first-rule-cost.ts), taken out.
    add({
      id: 'ours-over-core-rule',
      description: 'all our rules over the untyped floor with one core rule (what any rule costs ESLint, taken out)',
      corpus: corpus.id,
      value: ratios.oursOverCoreRule ?? null,
      bar: OURS_OVER_FLOOR_BAR,
      comparison: '<=',
      unit: 'ratio',
    });
    for (const peer of ['security', 'sonarjs'] as const) {
      const peerValue = ratios[`${peer}MsPerRule`] ?? null;
      add({
        id: `ours-per-rule-vs-${peer}`,
        description: `our overhead per rule below eslint-plugin-${peer}'s (${peerValue ?? 'n/a'} ms/rule)`,
        corpus: corpus.id,
        value: ratios.oursMsPerRule ?? null,
        bar: peerValue ?? Number.NaN,
        comparison: '<',
        unit: 'ms/rule',
      });
    }
    const securityOverCoreRule = ratios.securityMsPerRuleOverCoreRule ?? null;
    add({
      id: 'ours-per-rule-over-core-rule-vs-security',
      description: `our overhead per rule over the one-core-rule run below eslint-plugin-security's (${securityOverCoreRule ?? 'n/a'} ms/rule)`,
      corpus: corpus.id,
      value: ratios.oursMsPerRuleOverCoreRule ?? null,
      bar: securityOverCoreRule ?? Number.NaN,
      comparison: '<',
      unit: 'ms/rule',
    });
    const securityPerRule = ratios.securityMsPerRule ?? null;
    for (const timing of corpus.ruleTimings.untyped?.rules ?? []) {
      add({
        id: `rule-time-vs-security:${timing.rule}`,
        description: `\`${timing.rule}\` alone (ESLint \`stats\`, untyped) below eslint-plugin-security's overhead per rule (${securityPerRule ?? 'n/a'} ms/rule)`,
        corpus: corpus.id,
        value: round(timing.totalMs, 2),
        bar: securityPerRule ?? Number.NaN,
        comparison: '<',
        unit: 'ms/rule',
      });
    }
    const oursStats = meanRuleTime(corpus.ruleTimings.untyped);
    const securityStats = meanRuleTime(corpus.ruleTimings.security);
    if (oursStats !== undefined || securityStats !== undefined) {
      add({
        id: 'rule-time-per-rule-vs-security',
        description: `our rules' own time per rule (ESLint \`stats\`, untyped, all rules ÷ rules) below eslint-plugin-security's (${securityStats ?? 'n/a'} ms/rule)`,
        corpus: corpus.id,
        value: oursStats ?? null,
        bar: securityStats ?? Number.NaN,
        comparison: '<',
        unit: 'ms/rule',
      });
    }
    add({ id: 'policy-check-over-floor', description: 'policy-check over its floor', corpus: corpus.id, value: ratios.policyCheckOverCheckerFloor ?? null, bar: 1.3, comparison: '<=', unit: 'ratio' });
    add({ id: 'policy-check-rss-over-tsc', description: "policy-check peak RSS over tsc's", corpus: corpus.id, value: ratios.policyCheckRssOverTscRss ?? null, bar: 1.2, comparison: '<=', unit: 'ratio' });
  }
  const sizes = corpora.filter((corpus) => corpus.kind === 'generated').map((corpus) => corpus.id);
  const span = sizes.length >= 2 ? `${sizes[0]}→${sizes.at(-1)}` : '';
  for (const row of growth.filter((candidate) => ['eslint-ours', 'eslint-typed-ours', 'policy-check'].includes(candidate.variant))) {
    add({ id: `${row.variant}-time-growth`, description: `${row.variant}: CPU time per file, largest over smallest corpus`, corpus: span, value: row.timeGrowth, bar: FLAT_GROWTH_BAR, comparison: '<=', unit: 'ratio' });
    const memory = sizes.length >= 3 ? 'memory per added file, last size step over first' : 'peak RSS per file, largest over smallest corpus';
    add({ id: `${row.variant}-memory-growth`, description: `${row.variant}: ${memory}`, corpus: span, value: row.memoryGrowth, bar: FLAT_GROWTH_BAR, comparison: '<=', unit: 'ratio' });
  }
  return targets;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)));
}
