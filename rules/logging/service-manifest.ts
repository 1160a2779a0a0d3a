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
  const start = path.dirname(context.filename);
  const cached = byDirectory.get(start);
  if (cached !== undefined) return cached ?? undefined;
  const found = findDependencies(start);
  byDirectory.set(start, found ?? null);
  return found;
}

function findDependencies(start: string): ReadonlySet<string> | undefined {
  for (let directory = start; ; directory = path.dirname(directory)) {
    let text: string | undefined;
    try {
      text = readFileSync(path.join(directory, 'package.json'), 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      try {
        return new Set(Object.keys((JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies ?? {}));
      } catch {
        return new Set();
      }
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}
