/**
 * A function is a retry when it calls itself from its own failure branch: a `catch` clause, a `.catch(cb)`
 * (or `.then(ok, cb)`, `emitter.on('error', cb)`) callback, a check of a failed answer (`if (!res.ok)`,
 * `res.status >= 500`) or what follows a check that leaves on a good one (`if (res.ok) return res`), a
 * node-style `if (err)`, or a `setTimeout(() => self(…), ms)` scheduled from one of those. Function
 * declarations, functions and arrows bound to a name, and class methods called through `this` are followed.
 * A call from the try block (pagination, walking a tree) is not a retry, nor is a function that takes the
 * next job off a queue each run, nor a walk whose catch calls it on a value made there (a converted input),
 * nor a fallback that calls itself once with a flag that stops a second time.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { alwaysExits, walkSameFunction } from './control-flow.js';
import { dependsOn, evaluateTest } from './evaluate-test.js';
import { findOperation, getChainRoot } from './find-operation.js';
import type { RecursiveRetry } from './hand-written-retry.js';
import { getFunctionName, getThisMethodName, isFunctionNode, type FunctionNode } from './local-functions.js';
import { repairsBeforeRetrying } from './repairs-before-retrying.js';
import { isSingleRepeat } from './single-repeat.js';
import { createStatusScenario, HTTP_STATUSES } from './status-scenario.js';
import { catchWalksNewValue, functionWorksOnEachItem } from './works-on-new-item.js';

const ERROR_NAME = /^(?:err|error|e|ex|exception)$/;
const ERROR_LISTENERS = new Set(['on', 'once', 'addListener']);

export function findRecursiveRetry(context: AnyRuleContext, call: TSESTree.CallExpression, isSleep: (call: TSESTree.CallExpression) => boolean): RecursiveRetry | undefined {
  const self = getSelfReference(call);
  if (!self) return undefined;
  const fn = findEnclosingSelf(context, call, self);
  if (!fn) return undefined;
  const failure = findFailureBranch(context, call, fn);
  if (!failure || repairsBeforeRetrying(failure.node)) return undefined;
  // A queue drained one job per run, a walk that replaces a value it could not parse, and a fallback that
  // cannot repeat a second time, are not retries.
  if (functionWorksOnEachItem(fn) || catchWalksNewValue(context, call, fn, failure.node) || isSingleRepeat(context, call, fn)) return undefined;
  const operation = findRetriedOperation(context, fn, failure.node, (candidate) => candidate === call || isSleep(candidate));
  return { form: 'recursion', function: fn, call, operation, failure: failure.node, failureNames: failure.names };
}

/** What the call names: an identifier, `this.method`, or the function a `setTimeout(fn, ms)` schedules. */
function getSelfReference(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') {
    const scheduled = call.arguments[0] && unwrapExpression(call.arguments[0]);
    if (scheduled?.type === AST_NODE_TYPES.Identifier || (scheduled && getThisMethodName(scheduled) !== undefined)) return scheduled;
    return undefined;
  }
  if (callee.type === AST_NODE_TYPES.Identifier || getThisMethodName(callee) !== undefined) return callee;
  return undefined;
}

function findEnclosingSelf(context: AnyRuleContext, call: TSESTree.Node, reference: TSESTree.Node): FunctionNode | undefined {
  const thisName = getThisMethodName(reference);
  const identifier = reference.type === AST_NODE_TYPES.Identifier ? reference : undefined;
  // The scope lookup waits until an enclosing function has the called name: most calls are to other functions.
  let variable: ReturnType<typeof ASTUtils.findVariable> | undefined;
  for (let node = call.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    const name = getFunctionName(node);
    if (!name) continue;
    if (thisName !== undefined && name.through === 'this' && name.name === thisName) return node;
    if (!identifier || name.through !== 'identifier' || name.name !== identifier.name) continue;
    variable ??= ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
    if (variable?.defs.some((definition) => isDefinitionOf(definition.node as TSESTree.Node, node))) return node;
  }
  return undefined;
}

function isDefinitionOf(definition: TSESTree.Node, fn: FunctionNode): boolean {
  if (definition === fn) return true;
  return definition.type === AST_NODE_TYPES.VariableDeclarator && definition.init !== null && unwrapExpression(definition.init) === fn;
}

/** The innermost failure branch between the call and the function, if the call is in one. */
function findFailureBranch(context: AnyRuleContext, call: TSESTree.Node, fn: FunctionNode): { node: TSESTree.Node; names: ReadonlySet<string> } | undefined {
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && node !== fn; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause) return { node, names: getPatternNames(node.param) };
    if (node.type === AST_NODE_TYPES.TryStatement && child === node.block) return undefined;
    if (isFunctionNode(node) && isRejectionCallback(node)) return { node, names: getPatternNames(node.params[0]) };
    if ((node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) && child !== node.test) {
      const taken = child === node.consequent;
      if (isErrorCheck(node.test) && taken) return { node, names: getErrorNames(node.test) };
      if (isAnswerCheck(context, node.test, taken ? 'failure' : 'success')) return { node, names: new Set() };
    }
    if (node.type === AST_NODE_TYPES.BlockStatement) {
      const guard = findSuccessGuardBefore(context, node.body, child);
      if (guard) return { node: guard, names: new Set() };
    }
  }
  return undefined;
}

