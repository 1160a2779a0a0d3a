/**
 * A repetition whose passes work on different items is not a retry, even when each pass has a catch: a
 * `for (const account of accounts)` that refreshes each account and logs its failure, `send(items[i])`, a
 * loop or a function that takes the next job off a queue (`queue.shift()`, `await jobs.take()`) and, when
 * the job fails, settles it and goes on to the next. A loop's item reaches the call directly or through
 * values computed from it in the same pass (`const url = \`${account.baseUrl}/health\``). A recursive walk
 * that, when one value fails to parse, calls itself on another value it makes in the catch
 * (`catch { const converted = convert(input); return walk(converted, depth + 1) }`) works on a new item too.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { isWithin, walkSameFunction } from './control-flow.js';
import type { RetryLoopNode } from './hand-written-retry.js';

type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

/** Methods that take the next item off a queue, a list or a stream. */
const DEQUEUE_METHOD = /^(?:shift|pop|dequeue|take|poll|receive|next|lpop|rpop|blpop|brpop|lmove|(?:get|fetch|take|pop)Next\w*|next(?:Job|Item|Task|Message|Batch)\w*)$/;
const MAX_DEPTH = 4;

/** The loop's pass works on another item each time: the loop variable reaches the call, or the pass dequeues. */
export function loopWorksOnEachItem(context: AnyRuleContext, loop: RetryLoopNode, operation: TSESTree.CallExpression): boolean {
  const items = getItemVariables(context, loop);
  if (items.length > 0 && reachesCall(context, operation, loop.body, (variable, identifier) => items.includes(variable) && isItemUse(loop, identifier))) return true;
  return takesNextItem(loop.body);
}

/** The function takes a new item each time it runs (`const job = queue.shift()`): it drains a queue. */
export function functionWorksOnEachItem(fn: TSESTree.Node & { body: TSESTree.Node }): boolean {
  return takesNextItem(fn.body);
}

/**
 * A recursive walk (the function calls itself from its try block too, on what it got there) whose catch
 * calls it on a value made in the catch: the failed value is replaced, not tried again.
 */
export function catchWalksNewValue(context: AnyRuleContext, call: TSESTree.CallExpression, fn: TSESTree.Node & { body: TSESTree.Node }, failure: TSESTree.Node): boolean {
  if (failure.type !== AST_NODE_TYPES.CatchClause || failure.parent.type !== AST_NODE_TYPES.TryStatement) return false;
  const callee = context.sourceCode.getText(unwrapExpression(call.callee));
  let walksInTry = false;
  walkSameFunction(failure.parent.block, (node) => {
    if (!walksInTry && node.type === AST_NODE_TYPES.CallExpression && context.sourceCode.getText(unwrapExpression(node.callee)) === callee) walksInTry = true;
  });
  if (!walksInTry || !isWithin(failure, fn)) return false;
  const madeInCatch = (variable: Variable): boolean => variable.defs.some((definition) => definition.type === 'Variable' && isWithin(definition.node, failure));
  return reachesCall(context, call, failure, madeInCatch);
}

/** The pass stores an item it takes off a queue: `const job = queue.shift()`, `job = await jobs.take()`. */
function takesNextItem(root: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(root, (node) => {
    if (found) return;
    const value = node.type === AST_NODE_TYPES.VariableDeclarator ? node.init : node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' ? node.right : undefined;
    if (!value) return;
    let expression = unwrapExpression(value);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrapExpression(expression.argument);
    found = expression.type === AST_NODE_TYPES.CallExpression && isDequeue(expression);
  });
  return found;
}

/**
 * Whether a variable that `isItem` accepts reaches the call: in its callee object or its arguments, or
 * through a `const`/`let` declared in `scope` from it (`const provider = providers[account.provider]`).
 */
function reachesCall(
  context: AnyRuleContext,
  operation: TSESTree.CallExpression,
  scope: TSESTree.Node,
  isItem: (variable: Variable, identifier: TSESTree.Identifier) => boolean,
): boolean {
  const seen = new Set<Variable>();
  const visit = (root: TSESTree.Node, depth: number): boolean => {
    let found = false;
    walkSameFunction(
      root,
      (node) => {
        if (found || node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node)) return;
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
        if (!variable) return;
        if (isItem(variable, node)) {
          found = true;
          return;
        }
        if (seen.has(variable) || depth >= MAX_DEPTH) return;
        seen.add(variable);
        for (const initializer of getInitializersWithin(variable, scope)) {
          if (visit(initializer, depth + 1)) {
            found = true;
            return;
          }
        }
      },
      () => true,
    );
    return found;
  };
  const callee = unwrapExpression(operation.callee);
  const inputs: TSESTree.Node[] = [...operation.arguments];
  if (callee.type === AST_NODE_TYPES.MemberExpression) inputs.push(callee.object);
  return inputs.some((input) => visit(input, 0));
}

/** The values a variable declared inside `scope` is initialised or assigned with. */
function getInitializersWithin(variable: Variable, scope: TSESTree.Node): TSESTree.Node[] {
  const initializers: TSESTree.Node[] = [];
  for (const definition of variable.defs) {
    if (definition.type !== 'Variable' || !isWithin(definition.node, scope)) continue;
    const declarator = definition.node;
    if (declarator.init) initializers.push(declarator.init);
  }
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (reference.isWrite() && parent?.type === AST_NODE_TYPES.AssignmentExpression && isWithin(parent, scope)) initializers.push(parent.right);
  }
  return initializers;
}

/** `for (const item of items)` declares item; `for (let i = 0; …)` declares i (used as `items[i]`). */
function getItemVariables(context: AnyRuleContext, loop: RetryLoopNode): readonly Variable[] {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return loop.left.type === AST_NODE_TYPES.VariableDeclaration ? context.sourceCode.getDeclaredVariables(loop.left) : [];
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.init?.type === AST_NODE_TYPES.VariableDeclaration) return context.sourceCode.getDeclaredVariables(loop.init);
  return [];
}

/** A `for … of` item is used whatever the use; a `for` index only as an index (`items[i]`), not as a count. */
function isItemUse(loop: RetryLoopNode, identifier: TSESTree.Identifier): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return true;
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === identifier;
}

function isDequeue(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    DEQUEUE_METHOD.test(callee.property.name)
  );
}

/** `name` in `object.name` or `{ name: … }`: not a reference to a variable. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === node && !parent.computed;
  return parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand;
}
