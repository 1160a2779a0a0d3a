/**
 * Bounds that are a time budget rather than a count: a test on the clock (`Date.now() < deadline`,
 * `performance.now() - start > budget`, `process.hrtime`), on a deadline-named value, or on an AbortSignal
 * (`signal.aborted`), and `signal.throwIfAborted()` called on the way round.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { walkSameFunction } from './control-flow.js';

const CLOCK_OBJECTS = new Set(['Date', 'performance', 'process', 'hrtime']);
const CLOCK_METHODS = new Set(['now', 'hrtime', 'bigint', 'getTime', 'uptime']);
const DEADLINE_NAME = /deadline|timeout|budget|elapsed|expir|givesUpAt|stopAt|endTime/i;
const FLAG_NAME = /^(?:is|has|was|did)[A-Z_]/;

/**
 * Whether a test reads the clock, a deadline or an abort signal. What the failure carries is not a budget:
 * `err.timeout`, `error.config.timeout` or an `isTimeout` flag say how the attempt failed, not when to stop.
 */
export function isTimeBudgetTest(test: TSESTree.Node, failureNames: ReadonlySet<string> = new Set()): boolean {
  let found = false;
  walkSameFunction(test, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) found = isClockCall(node);
    else if (node.type === AST_NODE_TYPES.NewExpression) found = node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date';
    else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
      found = node.property.name === 'aborted' || (isDeadlineName(node.property.name) && !isOnFailure(node.object, failureNames));
    } else if (node.type === AST_NODE_TYPES.Identifier && node.parent.type !== AST_NODE_TYPES.MemberExpression && !isCallee(node)) {
      // Variables, not classes: `deadline`, `timeoutMs`, but not `TimeoutError`.
      found = isDeadlineName(node.name) && node.name[0] === node.name[0]!.toLowerCase();
    }
  });
  return found;
}

/** `deadline`, `timeoutMs`, `elapsed`, but not a flag about the failure (`isTimeout`, `hasTimedOut`). */
function isDeadlineName(name: string): boolean {
  return DEADLINE_NAME.test(name) && !FLAG_NAME.test(name);
}

/** `err.timeout`, `error.config.timeout`: read off the failure itself. */
function isOnFailure(node: TSESTree.Node, failureNames: ReadonlySet<string>): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier && failureNames.has(current.name);
}

/** `signal.throwIfAborted()` in the attempt. */
export function checksAbortSignal(root: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(root, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = node.callee;
    found = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'throwIfAborted';
  });
  return found;
}

function isClockCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'hrtime';
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  if (!CLOCK_METHODS.has(callee.property.name)) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.Identifier) return CLOCK_OBJECTS.has(object.name) || callee.property.name === 'getTime';
  return object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.NewExpression;
}

function isCallee(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
}
