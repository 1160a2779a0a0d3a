/**
 * The shared file index: for every type families may ask for, the same nodes in the same order as a walk
 * of the whole tree would find; other types are not held, and asking for one does not compile.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { forEachNodeBelow, getFileIndex, INDEXED_TYPES, type FileIndex } from '../../../rules/family/file-index.js';

const SOURCE = `
import axios from 'axios';
class Client { send = () => axios.get(url(1)); }
function url(n: number): string { return String(n); }
for (let attempt = 0; attempt < 3; attempt++) { while (busy()) new Date(); }
do { for (const item of list()) run(function () { return item; }); } while (more());
const made = new Map<string, Array<number>>([[build('a'), [1]]]);
export default class {}
`;

function indexOf(source: string): { index: FileIndex; walked: TSESTree.Node[] } {
  let found: { index: FileIndex; walked: TSESTree.Node[] } | undefined;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: {
          probe: {
            rules: {
              index: {
                create(context) {
                  return {
                    'Program:exit'(program: TSESTree.Program) {
                      // Indexed first: the walk then follows the parser's visitor keys, as ESLint does.
                      const index = getFileIndex(context.sourceCode as never);
                      const walked: TSESTree.Node[] = [];
                      forEachNodeBelow(program, (node) => void walked.push(node));
                      found = { index, walked };
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/index': 'error' },
      },
    ],
    'file.ts',
  );
  expect(messages).toEqual([]);
  return found!;
}

describe('file index', () => {
  it('holds, for every type families ask for, what a walk of the whole tree finds, in source order', () => {
    const { index, walked } = indexOf(SOURCE);
    for (const type of INDEXED_TYPES) {
      const starts = (nodes: readonly TSESTree.Node[]): number[] => nodes.map((node) => node.range[0]);
      expect(starts(index.nodesOfType(type)), type).toEqual(starts(walked.filter((node) => node.type === type)));
    }
    expect(index.nodesOfType(AST_NODE_TYPES.CallExpression).map((call) => call.callee.type)).toEqual([
      'MemberExpression',
      'Identifier',
      'Identifier',
      'Identifier',
      'Identifier',
      'Identifier',
      'Identifier',
      'Identifier',
    ]);
    expect(index.nodesOfType(AST_NODE_TYPES.NewExpression)).toHaveLength(2);
    expect(index.nodesOfType(AST_NODE_TYPES.ClassDeclaration)).toHaveLength(2);
  });

  it('holds no other type', () => {
    const { index } = indexOf(SOURCE);
    // @ts-expect-error Identifier is not a type families start from.
    expect(index.nodesOfType(AST_NODE_TYPES.Identifier)).toEqual([]);
  });
});
