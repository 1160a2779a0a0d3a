/**
 * The never-crash run: every rule of the plugin (`configs.all`) over real files from node_modules, one
 * file at a time. TypeScript files are parsed by typescript-eslint; JavaScript files by espree and by
 * typescript-eslint, since projects lint JavaScript with either. With `typed`, TypeScript files are linted
 * once more with type information (one program over all of them), so rules take their type-aware paths.
 * A file that does not parse is not the rules' fault and is counted apart; a rule that throws is recorded
 * with the rule, the file and the message. A `.js` file is parsed as a module, and as CommonJS when that
 * fails.
 *
 *   node dist/bench/never-crash.js [--sample 300] [--limit N] [--typed] [--json]
 *
 * Exits 1 when any rule threw.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { Linter } from 'eslint';
import * as espree from 'espree';
import tseslint from 'typescript-eslint';
import ts from 'typescript';

import plugin from '../rules/index.js';
import { isMainModule, NODE_MODULES } from './paths.js';

export const MAX_FILE_BYTES = 1_000_000;

const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);
const DECLARATION = /\.d\.[cm]?ts$/;
/** Folders that hold no package sources, or only links back into node_modules. */
const SKIPPED_FOLDERS = new Set(['.bin', '.cache', '.vite', '.vitest']);
const FILE_PATTERNS = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];

export type ParserName = 'espree' | 'typescript-eslint' | 'typescript-eslint (typed)';

export interface RuleException {
  /** Full rule id, or `unknown` when ESLint did not attribute the error. */
  readonly rule: string;
  /** POSIX path relative to the scanned folder. */
  readonly file: string;
  readonly parser: ParserName;
  readonly message: string;
}

export interface NeverCrashOptions {
  /** Folder to scan; node_modules of the repository by default. */
  readonly root?: string;
  /** Lint this many files, picked deterministically across packages (by a hash of their paths). */
  readonly sample?: number;
  /** Lint at most this many files, in path order. */
  readonly limit?: number;
  /** Also lint TypeScript files with type information. */
  readonly typed?: boolean;
  /** The rules to run; the plugin's `configs.all` by default. */
  readonly config?: Linter.Config;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface NeverCrashReport {
  readonly root: string;
  /** Files considered after sampling and limits. */
  readonly files: number;
  /** Files that every pass parsed and linted. */
  readonly filesLinted: number;
  /** Parser passes run (a JavaScript file gets two, a TypeScript file one, or two when typed). */
  readonly passes: number;
  readonly parseFailures: number;
  readonly parseFailuresByParser: Readonly<Record<string, number>>;
  readonly ruleExceptions: readonly RuleException[];
  readonly rules: readonly string[];
}

/** Candidate files under `root`: JavaScript and TypeScript sources, no declarations, none over 1 MB, no symlinks. */
export function findSourceFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (directory: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(full);
      } else if (entry.isFile() && isCandidate(full)) {
        found.push(full);
      }
    }
  };
  visit(root);
  return found.sort();
}

function isCandidate(file: string): boolean {
  const extension = path.extname(file);
  if (!JAVASCRIPT.has(extension) && !TYPESCRIPT.has(extension)) return false;
  if (DECLARATION.test(file)) return false;
  try {
    return lstatSync(file).size <= MAX_FILE_BYTES;
  } catch {
    return false;
  }
}

/** `count` files spread over all packages: ordered by a hash of their relative path, which does not depend on the machine. */
export function sampleFiles(files: readonly string[], root: string, count: number): string[] {
  return files
    .map((file) => ({ file, key: hashText(toPosix(path.relative(root, file))) }))
    .sort((left, right) => left.key - right.key || (left.file < right.file ? -1 : 1))
    .slice(0, count)
    .map(({ file }) => file)
    .sort();
}

