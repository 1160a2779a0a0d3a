/**
 * A family's one entry: `createCollector(detect)` gives `collect(context)`, which finds the family's models
 * in the linted file once and hands the same array to every rule of the family (cached per parsed file).
 * Detection runs on first request, usually from a rule's `Program:exit`, over the shared FileIndex.
 * Inventory facts are recorded here, once per file, not once per rule.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { recordFact, type InventoryFact } from '../create-rule.js';
import { getFileIndex, type FileIndex } from './file-index.js';

export type { AnyRuleContext } from '../ast/rule-context.js';

export interface Detected<Model> {
  readonly models: readonly Model[];
  /** Inventory entries for policy-check, each at the node it is about. */
  readonly facts?: ReadonlyArray<{ readonly node: TSESTree.Node; readonly fact: InventoryFact }>;
}

export function createCollector<Model>(
  detect: (context: AnyRuleContext, index: FileIndex) => Detected<Model>,
): (context: AnyRuleContext) => readonly Model[] {
  const cache = new WeakMap<TSESTree.Program, readonly Model[]>();
  return (context) => {
    const program = context.sourceCode.ast;
    const cached = cache.get(program);
    if (cached) return cached;
    const detected = detect(context, getFileIndex(context.sourceCode));
    for (const { node, fact } of detected.facts ?? []) recordFact(context, node, fact);
    cache.set(program, detected.models);
    return detected.models;
  };
}
