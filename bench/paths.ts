/** Where the benchmark finds the repository, its build and its corpora, from source or from dist/. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepositoryRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'eslint-plugin-service-policy') {
      return directory;
    }
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('cannot find the eslint-plugin-service-policy package root');
    directory = parent;
  }
}

export const REPOSITORY_ROOT = findRepositoryRoot();
export const NODE_MODULES = path.join(REPOSITORY_ROOT, 'node_modules');
/** Generated and copied corpora (gitignored); inside the repository so imports resolve to its node_modules. */
export const CORPUS_ROOT = path.join(REPOSITORY_ROOT, 'bench', 'corpus');
export const DIST = path.join(REPOSITORY_ROOT, 'dist');
export const RESULTS_JSON = path.join(REPOSITORY_ROOT, 'bench', 'results.json');
export const RESULTS_MARKDOWN = path.join(REPOSITORY_ROOT, 'bench', 'results.md');

/** True when `moduleUrl` is the script Node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(moduleUrl);
}
