/**
 * The packages of a monorepo: npm and yarn `workspaces` in package.json (array or `{ packages }`), and
 * pnpm's pnpm-workspace.yaml. Each package has a directory and, when its manifest names it, a name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import picomatch from 'picomatch';

import { walkDirectories } from './walk-files.js';

export interface WorkspacePackage {
  /** Absolute directory of the package. */
  readonly directory: string;
  /** `name` from its package.json, or undefined. */
  readonly name: string | undefined;
}

/** Workspace patterns are folder globs such as `packages/*` or `services/**`; this bounds `**`. */
const MAX_WORKSPACE_DEPTH = 4;

/** The workspace packages declared at `root` (not the root itself), sorted by directory. */
export function findWorkspaces(root: string): WorkspacePackage[] {
  const patterns = [...readPackageJsonWorkspaces(root), ...readPnpmWorkspaces(root)].map(normalizePattern);
  if (patterns.length === 0) return [];
  const included = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  if (included.length === 0) return [];
  const isIncluded = picomatch(included, { dot: false });
  const isExcluded = excluded.length > 0 ? picomatch(excluded) : () => false;
  const depth = Math.min(MAX_WORKSPACE_DEPTH, Math.max(...included.map((pattern) => (pattern.includes('**') ? MAX_WORKSPACE_DEPTH : pattern.split('/').length))));
  const packages: WorkspacePackage[] = [];
  for (const directory of walkDirectories(root, depth)) {
    const relative = path.relative(root, directory).split(path.sep).join('/');
    if (!isIncluded(relative) || isExcluded(relative)) continue;
    const manifest = readManifest(directory);
    if (manifest) packages.push({ directory, name: typeof manifest.name === 'string' ? manifest.name : undefined });
  }
  return packages;
}

/** The parsed package.json in `directory`, or undefined when there is none or it is not JSON. */
export function readManifest(directory: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readPackageJsonWorkspaces(root: string): string[] {
  const workspaces = readManifest(root)?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** Reads the `packages:` list of pnpm-workspace.yaml (a flat list of quoted or bare globs). */
function readPnpmWorkspaces(root: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  let inPackages = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '');
    if (/^\S/.test(line)) {
      inPackages = /^packages\s*:\s*$/.test(line);
      continue;
    }
    const item = inPackages ? /^\s+-\s*(['"]?)(.+?)\1\s*$/.exec(line) : null;
    if (item) patterns.push(item[2]!);
  }
  return patterns;
}

function normalizePattern(pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '').replace(/\/+$/, '');
  return negated ? `!${body}` : body;
}
