/** Whether `inner` lies within `outer` (or is it), by source range. */
import type { TSESTree } from '@typescript-eslint/utils';

export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
