/**
 * The policy for a project, from the policy module: the file given with `--config`, or the search from the
 * project root that the ESLint rules use, so the editor and policy-check agree. This adapter only turns
 * what goes wrong into one ConfigError line.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { PolicyError } from '../../policy/policy.js';
import { findProjectPolicy, loadPolicyFile, PolicyReadError, type LoadedPolicy } from '../../policy/find-policy.js';
import { ConfigError } from './config-error.js';

/** The policy for `root`, from `configFile` when given; throws ConfigError with one line. */
export async function loadProjectPolicy(root: string, configFile: string | undefined): Promise<LoadedPolicy> {
  const file = configFile === undefined ? undefined : path.resolve(root, configFile);
  if (file !== undefined && (!existsSync(file) || !statSync(file).isFile())) throw new ConfigError(`${displayPath(file, root)}: no such policy file`);
  try {
    return file === undefined ? await findProjectPolicy(root) : await loadPolicyFile(file);
  } catch (error) {
    throw toConfigError(error, root, file);
  }
}

/** One line: the file, the key and what was expected; syntax errors keep their first line. */
export function toConfigError(error: unknown, root: string, file?: string): ConfigError {
  if (error instanceof ConfigError) return error;
  if (error instanceof PolicyError) {
    const key = error.key ? ` "${error.key}"` : '';
    return new ConfigError(`${displayPath(error.file, root)}:${key} ${error.expected}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  const mentioned = error instanceof PolicyReadError ? error.file : (file ?? /(?:in|from) (\/\S+?):?\s*$/m.exec(message.split('\n')[0]!)?.[1]);
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
