/**
 * Which of the project's files are checked: those under the named paths, matching the policy's `include`
 * (when it has any), none of the `ignore` patterns and none of the `tests` patterns, accepted by the
 * caller's filter (`--changed-since`) and in the requested shard. Files under the named paths that are left
 * out by the policy (as tests, ignored, not included) are returned with the reason, for the report.
 */
import { createHash } from 'node:crypto';

import picomatch from 'picomatch';

import { isTestFile, type TestScope } from '../../policy/test-files.js';
import type { Shard } from '../config/options.js';
import type { ExcludedFile, ExclusionReason } from '../report/model.js';
import { isInside, toRelativePath } from './paths.js';

export interface FileSelection {
  readonly root: string;
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  readonly tests: TestScope;
  readonly filter: ((file: string) => boolean) | undefined;
  readonly shard: Shard | undefined;
}

export interface SelectedFiles {
  /** Absolute paths of the files to check. */
  readonly files: string[];
  /** Files under the named paths the policy leaves out, relative, with the reason. */
  readonly excluded: ExcludedFile[];
}

/** `files` are the project's; `leftOut` are files under the paths the loader left out, with its reason. */
export function selectFiles(files: readonly string[], selection: FileSelection, leftOut: ReadonlyMap<string, ExclusionReason> = new Map()): SelectedFiles {
  const isIncluded = selection.include.length > 0 ? picomatch([...selection.include], { dot: true }) : () => true;
  const isIgnored = selection.ignore.length > 0 ? picomatch([...selection.ignore], { dot: true }) : () => false;
  const selected: string[] = [];
  const excluded: ExcludedFile[] = [];
  for (const file of [...files, ...leftOut.keys()]) {
    if (selection.paths.length > 0 && !selection.paths.some((named) => isInside(named, file))) continue;
    const relative = toRelativePath(selection.root, file);
    const reason = isIgnored(relative) ? 'ignored' : !isIncluded(relative) ? 'not-included' : isTestFile(selection.tests, relative) ? 'test' : leftOut.get(file);
    if (reason) excluded.push({ file: relative, reason });
    else if ((!selection.filter || selection.filter(relative)) && (!selection.shard || isInShard(relative, selection.shard))) selected.push(file);
  }
  return { files: selected, excluded };
}

/** Deterministic: the same path lands in the same shard on every machine and every run. */
export function isInShard(relativePath: string, shard: Shard): boolean {
  const hash = createHash('sha1').update(relativePath).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
