/** Parses policy-check's command line with node:util parseArgs into one options object. */
import { parseArgs } from 'node:util';

import type { Shard } from '../config/options.js';
import { DEFAULT_AUDIT_CONTEXT, DEFAULT_AUDIT_SEED } from '../reporters/audit.js';
import type { ReportFormat } from '../reporters/index.js';
import { UsageError } from './usage-error.js';

export const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown', 'html'];

export interface CliArguments {
  readonly command: 'check' | 'merge' | 'help' | 'version';
  /** Paths to check, or, for `merge`, the JSON reports to merge. */
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  readonly output: string | undefined;
  readonly config: string | undefined;
  /** Warnings allowed before the run fails; undefined for no limit. */
  readonly maxWarnings: number | undefined;
  readonly baseline: string | undefined;
  readonly updateBaseline: boolean;
  readonly changedSince: string | undefined;
  readonly shard: Shard | undefined;
  readonly ignore: readonly string[];
  readonly progress: boolean;
  /** Write the audit report instead of a format: every finding with its code, to mark by hand. */
  readonly audit: { readonly sample: number | undefined; readonly seed: number; readonly context: number } | undefined;
}

export const USAGE = `Usage: policy-check [options] [paths...]
       policy-check merge [options] report.json...

Checks a Node/TypeScript project for the distributed-systems mistakes that break services in production:
unbounded retries, retries without backoff, missing timeouts, retried POSTs without an idempotency key, ...

Options:
  -f, --format <format>     text, json, sarif, markdown or html (default: text)
  -o, --output <file>       write the report to a file instead of standard output
  -c, --config <file>       the policy file (default: found from the current directory)
      --max-warnings <n>    fail when there are more than n warnings (default: no limit)
      --baseline <file>     accept the findings recorded in this file; only new ones are reported
      --update-baseline     record the current findings in the --baseline file
      --changed-since <ref> report only files changed since the git ref (and untracked files)
      --shard <i/n>         check the i-th of n deterministic parts of the files
      --ignore <glob>       leave out files matching the glob (repeatable)
      --no-progress         never draw the progress bar
      --audit               print every finding with the code around it, grouped by rule, to mark
                            true, false or arguable by hand (instead of --format)
      --audit-sample <n>    with --audit: at most n findings per rule, a seeded random sample
      --seed <n>            with --audit-sample: the seed of the sample (default: 1)
      --audit-context <n>   with --audit: lines of code shown around each finding (default: 3)
  -h, --help                show this help
  -v, --version             show the version

Commands:
  merge <report.json...>    merge JSON reports of --shard runs into one report in any --format

Exit codes: 0 nothing fails the gate, 1 errors, problems or too many warnings, 2 usage or configuration error.`;

export function parseArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        'changed-since': { type: 'string' },
        shard: { type: 'string' },
        ignore: { type: 'string', multiple: true },
        progress: { type: 'boolean', default: true },
        audit: { type: 'boolean' },
        'audit-sample': { type: 'string' },
        seed: { type: 'string' },
        'audit-context': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${describeParseError(error)} (see --help)`);
  }
  const { values, positionals } = parsed;
  const isMerge = positionals[0] === 'merge';
  const command = values.help ? 'help' : values.version ? 'version' : isMerge ? 'merge' : 'check';
  const paths = isMerge ? positionals.slice(1) : positionals;
  if (command === 'merge' && paths.length === 0) throw new UsageError('merge needs at least one JSON report');
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline <file>');
  if (command === 'merge') {
    for (const flag of ['config', 'baseline', 'changed-since', 'shard', 'ignore'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply to merge`);
    }
  }
  if (!values.audit) {
    for (const flag of ['audit-sample', 'seed', 'audit-context'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --audit`);
    }
  } else if (values.format !== undefined) {
    throw new UsageError('--audit writes its own report; leave out --format');
  }
  return {
    command,
    paths,
    format: parseFormat(values.format),
    output: values.output,
    config: values.config,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] ?? false,
    changedSince: values['changed-since'],
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    ignore: values.ignore ?? [],
    progress: values.progress ?? true,
    audit: values.audit
      ? {
          sample: values['audit-sample'] === undefined ? undefined : parseCount('--audit-sample', values['audit-sample'], 1),
          seed: values.seed === undefined ? DEFAULT_AUDIT_SEED : parseCount('--seed', values.seed, 0),
          context: values['audit-context'] === undefined ? DEFAULT_AUDIT_CONTEXT : parseCount('--audit-context', values['audit-context'], 0),
        }
      : undefined,
  };
}

function describeParseError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  return message.replace(/\.$/, '');
}

function parseFormat(value: string | undefined): ReportFormat {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`--format ${value}: expected one of ${FORMATS.join(', ')}`);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings ${value}: expected a whole number of warnings, 0 or more`);
  return Number(value);
}

function parseCount(flag: string, value: string, minimum: number): number {
  if (!/^\d+$/.test(value) || Number(value) < minimum) throw new UsageError(`${flag} ${value}: expected a whole number, ${minimum} or more`);
  return Number(value);
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const shard = match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new UsageError(`--shard ${value}: expected i/n with 1 ≤ i ≤ n, such as 2/4`);
  }
  return shard;
}
