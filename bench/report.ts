/** The Markdown report of a benchmark run: pure, from the result model to a string. */
import type { BenchmarkResults, CorpusResult, RuleTimings, Target, VariantId, VariantSummary } from './results.js';
import { VARIANT_IDS, VARIANT_LABELS } from './results.js';

export function renderMarkdown(results: BenchmarkResults): string {
  const { machine, settings, corpora } = results;
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `${results.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, ${formatGigabytes(machine.memoryBytes)} · Node ${machine.node} · ${machine.platform}`,
    '',
    `${describeRepeats(corpora)}, interleaved, each in a fresh Node process (peak RSS is that process's); times cover the work, not loading modules. ` +
      "Ratios, targets and growth use the fastest run's CPU time (user + system): other work on a shared machine only adds time, in phases that slow every variant alike, and the fastest of several runs is the one they touched least; ratios of median CPU time and of wall time are in results.json. " +
      `Load average during the run: mean ${machine.load.mean.toFixed(2)}, max ${machine.load.max.toFixed(2)} on ${machine.cores} cores (${machine.load.before.toFixed(2)} before it started; one measurement runs at a time and counts for about 1). ` +
      `Generated corpora use seed ${settings.seed}. Regenerate with \`npm run bench\`.` +
      (settings.before ? ` The \`--before\` build: ${settings.before}.` : ''),
    '',
  );

  out.push('## Targets', '', '| Target | Corpus | Measured | Bar | Met |', '| --- | --- | ---: | ---: | :---: |');
  for (const target of results.targets) out.push(`| ${target.description} | ${target.corpus} | ${formatTargetValue(target, target.value)} | ${target.comparison === '<=' ? '≤' : '<'} ${formatTargetValue(target, target.bar)} | ${target.met === null ? 'n/a' : target.met ? 'yes' : '**no**'} |`);
  out.push('');

  const header = corpora.map(describeCorpusColumn);
  out.push('## Runs: fastest CPU time · median CPU time (median wall time) · median peak RSS', '', `| Run | ${header.join(' | ')} |`, `| --- | ${header.map(() => '---:').join(' | ')} |`);
  for (const variant of VARIANT_IDS) {
    if (corpora.every((corpus) => corpus.variants[variant] === undefined)) continue;
    out.push(`| ${VARIANT_LABELS[variant]} | ${corpora.map((corpus) => formatRun(corpus.variants[variant])).join(' | ')} |`);
  }
  out.push('');

  out.push('## Ratios', '', `| Ratio | ${header.join(' | ')} |`, `| --- | ${header.map(() => '---:').join(' | ')} |`);
  for (const [key, label] of RATIO_LABELS) {
    if (corpora.every((corpus) => corpus.ratios[key] === null || corpus.ratios[key] === undefined)) continue;
    out.push(`| ${label} | ${corpora.map((corpus) => formatNumber(corpus.ratios[key], key.includes('MsPerRule') ? ' ms' : '×')).join(' | ')} |`);
  }
  out.push('');

  if (results.growth.length > 0) {
    const sizes = results.growth[0]!.sizes.map((size) => `${size.files} files`);
    out.push(
      '## Growth with corpus size: CPU ms per file · KB of peak RSS per file',
      '',
      `| Run | ${sizes.join(' | ')} | time per file, largest ÷ smallest | memory growth |`,
      `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: |`,
    );
    for (const row of results.growth) {
      const cells = row.sizes.map((size) => `${size.msPerFile.toFixed(2)} · ${Math.round(size.rssKbPerFile)}`);
      out.push(`| ${VARIANT_LABELS[row.variant]} | ${cells.join(' | ')} | ${formatNumber(row.timeGrowth, '×')} | ${formatNumber(row.memoryGrowth, '×')} |`);
    }
    out.push(
      '',
      results.growth[0]!.sizes.length >= 3
        ? 'Memory growth: peak RSS added per file over the last size step, divided by the same over the first step (1 = linear).'
        : 'Memory growth: peak RSS per file at the larger corpus over the smaller (below 1 while the fixed cost of the process is spread over more files).',
      '',
    );
  }

  const timed = corpora.filter((corpus) => corpus.ruleTimings.untyped || corpus.ruleTimings.typed);
  if (timed.length > 0) {
    const statsRuns = Math.max(...timed.map((corpus) => corpus.ruleTimings.untyped?.runs ?? 1));
    out.push('## Time per rule (ESLint `stats`), milliseconds over the corpus and share of lint time', '');
    if (statsRuns > 1) out.push(`Each column is the fastest by CPU time of ${statsRuns} stats runs of its kind, interleaved with those of the other kinds.`, '');
    const columns = timed.flatMap((corpus) => [`${describeCorpusColumn(corpus)} untyped`, `${describeCorpusColumn(corpus)} typed`]);
    out.push(`| Rule | ${columns.join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`);
    const rules = [...new Set(timed.flatMap((corpus) => [...(corpus.ruleTimings.untyped?.rules ?? []), ...(corpus.ruleTimings.typed?.rules ?? [])].map((timing) => timing.rule)))].sort();
    const cell = (timings: RuleTimings | undefined, rule: string): string => {
      const timing = timings?.rules.find((candidate) => candidate.rule === rule);
      return timing ? `${timing.totalMs.toFixed(0)} (${(timing.share * 100).toFixed(1)} %)` : '–';
    };
    for (const rule of rules) out.push(`| \`${rule}\` | ${timed.flatMap((corpus) => [cell(corpus.ruleTimings.untyped, rule), cell(corpus.ruleTimings.typed, rule)]).join(' | ')} |`);
    out.push(`| parsing | ${timed.flatMap((corpus) => [corpus.ruleTimings.untyped, corpus.ruleTimings.typed].map((timings) => (timings ? timings.parseMs.toFixed(0) : '–'))).join(' | ')} |`);
    const perRule = (timings: RuleTimings | undefined): string =>
      timings && timings.rules.length > 0 ? `${(timings.rules.reduce((sum, timing) => sum + timing.totalMs, 0) / timings.rules.length).toFixed(1)} (${timings.rules.length} rules)` : '–';
    out.push(`| all our rules ÷ rules | ${timed.flatMap((corpus) => [perRule(corpus.ruleTimings.untyped), perRule(corpus.ruleTimings.typed)]).join(' | ')} |`);
    out.push(`| eslint-plugin-security's rules ÷ rules | ${timed.flatMap((corpus) => [perRule(corpus.ruleTimings.security), '–']).join(' | ')} |`, '');
  }

  out.push(...renderFindings(corpora));
  return `${out.join('\n').trimEnd()}\n`;
}

