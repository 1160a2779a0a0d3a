/**
 * The nodes at the places a rare name or key is written in the file, reached from its occurrences in the
 * text instead of by a walk of the whole tree: a file names `raxConfig` or `'axios-retry'` a handful of
 * times at most, where a walk visits every node.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from './rule-context.js';

/**
 * The innermost node at each occurrence of `needle` in the file's text, in source order, once each. An
 * occurrence in a comment gives the node around the comment; callers check the node's type and place.
 */
export function findNodesWriting(context: AnyRuleContext, needle: string): TSESTree.Node[] {
  const { sourceCode } = context;
  const text = sourceCode.text;
  const nodes: TSESTree.Node[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) {
    const node = sourceCode.getNodeByRangeIndex(index);
    if (node && nodes.at(-1) !== node) nodes.push(node);
  }
  return nodes;
}
