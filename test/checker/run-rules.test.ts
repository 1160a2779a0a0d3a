/** A rule that throws costs one problem for that file, or nothing when it only runs for the inventory. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { loadProject } from '../../checker/core/load-project.js';
import { runRules } from '../../checker/core/run-rules.js';
import plugin from '../../rules/index.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/broken/parse-error');
const MONOREPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/monorepo');

const rule = (create: TSESLint.RuleModule<'found', []>['create']): TSESLint.RuleModule<'found', []> => ({
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: { found: 'found' } },
  create,
});

const probe = {
  rules: {
    crash: rule(() => ({
      CallExpression() {
        throw new Error('cannot read properties of undefined');
      },
    })),
    report: rule((context) => ({
      CallExpression(node) {
        context.report({ node, messageId: 'found' });
      },
    })),
  },
} as unknown as TSESLint.FlatConfig.Plugin;

describe('runRules', () => {
  const loaded = loadProject({ root: FIXTURE, paths: [] });
  const files = [path.join(FIXTURE, 'src/client.ts')];

  it('turns a rule that throws into one problem naming the rule and the line', async () => {
    const outcome = await runRules({ root: FIXTURE, program: loaded.program, files, plugins: { probe }, severities: { 'probe/crash': 'error', 'probe/report': 'warn' }, policy: undefined });
    expect(outcome.problems).toEqual([{ file: 'src/client.ts', message: 'rule probe/crash failed at line 2: cannot read properties of undefined' }]);
    expect(outcome.messages).toEqual([]);
  });

  it('lints the file again without a rule that only runs for the inventory and throws', async () => {
    const outcome = await runRules({
      root: FIXTURE,
      program: loaded.program,
      files,
      plugins: { probe },
      severities: { 'probe/report': 'warn' },
      factRules: ['probe/crash'],
      policy: undefined,
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.messages.map((found) => `${found.message.ruleId}:${found.message.line}`)).toEqual(['probe/report:2', 'probe/report:3']);
  });

  it("hands on every inventory fact with its node in the checker's own program, where the rule recorded it", async () => {
    const monorepo = loadProject({ root: MONOREPO, paths: [] });
    const outcome = await runRules({
      root: MONOREPO,
      program: monorepo.program,
      files: monorepo.files,
      plugins: { 'service-policy': plugin as unknown as TSESLint.FlatConfig.Plugin },
      severities: {},
      factRules: ['service-policy/no-unbounded-retry', 'service-policy/require-http-timeout'],
      policy: undefined,
    });
    expect(new Set(outcome.facts.map((fact) => fact.kind))).toEqual(new Set(['retry-policy', 'http-client']));
    for (const fact of outcome.facts) {
      const sourceFile = monorepo.program.getSourceFile(fact.file);
      expect(fact.programNode?.getSourceFile(), `${fact.file}:${fact.line}`).toBe(sourceFile);
      const start = sourceFile!.getLineAndCharacterOfPosition(fact.programNode!.getStart(sourceFile));
      expect([start.line + 1, start.character + 1]).toEqual([fact.line, fact.column]);
    }
  });
});
