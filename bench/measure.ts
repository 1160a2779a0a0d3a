/**
 * One measurement, run in a fresh Node process so its peak RSS is its own: an ESLint run over a corpus
 * (untyped or typed, with no rules, our rules or a peer's), the checker's floor, `policy-check` itself,
 * or the TypeScript compiler's `--noEmit` work. Reports to the parent over IPC (or prints JSON when
 * started by hand):
 *
 *   node dist/bench/measure.js '{"kind":"eslint","corpus":"bench/corpus/500","typed":false,"rules":"ours"}'
 *
 * Times cover the work only: creating the linter or project and running it, not loading the modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

import type { ESLint, Linter } from 'eslint';
import type { ParseConfigFileHost } from 'typescript';

import { DIST, isMainModule, NODE_MODULES } from './paths.js';

/**
 * `core`: one cheap core rule, to show what ESLint costs as soon as any rule runs; `noop`: one rule that
 * listens to nothing, the same cost with no rule work at all.
 */
export type RuleSet = 'none' | 'noop' | 'core' | 'ours' | 'security' | 'sonarjs';

export type Measurement =
  | {
      readonly kind: 'eslint';
      readonly corpus: string;
      readonly typed: boolean;
      readonly rules: RuleSet;
      readonly stats?: boolean;
      readonly plugin?: string;
      /**
       * Replace ESLint's per-file rule context, made with `Object.create(fileContext)`, by a copy of the
       * same fields: shows what running any rule costs when the context does not pin the file (first-rule-cost.ts).
       */
      readonly copiedContext?: boolean;
    }
  | { readonly kind: 'checker-floor'; readonly corpus: string }
  | { readonly kind: 'policy-check'; readonly corpus: string }
  | { readonly kind: 'tsc'; readonly corpus: string };

export interface MeasurementResult {
  /** Milliseconds of work, module loading excluded. */
  readonly wallMs: number;
  /** CPU milliseconds (user + system, all threads) of the same work: what the work costs, whatever else the machine runs. */
  readonly cpuMs: number;
  /** Peak resident set size of the process, in bytes. */
  readonly maxRssBytes: number;
  readonly files: number;
  /** Rule messages (ESLint, policy-check) or diagnostics (tsc). */
  readonly problems: number;
  /** Files that did not parse. */
  readonly fatal: number;
  /** Rules enabled. */
  readonly ruleCount: number;
  readonly messagesByRule: Readonly<Record<string, number>>;
  /** With `stats`: milliseconds per rule, summed over files. */
  readonly ruleTimes?: Readonly<Record<string, number>>;
  /** With `stats`: milliseconds spent parsing, summed over files. */
  readonly parseMs?: number;
  /** Milliseconds the main thread spent paused for garbage collection during the work. */
  readonly gcMs?: number;
  /** Bytes the young-generation collections moved into old space during the work (steady from run to run). */
  readonly promotedBytes?: number;
  /** Set when the measured tool is not there (for example the checker before it is built). */
  readonly unavailable?: string;
}

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

interface PluginModule {
  readonly default?: { readonly configs?: Record<string, Linter.Config> };
  readonly configs?: Record<string, Linter.Config>;
}

interface CheckerModule {
  readonly checkProject?: (options: { root: string }) => unknown;
}

interface CheckerResult {
  readonly fileCount: number;
  readonly findings: readonly { readonly ruleId: string }[];
  readonly problems: readonly unknown[];
  readonly rules: readonly unknown[];
}

export async function measure(measurement: Measurement): Promise<MeasurementResult> {
  const corpus = path.resolve(measurement.corpus);
  switch (measurement.kind) {
    case 'eslint':
      if (measurement.copiedContext) copyRuleContexts();
      return measureEslint(corpus, measurement.typed, measurement.rules, measurement.stats ?? false, measurement.plugin);
    case 'checker-floor':
      return measureCheckerFloor(corpus);
    case 'policy-check':
      return measurePolicyCheck(corpus);
    case 'tsc':
      return measureTypeScript(corpus);
  }
}

