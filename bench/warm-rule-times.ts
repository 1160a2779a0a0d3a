/**
 * The time rules spend once the process is warm: ESLint's `stats` per rule for this plugin's `configs.all`
 * and eslint-plugin-security's recommended rules, linting the same corpus together in one process, as the
 * median of several passes after a warm-up pass. run.ts measures each variant in a fresh process, which is
 * what a CI job pays but carries start-up (the rules' code compiled as it first runs) and varies by 15–20 %
 * between runs on a small machine; this measures what an editor session or a long run pays per file, steadily
 * enough to compare two builds of the rules.
 *
 *   node dist/bench/warm-rule-times.js [--corpus bench/corpus/500] [--passes 5] [--before DIR]
 *
 * `--before DIR`: another checkout whose `dist/` is built, measured the same way in its own process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import type { Linter } from 'eslint';

import { DIST, isMainModule, REPOSITORY_ROOT } from './paths.js';
import { median } from './results.js';

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const OURS = 'service-policy/';
const SECURITY = 'security/';

export interface WarmRuleTimes {
  readonly passes: number;
  /** Median milliseconds per rule over the passes, summed over files. */
  readonly rules: Readonly<Record<string, number>>;
}

/** Lints `corpus` `passes + 1` times in this process with both plugins and keeps the median of the last `passes`. */
export async function measureWarmRuleTimes(corpus: string, passes: number, pluginEntry: string): Promise<WarmRuleTimes> {
  const [{ ESLint }, tseslint, ours, security] = await Promise.all([
    import('eslint'),
    import('typescript-eslint'),
    import(pathToFileURL(pluginEntry).href) as Promise<{ default: { configs: { all: Linter.Config } } }>,
    // Loaded by name: eslint-plugin-security ships no type declarations.
    import('eslint-plugin-security' as string) as Promise<{ default: { configs: { recommended: Linter.Config } } }>,
  ]);
  const config: Linter.Config[] = [
    { files: TYPESCRIPT_FILES, languageOptions: { parser: tseslint.parser as Linter.Parser } },
    ours.default.configs.all,
    security.default.configs.recommended,
  ];
  const samples = new Map<string, number[]>();
  for (let pass = 0; pass <= passes; pass += 1) {
    const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config, stats: true });
    const totals = new Map<string, number>();
    for (const result of await eslint.lintFiles(['.'])) {
      for (const timing of result.stats?.times.passes ?? []) {
        for (const [rule, time] of Object.entries(timing.rules ?? {})) totals.set(rule, (totals.get(rule) ?? 0) + time.total);
      }
    }
    if (pass === 0) continue;
    for (const [rule, total] of totals) samples.set(rule, [...(samples.get(rule) ?? []), total]);
  }
  const rules: Record<string, number> = {};
  for (const [rule, values] of [...samples].sort(([left], [right]) => (left < right ? -1 : 1))) rules[rule] = round(median(values));
  return { passes, rules };
}

/** Total and mean per rule of one plugin's rules, by their prefix. */
export function summarizePlugin(times: WarmRuleTimes, prefix: string): { readonly rules: number; readonly totalMs: number; readonly perRuleMs: number } {
  const values = Object.entries(times.rules)
    .filter(([rule]) => rule.startsWith(prefix))
    .map(([, time]) => time);
  const totalMs = round(values.reduce((sum, time) => sum + time, 0));
  return { rules: values.length, totalMs, perRuleMs: values.length > 0 ? round(totalMs / values.length) : 0 };
}

export function renderWarmRuleTimes(corpus: string, builds: ReadonlyArray<{ readonly name: string; readonly times: WarmRuleTimes }>): string {
  const lines = [
    `Warm rule time on \`${corpus}\` (ESLint \`stats\`, untyped, median of ${builds[0]?.times.passes ?? 0} passes after a warm-up, in one process per build):`,
    '',
    `| | ${builds.map((build) => build.name).join(' | ')} |`,
    `| --- | ${builds.map(() => '---:').join(' | ')} |`,
  ];
  const ourRules = [...new Set(builds.flatMap((build) => Object.keys(build.times.rules).filter((rule) => rule.startsWith(OURS))))].sort();
  for (const rule of ourRules) lines.push(`| \`${rule}\` | ${builds.map((build) => formatMs(build.times.rules[rule])).join(' | ')} |`);
  for (const [label, prefix] of [
    ['our rules', OURS],
    ['eslint-plugin-security', SECURITY],
  ] as const) {
    lines.push(`| ${label}: total (rules) | ${builds.map((build) => { const summary = summarizePlugin(build.times, prefix); return `${summary.totalMs.toFixed(1)} (${summary.rules})`; }).join(' | ')} |`);
    lines.push(`| ${label}: per rule | ${builds.map((build) => summarizePlugin(build.times, prefix).perRuleMs.toFixed(1)).join(' | ')} |`);
  }
  // Both plugins ran in the same passes, so their ratio holds still where the machine's speed does not.
  lines.push(`| our rules' total ÷ eslint-plugin-security's (same passes) | ${builds.map((build) => formatRatio(summarizePlugin(build.times, OURS).totalMs, summarizePlugin(build.times, SECURITY).totalMs)).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function formatRatio(numerator: number, denominator: number): string {
  return denominator > 0 ? `${(numerator / denominator).toFixed(2)}×` : '–';
}

function formatMs(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(1);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.join('bench', 'corpus', '500') },
      passes: { type: 'string', default: '5' },
      before: { type: 'string' },
      'one-build': { type: 'string' },
    },
  });
  const corpus = path.resolve(REPOSITORY_ROOT, values.corpus);
  const passes = Math.max(1, Number(values.passes));
  if (values['one-build']) {
    // A child run: one build, printed as JSON for the parent.
    process.stdout.write(JSON.stringify(await measureWarmRuleTimes(corpus, passes, values['one-build'])));
    return;
  }
  // Each build in its own process, so neither warms the other's shared modules.
  const measure = (entry: string): WarmRuleTimes =>
    JSON.parse(execFileSync(process.execPath, [path.join(DIST, 'bench', 'warm-rule-times.js'), '--corpus', corpus, '--passes', String(passes), '--one-build', entry], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })) as WarmRuleTimes;
  const builds = [{ name: 'this build', times: measure(path.join(DIST, 'rules', 'index.js')) }];
  if (values.before) builds.push({ name: `\`--before\` (${path.basename(path.resolve(values.before))})`, times: measure(path.resolve(values.before, 'dist', 'rules', 'index.js')) });
  process.stdout.write(renderWarmRuleTimes(path.relative(REPOSITORY_ROOT, corpus), builds));
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`warm-rule-times: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
