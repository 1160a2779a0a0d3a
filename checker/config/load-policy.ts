/**
 * Finds and reads the policy file for a project: the file given with `--config`, or the cosmiconfig search
 * from the project root that the ESLint rules use, so the editor and policy-check agree. ESM-only
 * `.mjs` files, which the rules cannot load synchronously, are loaded here too.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { cosmiconfig, cosmiconfigSync, defaultLoadersSync, type LoadersSync } from 'cosmiconfig';

import { PolicyError, resolvePolicy, validatePolicy, type Policy, type PolicyInput } from '../../policy/policy.js';
import { findPolicy, isModuleOnlyPlace, loadPolicyFile, POLICY_MODULE_NAME, POLICY_SEARCH_PLACES } from '../../policy/find-policy.js';
import { ConfigError } from './config-error.js';

export interface ProjectPolicy {
  readonly policy: Policy;
  /** The validated file content, as the rules receive it through settings; undefined for the defaults. */
  readonly input: PolicyInput | undefined;
  /** Absolute path of the file read, or undefined when the defaults apply. */
  readonly file: string | undefined;
}

/** The places the rules' synchronous search skips: ESM-only modules, imported here. */
const MODULE_SEARCH_PLACES = POLICY_SEARCH_PLACES.filter(isModuleOnlyPlace);

/** The policy for `root`, from `configFile` when given; throws ConfigError with one line. */
export async function loadProjectPolicy(root: string, configFile: string | undefined): Promise<ProjectPolicy> {
  if (configFile !== undefined) return loadGivenFile(path.resolve(root, configFile), root);
  try {
    const found = findPolicy(root);
    if (found.file) return fromFile(found.file, found.policy, root);
  } catch (error) {
    throw toConfigError(error, locatePolicyFile(root), root);
  }
  return searchModuleFile(root);
}

async function loadGivenFile(file: string, root: string): Promise<ProjectPolicy> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new ConfigError(`${displayPath(file, root)}: no such policy file`);
  try {
    if (file.endsWith('.mjs')) return fromRaw(await importModule(file), file, root);
    const loaded = loadPolicyFile(file);
    return fromFile(file, loaded.policy, root);
  } catch (error) {
    throw toConfigError(error, file, root);
  }
}

async function searchModuleFile(root: string): Promise<ProjectPolicy> {
  let file: string | undefined;
  try {
    const explorer = cosmiconfig(POLICY_MODULE_NAME, { searchStrategy: 'global', searchPlaces: MODULE_SEARCH_PLACES, loaders: { '.mjs': () => ({}) } });
    file = (await explorer.search(root))?.filepath;
  } catch (error) {
    throw toConfigError(error, undefined, root);
  }
  if (!file) return { policy: resolvePolicy(undefined), input: undefined, file: undefined };
  try {
    return fromRaw(await importModule(file), file, root);
  } catch (error) {
    throw toConfigError(error, file, root);
  }
}

/** An ESM policy module's default export, imported directly so its own error (a syntax error) is the one reported. */
async function importModule(file: string): Promise<unknown> {
  const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return loaded.default;
}

/** The file the search picks, found without running it, to name it when loading it failed. */
function locatePolicyFile(root: string): string | undefined {
  const skip = (): Record<string, never> => ({});
  const loaders: LoadersSync = Object.fromEntries(['.js', '.ts', '.cjs', '.mjs', '.json', '.yaml', '.yml', 'noExt'].map((extension) => [extension, skip]));
  try {
    const explorer = cosmiconfigSync(POLICY_MODULE_NAME, { searchStrategy: 'global', searchPlaces: [...POLICY_SEARCH_PLACES], loaders: { ...defaultLoadersSync, ...loaders } });
    return explorer.search(root)?.filepath;
  } catch {
    return undefined;
  }
}

function fromRaw(raw: unknown, file: string, root: string): ProjectPolicy {
  const value = (raw as { default?: unknown } | null | undefined)?.default ?? raw ?? {};
  try {
    const input = validatePolicy(value, file);
    return { policy: resolvePolicy(input), input, file };
  } catch (error) {
    throw toConfigError(error, file, root);
  }
}

/** The rules' loader returns the merged policy; the validated input is what the rules receive back. */
function fromFile(file: string, policy: Policy, root: string): ProjectPolicy {
  return { policy, input: policy as PolicyInput, file: path.resolve(root, file) };
}

/** One line: the file, the key and what was expected; syntax errors keep their first line. */
export function toConfigError(error: unknown, file: string | undefined, root: string): ConfigError {
  if (error instanceof ConfigError) return error;
  if (error instanceof PolicyError) {
    const key = error.key ? ` "${error.key}"` : '';
    return new ConfigError(`${displayPath(error.file, root)}:${key} ${error.expected}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const mentioned = file ?? /(?:in|from) (\/\S+?):?\s*$/m.exec(message.split('\n')[0]!)?.[1];
  const lines = message.split('\n').map((line) => line.trim());
  // cosmiconfig prefixes "JSON Error in <file>:" and adds a code frame ("> 4 |   }"); keep the sentence and the line.
  const isFrame = (line: string): boolean => /^>?\s*\d*\s*\|/.test(line);
  const sentence = lines.find((line) => line !== '' && !isFrame(line) && !/^(JSON|YAML) Error in /.test(line));
  const frameLine = lines.map((line) => /^>\s*(\d+)\s*\|/.exec(line)?.[1]).find(Boolean);
  const detail = sentence?.replace(/ while parsing .*$/, '').replace(/ at position \d+/, '').replace(/\.$/, '');
  const at = frameLine ? ` (line ${frameLine})` : '';
  const where = mentioned ? `${displayPath(mentioned, root)}: ` : '';
  return new ConfigError(`${where}cannot be read: ${detail ?? lines[0]}${detail ? at : ''}`);
}

function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