/** `plugin`: another build's `dist/rules/index.js`, to measure it in the same run (`--before`). */
async function loadRuleConfigs(rules: RuleSet, plugin?: string): Promise<Linter.Config[]> {
  switch (rules) {
    case 'none':
      return [];
    case 'noop':
      return [{ plugins: { bench: { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } } }, rules: { 'bench/noop': 'error' } }];
    case 'core':
      return [{ rules: { 'no-debugger': 'error' } }];
    case 'ours': {
      const module = (plugin ? await import(pathToFileURL(plugin).href) : await import('../rules/index.js')) as { default: { configs: { all: unknown } } };
      return [module.default.configs.all as Linter.Config];
    }
    case 'security':
    case 'sonarjs': {
      // Loaded by name: eslint-plugin-security ships no type declarations.
      const specifier: string = rules === 'security' ? 'eslint-plugin-security' : 'eslint-plugin-sonarjs';
      const module = (await import(specifier)) as PluginModule;
      const recommended = (module.default?.configs ?? module.configs)?.recommended;
      if (!recommended) throw new Error(`${specifier} has no recommended config`);
      return [recommended];
    }
  }
}

function countEnabledRules(configs: readonly Linter.Config[]): number {
  const enabled = new Set<string>();
  for (const config of configs) {
    for (const [ruleId, entry] of Object.entries(config.rules ?? {})) {
      const severity = Array.isArray(entry) ? entry[0] : entry;
      if (severity === 'off' || severity === 0) enabled.delete(ruleId);
      else enabled.add(ruleId);
    }
  }
  return enabled.size;
}

async function measureEslint(corpus: string, typed: boolean, rules: RuleSet, stats: boolean, plugin?: string): Promise<MeasurementResult> {
  const [{ ESLint }, tseslint, ruleConfigs] = await Promise.all([import('eslint'), import('typescript-eslint'), loadRuleConfigs(rules, plugin)]);
  const parserOptions = typed ? { projectService: true, tsconfigRootDir: corpus } : {};
  const config: Linter.Config[] = [
    { files: TYPESCRIPT_FILES, languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions } },
    ...ruleConfigs,
  ];
  const clock = startClock();
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config, stats });
  const results = await eslint.lintFiles(['.']);
  const { wallMs, cpuMs, gcMs, promotedBytes } = clock.stop();
  return { wallMs, cpuMs, gcMs, promotedBytes, maxRssBytes: peakRss(), ruleCount: countEnabledRules(ruleConfigs), ...summarizeLint(results, stats) };
}

function summarizeLint(results: readonly ESLint.LintResult[], stats: boolean): Omit<MeasurementResult, 'wallMs' | 'cpuMs' | 'maxRssBytes' | 'ruleCount'> {
  const messagesByRule: Record<string, number> = {};
  const ruleTimes: Record<string, number> = {};
  let problems = 0;
  let fatal = 0;
  let parseMs = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) {
        fatal += 1;
      } else if (message.ruleId) {
        problems += 1;
        messagesByRule[message.ruleId] = (messagesByRule[message.ruleId] ?? 0) + 1;
      }
    }
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleTimes[ruleId] = (ruleTimes[ruleId] ?? 0) + time.total;
    }
  }
  return { files: results.length, problems, fatal, messagesByRule, ...(stats ? { ruleTimes, parseMs } : {}) };
}

/**
 * What `policy-check` cannot do without: load the project with ts-morph, build the program and its type
 * checker, and run ESLint once over every file of that program with no rules.
 */
