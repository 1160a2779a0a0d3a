/**
 * The runtime dependencies of the service a file belongs to: the `dependencies` of the nearest package.json
 * above it, read once per folder. Undefined when the file has no path on disk or no package.json is found.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { AnyContext } from './detectors/types.js';

const byDirectory = new Map<string, ReadonlySet<string> | null>();

export function readServiceDependencies(context: AnyContext): ReadonlySet<string> | undefined {
  if (!path.isAbsolute(context.filename)) return undefined;
  return findDependencies(path.dirname(context.filename));
}

/** The dependencies of the nearest package.json at or above `directory`; every folder on the way is remembered. */
function findDependencies(directory: string): ReadonlySet<string> | undefined {
  const cached = byDirectory.get(directory);
  if (cached !== undefined) return cached ?? undefined;
  const parent = path.dirname(directory);
  const found = readManifest(directory) ?? (parent === directory ? undefined : findDependencies(parent));
  byDirectory.set(directory, found ?? null);
  return found;
}

function readManifest(directory: string): ReadonlySet<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return new Set(Object.keys((JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies ?? {}));
  } catch {
    return new Set();
  }
}