const RATIO_LABELS: readonly (readonly [string, string])[] = [
  ['oursOverUntypedFloor', 'our rules ÷ untyped floor'],
  ['oursBeforeOverUntypedFloor', 'our rules of the `--before` build ÷ untyped floor'],
  ['coreRuleOverUntypedFloor', "one core rule ÷ untyped floor (ESLint's cost of running any rule)"],
  ['oursOverCoreRule', 'our rules ÷ untyped floor with one core rule'],
  ['oursTypedOverTypedFloor', 'our rules typed ÷ typed floor'],
  ['typedFloorOverUntypedFloor', 'typed floor ÷ untyped floor'],
  ['securityOverUntypedFloor', 'security ÷ untyped floor'],
  ['sonarjsOverUntypedFloor', 'sonarjs ÷ untyped floor'],
  ['oursMsPerRule', 'our overhead per rule'],
  ['oursBeforeMsPerRule', 'our overhead per rule, `--before` build'],
  ['securityMsPerRule', 'security overhead per rule'],
  ['oursMsPerRuleOverCoreRule', 'our overhead per rule over the one-core-rule run'],
  ['securityMsPerRuleOverCoreRule', 'security overhead per rule over the one-core-rule run'],
  ['sonarjsMsPerRule', 'sonarjs overhead per rule'],
  ['policyCheckOverCheckerFloor', 'policy-check ÷ its floor'],
  ['checkerFloorOverTsc', 'policy-check floor ÷ tsc'],
  ['policyCheckOverTsc', 'policy-check ÷ tsc'],
  ['policyCheckRssOverTscRss', 'policy-check peak RSS ÷ tsc peak RSS'],
  ['checkerFloorRssOverTscRss', 'policy-check floor peak RSS ÷ tsc peak RSS'],
  ['oursRssOverUntypedFloorRss', 'our rules peak RSS ÷ untyped floor peak RSS'],
];

function renderFindings(corpora: readonly CorpusResult[]): string[] {
  const rows: string[] = [];
  const sources: readonly VariantId[] = ['eslint-ours', 'eslint-typed-ours', 'policy-check'];
  for (const corpus of corpora) {
    const rules = new Set<string>();
    for (const source of sources) for (const rule of Object.keys(corpus.variants[source]?.messagesByRule ?? {})) rules.add(rule);
    for (const rule of Object.keys(corpus.seededPatterns ?? {})) rules.add(`service-policy/${rule}`);
    for (const rule of [...rules].sort()) {
      const seeded = corpus.seededPatterns?.[rule.replace(/^service-policy\//, '')];
      const counts = sources.map((source) => {
        const summary = corpus.variants[source];
        return summary && summary.runs.length > 0 ? String(summary.messagesByRule[rule] ?? 0) : '–';
      });
      rows.push(`| ${describeCorpusColumn(corpus)} | \`${rule}\` | ${seeded ?? '–'} | ${counts.join(' | ')} |`);
    }
  }
  if (rows.length === 0) return [];
  return [
    '## Findings per rule: the rules had work to do',
    '',
    'Seeded: files of the generated corpus where the generator planted the pattern (`corpus.json`); a rule or check that does not exist yet has no findings.',
    '',
    '| Corpus | Rule | Seeded files | ESLint untyped | ESLint typed | policy-check |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

function describeRepeats(corpora: readonly CorpusResult[]): string {
  const counts = [...new Set(corpora.map((corpus) => corpus.repeat))];
  const runs = (count: number): string => `${count} run${count === 1 ? '' : 's'}`;
  if (counts.length <= 1) return runs(counts[0] ?? 0);
  return corpora.map((corpus) => `${runs(corpus.repeat)} on ${describeCorpusColumn(corpus)}`).join(', ');
}

function describeCorpusColumn(corpus: CorpusResult): string {
  return corpus.kind === 'generated' ? `${corpus.files} files` : `${corpus.id} (${corpus.files})`;
}

function formatRun(summary: VariantSummary | undefined): string {
  if (!summary) return '–';
  if (summary.unavailable) return 'n/a';
  if (summary.error || summary.runs.length === 0) return 'failed';
  return `${formatSeconds(summary.fastestCpuMs)} · ${formatSeconds(summary.medianCpuMs)} (${formatSeconds(summary.medianMs)}) · ${formatMegabytes(summary.medianRssBytes)}`;
}

function formatTargetValue(target: Target, value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  return target.unit === 'ratio' ? `${value.toFixed(2)}×` : `${value.toFixed(2)} ms`;
}

function formatNumber(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(2)}${unit}`;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds >= 10_000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${(milliseconds / 1000).toFixed(2)} s`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function formatGigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(0)} GB RAM`;
}
