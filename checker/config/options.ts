/**
 * What a run is asked to do, and the one normalized form the core works from: absolute root and paths,
 * the policy (file or defaults), include/ignore patterns from the policy and the caller, and the severity of
 * every rule and check from the policy's `rules` key over the defaults.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import type { LoadedPolicy } from '../../policy/find-policy.js';
import { NO_POLICY_INPUT, readPolicy, type Policy, type PolicyInput, type RuleSetting } from '../../policy/policy.js';
import type { TestScope } from '../../policy/test-files.js';
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { ConfigError } from './config-error.js';
import { loadProjectPolicy, toConfigError } from './load-policy.js';
import { getRuleCatalog, type CatalogEntry, type ConfiguredSeverity } from './rule-catalog.js';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** The options of `checkProject()`. Only `root` is required. */
export interface CheckOptions {
  /** The project root: paths in the report are relative to it. */
  readonly root: string;
  /** Files and folders to check (relative to the root or absolute); the whole project when empty. */
  readonly paths?: readonly string[];
  /** The policy file; found by the cosmiconfig search from the root when absent. */
  readonly configFile?: string;
  /** A policy given in code instead of a file (validated the same way). */
  readonly policy?: PolicyInput;
  /** Glob patterns (relative to the root) to leave out, added to the policy's `ignore`. */
  readonly ignore?: readonly string[];
  /** Only files (relative POSIX paths) this accepts are checked: `--changed-since`. */
  readonly filter?: (file: string) => boolean;
  /** Check one deterministic part of the files: `--shard i/n`. */
  readonly shard?: Shard;
  /** Called after each file is linted. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ResolvedOptions {
  readonly root: string;
  readonly paths: readonly string[];
  readonly policy: Policy;
  /** The validated policy as given (or an empty one), handed to the rules through ESLint settings: they resolve it to `policy` again from the policy module's cache. */
  readonly policyInput: PolicyInput;
  readonly policyFile: string | undefined;
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  /** Patterns of test code left out of the run, or false to check tests too (the policy's `tests`). */
  readonly tests: TestScope;
  /** Full id → severity, for every rule and check in the catalog. */
  readonly severities: Readonly<Record<string, ConfiguredSeverity>>;
  readonly catalog: readonly CatalogEntry[];
  readonly filter: ((file: string) => boolean) | undefined;
  readonly shard: Shard | undefined;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/** Normalizes `options`; throws ConfigError (one line) on a bad policy file, rule name or path. */
export async function resolveOptions(options: CheckOptions): Promise<ResolvedOptions> {
  const root = path.resolve(options.root);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ConfigError(`${options.root}: the project root is not a directory`);
  const loaded = options.policy ? fromGivenPolicy(options.policy, root) : await loadProjectPolicy(root, options.configFile);
  const catalog = getRuleCatalog();
  const paths = (options.paths ?? []).map((given) => {
    const absolute = path.resolve(root, given);
    if (!existsSync(absolute)) throw new ConfigError(`${given}: no such file or directory`);
    return absolute;
  });
  if (options.shard) validateShard(options.shard);
  return {
    root,
    paths,
    policy: loaded.policy,
    // The rules get the policy from here even where there is no policy file, so none of them searches for one.
    policyInput: loaded.input ?? NO_POLICY_INPUT,
    policyFile: loaded.file,
    include: loaded.policy.include,
    ignore: [...loaded.policy.ignore, ...(options.ignore ?? [])],
    tests: loaded.policy.tests,
    severities: resolveSeverities(loaded.policy.rules, catalog, loaded.file ? displayFile(root, loaded.file) : 'policy'),
    catalog,
    filter: options.filter,
    shard: options.shard,
    onProgress: options.onProgress,
  };
}

function fromGivenPolicy(given: PolicyInput, root: string): LoadedPolicy {
  try {
    return { policy: readPolicy(given, 'policy'), input: given, file: undefined };
  } catch (error) {
    throw toConfigError(error, root);
  }
}

/** Severity of every catalog entry: the policy's setting (by short or full id) over the default. */
export function resolveSeverities(settings: Readonly<Record<string, RuleSetting>>, catalog: readonly CatalogEntry[], file: string): Record<string, ConfiguredSeverity> {
  const known = new Map(catalog.map((entry) => [entry.id, entry]));
  const severities: Record<string, ConfiguredSeverity> = {};
  for (const entry of catalog) severities[entry.id] = entry.defaultSeverity;
  for (const [key, setting] of Object.entries(settings)) {
    const id = key.startsWith(`${PLUGIN_NAME}/`) ? key : `${PLUGIN_NAME}/${key}`;
    if (!known.has(id)) throw new ConfigError(`${file}: "rules.${key}" is not a known rule or check`);
    severities[id] = toSeverity(Array.isArray(setting) ? setting[0] : setting);
  }
  return severities;
}

function toSeverity(value: unknown): ConfiguredSeverity {
  if (value === 2 || value === 'error') return 'error';
  if (value === 1 || value === 'warn') return 'warn';
  return 'off';
}

function validateShard(shard: Shard): void {
  if (!Number.isInteger(shard.count) || !Number.isInteger(shard.index) || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new ConfigError(`shard ${shard.index}/${shard.count}: expected i/n with 1 ≤ i ≤ n`);
  }
}

function displayFile(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
