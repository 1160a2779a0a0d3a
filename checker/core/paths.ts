/** Paths as the report writes them: relative to the project root, with forward slashes. */
import path from 'node:path';

export function toRelativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Whether `file` lies inside `directory` (or is it). */
export function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
