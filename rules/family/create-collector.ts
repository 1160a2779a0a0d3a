/**
 * A family's one entry: `createCollector(detect)` gives `collect(context)`, which finds the family's models
 * in the linted file once and hands the same array to every rule of the family (cached per parsed file).
 * Detection runs on first request, usually from a rule's `Program:exit`, over the shared FileIndex.
 * Inventory facts are recorded here, once per file, not once per rule.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { PLUGIN_NAME, recordFact, type InventoryFact, type ServicePolicySettings } from '../create-rule.js';
import { getFileIndex, type FileIndex } from './file-index.js';

export type { AnyRuleContext } from '../ast/rule-context.js';

/** Inventory entries for policy-check, each at the node it is about. */
export type LocatedFacts = ReadonlyArray<{ readonly node: TSESTree.Node; readonly fact: InventoryFact }>;

export interface Detected<Model> {
  readonly models: readonly Model[];
  /** Given as a function, called only when policy-check collects facts (plain ESLint runs skip the work). */
  readonly facts?: LocatedFacts | (() => LocatedFacts);
}

export function createCollector<Model>(
  detect: (context: AnyRuleContext, index: FileIndex) => Detected<Model>,
): (context: AnyRuleContext) => readonly Model[] {
  return createFileCollector((context, index) => {
    const detected = detect(context, index);
    return { found: detected.models, facts: detected.facts };
  });
}

/**
 * The same, for a family whose rules judge one structure per file rather than a list (the HTTP family's
 * requests and clients, linked to each other). Facts may be given as a function, called only when
 * policy-check collects them (plain ESLint runs skip the work).
 */
export function createFileCollector<Found>(
  detect: (context: AnyRuleContext, index: FileIndex) => { readonly found: Found; readonly facts?: LocatedFacts | (() => LocatedFacts) | undefined },
): (context: AnyRuleContext) => Found {
  const cache = new WeakMap<TSESTree.Program, { readonly found: Found }>();
  return (context) => {
    const program = context.sourceCode.ast;
    const cached = cache.get(program);
    if (cached) return cached.found;
    const detected = detect(context, getFileIndex(context.sourceCode));
    const facts = typeof detected.facts === 'function' ? (isRecordingFacts(context) ? detected.facts() : []) : (detected.facts ?? []);
    for (const { node, fact } of facts) recordFact(context, node, fact);
    cache.set(program, { found: detected.found });
    return detected.found;
  };
}

/** policy-check is listening for inventory facts (a plain ESLint run is not): a detector may skip work only facts need. */
export function isRecordingFacts(context: AnyRuleContext): boolean {
  return (context.settings[PLUGIN_NAME] as ServicePolicySettings | undefined)?.onFact !== undefined;
}
