/**
 * Reaching the nodes a rare key is written at from its occurrences in the text: the innermost node at each,
 * in source order, whatever else the file holds.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { findNodesWriting } from '../../../rules/ast/nodes-writing.js';

function nodesWriting(source: string, needle: string): string[] {
  let found: TSESTree.Node[] = [];
  const linter = new Linter({ configType: 'flat' });
  linter.verify(
    source,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { probe: { rules: { find: { create: (context) => ({ 'Program:exit': () => void (found = findNodesWriting(context as never, needle)) }) } } } },
        rules: { 'probe/find': 'error' },
      },
    ],
    'file.ts',
  );
  return found.map((node) => `${node.type}@${node.loc.start.line}`);
}

describe('nodes writing a name', () => {
  it('gives the innermost node at each occurrence, in source order', () => {
    const source = [
      `import rax from 'retry-axios';`,
      `const api = axios.create({ raxConfig: { retry: 2 } });`,
      `api.defaults.raxConfig = { retry: 1 };`,
      `// raxConfig in a comment`,
      `const label = "raxConfig";`,
    ].join('\n');
    // The comment gives the node around it, here the whole program.
    expect(nodesWriting(source, 'raxConfig')).toEqual(['Identifier@2', 'Identifier@3', 'Program@1', 'Literal@5']);
  });

  it('finds nothing in a file that does not write the name', () => {
    expect(nodesWriting(`const config = { retry: 2 };`, 'raxConfig')).toEqual([]);
  });
});
