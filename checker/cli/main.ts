/**
 * The policy-check command: the only code that prints or decides the exit code. 0 when nothing fails the
 * gate, 1 when errors, problems or more warnings than --max-warnings remain, 2 on a usage, configuration or
 * internal error, printed as one line with no stack trace.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ConfigError } from '../config/config-error.js';
import { applyBaseline, createBaseline, createLineReader, formatBaseline, parseBaseline, type Baseline } from '../core/baseline.js';
import { mergeResults } from '../report/merge.js';
import type { CheckResult } from '../report/model.js';
import { formatAudit } from '../reporters/audit.js';
import { parseJsonReport, reporters } from '../reporters/index.js';
import { parseArguments, USAGE, type CliArguments } from './arguments.js';
import { findChangedFiles } from './changed-files.js';
import { createProgressBar, type ProgressBar } from './progress.js';
import { UsageError } from './usage-error.js';

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliEnvironment {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

const TOOL_NAME = 'policy-check';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export async function main(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  let progress: ProgressBar | undefined;
  try {
    const args = parseArguments(argv);
    if (args.command === 'help') return print(environment.stdout, `${USAGE}\n`);
    if (args.command === 'version') return print(environment.stdout, `${(await import('../core/tool.js')).getToolVersion()}\n`);
    progress = wantsProgress(args, environment) ? createProgressBar(environment.stderr) : undefined;
    const result = args.command === 'merge' ? mergeReports(args, environment.cwd) : await runCheck(args, environment, progress);
    progress?.finish();
    writeReport(result, args, environment);
    return exitCode(result, args.maxWarnings);
  } catch (error) {
    progress?.finish();
    environment.stderr.write(`${TOOL_NAME}: ${describeError(error)}\n`);
    return EXIT_ERROR;
  }
}

async function runCheck(args: CliArguments, environment: CliEnvironment, progress: ProgressBar | undefined): Promise<CheckResult> {
  const root = environment.cwd;
  const changed = args.changedSince === undefined ? undefined : findChangedFiles(root, args.changedSince);
  const baseline = args.baseline !== undefined && !args.updateBaseline ? readBaseline(path.resolve(root, args.baseline)) : undefined;
  // Loaded only now, so usage errors, help and merge answer without loading TypeScript and ESLint.
  const { checkProject } = await import('../core/check-project.js');
  const result = await checkProject({
    root,
    paths: args.paths,
    configFile: args.config,
    ignore: args.ignore,
    filter: changed ? (file) => changed.has(file) : undefined,
    shard: args.shard,
    onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
  });
  const readLine = createLineReader(root);
  if (args.updateBaseline) {
    const recorded = createBaseline(result.findings, readLine);
    writeFileSync(path.resolve(root, args.baseline!), formatBaseline(recorded));
    return applyBaseline(result, recorded, readLine);
  }
  return baseline ? applyBaseline(result, baseline, readLine) : result;
}

function mergeReports(args: CliArguments, cwd: string): CheckResult {
  const results = args.paths.map((file) => {
    const text = readText(path.resolve(cwd, file), file);
    try {
      return parseJsonReport(text);
    } catch (error) {
      throw new UsageError(`${file}: not a policy-check JSON report: ${messageOf(error)}`);
    }
  });
  return mergeResults(results);
}

function readBaseline(file: string): Baseline {
  const text = readText(file, file);
  try {
    return parseBaseline(text);
  } catch (error) {
    throw new UsageError(`${file}: not a policy-check baseline: ${messageOf(error)}`);
  }
}

function readText(file: string, shown: string): string {
  if (!existsSync(file)) throw new UsageError(`${shown}: no such file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${shown}: cannot be read: ${messageOf(error)}`);
  }
}

function writeReport(result: CheckResult, args: CliArguments, environment: CliEnvironment): void {
  const toFile = args.output !== undefined;
  const color = !toFile && environment.stdout.isTTY === true && !environment.env.NO_COLOR && !environment.env.CI;
  const readLines = createSourceReader(environment.cwd);
  const report = args.audit ? formatAudit(result, { ...args.audit, readLines }) : reporters[args.format](result, { color, readLines });
  const text = report.endsWith('\n') || report === '' ? report : `${report}\n`;
  if (toFile) writeFileSync(path.resolve(environment.cwd, args.output!), text);
  else environment.stdout.write(text);
}

/** Reads a reported file's lines for the code the audit and HTML reports show, once per file; undefined when it cannot be read. */
function createSourceReader(root: string): (file: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(path.resolve(root, file), 'utf8').split(/\r?\n/));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

/** Errors and problems fail the gate, and warnings beyond --max-warnings. */
export function exitCode(result: CheckResult, maxWarnings: number | undefined): number {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.length - errors;
  if (errors > 0 || result.problems.length > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

function wantsProgress(args: CliArguments, environment: CliEnvironment): boolean {
  return args.command === 'check' && args.progress && environment.stderr.isTTY === true && !environment.env.CI;
}

function print(stream: OutputStream, text: string): number {
  stream.write(text);
  return EXIT_OK;
}

function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  return `internal error: ${messageOf(error)}`;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
