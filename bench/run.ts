/**
 * The benchmark: generated service monorepos and real TypeScript, each measured by every variant in a
 * fresh child process, repeated, and reported as medians and ratios against the targets.
 *
 *   node dist/bench/run.js [--sizes 500,2000,8000] [--repeat 3] [--large-repeat N] [--seed 1] [--quick] [--no-real]
 *                          [--variants eslint-floor,eslint-ours] [--before DIR] [--profile] [--output bench]
 *
 * `--large-repeat` sets the repeats for corpora of 5,000 files or more (default: `--repeat`).
 * `--quick` is a smoke run for CI: one small corpus, one repeat, results under bench/.cache/.
 * `--before DIR` measures another build of the plugin in the same run (`eslint-ours-before`): DIR is a
 * checkout with its `dist/` built (or its `dist/rules/index.js`), named by its git commit or a `.commit` file.
 * `--profile` adds `--cpu-prof` to the runs of our rules and of policy-check (bench/.cache/profiles/).
 * Writes results.json and results.md to the output folder and prints the Markdown.
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { DEFAULT_SEED, writeCorpus } from './generate-corpus.js';
import type { Measurement, MeasurementResult } from './measure.js';
import { CORPUS_ROOT, DIST, isMainModule, NODE_MODULES, REPOSITORY_ROOT } from './paths.js';
import { countLines, listTypeScript, prepareRealCorpus, REAL_CORPORA } from './real-corpora.js';
import { renderMarkdown } from './report.js';
import type { BenchmarkResults, CorpusInfo, CorpusResult, Machine, VariantId } from './results.js';
import {
  computeGrowth,
  computeRatios,
  computeTargets,
  RESULTS_SCHEMA_VERSION,
  fastestRuleTimes,
  summarizeVariant,
  VARIANT_IDS,
} from './results.js';

export interface RunOptions {
  readonly sizes: readonly number[];
  readonly repeat: number;
  /** Repeats for corpora of LARGE_CORPUS files or more (slow on small machines). */
  readonly largeRepeat: number;
  readonly seed: number;
  readonly quick: boolean;
  readonly real: boolean;
  readonly variants: readonly VariantId[];
  readonly profile: boolean;
  readonly output: string;
  /** Another build's `dist/rules/index.js`, measured as `eslint-ours-before` in the same run. */
  readonly before?: string;
  readonly log: (line: string) => void;
}

const QUICK_SIZE = 120;
const LARGE_CORPUS = 5_000;
const CHILD_TIMEOUT_MS = 60 * 60 * 1000;
const PROFILED: ReadonlySet<VariantId> = new Set(['eslint-ours', 'eslint-typed-ours', 'policy-check']);
const MEASURE_SCRIPT = path.join(DIST, 'bench', 'measure.js');
const PROFILE_DIRECTORY = path.join(REPOSITORY_ROOT, 'bench', '.cache', 'profiles');

function measurementFor(variant: VariantId, corpus: string, before?: string): Measurement {
  switch (variant) {
    case 'eslint-floor':
      return { kind: 'eslint', corpus, typed: false, rules: 'none' };
    case 'eslint-core-rule':
      return { kind: 'eslint', corpus, typed: false, rules: 'core' };
    case 'eslint-ours':
      return { kind: 'eslint', corpus, typed: false, rules: 'ours' };
    case 'eslint-ours-before':
      return { kind: 'eslint', corpus, typed: false, rules: 'ours', plugin: before };
    case 'eslint-security':
      return { kind: 'eslint', corpus, typed: false, rules: 'security' };
    case 'eslint-sonarjs':
      return { kind: 'eslint', corpus, typed: false, rules: 'sonarjs' };
    case 'eslint-typed-floor':
      return { kind: 'eslint', corpus, typed: true, rules: 'none' };
    case 'eslint-typed-ours':
      return { kind: 'eslint', corpus, typed: true, rules: 'ours' };
    case 'checker-floor':
      return { kind: 'checker-floor', corpus };
    case 'policy-check':
      return { kind: 'policy-check', corpus };
    case 'tsc':
      return { kind: 'tsc', corpus };
  }
}

