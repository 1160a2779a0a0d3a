/**
 * Finds and reads the policy file nearest to a directory: one cosmiconfig search (module name
 * `policy-check`, one list of places, one set of loaders), validated and merged over the defaults.
 * The ESLint rules search synchronously, as rules must, and skip the ESM-only `.mjs` places they cannot
 * load; policy-check searches the same places asynchronously and imports `.mjs` files too. Every other
 * format is loaded by the same synchronous loader in both, so the editor and policy-check read one
 * file the same way. Results are cached per directory, so an editor session reads each file once.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { cosmiconfig, cosmiconfigSync, defaultLoadersSync, type CosmiconfigResult, type Loader, type LoaderSync } from 'cosmiconfig';

import { DEFAULT_POLICY, readPolicy, type Policy, type PolicyInput } from './policy.js';

export const POLICY_MODULE_NAME = 'policy-check';

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The validated content as written (what the rules receive through settings); undefined for the defaults. */
  readonly input: PolicyInput | undefined;
  /** Absolute path of the file the policy was read from, or undefined when the defaults apply. */
  readonly file: string | undefined;
}

/** A policy file that exists but could not be loaded (a syntax error, a module that throws). */
export class PolicyReadError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PolicyReadError';
  }
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

/** cosmiconfig's synchronous loaders (cosmiconfig 9 transpiles `.ts` synchronously too), naming the file they fail on. */
const SYNC_LOADERS: Readonly<Record<string, LoaderSync>> = Object.fromEntries(
  Object.entries(defaultLoadersSync).map(([extension, loader]) => [extension, (file: string, content: string) => runLoader(file, () => loader(file, content))]),
);

/** The one explorer definition; `mode` picks the synchronous form (ESLint rules) or the asynchronous one (policy-check). */
function createExplorerOptions(mode: 'sync' | 'async'): { searchStrategy: 'global'; searchPlaces: string[]; loaders: Record<string, Loader> } {
  return {
    searchStrategy: 'global',
    searchPlaces: POLICY_SEARCH_PLACES.filter((place) => mode === 'async' || !isModuleOnlyPlace(place)),
    loaders: mode === 'async' ? { ...SYNC_LOADERS, '.mjs': importModule } : { ...SYNC_LOADERS },
  };
}

let syncExplorer: ReturnType<typeof cosmiconfigSync> | undefined;
let asyncExplorer: ReturnType<typeof cosmiconfig> | undefined;
// Made on first use: cosmiconfig reads the working directory's package.json when it makes an explorer.
const getSyncExplorer = (): ReturnType<typeof cosmiconfigSync> => (syncExplorer ??= createExplorer(() => cosmiconfigSync(POLICY_MODULE_NAME, createExplorerOptions('sync'))));
const getAsyncExplorer = (): ReturnType<typeof cosmiconfig> => (asyncExplorer ??= createExplorer(() => cosmiconfig(POLICY_MODULE_NAME, createExplorerOptions('async'))));

const cacheByDirectory = new Map<string, LoadedPolicy>();

/** The policy that applies to files in `directory` (synchronous: the ESLint rules); throws PolicyError or PolicyReadError. */
export function findPolicy(directory: string): LoadedPolicy {
  const key = path.resolve(directory);
  const cached = cacheByDirectory.get(key);
  if (cached) return cached;
  const loaded = searchFrom(key);
  cacheByDirectory.set(key, loaded);
  return loaded;
}

const SYNC_SEARCH_PLACES = POLICY_SEARCH_PLACES.filter((place) => !isModuleOnlyPlace(place));

/**
 * cosmiconfig's search, one folder at a time, with one listing of each folder instead of a failed read per
 * searched place: the places the folder holds are loaded in the search order (a manifest without the key
 * and an empty file are passed over, as the search does), and a folder holding none has its parent's
 * policy. Where cosmiconfig stops walking up (the file system root, the home folder) its own search takes
 * over, for the global configuration folder it looks in last.
 */
function searchFrom(directory: string): LoadedPolicy {
  let names: ReadonlySet<string>;
  try {
    names = new Set(readdirSync(directory));
  } catch {
    return fromResult(getSyncExplorer().search(directory));
  }
  for (const place of SYNC_SEARCH_PLACES) {
    if (!names.has(place)) continue;
    const result = loadSearched(path.join(directory, place));
    if (result && !result.isEmpty) return fromResult(result);
  }
  const parent = path.dirname(directory);
  return parent === directory || directory === os.homedir() ? fromResult(getSyncExplorer().search(directory)) : findPolicy(parent);
}

/** A searched place that is not a readable file (a folder of that name, a file that went away) is passed over, as the search does. */
function loadSearched(file: string): CosmiconfigResult {
  try {
    return getSyncExplorer().load(file);
  } catch (error) {
    if (['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes((error as { code?: unknown }).code as string)) return null;
    throw error;
  }
}

/** The policy for a project at `directory`, `.mjs` files included (policy-check); throws PolicyError or PolicyReadError. */
export async function findProjectPolicy(directory: string): Promise<LoadedPolicy> {
  return fromResult(await getAsyncExplorer().search(path.resolve(directory)));
}

/** Reads the policy from an explicit file path, in any of the searched formats; throws PolicyError or PolicyReadError. */
export async function loadPolicyFile(file: string): Promise<LoadedPolicy> {
  const absolute = path.resolve(file);
  return fromResult((await getAsyncExplorer().load(absolute)) ?? { config: undefined, filepath: absolute });
}

/** Forgets cached policies (after a policy file changed). */
export function clearPolicyCache(): void {
  cacheByDirectory.clear();
  syncExplorer?.clearCaches();
  asyncExplorer?.clearCaches();
}

function fromResult(found: CosmiconfigResult): LoadedPolicy {
  if (!found) return { policy: DEFAULT_POLICY, input: undefined, file: undefined };
  const config: unknown = found.config;
  const value = (config as { default?: unknown } | null | undefined)?.default ?? config ?? {};
  return { policy: readPolicy(value, found.filepath), input: value as PolicyInput, file: found.filepath };
}

function createExplorer<Explorer>(create: () => Explorer): Explorer {
  try {
    return create();
  } catch (error) {
    const file = (error as { filepath?: unknown }).filepath;
    throw typeof file === 'string' ? new PolicyReadError(file, error) : error;
  }
}

function runLoader<Result>(file: string, load: () => Result): Result {
  try {
    return load();
  } catch (error) {
    throw new PolicyReadError(file, error);
  }
}

/** An ESM policy module's default export, imported directly so its own error (a syntax error) is the one reported. */
async function importModule(file: string): Promise<unknown> {
  try {
    return ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new PolicyReadError(file, error);
  }
}
