/**
 * The rules run on the checker's own TypeScript program: typescript-eslint receives it through
 * `parserOptions.programs`, parses nothing again, and a value imported through a re-export and an object
 * spread is read through it, where ESLint on one file at a time, without types, cannot read it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as typescriptParser from '@typescript-eslint/parser';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { loadProject } from '../../checker/core/load-project.js';
import { runRules } from '../../checker/core/run-rules.js';
import { findProperty } from '../../rules/ast/find-property.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/monorepo');

interface Seen {
  file: string;
  program: unknown;
  sameSourceFile: boolean;
}

/** Reports the `timeout` and `retries` an `axios.get`/`axios.create`/`pRetry` call's options hold, as rules read them. */
const readOptions: TSESLint.RuleModule<'value', []> = {
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: { value: '{{name}}={{value}}' } },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = context.sourceCode.getText(node.callee);
        const options = callee === 'pRetry' ? node.arguments[1] : callee === 'axios.get' ? node.arguments[1] : callee === 'axios.create' ? node.arguments[0] : undefined;
        if (!options) return;
        for (const name of ['timeout', 'retries']) {
          const found = findProperty(context, options, name);
          const value = found.kind === 'found' ? String(found.value?.value ?? 'unknown') : found.kind;
          context.report({ node, messageId: 'value', data: { name, value } });
        }
      },
    };
  },
};

function createProbe(seen: Seen[]): TSESLint.FlatConfig.Plugin {
  const program: TSESLint.RuleModule<never, []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: {} },
    create(context) {
      const services = ESLintUtils.getParserServices(context, true);
      const sourceFile = services.program?.getSourceFile(context.filename);
      seen.push({ file: context.filename, program: services.program, sameSourceFile: services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast) === sourceFile });
      return {};
    },
  };
  return { rules: { program, 'read-options': readOptions } } as TSESLint.FlatConfig.Plugin;
}

describe('the ESLint pass over the checker program', () => {
  it('hands typescript-eslint the checker program, whose source files ts-morph parsed once', async () => {
    const loaded = loadProject({ root: FIXTURE, paths: [] });
    const seen: Seen[] = [];
    await runRules({
      root: FIXTURE,
      program: loaded.program,
      files: loaded.files,
      plugins: { probe: createProbe(seen) },
      severities: { 'probe/program': 'warn' },
      policy: undefined,
    });
    expect(seen.map((entry) => entry.file)).toEqual(loaded.files);
    for (const entry of seen) {
      expect(entry.program).toBe(loaded.program);
      expect(entry.sameSourceFile).toBe(true);
    }
    // The tree ESLint walked was converted from the very source file ts-morph parsed for the program.
    for (const file of loaded.files) expect(loaded.project.getSourceFileOrThrow(file).compilerNode).toBe(loaded.program.getSourceFile(file));
  });

  it('reads values across modules (re-export, object spread) that untyped per-file ESLint cannot read', async () => {
    const loaded = loadProject({ root: FIXTURE, paths: [] });
    const files = ['services/billing/src/invoices.ts', 'services/billing/src/ledger.ts', 'packages/platform/src/http-clients.ts'].map((file) => path.join(FIXTURE, file));
    const typed = await runRules({
      root: FIXTURE,
      program: loaded.program,
      files,
      plugins: { probe: createProbe([]) },
      severities: { 'probe/read-options': 'warn' },
      policy: undefined,
    });
    const fromChecker = typed.messages.map((found) => `${path.basename(found.file)}:${found.message.line} ${found.message.message}`);

    const eslint = new ESLint({
      cwd: FIXTURE,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: typescriptParser as unknown as Linter.Parser },
          plugins: { probe: createProbe([]) as unknown as ESLint.Plugin },
          rules: { 'probe/read-options': 'warn' },
        },
      ],
    });
    const untyped = (await eslint.lintFiles(files)).flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.message}`));

    expect({ fromChecker, untyped }).toEqual({
      fromChecker: [
        'invoices.ts:5 timeout=0',
        'invoices.ts:5 retries=absent',
        'ledger.ts:8 timeout=absent',
        'ledger.ts:8 retries=Infinity',
        'http-clients.ts:7 timeout=2000',
        'http-clients.ts:7 retries=absent',
        'http-clients.ts:11 timeout=2000',
        'http-clients.ts:11 retries=absent',
      ],
      untyped: [
        'invoices.ts:5 timeout=unknown',
        'invoices.ts:5 retries=absent',
        'ledger.ts:8 timeout=unknown',
        'ledger.ts:8 retries=unknown',
        'http-clients.ts:7 timeout=unknown',
        'http-clients.ts:7 retries=unknown',
        'http-clients.ts:11 timeout=unknown',
        'http-clients.ts:11 retries=absent',
      ],
    });
  });
});
