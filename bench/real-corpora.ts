/**
 * Real TypeScript nobody here wrote: packages in node_modules that ship their sources, copied under
 * bench/corpus/<name>/ with a tsconfig.json of their own so every tool reads the same files the same way.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CORPUS_ROOT, NODE_MODULES } from './paths.js';

export interface RealCorpus {
  readonly id: string;
  readonly description: string;
  /** Folder of TypeScript sources inside node_modules. */
  readonly source: string;
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

export const REAL_CORPORA: readonly RealCorpus[] = [
  {
    id: 'rxjs',
    description: 'rxjs 7 `src/`: operators, schedulers, subjects',
    source: 'rxjs/src',
    // As rxjs builds itself (its tsconfig.json): strict, extensionless imports, DOM types for ajax/fetch.
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noImplicitReturns: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  },
];

export interface PreparedCorpus {
  readonly directory: string;
  readonly files: number;
  readonly lines: number;
  readonly version: string;
}

/** Copies the package's TypeScript sources (no declarations) into bench/corpus/<id>/src. */
export function prepareRealCorpus(corpus: RealCorpus): PreparedCorpus {
  const directory = path.join(CORPUS_ROOT, corpus.id);
  const source = path.join(NODE_MODULES, corpus.source);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  cpSync(source, path.join(directory, 'src'), {
    recursive: true,
    filter: (from) => !from.endsWith('.d.ts') && (!path.extname(from) || from.endsWith('.ts')),
  });
  const tsconfig = { compilerOptions: corpus.compilerOptions, include: ['src/**/*.ts'] };
  writeFileSync(path.join(directory, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const files = listTypeScript(path.join(directory, 'src'));
  const lines = files.reduce((sum, file) => sum + countLines(readFileSync(file, 'utf8')), 0);
  const packageName = corpus.source.split('/')[0] as string;
  const manifest = JSON.parse(readFileSync(path.join(NODE_MODULES, packageName, 'package.json'), 'utf8')) as { version: string };
  return { directory, files: files.length, lines, version: manifest.version };
}

export function listTypeScript(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
