/**
 * The call a retry repeats: the first awaited (or returned, or stored) call of the attempt that is not a
 * wait or a log line, seen through promise chains (`fetch(url).then((r) => r.json())`) and rxjs bridges
 * (`firstValueFrom(this.http.post(…))`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkSameFunction } from './control-flow.js';

const CHAIN_METHODS = new Set(['then', 'catch', 'finally', 'json', 'text', 'arrayBuffer', 'blob', 'toPromise']);
const OBSERVABLE_BRIDGES = new Set(['firstValueFrom', 'lastValueFrom']);
const LOGGER_NAME = /^(?:console|log|logger|_?logger|metrics|span|tracer|debug)$/i;

export function findOperation(root: TSESTree.Node, isSleep: (call: TSESTree.CallExpression) => boolean): TSESTree.CallExpression | undefined {
  let used: TSESTree.CallExpression | undefined;
  let any: TSESTree.CallExpression | undefined;
  walkSameFunction(root, (node) => {
    if (used || node.type !== AST_NODE_TYPES.CallExpression || isSleep(node) || isLogCall(node)) return;
    if (isResultUsed(node)) used = node;
    else any ??= node;
  });
  const found = used ?? any;
  return found && getChainRoot(found);
}

/** `fetch(url).then(…).catch(…)` → `fetch(url)`; `firstValueFrom(http.get(url))` → `http.get(url)`. */
export function getChainRoot(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = call;
  for (;;) {
    const callee = unwrapExpression(current.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && CHAIN_METHODS.has(callee.property.name)) {
      const object = unwrapExpression(callee.object);
      if (object.type !== AST_NODE_TYPES.CallExpression) return current;
      current = object;
      continue;
    }
    const argument = current.arguments[0] && unwrapExpression(current.arguments[0]);
    if (callee.type === AST_NODE_TYPES.Identifier && OBSERVABLE_BRIDGES.has(callee.name) && argument?.type === AST_NODE_TYPES.CallExpression) {
      current = argument;
      continue;
    }
    return current;
  }
}

function isResultUsed(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return false;
  return (
    parent.type === AST_NODE_TYPES.AwaitExpression ||
    parent.type === AST_NODE_TYPES.ReturnStatement ||
    parent.type === AST_NODE_TYPES.VariableDeclarator ||
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) ||
    parent.type === AST_NODE_TYPES.YieldExpression
  );
}

function isLogCall(call: TSESTree.CallExpression): boolean {
  let callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  callee = unwrapExpression(callee.object);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  return name !== undefined && LOGGER_NAME.test(name);
}
