/**
 * A file as a person reads it in a message: relative to the working directory (the project root under
 * policy-check and the ESLint CLI), or to the linted file's folder when the working directory does not hold it.
 */
import path from 'node:path';

import type { AnyRuleContext } from './rule-context.js';

export function toDisplayPath(context: AnyRuleContext, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const fromCwd = path.relative(context.cwd, file);
  const isUnderCwd = path.parse(context.cwd).root !== context.cwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd);
  const relative = isUnderCwd || !path.isAbsolute(context.filename) ? fromCwd : path.relative(path.dirname(context.filename), file);
  const posix = relative.split(path.sep).join('/');
  return isUnderCwd || posix.startsWith('.') ? posix : `./${posix}`;
}
