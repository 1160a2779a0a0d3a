/** Visits a node and every node below it, in source order; `visit` returns false to skip a subtree. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { AnyRuleContext } from './rule-context.js';

export function walkDescendants(context: AnyRuleContext, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const visitorKeys = context.sourceCode.visitorKeys;
  const walk = (node: TSESTree.Node): void => {
    if (visit(node) === false) return;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) walk(item);
      } else if (isNode(child)) {
        walk(child);
      }
    }
  };
  walk(root);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
