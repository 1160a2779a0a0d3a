/**
 * The files changed since a git ref, for pull requests: committed on this branch since it left the ref
 * (`git diff REF...HEAD`), changed in the working tree, and untracked. Paths relative to the project root.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';

import { UsageError } from './usage-error.js';

export function findChangedFiles(root: string, ref: string): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since ${ref}: expected a git ref`);
  const top = git(root, ['rev-parse', '--show-toplevel'], ref).trim();
  const listed = [
    ...split(git(root, ['diff', '--name-only', '-z', `${ref}...HEAD`], ref)),
    ...split(git(root, ['diff', '--name-only', '-z', 'HEAD'], ref)),
    ...split(git(root, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], ref)),
  ];
  const realRoot = realpathSync(root);
  const changed = new Set<string>();
  for (const file of listed) {
    const relative = path.relative(realRoot, path.join(top, file));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) changed.add(relative.split(path.sep).join('/'));
  }
  return changed;
}

function git(cwd: string, args: readonly string[], ref: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new UsageError(`--changed-since ${ref}: ${stderr || (error instanceof Error ? error.message.split('\n')[0] : 'git failed')}`);
  }
}

function split(output: string): string[] {
  return output.split('\0').filter(Boolean);
}
