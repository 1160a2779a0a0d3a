/**
 * A family's collector: detection runs once per file however many rules ask, and facts given as a function
 * are worked out only when policy-check collects them, never in a plain ESLint run.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import { PLUGIN_NAME, type LocatedInventoryFact } from '../../../rules/create-rule.js';
import { createCollector } from '../../../rules/family/create-collector.js';

const SOURCE = 'send(1);\nsend(2);\n';

function lintWithCollector(settings: Record<string, unknown>): { detections: number; factCalls: number; models: number[] } {
  let detections = 0;
  let factCalls = 0;
  const models: number[] = [];
  const collect = createCollector<TSESTree.CallExpression>((context, index) => {
    detections += 1;
    const calls = index.nodesOfType(AST_NODE_TYPES.CallExpression);
    return {
      models: calls,
      facts: () => {
        factCalls += 1;
        return calls.map((call) => ({ node: call, fact: { kind: 'http-server' as const, library: 'probe', properties: {} } }));
      },
    };
  });
  const rule = {
    create: (context: never) => ({ 'Program:exit': () => models.push(collect(context).length) }),
  };
  const messages = new Linter({ configType: 'flat' }).verify(SOURCE, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { probe: { rules: { first: rule, second: rule } } },
      rules: { 'probe/first': 'error', 'probe/second': 'error' },
      settings,
    },
  ], 'service.ts');
  expect(messages).toEqual([]);
  return { detections, factCalls, models };
}

describe('createCollector', () => {
  it('detects once per file for all the rules that ask, and skips facts given as a function in a plain ESLint run', () => {
    expect(lintWithCollector({})).toEqual({ detections: 1, factCalls: 0, models: [2, 2] });
  });

  it('works out those facts once, and hands each to policy-check at its node, when policy-check listens', () => {
    const recorded: LocatedInventoryFact[] = [];
    const result = lintWithCollector({ [PLUGIN_NAME]: { onFact: (fact: LocatedInventoryFact) => recorded.push(fact) } });
    expect(result).toEqual({ detections: 1, factCalls: 1, models: [2, 2] });
    expect(recorded.map((fact) => [fact.kind, fact.line, fact.column])).toEqual([
      ['http-server', 1, 1],
      ['http-server', 2, 1],
    ]);
  });
});