/** `if (res.ok) return res.json();` before the call: what follows runs only for a failed answer. */
function findSuccessGuardBefore(context: AnyRuleContext, statements: readonly TSESTree.Statement[], child: TSESTree.Node): TSESTree.IfStatement | undefined {
  for (const statement of statements) {
    if (statement === child) return undefined;
    if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits([statement.consequent]) && isAnswerCheck(context, statement.test, 'success')) {
      return statement;
    }
  }
  return undefined;
}

/** `promise.catch(cb)`, `promise.then(onFulfilled, cb)`, `socket.on('error', cb)`. */
function isRejectionCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const property = parent.callee.property;
  if (property.type !== AST_NODE_TYPES.Identifier) return false;
  if (property.name === 'catch') return parent.arguments[0] === fn;
  if (property.name === 'then') return parent.arguments[1] === fn;
  const event = parent.arguments[0];
  return ERROR_LISTENERS.has(property.name) && parent.arguments[1] === fn && event?.type === AST_NODE_TYPES.Literal && event.value === 'error';
}

/** Node-style `if (err)`, `if (err != null)`, `if (err && retries > 0)`. */
function isErrorCheck(test: TSESTree.Node): boolean {
  const expression = unwrapExpression(test);
  if (expression.type === AST_NODE_TYPES.Identifier) return ERROR_NAME.test(expression.name);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') return isErrorCheck(expression.left) || isErrorCheck(expression.right);
  return (
    expression.type === AST_NODE_TYPES.BinaryExpression &&
    (expression.operator === '!=' || expression.operator === '!==') &&
    expression.left.type === AST_NODE_TYPES.Identifier &&
    ERROR_NAME.test(expression.left.name)
  );
}

/** Whether taking this branch means the answer failed (true for some 4xx/5xx, never for 200). */
function isAnswerCheck(context: AnyRuleContext, test: TSESTree.Node, meaning: 'failure' | 'success'): boolean {
  // Cheap check first: a test that reads nothing of the answer takes the same branch for every status.
  if (!dependsOn(context, test, createStatusScenario(200, new Set()))) return false;
  const takes = (status: number): boolean => evaluateTest(context, test, createStatusScenario(status, new Set())) === true;
  if (meaning === 'failure') return !takes(200) && HTTP_STATUSES.some((status) => status >= 400 && takes(status));
  return takes(200) && HTTP_STATUSES.some((status) => status >= 400 && !takes(status));
}

function findRetriedOperation(
  context: AnyRuleContext,
  fn: FunctionNode,
  failure: TSESTree.Node,
  skip: (call: TSESTree.CallExpression) => boolean,
): TSESTree.CallExpression | undefined {
  if (failure.type === AST_NODE_TYPES.CatchClause) return findOperation(failure.parent.block, skip);
  if (isFunctionNode(failure)) {
    const promise = (failure.parent as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
    const object = unwrapExpression(promise.object);
    if (object.type === AST_NODE_TYPES.CallExpression) return getChainRoot(object);
    const emitter = object.type === AST_NODE_TYPES.Identifier ? findAnswerCall(context, object) : undefined;
    if (emitter) return emitter;
  }
  if (failure.type === AST_NODE_TYPES.IfStatement || failure.type === AST_NODE_TYPES.ConditionalExpression) {
    const answer = findAnswerCall(context, failure.test);
    if (answer) return answer;
    const callback = findEnclosingCallback(failure, fn);
    if (callback) return callback;
  }
  return findOperation(fn.body, skip);
}

/** `if (!res.ok)` where `const res = await call(…)`: that call. */
function findAnswerCall(context: AnyRuleContext, test: TSESTree.Node): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  walkSameFunction(test, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier) return;
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return;
    const init = unwrapExpression(definition.node.init);
    const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
    if (call.type === AST_NODE_TYPES.CallExpression) found = getChainRoot(call);
  });
  return found;
}

/** `request(url, (err, res) => { if (err) return retry() })`: the call the callback belongs to. */
function findEnclosingCallback(from: TSESTree.Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  for (let node = from.parent; node && node !== fn; node = node.parent) {
    if (isFunctionNode(node) && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      return getChainRoot(node.parent);
    }
  }
  return undefined;
}

function getErrorNames(test: TSESTree.Node): ReadonlySet<string> {
  return new Set([...getPatternNames(test)].filter((name) => ERROR_NAME.test(name)));
}

function getPatternNames(pattern: TSESTree.Node | null | undefined): ReadonlySet<string> {
  const names = new Set<string>();
  if (!pattern) return names;
  walkSameFunction(pattern, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
  });
  return names;
}
