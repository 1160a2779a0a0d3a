/**
 * Which service a file belongs to: the workspace package that holds it, else the package.json nearest to
 * it inside the root, else its top-level folder (`services/orders/…` → `orders`), else the root's name.
 */
import path from 'node:path';

import { readManifest, type WorkspacePackage } from './find-workspaces.js';
import { isInside } from './paths.js';

/** Folders that hold one folder per service or package, as in `services/orders`. */
const CONTAINER_FOLDERS: ReadonlySet<string> = new Set(['services', 'packages', 'apps', 'libs', 'modules', 'functions', 'workers']);
/** Folders that hold sources of the root package, not a service of their own. */
const SOURCE_FOLDERS: ReadonlySet<string> = new Set(['src', 'lib', 'source', 'app', 'test', 'tests', 'scripts']);

export type ServiceOf = (file: string) => string;

export function createServiceResolver(root: string, workspaces: readonly WorkspacePackage[]): ServiceOf {
  const packages = [...workspaces].sort((left, right) => right.directory.length - left.directory.length);
  const rootName = manifestName(root) ?? path.basename(root);
  const byDirectory = new Map<string, string | undefined>();
  const nearestManifestName = (directory: string): string | undefined => {
    if (directory === root || !isInside(root, directory)) return undefined;
    if (byDirectory.has(directory)) return byDirectory.get(directory);
    const name = manifestName(directory) ?? nearestManifestName(path.dirname(directory));
    byDirectory.set(directory, name);
    return name;
  };
  return (file) => {
    const workspace = packages.find((candidate) => isInside(candidate.directory, file));
    if (workspace) return workspace.name ?? path.basename(workspace.directory);
    const fromManifest = nearestManifestName(path.dirname(file));
    if (fromManifest) return fromManifest;
    const segments = path.relative(root, file).split(path.sep);
    if (segments.length >= 3 && CONTAINER_FOLDERS.has(segments[0]!)) return segments[1]!;
    if (segments.length >= 2 && !SOURCE_FOLDERS.has(segments[0]!)) return segments[0]!;
    return rootName;
  };
}

function manifestName(directory: string): string | undefined {
  const name = readManifest(directory)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