async function measureCheckerFloor(corpus: string): Promise<MeasurementResult> {
  const [{ ESLint }, tseslint, { Project }] = await Promise.all([import('eslint'), import('typescript-eslint'), import('ts-morph')]);
  const clock = startClock();
  const project = new Project({ tsConfigFilePath: path.join(corpus, 'tsconfig.json'), skipFileDependencyResolution: true });
  const program = project.getProgram().compilerObject;
  program.getTypeChecker();
  const inside = `${corpus}${path.sep}`;
  const files = program
    .getSourceFiles()
    .map((sourceFile) => path.resolve(sourceFile.fileName))
    .filter((file) => file.startsWith(inside) && !file.includes(`${path.sep}node_modules${path.sep}`) && !/\.d\.[cm]?ts$/.test(file));
  const eslint = new ESLint({
    cwd: corpus,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: TYPESCRIPT_FILES,
        languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { programs: [program] as never } },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  const { wallMs, cpuMs, gcMs, promotedBytes } = clock.stop();
  return { wallMs, cpuMs, gcMs, promotedBytes, maxRssBytes: peakRss(), ruleCount: 0, ...summarizeLint(results, false) };
}

async function measurePolicyCheck(corpus: string): Promise<MeasurementResult> {
  const entry = path.join(DIST, 'checker', 'index.js');
  const checker = existsSync(entry) ? ((await import(pathToFileURL(entry).href)) as CheckerModule) : {};
  if (typeof checker.checkProject !== 'function') {
    return { ...EMPTY_RESULT, maxRssBytes: peakRss(), unavailable: 'dist/checker/index.js does not export checkProject' };
  }
  const clock = startClock();
  const result = (await checker.checkProject({ root: corpus })) as CheckerResult;
  const { wallMs, cpuMs, gcMs, promotedBytes } = clock.stop();
  const messagesByRule: Record<string, number> = {};
  for (const finding of result.findings) messagesByRule[finding.ruleId] = (messagesByRule[finding.ruleId] ?? 0) + 1;
  return {
    wallMs,
    cpuMs,
    gcMs,
    promotedBytes,
    maxRssBytes: peakRss(),
    files: result.fileCount,
    problems: result.findings.length,
    fatal: result.problems.length,
    ruleCount: result.rules.length,
    messagesByRule,
  };
}

/** The work of `tsc --noEmit -p <corpus>`: parse the config, build the program, collect every pre-emit diagnostic. */
async function measureTypeScript(corpus: string): Promise<MeasurementResult> {
  const { default: ts } = await import('typescript');
  const clock = startClock();
  const host: ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(corpus, 'tsconfig.json'), {}, host);
  if (!parsed) throw new Error(`cannot read ${corpus}/tsconfig.json`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const { wallMs, cpuMs, gcMs, promotedBytes } = clock.stop();
  const messagesByRule: Record<string, number> = {};
  for (const diagnostic of diagnostics) messagesByRule[`TS${diagnostic.code}`] = (messagesByRule[`TS${diagnostic.code}`] ?? 0) + 1;
  return { wallMs, cpuMs, gcMs, promotedBytes, maxRssBytes: peakRss(), files: parsed.fileNames.length, problems: diagnostics.length, fatal: 0, ruleCount: 0, messagesByRule };
}

const EMPTY_RESULT: MeasurementResult = { wallMs: 0, cpuMs: 0, maxRssBytes: 0, files: 0, problems: 0, fatal: 0, ruleCount: 0, messagesByRule: {} };

function startClock(): { stop: () => { wallMs: number; cpuMs: number; gcMs: number; promotedBytes: number } } {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const profiler = new v8.GCProfiler();
  profiler.start();
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  return {
    stop: () => {
      const cpu = process.cpuUsage(cpuStart);
      const wallMs = performance.now() - wallStart;
      for (const entry of observer.takeRecords()) gcMs += entry.duration;
      observer.disconnect();
      return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, gcMs, promotedBytes: sumPromoted(profiler.stop()) };
    },
  };
}

/** Bytes the young-generation collections moved into old space: what outlived its first collections. */
function sumPromoted(profile: v8.GCProfilerResult | undefined): number {
  const oldSpace = (spaces: readonly v8.HeapSpaceStatistics[]): number =>
    spaces.find((space) => space.spaceName === 'old_space')?.spaceUsedSize ?? 0;
  let promoted = 0;
  for (const event of profile?.statistics ?? []) {
    if (event.gcType === 'Scavenge') promoted += Math.max(0, oldSpace(event.afterGC.heapSpaceStatistics) - oldSpace(event.beforeGC.heapSpaceStatistics));
  }
  return promoted;
}

interface FileContextClass {
  prototype: { extend(this: Record<string, unknown>, extension: object): object };
}

/**
 * ESLint makes each rule's context with `Object.create(fileContext)`. V8 then gives the new object a map,
 * kept in old space, whose prototype is that file's context; so the file's context, source code, tokens,
 * AST and scopes survive every young-generation collection until the next full one, and are copied into
 * old space on the way. A copy of the same fields (the class's own prototype is long-lived) keeps what
 * rules see and lets the file's objects die young.
 */
function copyRuleContexts(): void {
  const require = createRequire(path.join(NODE_MODULES, 'eslint', 'package.json'));
  const { FileContext } = require('./lib/linter/file-context.js') as { FileContext: FileContextClass };
  FileContext.prototype.extend = function extend(extension) {
    return Object.freeze(Object.assign(Object.create(FileContext.prototype) as object, this, extension));
  };
}

function peakRss(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

if (isMainModule(import.meta.url)) {
  const measurement = JSON.parse(process.argv[2] ?? '{}') as Measurement;
  const result = await measure(measurement);
  if (process.send) {
    process.send(result, () => process.exit(0));
  } else {
    console.log(JSON.stringify(result, null, 2));
    process.exit(0);
  }
}