/** Runs one measurement in a fresh Node process and returns what it reported, or the error. */
export function runMeasurement(measurement: Measurement, profileName?: string): Promise<MeasurementResult | Error> {
  const execArgv = ['--max-old-space-size=8192'];
  if (profileName) {
    mkdirSync(PROFILE_DIRECTORY, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', PROFILE_DIRECTORY, '--cpu-prof-name', `${profileName}.cpuprofile`);
  }
  return new Promise((resolve) => {
    let settled = false;
    let stderr = '';
    const child = fork(MEASURE_SCRIPT, [JSON.stringify(measurement)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    const settle = (value: MeasurementResult | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('message', (message) => settle(message as MeasurementResult));
    child.on('error', (error) => settle(error));
    child.on('close', (code, signal) => {
      const lastLine = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' / ');
      settle(new Error(`measurement exited with ${signal ?? code}${lastLine ? `: ${lastLine}` : ''}`));
    });
  });
}

function prepareCorpora(options: RunOptions): CorpusInfo[] {
  const corpora: CorpusInfo[] = [];
  for (const size of options.sizes) {
    const directory = path.join(CORPUS_ROOT, String(size));
    const manifest = writeCorpus(directory, { files: size, seed: options.seed });
    const lines = listTypeScript(directory).reduce((sum, file) => sum + countLines(readFileSync(file, 'utf8')), 0);
    corpora.push({
      id: String(size),
      kind: 'generated',
      description: `generated service monorepo: ${manifest.services} services, ${manifest.filesWithPatterns} files with a seeded pattern`,
      directory: path.relative(REPOSITORY_ROOT, directory),
      files: manifest.files,
      lines,
      seed: options.seed,
      seededPatterns: manifest.patterns,
    });
  }
  if (options.real) {
    for (const real of REAL_CORPORA) {
      const prepared = prepareRealCorpus(real);
      corpora.push({
        id: real.id,
        kind: 'real',
        description: `${real.description} (${real.source.split('/')[0]} ${prepared.version})`,
        directory: path.relative(REPOSITORY_ROOT, prepared.directory),
        files: prepared.files,
        lines: prepared.lines,
      });
    }
  }
  return corpora;
}

async function measureCorpus(corpus: CorpusInfo, options: RunOptions): Promise<CorpusResult> {
  const directory = path.join(REPOSITORY_ROOT, corpus.directory);
  const samples = new Map<VariantId, (MeasurementResult | Error)[]>();
  if (!options.quick) await runMeasurement(measurementFor('eslint-floor', directory));
  const repeat = corpus.files >= LARGE_CORPUS ? options.largeRepeat : options.repeat;
  for (let round = 1; round <= repeat; round++) {
    for (const variant of options.variants) {
      const profileName = options.profile && PROFILED.has(variant) ? `${corpus.id}-${variant}-${round}` : undefined;
      const result = await runMeasurement(measurementFor(variant, directory, options.before), profileName);
      samples.set(variant, [...(samples.get(variant) ?? []), result]);
      options.log(`${corpus.id.padStart(6)}  ${variant.padEnd(20)} #${round}  ${describeSample(result)}`);
    }
  }
  const variants: CorpusResult['variants'] = {};
  for (const [variant, results] of samples) variants[variant] = summarizeVariant(results);

  // The stats runs, interleaved like the timed runs; each kind keeps its fastest run's figures (fastestRuleTimes).
  const statsRuns: ReadonlyArray<{ readonly kind: keyof CorpusResult['ruleTimings']; readonly variant: VariantId; readonly prefix: string; readonly measurement: Measurement }> = [
    { kind: 'untyped', variant: 'eslint-ours', prefix: 'service-policy/', measurement: { kind: 'eslint', corpus: directory, typed: false, rules: 'ours', stats: true } },
    { kind: 'security', variant: 'eslint-security', prefix: 'security/', measurement: { kind: 'eslint', corpus: directory, typed: false, rules: 'security', stats: true } },
    { kind: 'typed', variant: 'eslint-typed-ours', prefix: 'service-policy/', measurement: { kind: 'eslint', corpus: directory, typed: true, rules: 'ours', stats: true } },
  ];
  const statsSamples = new Map<keyof CorpusResult['ruleTimings'], (MeasurementResult | Error)[]>();
  for (let round = 1; round <= repeat; round++) {
    for (const { kind, variant, measurement } of statsRuns) {
      if (!options.variants.includes(variant)) continue;
      const result = await runMeasurement(measurement);
      statsSamples.set(kind, [...(statsSamples.get(kind) ?? []), result]);
      options.log(`${corpus.id.padStart(6)}  ${`stats ${kind}`.padEnd(20)} #${round}  ${describeSample(result)}`);
    }
  }
  const ruleTimings: { -readonly [Key in keyof CorpusResult['ruleTimings']]: CorpusResult['ruleTimings'][Key] } = {};
  for (const { kind, prefix } of statsRuns) {
    const results = statsSamples.get(kind);
    if (results) ruleTimings[kind] = fastestRuleTimes(results, prefix);
  }
  return { ...corpus, repeat, variants, ratios: computeRatios(variants, 'cpu'), medianRatios: computeRatios(variants, 'cpu-median'), wallRatios: computeRatios(variants, 'wall'), ruleTimings };
}

function describeSample(result: MeasurementResult | Error): string {
  if (result instanceof Error) return `failed: ${result.message}`;
  if (result.unavailable) return `n/a: ${result.unavailable}`;
  return `${(result.cpuMs / 1000).toFixed(2)} s CPU  ${(result.wallMs / 1000).toFixed(2)} s wall  ${Math.round(result.maxRssBytes / 1024 / 1024)} MB  ${result.files} files  ${result.problems} problems`;
}

/** Samples the one-minute load average while the benchmark runs. */
function monitorLoad(): { stop: () => Machine['load'] } {
  const before = os.loadavg()[0] ?? 0;
  const samples: number[] = [before];
  const timer = setInterval(() => samples.push(os.loadavg()[0] ?? 0), 15_000);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(os.loadavg()[0] ?? 0);
      const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
      return { before: round2(before), mean: round2(mean), max: round2(Math.max(...samples)) };
    },
  };
}

function readVersions(): Record<string, string> {
  const versionOf = (name: string): string => {
    try {
      return (JSON.parse(readFileSync(path.join(NODE_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'missing';
    }
  };
  const own = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    'eslint-plugin-service-policy': own.version,
    eslint: versionOf('eslint'),
    'typescript-eslint': versionOf('typescript-eslint'),
    typescript: versionOf('typescript'),
    'ts-morph': versionOf('ts-morph'),
    'eslint-plugin-security': versionOf('eslint-plugin-security'),
    'eslint-plugin-sonarjs': versionOf('eslint-plugin-sonarjs'),
  };
}

export async function runBenchmark(options: RunOptions): Promise<BenchmarkResults> {
  const load = monitorLoad();
  const corpora: CorpusResult[] = [];
  for (const corpus of prepareCorpora(options)) {
    options.log(`${corpus.id}: ${corpus.files} files, ${corpus.lines} lines (${corpus.description})`);
    corpora.push(await measureCorpus(corpus, options));
  }
  const cpus = os.cpus();
  const machine: Machine = {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    load: load.stop(),
  };
  const growth = computeGrowth(corpora);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    date: new Date().toISOString(),
    machine,
    settings: { repeat: options.repeat, largeRepeat: options.largeRepeat, seed: options.seed, quick: options.quick, ...(options.before ? { before: describeBuild(options.before) } : {}) },
    commit: readCommit(),
    versions: readVersions(),
    corpora,
    growth,
    targets: computeTargets(corpora, growth),
  };
}

/** The plugin entry of another build: DIR/dist/rules/index.js, or the file itself. */
function findBuild(given: string): string {
  const resolved = path.resolve(given);
  const entry = existsSync(resolved) && statSync(resolved).isDirectory() ? path.join(resolved, 'dist', 'rules', 'index.js') : resolved;
  if (!existsSync(entry)) throw new Error(`--before: no built plugin at ${entry} (build that checkout with \`npx tsc -p tsconfig.build.json\`)`);
  return entry;
}

/** A build named by its checkout's commit (git, or a `.commit` file beside dist/), or by its path. */
function describeBuild(entry: string): string {
  const checkout = path.resolve(path.dirname(entry), '..', '..');
  const commitFile = path.join(checkout, '.commit');
  const commit = existsSync(commitFile) ? readFileSync(commitFile, 'utf8').trim() : readCommit(checkout);
  return commit ? `commit ${commit}` : checkout;
}

/** The commit the rules and checker were built from, when the repository is a git checkout. */
function readCommit(directory = REPOSITORY_ROOT): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function parseOptions(argv: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '500,2000,8000' },
      repeat: { type: 'string', default: '3' },
      'large-repeat': { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      quick: { type: 'boolean', default: false },
      'no-real': { type: 'boolean', default: false },
      variants: { type: 'string' },
      before: { type: 'string' },
      profile: { type: 'boolean', default: false },
      output: { type: 'string' },
    },
  });
  const before = values.before === undefined ? undefined : findBuild(values.before);
  const variants = (values.variants ?? VARIANT_IDS.filter((variant) => variant !== 'eslint-ours-before' || before).join(',')).split(',').map((variant) => variant.trim());
  if (variants.includes('eslint-ours-before') && !before) throw new Error('the eslint-ours-before variant needs --before DIR');
  const unknown = variants.filter((variant) => !(VARIANT_IDS as readonly string[]).includes(variant));
  if (unknown.length > 0) throw new Error(`unknown variant ${unknown.join(', ')}; known: ${VARIANT_IDS.join(', ')}`);
  const quick = values.quick;
  const sizes = quick ? [QUICK_SIZE] : values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`--sizes takes file counts, got ${values.sizes}`);
  return {
    sizes,
    repeat: quick ? 1 : Math.max(1, Number(values.repeat)),
    largeRepeat: quick ? 1 : Math.max(1, Number(values['large-repeat'] ?? values.repeat)),
    seed: Number(values.seed),
    quick,
    real: !quick && !values['no-real'],
    variants: VARIANT_IDS.filter((variant) => variants.includes(variant)),
    profile: values.profile,
    ...(before ? { before } : {}),
    output: path.resolve(values.output ?? (quick ? path.join(REPOSITORY_ROOT, 'bench', '.cache') : path.join(REPOSITORY_ROOT, 'bench'))),
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

if (isMainModule(import.meta.url)) {
  let options: RunOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)} (options: --sizes 500,2000 --repeat 3 --large-repeat 1 --seed 1 --quick --no-real --variants a,b --before DIR --profile --output DIR)\n`);
    process.exit(2);
  }
  const results = await runBenchmark(options);
  const markdown = renderMarkdown(results);
  mkdirSync(options.output, { recursive: true });
  writeFileSync(path.join(options.output, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(options.output, 'results.md'), markdown);
  process.stdout.write(markdown);
}
