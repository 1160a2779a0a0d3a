/**
 * A loop is a retry when one pass makes a call, leaves the loop when the call succeeds, and goes round again
 * when it fails:
 * - `try { … return await call() … } catch { … }` where the catch does not always rethrow (it continues,
 *   or falls through to the next pass);
 * - `const res = await call(); if (res.ok) return res; …` (or `if (res.status >= 500) continue; return res`)
 *   where a failed answer goes round again and a good one leaves.
 * Loops that never leave on success (consumers, pollers that process and carry on, server accept loops),
 * loops whose pass works on a different item (`for (const item of items)`, `items[i]`, a job taken off a
 * queue), loops that end when the work is finished rather than when an attempt succeeds
 * (`done = queue.length === 0`), and loops that go round only on 1xx–3xx answers (polling a 202 until the
 * job is done) are not retries.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { alwaysExits, getOutcomes, isWithin, simulate, type SimulatedOutcome } from './control-flow.js';
import { evaluateTest } from './evaluate-test.js';
import { findOperation } from './find-operation.js';
import { getLoopStatements, type RetryLoop, type RetryLoopNode } from './hand-written-retry.js';
import { repairsBeforeRetrying } from './repairs-before-retrying.js';
import { createStatusScenario, HTTP_STATUSES } from './status-scenario.js';
import { loopWorksOnEachItem } from './works-on-new-item.js';

export function findRetryLoop(context: AnyRuleContext, loop: RetryLoopNode, isSleep: (call: TSESTree.CallExpression) => boolean): RetryLoop | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return undefined;
  const statements = getLoopStatements(loop);
  return findCatchRetry(context, loop, statements, isSleep) ?? findAnswerRetry(context, loop, statements);
}

function findCatchRetry(
  context: AnyRuleContext,
  loop: RetryLoopNode,
  statements: readonly TSESTree.Statement[],
  isSleep: (call: TSESTree.CallExpression) => boolean,
): RetryLoop | undefined {
  for (const [index, statement] of statements.entries()) {
    if (statement.type !== AST_NODE_TYPES.TryStatement || !statement.handler) continue;
    const tryStatement = statement as TSESTree.TryStatement & { handler: TSESTree.CatchClause };
    const operation = findOperation(tryStatement.block, isSleep);
    if (!operation || loopWorksOnEachItem(context, loop, operation)) continue;
    const after = statements.slice(index + 1);
    if (!leavesOnSuccess(context, loop, tryStatement.block.body, after, operation)) continue;
    if (!goesRoundOnFailure(tryStatement.handler.body.body, after)) continue;
    if (repairsBeforeRetrying(tryStatement.handler.body)) return undefined;
    return { form: 'loop', loop, operation, failure: { kind: 'catch', tryStatement } };
  }
  return undefined;
}

function findAnswerRetry(context: AnyRuleContext, loop: RetryLoopNode, statements: readonly TSESTree.Statement[]): RetryLoop | undefined {
  for (const [index, statement] of statements.entries()) {
    const answer = getAnswerAssignment(statement);
    if (!answer || loopWorksOnEachItem(context, loop, answer.call)) continue;
    const after = statements.slice(index + 1);
    const outcomeFor = (status: number): SimulatedOutcome => simulateAnswer(context, loop, after, status, answer.variable);
    if (outcomeFor(200) !== 'exit') continue;
    if (!HTTP_STATUSES.some((status) => status >= 400 && outcomeFor(status) === 'round')) continue;
    return { form: 'loop', loop, operation: answer.call, failure: { kind: 'answer', variable: answer.variable, statement } };
  }
  return undefined;
}

/** How a pass ends after the answer arrives with this status: the loop test decides at the end of the pass. */
export function simulateAnswer(context: AnyRuleContext, loop: RetryLoopNode, after: readonly TSESTree.Statement[], status: number, variable: string): SimulatedOutcome {
  const scenario = createStatusScenario(status, new Set([variable]));
  const outcome = simulate(context, after, scenario);
  if (outcome !== 'fall') return outcome;
  const test = loop.type === AST_NODE_TYPES.ForOfStatement ? undefined : loop.test;
  if (!test) return 'round';
  const truth = evaluateTest(context, test, scenario);
  return truth === false ? 'exit' : 'round';
}

