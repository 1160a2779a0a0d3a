/**
 * Runs ESLint rules over the files of the checker's program through ESLint's Node API. The
 * typescript-eslint parser is handed that program (`parserOptions.programs`), so every file is parsed and
 * bound once, by TypeScript, and the rules see types across the whole project. A file that does not parse
 * or a rule that throws becomes one problem for that file; the run goes on.
 */
import * as typescriptParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { ESLint, type Linter } from 'eslint';
import type { ts } from 'ts-morph';

import type { PolicyInput } from '../../policy/policy.js';
import { PLUGIN_NAME, type LocatedFixLocation, type ServicePolicySettings } from '../../rules/create-rule.js';
import type { LocatedInventoryFact } from '../../rules/inventory/facts.js';
import type { FileProblem } from '../report/model.js';
import { NODE_GLOBALS } from './node-globals.js';
import { toRelativePath } from './paths.js';

/** Files longer than this are generated or bundled code: reported as skipped, not linted. */
export const MAX_FILE_LENGTH = 1_000_000;

const ALL_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export interface RuleRunOptions {
  readonly root: string;
  readonly program: ts.Program;
  /** Absolute paths of the files to lint; each must be in `program`. */
  readonly files: readonly string[];
  /** Plugins by the name their rule ids start with. */
  readonly plugins: Readonly<Record<string, TSESLint.FlatConfig.Plugin>>;
  /** Full rule id → severity of the rules whose reports are kept. */
  readonly severities: Readonly<Record<string, 'warn' | 'error'>>;
  /**
   * Rules that run only for the inventory facts they record (turned off in the policy): their reports are
   * dropped, and a file they fail on is linted again without them.
   */
  readonly factRules?: readonly string[];
  readonly policy: PolicyInput | undefined;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RuleMessage {
  /** Absolute path. */
  readonly file: string;
  readonly message: Linter.LintMessage & { ruleId: string };
}

export interface RuleRunResult {
  readonly messages: readonly RuleMessage[];
  readonly facts: readonly LocatedInventoryFact[];
  /** Where the fix of a report belongs, when a rule said so (the shared logger of a log line). */
  readonly fixLocations: readonly LocatedFixLocation[];
  readonly problems: readonly FileProblem[];
}

export async function runRules(options: RuleRunOptions): Promise<RuleRunResult> {
  const { root, program, files } = options;
  const facts = new Map<string, LocatedInventoryFact>();
  const fixLocations: LocatedFixLocation[] = [];
  const settings: ServicePolicySettings = {
    policy: options.policy,
    onFact: (fact) => {
      const key = `${fact.kind}\0${fact.file}\0${fact.line}\0${fact.column}`;
      if (!facts.has(key)) facts.set(key, fact);
    },
    onFixLocation: (entry) => void fixLocations.push(entry),
  };
  const factRules = options.factRules ?? [];
  const createEslint = (withFactRules: boolean): ESLint =>
    new ESLint({ cwd: root, overrideConfigFile: true, ignore: false, overrideConfig: createConfig(options, settings, withFactRules ? factRules : []) });
  const eslint = createEslint(true);
  let withoutFactRules: ESLint | undefined;
  const lint = async (text: string, file: string): Promise<ESLint.LintResult | undefined> => {
    try {
      return (await eslint.lintText(text, { filePath: file, warnIgnored: false }))[0];
    } catch (error) {
      if (!factRules.includes(getCrashedRule(error) ?? '')) throw error;
      withoutFactRules ??= createEslint(false);
      return (await withoutFactRules.lintText(text, { filePath: file, warnIgnored: false }))[0];
    }
  };
  const messages: RuleMessage[] = [];
  const problems: FileProblem[] = [];
  const hasRules = Object.keys(options.severities).length + factRules.length > 0;
  for (const [index, file] of files.entries()) {
    const relative = toRelativePath(root, file);
    const text = program.getSourceFile(file)?.text;
    const skipped = text === undefined ? 'cannot be read' : describeUnlintable(text);
    if (skipped) {
      problems.push({ file: relative, message: skipped });
    } else if (hasRules || hasParseError(program, file)) {
      try {
        const result = await lint(text!, file);
        for (const message of result?.messages ?? []) {
          // typescript-estree reports parse errors with a 0-based column.
          if (message.fatal) problems.push({ file: relative, message: `${message.line}:${message.column + 1}: ${message.message}` });
          else if (message.ruleId && Object.hasOwn(options.severities, message.ruleId)) messages.push({ file, message: message as RuleMessage['message'] });
        }
      } catch (error) {
        problems.push({ file: relative, message: describeCrash(error) });
      }
    }
    options.onProgress?.(index + 1, files.length);
  }
  return { messages, facts: [...facts.values()], fixLocations, problems };
}

function createConfig(options: RuleRunOptions, settings: ServicePolicySettings, factRules: readonly string[]): Linter.Config[] {
  const rules: Linter.RulesRecord = Object.fromEntries(factRules.map((rule) => [rule, 'warn']));
  return [
    {
      files: ALL_FILES,
      languageOptions: {
        parser: typescriptParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        globals: NODE_GLOBALS,
        parserOptions: { programs: [options.program], tsconfigRootDir: options.root },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      plugins: options.plugins as unknown as Record<string, ESLint.Plugin>,
      settings: { [PLUGIN_NAME]: settings },
      rules: { ...rules, ...options.severities },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}

/** Why a file is not linted: binary content or a generated bundle; undefined for ordinary sources. */
function describeUnlintable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'skipped: binary content';
  if (text.length > MAX_FILE_LENGTH) return `skipped: longer than ${MAX_FILE_LENGTH / 1_000_000} MB (generated or bundled code belongs in "ignore")`;
  return undefined;
}

/** With no rule to run, a file is still linted when TypeScript could not parse it, so it is reported. */
function hasParseError(program: ts.Program, file: string): boolean {
  const sourceFile = program.getSourceFile(file) as (ts.SourceFile & { parseDiagnostics?: readonly unknown[] }) | undefined;
  return (sourceFile?.parseDiagnostics?.length ?? 0) > 0;
}

function getCrashedRule(error: unknown): string | undefined {
  return /Rule: "([^"]+)"/.exec(error instanceof Error ? error.message : String(error))?.[1];
}

/** ESLint wraps a rule's exception with the rule id and the line; keep both on one line. */
function describeCrash(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const rule = getCrashedRule(error);
  const line = /Occurred while linting .*:(\d+)/.exec(text)?.[1];
  const first = text.split('\n')[0]!;
  return rule ? `rule ${rule} failed${line ? ` at line ${line}` : ''}: ${first}` : `cannot be linted: ${first}`;
}
