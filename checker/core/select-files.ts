/**
 * Which of the project's files are checked: those under the named paths, matching the policy's `include`
 * (when it has any) and none of the `ignore` patterns, accepted by the caller's filter (`--changed-since`)
 * and in the requested shard.
 */
import { createHash } from 'node:crypto';

import picomatch from 'picomatch';

import type { Shard } from '../config/options.js';
import { isInside, toRelativePath } from './paths.js';

export interface FileSelection {
  readonly root: string;
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  readonly filter: ((file: string) => boolean) | undefined;
  readonly shard: Shard | undefined;
}

export function selectFiles(files: readonly string[], selection: FileSelection): string[] {
  const isIncluded = selection.include.length > 0 ? picomatch([...selection.include], { dot: true }) : () => true;
  const isIgnored = selection.ignore.length > 0 ? picomatch([...selection.ignore], { dot: true }) : () => false;
  return files.filter((file) => {
    if (selection.paths.length > 0 && !selection.paths.some((named) => isInside(named, file))) return false;
    const relative = toRelativePath(selection.root, file);
    if (!isIncluded(relative) || isIgnored(relative)) return false;
    if (selection.filter && !selection.filter(relative)) return false;
    return !selection.shard || isInShard(relative, selection.shard);
  });
}

/** Deterministic: the same path lands in the same shard on every machine and every run. */
export function isInShard(relativePath: string, shard: Shard): boolean {
  const hash = createHash('sha1').update(relativePath).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