/** `const res = await call(…)`, `res = await call(…)`. */
function getAnswerAssignment(statement: TSESTree.Statement): { variable: string; call: TSESTree.CallExpression } | undefined {
  let target: TSESTree.Node | undefined;
  let value: TSESTree.Node | undefined | null;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1) {
    target = statement.declarations[0]!.id;
    value = statement.declarations[0]!.init;
  } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression && statement.expression.operator === '=') {
    target = statement.expression.left;
    value = statement.expression.right;
  }
  if (target?.type !== AST_NODE_TYPES.Identifier || value?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const call = value.argument;
  return call.type === AST_NODE_TYPES.CallExpression ? { variable: target.name, call } : undefined;
}

/**
 * Success leaves the loop: a `return`/`break` at the top of the try block, a check of a good answer that
 * leaves, an assignment to what the loop test reads (`done = true`), or a `return`/`break` right after the try.
 */
function leavesOnSuccess(
  context: AnyRuleContext,
  loop: RetryLoopNode,
  block: readonly TSESTree.Statement[],
  after: readonly TSESTree.Statement[],
  operation: TSESTree.CallExpression,
): boolean {
  if (block.some((statement) => isLeave(statement, loop)) || after.some((statement) => isLeave(statement, loop))) return true;
  if (block.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && leavesOnGoodAnswer(context, statement))) return true;
  const test = loop.type === AST_NODE_TYPES.ForOfStatement ? undefined : loop.test;
  if (!test) return false;
  const testText = context.sourceCode.getText(test);
  return block.some((statement) => {
    const assignment = getAssignment(statement);
    return assignment !== undefined && testText.includes(context.sourceCode.getText(assignment.left)) && marksSuccess(context, assignment, operation);
  });
}

/**
 * `connected = true` or `response = await call()`: success sets a flag to a constant or stores the answer.
 * A value computed from the work (`done = queue.length === 0`, `hasMore = page.next !== null`) ends the loop
 * when the work is finished, not when an attempt succeeds: the loop drains or pages, it does not retry.
 */
function marksSuccess(context: AnyRuleContext, assignment: TSESTree.AssignmentExpression, operation: TSESTree.CallExpression): boolean {
  if (assignment.operator !== '=') return false;
  return getStaticValueOf(context, assignment.right) !== undefined || isWithin(operation, assignment.right);
}

/** `return`, `break`, or `continue outer` to a loop around this one. */
function isLeave(statement: TSESTree.Statement, loop: RetryLoopNode): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.BreakStatement) return true;
  if (statement.type !== AST_NODE_TYPES.ContinueStatement || !statement.label) return false;
  const own = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
  return statement.label.name !== own;
}

/** `if (res.ok) return res`: leaves for a 2xx answer, not for a 5xx one. */
function leavesOnGoodAnswer(context: AnyRuleContext, statement: TSESTree.IfStatement): boolean {
  const outcomeFor = (status: number): SimulatedOutcome => simulate(context, [statement], createStatusScenario(status, new Set()));
  return outcomeFor(200) === 'exit' && outcomeFor(503) !== 'exit' && alwaysExits([statement.consequent]);
}

function getAssignment(statement: TSESTree.Statement): TSESTree.AssignmentExpression | undefined {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression ? statement.expression : undefined;
}

/** The catch goes round again on some path: it continues, or falls through to a pass that does not leave. */
function goesRoundOnFailure(handler: readonly TSESTree.Statement[], after: readonly TSESTree.Statement[]): boolean {
  const outcomes = getOutcomes(handler);
  if (outcomes.has('round')) return true;
  if (!outcomes.has('fall')) return false;
  const afterOutcomes = getOutcomes(after);
  return afterOutcomes.has('fall') || afterOutcomes.has('round');
}
