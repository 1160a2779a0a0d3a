/**
 * A failure branch that repairs the cause before sending again (refreshes an expired token, logs in anew)
 * is an authentication flow, not a retry policy: the second attempt is a different request, and retrying a
 * 401 after a refresh is what a client should do.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkSameFunction } from './control-flow.js';

const REPAIR_NAME = /refresh|reauth|re-?authenticate|renew|re-?login|sign-?in|login|authenticate/i;

export function repairsBeforeRetrying(branch: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(branch, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : undefined;
    found = name !== undefined && REPAIR_NAME.test(name);
  });
  return found;
}
