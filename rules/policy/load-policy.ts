/**
 * Finds and reads the policy file nearest to a directory (cosmiconfig, module name `policy-check`),
 * validated and merged over the defaults. Results are cached per directory, so an editor session reads
 * each file once.
 */
import path from 'node:path';

import { cosmiconfigSync } from 'cosmiconfig';

import { resolvePolicy, validatePolicy, type Policy, type PolicyInput } from '../../knowledge/policy.js';

export const POLICY_MODULE_NAME = 'policy-check';

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The file the policy was read from, or undefined when the defaults apply. */
  readonly file: string | undefined;
}

// ESM-only `.mjs` files cannot be loaded synchronously, as ESLint rules must; `.js` and `.ts` can.
const explorer = cosmiconfigSync(POLICY_MODULE_NAME, {
  searchStrategy: 'global',
  searchPlaces: [
    'package.json',
    `.${POLICY_MODULE_NAME}rc`,
    `.${POLICY_MODULE_NAME}rc.json`,
    `.${POLICY_MODULE_NAME}rc.yaml`,
    `.${POLICY_MODULE_NAME}rc.yml`,
    `.${POLICY_MODULE_NAME}rc.js`,
    `.${POLICY_MODULE_NAME}rc.ts`,
    `.${POLICY_MODULE_NAME}rc.cjs`,
    `${POLICY_MODULE_NAME}.config.js`,
    `${POLICY_MODULE_NAME}.config.ts`,
    `${POLICY_MODULE_NAME}.config.cjs`,
  ],
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
