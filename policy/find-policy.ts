/**
 * Finds and reads the policy file nearest to a directory (cosmiconfig, module name `policy-check`),
 * validated and merged over the defaults. Results are cached per directory, so an editor session reads
 * each file once.
 */
import path from 'node:path';

import { cosmiconfigSync } from 'cosmiconfig';

import { resolvePolicy, validatePolicy, type Policy, type PolicyInput } from './policy.js';

export const POLICY_MODULE_NAME = 'policy-check';

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The file the policy was read from, or undefined when the defaults apply. */
  readonly file: string | undefined;
}

/**
 * Where the policy is looked for, in order, in each directory from the start one up: one list for the
 * ESLint rules and policy-check.
 */
export const POLICY_SEARCH_PLACES: readonly string[] = [
  'package.json',
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map((extension) => `.${POLICY_MODULE_NAME}rc${extension}`),
  ...['js', 'ts', 'cjs', 'mjs'].map((extension) => `${POLICY_MODULE_NAME}.config.${extension}`),
];

/** ESM-only `.mjs` files cannot be loaded synchronously, as ESLint rules must: policy-check reads those itself. */
export function isModuleOnlyPlace(place: string): boolean {
  return place.endsWith('.mjs');
}

const explorer = cosmiconfigSync(POLICY_MODULE_NAME, {
  searchStrategy: 'global',
  searchPlaces: POLICY_SEARCH_PLACES.filter((place) => !isModuleOnlyPlace(place)),
});

const cacheByDirectory = new Map<string, LoadedPolicy>();

/** The policy that applies to files in `directory`; throws PolicyError on an invalid file. */
export function findPolicy(directory: string): LoadedPolicy {
  const key = path.resolve(directory);
  const cached = cacheByDirectory.get(key);
  if (cached) return cached;
  const found = explorer.search(key);
  const loaded = found ? fromRaw(found.config, found.filepath) : { policy: resolvePolicy(undefined), file: undefined };
  cacheByDirectory.set(key, loaded);
  return loaded;
}

/** Reads the policy from an explicit file path; throws PolicyError on an invalid file. */
export function loadPolicyFile(file: string): LoadedPolicy {
  const found = explorer.load(path.resolve(file));
  return fromRaw(found?.config ?? {}, path.resolve(file));
}

/** Forgets cached policies (after a policy file changed). */
export function clearPolicyCache(): void {
  cacheByDirectory.clear();
  explorer.clearCaches();
}

function fromRaw(raw: unknown, file: string): LoadedPolicy {
  const value = (raw as { default?: unknown } | null)?.default ?? raw;
  return { policy: resolvePolicy(validatePolicy(value ?? {}, file) as PolicyInput), file };
}