export function checkNeverCrash(options: NeverCrashOptions = {}): NeverCrashReport {
  const root = path.resolve(options.root ?? NODE_MODULES);
  let files = findSourceFiles(root);
  if (options.sample !== undefined) files = sampleFiles(files, root, options.sample);
  if (options.limit !== undefined) files = files.slice(0, options.limit);

  const rulesConfig = options.config ?? (plugin.configs.all as unknown as Linter.Config);
  const rules = Object.keys(rulesConfig.rules ?? {}).sort();
  const typedPrograms = options.typed ? createProgramFactory(files) : undefined;
  const ruleExceptions: RuleException[] = [];
  const parseFailuresByParser: Record<string, number> = {};
  let filesLinted = 0;
  let passes = 0;
  let parseFailures = 0;

  for (const [index, file] of files.entries()) {
    const relative = toPosix(path.relative(root, file));
    const text = readFileSync(file, 'utf8');
    // A linter per file, in the file's own folder so ESLint's default node_modules ignore does not apply;
    // not kept, since a linter holds on to the last file it linted (and, typed, that file's program).
    const linter = new Linter({ configType: 'flat', cwd: path.dirname(file) });
    let parsedEverywhere = true;
    for (const [parser, alternatives] of passesFor(file, typedPrograms)) {
      passes += 1;
      let outcome: 'linted' | 'unparsed' | 'threw' = 'unparsed';
      for (const languageOptions of alternatives) {
        try {
          const messages = linter.verify(text, [{ files: FILE_PATTERNS, languageOptions }, rulesConfig], { filename: file });
          if (!messages.some(isUnlinted)) {
            outcome = 'linted';
            break;
          }
        } catch (error) {
          ruleExceptions.push({ rule: findRuleId(error), file: relative, parser, message: firstLine(error) });
          outcome = 'threw';
          break;
        }
      }
      if (outcome === 'unparsed') {
        parseFailures += 1;
        parseFailuresByParser[parser] = (parseFailuresByParser[parser] ?? 0) + 1;
      }
      if (outcome !== 'linted') parsedEverywhere = false;
    }
    if (parsedEverywhere) filesLinted += 1;
    options.onProgress?.(index + 1, files.length);
  }
  return { root, files: files.length, filesLinted, passes, parseFailures, parseFailuresByParser, ruleExceptions, rules };
}

type LanguageOptions = NonNullable<Linter.Config['languageOptions']>;

/** A fatal message (the file did not parse) or a file no config matched: the rules did not run. */
function isUnlinted(message: Linter.LintMessage): boolean {
  return message.fatal === true || (message.ruleId === null && message.message.startsWith('No matching configuration'));
}

/**
 * The parser passes for one file, each with the language options to try in order until one parses: a
 * `.js` file is tried as a module, then as CommonJS.
 */
function passesFor(file: string, typedPrograms: ProgramFactory | undefined): [ParserName, LanguageOptions[]][] {
  const extension = path.extname(file);
  const typescriptParser = tseslint.parser as Linter.Parser;
  if (TYPESCRIPT.has(extension)) {
    const sourceType = extension === '.cts' ? 'commonjs' : 'module';
    const passes: [ParserName, LanguageOptions[]][] = [['typescript-eslint', [{ parser: typescriptParser, sourceType }]]];
    if (typedPrograms) {
      passes.push(['typescript-eslint (typed)', [{ parser: typescriptParser, sourceType, parserOptions: { programs: [typedPrograms(file)] } }]]);
    }
    return passes;
  }
  const sourceTypes: ('module' | 'commonjs')[] = extension === '.mjs' ? ['module'] : extension === '.cjs' ? ['commonjs'] : ['module', 'commonjs'];
  return [
    ['espree', sourceTypes.map((sourceType) => ({ parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType }))],
    ['typescript-eslint', sourceTypes.map((sourceType) => ({ parser: typescriptParser, ecmaVersion: 'latest', sourceType }))],
  ];
}

type ProgramFactory = (file: string) => ts.Program;

/**
 * One program over every TypeScript file of the run (imports not followed, so each file is typed on its
 * own, with the default library), built on first use, as a project's program would be.
 */
function createProgramFactory(files: readonly string[]): ProgramFactory {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true,
    noResolve: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    strict: true,
  };
  let program: ts.Program | undefined;
  return () => {
    program ??= ts.createProgram({ rootNames: files.filter((file) => TYPESCRIPT.has(path.extname(file))), options });
    return program;
  };
}

function findRuleId(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { ruleId?: unknown }).ruleId === 'string') {
    return (error as { ruleId: string }).ruleId;
  }
  const message = error instanceof Error ? error.message : String(error);
  return /Error while loading rule '([^']+)'/.exec(message)?.[1] ?? /Rule: "([^"]+)"/.exec(message)?.[1] ?? 'unknown';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** FNV-1a, 32 bits. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

if (isMainModule(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string' },
      sample: { type: 'string' },
      limit: { type: 'string' },
      typed: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const showProgress = process.stderr.isTTY && !values.json;
  const report = checkNeverCrash({
    root: values.root,
    sample: values.sample === undefined ? undefined : Number(values.sample),
    limit: values.limit === undefined ? undefined : Number(values.limit),
    typed: values.typed,
    onProgress: showProgress ? (done, total) => done % 100 === 0 && process.stderr.write(`\r${done}/${total}`) : undefined,
  });
  if (showProgress) process.stderr.write('\n');
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${report.rules.length} rules, ${report.files} files from ${report.root}`);
    console.log(`linted: ${report.filesLinted} files (${report.passes} parser passes)`);
    console.log(`parse failures (not the rules' fault): ${report.parseFailures} ${JSON.stringify(report.parseFailuresByParser)}`);
    console.log(`rule exceptions: ${report.ruleExceptions.length}`);
    for (const exception of report.ruleExceptions) console.log(`  ${exception.rule}  ${exception.file} [${exception.parser}]: ${exception.message}`);
  }
  process.exitCode = report.ruleExceptions.length > 0 ? 1 : 0;
}
