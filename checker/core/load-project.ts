/**
 * Builds the one TypeScript program of a project with ts-morph: the root tsconfig.json and the projects it
 * references, every workspace package (with its own tsconfig.json or, without one, defaults that take
 * JavaScript too), all in one Project so types flow across packages. Workspace package names resolve to
 * their sources, so `import { … } from '@acme/platform'` is followed without an install or a build.
 *
 * Every source file under the paths given (the root when none) is in the program, whether a tsconfig lists
 * it or not: a tsconfig that lists few of its folder's files (`"files": ["package.json"]`) does not empty
 * the folder. Such files are returned with the tsconfig whose folder holds them, so the report can say so.
 * Compiled output found beside its source (`x.js` next to `x.ts`) is left out and returned by name.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { Project, ts } from 'ts-morph';

import type { FileProblem } from '../report/model.js';
import { findWorkspaces, type WorkspacePackage } from './find-workspaces.js';
import { isInside, toRelativePath } from './paths.js';
import { isSourceFile, SKIPPED_FOLDERS, walkSourceFiles } from './walk-files.js';

export interface LoadedProject {
  readonly project: Project;
  readonly program: ts.Program;
  /** Every source file of the project inside the root (absolute, sorted). */
  readonly files: readonly string[];
  readonly workspaces: readonly WorkspacePackage[];
  /** tsconfig files that could not be read; their folders were loaded with defaults. */
  readonly problems: readonly FileProblem[];
  /** Files in the program that no tsconfig lists → the tsconfig whose folder holds them (absolute paths). */
  readonly unlisted: ReadonlyMap<string, string>;
  /** Compiled output beside its source under the paths given, left out of the program (absolute, sorted). */
  readonly compiled: readonly string[];
}

export interface LoadProjectOptions {
  readonly root: string;
  /** Files and folders named on the command line: their sources are added even when no tsconfig lists them. */
  readonly paths: readonly string[];
}

/** Used for folders without a tsconfig.json, and as the base when none is found. */
export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: false,
  jsx: ts.JsxEmit.Preserve,
  esModuleInterop: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  strict: true,
};

/** tsconfig diagnostics that do not stop us: a solution file with no inputs of its own. */
const HARMLESS_CONFIG_DIAGNOSTICS = new Set([18003]);

interface ParsedConfig {
  readonly file: string;
  readonly options: ts.CompilerOptions;
  readonly fileNames: readonly string[];
  /** A solution file: it has project references. */
  readonly hasReferences: boolean;
}

export function loadProject({ root, paths }: LoadProjectOptions): LoadedProject {
  const problems: FileProblem[] = [];
  const workspaces = findWorkspaces(root);
  const configs = readConfigs(root, workspaces, problems);
  // An outDir that holds its own tsconfig's folder (`"outDir": "."`) means output is written beside the
  // sources: the folder is not output, the compiled files in it are (below).
  const outputFolders = configs
    .map((config) => config.options.outDir && !isInside(config.options.outDir, path.dirname(config.file)) ? config.options.outDir : undefined)
    .filter((folder): folder is string => folder !== undefined);
  const isOutput = (file: string): boolean => outputFolders.some((folder) => isInside(folder, file));
  const isProjectSource = (file: string): boolean =>
    isInside(root, file) && isSourceFile(file) && !isOutput(file) && !toRelativePath(root, file).split('/').some((segment) => SKIPPED_FOLDERS.has(segment));

  const listed = new Set<string>();
  for (const config of configs) for (const file of config.fileNames) if (isProjectSource(file)) listed.add(path.resolve(file));
  const found = new Set<string>();
  for (const named of paths.length > 0 ? paths : [root]) for (const file of listNamedPath(named, isOutput)) if (isInside(root, file)) found.add(file);
  const compiled = new Set([...found].filter(isCompiledBesideSource));
  const files = new Set([...listed].filter((file) => !isCompiledBesideSource(file)));
  const unlisted = new Map<string, string>();
  for (const file of found) {
    if (files.has(file) || compiled.has(file)) continue;
    files.add(file);
    const owner = findOwnerConfig(configs, file);
    if (owner) unlisted.set(file, owner.file);
  }

  const project = new Project({ compilerOptions: mergeCompilerOptions(root, configs, workspaces), skipAddingFilesFromTsConfig: true });
  const sorted = [...files].sort();
  const loaded: string[] = [];
  for (const file of sorted) {
    try {
      project.addSourceFileAtPath(file);
      loaded.push(file);
    } catch (error) {
      problems.push({ file: toRelativePath(root, file), message: `cannot be read: ${firstLine(error)}` });
    }
  }
  return { project, program: project.getProgram().compilerObject, files: loaded, workspaces, problems, unlisted, compiled: [...compiled].sort() };
}

const COMPILED_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** `x.js` beside `x.ts` (or `x.tsx`): what TypeScript writes when its outDir is the source folder. */
function isCompiledBesideSource(file: string): boolean {
  const extension = path.extname(file);
  const sources = COMPILED_EXTENSIONS[extension];
  if (!sources) return false;
  const stem = file.slice(0, -extension.length);
  return sources.some((source) => existsSync(`${stem}${source}`));
}

