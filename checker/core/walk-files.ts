/**
 * Lists the source files under a directory the way the checker sees a project: JavaScript and TypeScript
 * sources, never dependencies, build output, version-control folders or declaration files. Symbolic links
 * to directories are followed once each, so a link loop ends.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** Folders that hold dependencies, build output or tool state, never sources to check. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  '.hg',
  '.svn',
  '.next',
  '.nuxt',
  '.turbo',
  '.nx',
  '.cache',
  '.yarn',
  '.pnpm-store',
]);

export function isSourceFile(file: string): boolean {
  if (/\.d\.[cm]?ts$/.test(file) || /\.d\.[^.]+\.ts$/.test(file)) return false;
  return SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension));
}

/** Every source file under `directory` (absolute paths, sorted). */
export function walkSourceFiles(directory: string, isSkippedFolder: (folder: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (isDirectory(entry, full)) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isSkippedFolder(full)) visit(full);
      } else if (isSourceFile(entry.name) && isFile(entry, full)) {
        found.push(full);
      }
    }
  };
  visit(directory);
  return found.sort();
}

/** Directories under `directory` (not `directory` itself), skipping the same folders, up to `maxDepth`. */
export function walkDirectories(directory: string, maxDepth: number): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (folder: string, depth: number): void => {
    if (depth > maxDepth) return;
    let real: string;
    try {
      real = realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (SKIPPED_FOLDERS.has(entry.name) || !isDirectory(entry, full)) continue;
        found.push(full);
        visit(full, depth + 1);
      }
    } catch {
      // unreadable folder: nothing to list
    }
  };
  visit(directory, 1);
  return found.sort();
}

function isDirectory(entry: Dirent, full: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function isFile(entry: Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}
