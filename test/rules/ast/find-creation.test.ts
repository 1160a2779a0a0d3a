import path from 'node:path';

import * as typescriptParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLint, type Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { evaluateCreationArgument, findCreation, findCreationOf, type Creation } from '../../../rules/ast/find-creation.js';
import { OPAQUE } from '../../../rules/ast/resolve-across-files.js';
import { FIXTURE, findNode, getProgram, relative } from './program.js';

const checker = (): ts.TypeChecker => getProgram().getTypeChecker();

function summarize(creation: Creation | undefined): unknown {
  if (!creation) return undefined;
  return {
    file: relative(creation.file),
    callee: creation.callee,
    isConstruction: creation.isConstruction,
    options: creation.options?.properties.map((property) => property.name?.getText()),
    variable: creation.variable?.name.getText(),
    attachments: creation.attachments.map((attachment) => ({ callee: attachment.callee?.path.join('.'), position: attachment.position, memberPath: attachment.memberPath.join('.') })),
  };
}

describe('findCreationOf', () => {
  it('follows an import, a renaming re-export and a const alias to axios.create in another module, with axiosRetry attached there', () => {
    const creation = findCreationOf(checker(), findNode('usage.ts', 'alias', 1));
    expect(summarize(creation)).toEqual({
      file: 'clients.ts',
      callee: { module: 'axios', package: 'axios', path: ['default', 'create'] },
      isConstruction: false,
      options: ['baseURL', 'timeout'],
      variable: 'inventory',
      attachments: [
        { callee: 'default', position: 0, memberPath: '' },
        { callee: undefined, position: 'receiver', memberPath: 'interceptors.request.use' },
      ],
    });
    expect(creation!.attachments[0]!.callee).toEqual({ module: 'axios-retry', package: 'axios-retry', path: ['default'] });
  });

  it('follows a property of an exported object', () => {
    const creation = findCreationOf(checker(), findNode('usage.ts', 'clients.billing'));
    expect(summarize(creation)).toMatchObject({ file: 'clients.ts', callee: { module: 'axios', path: ['default', 'create'] }, options: ['timeout'], variable: undefined });
  });

  it('describes a construction with new', () => {
    const creation = findCreationOf(checker(), findNode('breakers.ts', 'orderBreaker'));
    expect(summarize(creation)).toMatchObject({ callee: { module: 'opossum', package: 'opossum', path: ['default'] }, isConstruction: true, options: ['timeout'] });
  });

  it('reads CommonJS requires', () => {
    const creation = findCreationOf(checker(), findNode('legacy.js', 'reports', 1));
    expect(summarize(creation)).toMatchObject({ callee: { module: 'axios', path: ['create'] }, options: ['timeout'] });
  });

  it('records assignments to the made object, with computed keys evaluated', () => {
    const creation = findCreationOf(checker(), findNode('usage.ts', 'alias', 1));
    expect(creation!.writes.map((write) => write.memberPath)).toEqual([['defaults', 'headers', 'common', 'x-caller']]);
  });

  it('evaluates the options where they are written: spreads of constants, unreadable values kept as set', () => {
    const creation = findCreationOf(checker(), findNode('clients.ts', 'shipping'))!;
    expect(evaluateCreationArgument(checker(), creation, 0)).toEqual({
      value: { timeout: 2_000, headers: { 'User-Agent': 'orders' }, baseURL: 'http://shipping.internal', transformRequest: OPAQUE },
    });
    expect(evaluateCreationArgument(checker(), creation, 1)).toEqual({ value: undefined });
  });

  it('returns undefined for what was not made by a call', () => {
    expect(findCreationOf(checker(), findNode('orders.ts', 'order', 0))).toBeUndefined();
    expect(findCreationOf(checker(), findNode('usage.ts', 'run'))).toBeUndefined();
  });
});

describe('findCreation in a rule', () => {
  it('answers from the program ESLint was given and is silent without one', async () => {
    const found: string[] = [];
    const probe: TSESLint.RuleModule<never, []> = {
      defaultOptions: [],
      meta: { type: 'problem', schema: [], messages: {} },
      create(context) {
        return {
          'CallExpression > MemberExpression.callee > Identifier.object[name="alias"]'(node: TSESTree.Identifier) {
            const creation = findCreation(context, node);
            found.push(creation ? `${creation.callee?.module} ${creation.callee?.path.join('.')} ${relative(creation.file)}` : 'unknown');
          },
        };
      },
    };
    const lint = async (parserOptions: Linter.ParserOptions): Promise<void> => {
      const eslint = new ESLint({
        cwd: FIXTURE,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: typescriptParser as unknown as Linter.Parser, parserOptions },
            plugins: { probe: { rules: { creation: probe } } as unknown as ESLint.Plugin },
            rules: { 'probe/creation': 'error' },
          },
        ],
      });
      await eslint.lintFiles([path.join(FIXTURE, 'usage.ts')]);
    };
    await lint({ programs: [getProgram()] });
    await lint({});
    expect(found).toEqual(['axios default.create clients.ts', 'unknown']);
  });
});