/**
 * The tsconfig that speaks for a file's folder: the nearest one above it that lists files of its own (a
 * solution file with only `references` speaks for none); of several in one folder, the one listing most.
 */
function findOwnerConfig(configs: readonly ParsedConfig[], file: string): ParsedConfig | undefined {
  let owner: ParsedConfig | undefined;
  for (const config of configs) {
    const directory = path.dirname(config.file);
    if (!isInside(directory, file) || (config.fileNames.length === 0 && config.hasReferences)) continue;
    const ownerDirectory = owner && path.dirname(owner.file);
    if (!owner || directory.length > ownerDirectory!.length || (directory === ownerDirectory && config.fileNames.length > owner.fileNames.length)) owner = config;
  }
  return owner;
}

function listNamedPath(named: string, isOutput: (file: string) => boolean): string[] {
  try {
    if (statSync(named).isDirectory()) return walkSourceFiles(named, isOutput);
    return isSourceFile(named) ? [path.resolve(named)] : [];
  } catch {
    return [];
  }
}

/** The root tsconfig.json with the projects it references, each workspace's, and nested ones when the root has none. */
function readConfigs(root: string, workspaces: readonly WorkspacePackage[], problems: FileProblem[]): ParsedConfig[] {
  const configs: ParsedConfig[] = [];
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const resolved = path.resolve(file);
    if (seen.has(resolved) || !existsSync(resolved)) return;
    seen.add(resolved);
    const parsed = parseConfig(resolved, root, problems);
    if (!parsed) return;
    configs.push({ file: resolved, options: parsed.options, fileNames: parsed.fileNames, hasReferences: (parsed.projectReferences ?? []).length > 0 });
    for (const reference of parsed.projectReferences ?? []) visit(ts.resolveProjectReferencePath(reference));
  };
  visit(path.join(root, 'tsconfig.json'));
  if (configs.length === 0 && !seen.has(path.join(root, 'tsconfig.json'))) visit(path.join(root, 'jsconfig.json'));
  for (const workspace of workspaces) visit(path.join(workspace.directory, 'tsconfig.json'));
  return configs;
}

function parseConfig(file: string, root: string, problems: FileProblem[]): ts.ParsedCommandLine | undefined {
  let unrecoverable: ts.Diagnostic | undefined;
  const host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: ts.sys.readDirectory,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    getCurrentDirectory: () => root,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      unrecoverable = diagnostic;
    },
  };
  let parsed: ts.ParsedCommandLine | undefined;
  try {
    parsed = ts.getParsedCommandLineOfConfigFile(file, { allowJs: true }, host);
  } catch (error) {
    problems.push({ file: toRelativePath(root, file), message: `cannot be read, using defaults: ${firstLine(error)}` });
    return undefined;
  }
  const error = unrecoverable ?? parsed?.errors.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && !HARMLESS_CONFIG_DIAGNOSTICS.has(diagnostic.code));
  if (error || !parsed) {
    const message = error ? ts.flattenDiagnosticMessageText(error.messageText, ' ').replaceAll(`${root}${path.sep}`, '') : 'cannot be parsed';
    problems.push({ file: toRelativePath(root, file), message: `cannot be read, using defaults: ${message}` });
    return undefined;
  }
  return parsed;
}

/**
 * One set of options for the whole program: the root's (or the first project's), JavaScript allowed,
 * no emit, and the `paths` of every project (made absolute) plus one alias per workspace package.
 */
function mergeCompilerOptions(root: string, configs: readonly ParsedConfig[], workspaces: readonly WorkspacePackage[]): ts.CompilerOptions {
  const base =
    configs.find((config) => path.dirname(config.file) === root && config.fileNames.length > 0) ?? configs.find((config) => config.fileNames.length > 0) ?? configs[0];
  const options: ts.CompilerOptions = { ...(base?.options ?? DEFAULT_COMPILER_OPTIONS) };
  const paths: Record<string, string[]> = {};
  for (const config of configs) {
    const basePath = config.options.baseUrl ?? (config.options as { pathsBasePath?: string }).pathsBasePath ?? path.dirname(config.file);
    for (const [pattern, targets] of Object.entries(config.options.paths ?? {})) {
      paths[pattern] ??= targets.map((target) => path.resolve(basePath, target));
    }
  }
  for (const workspace of workspaces) {
    if (!workspace.name || paths[workspace.name]) continue;
    const directory = workspace.directory;
    paths[workspace.name] = [path.join(directory, 'src/index'), path.join(directory, 'index'), directory];
    paths[`${workspace.name}/*`] ??= [path.join(directory, 'src/*'), path.join(directory, '*')];
  }
  for (const internal of ['configFilePath', 'composite', 'incremental', 'tsBuildInfoFile', 'declaration', 'declarationMap', 'emitDeclarationOnly', 'outDir', 'rootDir', 'rootDirs']) {
    delete (options as Record<string, unknown>)[internal];
  }
  return { ...options, allowJs: true, noEmit: true, paths, pathsBasePath: root } as ts.CompilerOptions;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
