/**
 * The one way rules read a value: the static value of an expression in this file (constants, objects,
 * template literals, arithmetic), and, when type information is present, constants imported from other
 * modules, through re-exports and object spreads.
 */
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { resolveAcrossFiles, type StaticValue } from './resolve-across-files.js';
import type { AnyRuleContext } from './rule-context.js';

export type { StaticValue } from './resolve-across-files.js';

/** The value of `node` when it can be known without running the code; undefined otherwise. */
export function getStaticValueOf(context: AnyRuleContext, node: TSESTree.Node): StaticValue | undefined {
  const local = ASTUtils.getStaticValue(node, context.sourceCode.getScope(node));
  if (local && !containsUnknown(local.value)) return local;
  return resolveAcrossFiles(context, node) ?? (local ?? undefined);
}

/** The value of `node` when it is a number; undefined otherwise. */
export function getNumberValue(context: AnyRuleContext, node: TSESTree.Node): number | undefined {
  const found = getStaticValueOf(context, node);
  return typeof found?.value === 'number' ? found.value : undefined;
}

/** The value of `node` when it is a string; undefined otherwise. */
export function getStringValue(context: AnyRuleContext, node: TSESTree.Node): string | undefined {
  const found = getStaticValueOf(context, node);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function containsUnknown(value: unknown): boolean {
  return value === undefined;
}
