/**
 * How the statements of a retry end: they leave it (throw, return, break), go round again (continue), or
 * fall through to what follows. Read from shape alone, or simulated under a scenario (a failed answer with
 * a given status, a given attempt count) so that only the branches that scenario takes count.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { evaluateTest, FREE, UNREADABLE, type Scenario } from './evaluate-test.js';

export type Outcome = 'exit' | 'round' | 'fall';

/** The ways a list of statements can end, whatever the values involved. */
export function getOutcomes(statements: readonly TSESTree.Statement[]): ReadonlySet<Outcome> {
  const outcomes = new Set<Outcome>();
  for (const statement of statements) {
    const own = getStatementOutcomes(statement);
    for (const outcome of own) if (outcome !== 'fall') outcomes.add(outcome);
    if (!own.has('fall')) return outcomes;
  }
  outcomes.add('fall');
  return outcomes;
}

/** Whether the statements always leave (throw, return or break) and never go round again. */
export function alwaysExits(statements: readonly TSESTree.Statement[]): boolean {
  const outcomes = getOutcomes(statements);
  return outcomes.size === 1 && outcomes.has('exit');
}

function getStatementOutcomes(statement: TSESTree.Statement): ReadonlySet<Outcome> {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
      return new Set(['exit']);
    case AST_NODE_TYPES.ContinueStatement:
      return new Set(['round']);
    case AST_NODE_TYPES.BlockStatement:
      return getOutcomes(statement.body);
    case AST_NODE_TYPES.IfStatement: {
      const outcomes = new Set(getOutcomes([statement.consequent]));
      for (const outcome of statement.alternate ? getOutcomes([statement.alternate]) : ['fall' as const]) outcomes.add(outcome);
      return outcomes;
    }
    case AST_NODE_TYPES.ExpressionStatement:
      return isProcessExit(statement.expression) ? new Set(['exit']) : new Set(['fall']);
    default:
      return new Set(['fall']);
  }
}

/** What a simulation may do besides evaluating tests: apply the side effects of plain statements. */
export interface SimulationHooks {
  readonly applyEffects?: (statement: TSESTree.Statement) => void;
  readonly snapshot?: () => unknown;
  readonly restore?: (state: unknown) => void;
  /** What a `throw` does: leave (the default), or go round when a catch that retries everything is around. */
  readonly throwIs?: Outcome;
}

export type SimulatedOutcome = Outcome | typeof UNREADABLE;

/**
 * How the statements end under the scenario. Where a test does not depend on the scenario, the branch that
 * keeps retrying wins (round over fall over exit): a bound or a condition must hold on every path to count.
 */
export function simulate(
  context: AnyRuleContext,
  statements: readonly TSESTree.Statement[],
  scenario: Scenario,
  hooks: SimulationHooks = {},
): SimulatedOutcome {
  for (const statement of statements) {
    const outcome = simulateStatement(context, statement, scenario, hooks);
    if (outcome !== 'fall') return outcome;
  }
  return 'fall';
}

function simulateStatement(context: AnyRuleContext, statement: TSESTree.Statement, scenario: Scenario, hooks: SimulationHooks): SimulatedOutcome {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return hooks.throwIs ?? 'exit';
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
      return 'exit';
    case AST_NODE_TYPES.ContinueStatement:
      return 'round';
    case AST_NODE_TYPES.BlockStatement:
      return simulate(context, statement.body, scenario, hooks);
    case AST_NODE_TYPES.IfStatement:
      return simulateIf(context, statement, scenario, hooks);
    case AST_NODE_TYPES.TryStatement:
      return simulate(context, statement.block.body, scenario, hooks);
    case AST_NODE_TYPES.ExpressionStatement:
      if (isProcessExit(statement.expression)) return 'exit';
      hooks.applyEffects?.(statement);
      return 'fall';
    default:
      hooks.applyEffects?.(statement);
      return 'fall';
  }
}

function simulateIf(context: AnyRuleContext, statement: TSESTree.IfStatement, scenario: Scenario, hooks: SimulationHooks): SimulatedOutcome {
  const test = evaluateTest(context, statement.test, scenario);
  const runBranch = (branch: TSESTree.Statement | null | undefined): SimulatedOutcome => (branch ? simulateStatement(context, branch, scenario, hooks) : 'fall');
  if (test === true) return runBranch(statement.consequent);
  if (test === false) return runBranch(statement.alternate);
  const before = hooks.snapshot?.();
  const consequent = runBranch(statement.consequent);
  const afterConsequent = hooks.snapshot?.();
  hooks.restore?.(before);
  const alternate = runBranch(statement.alternate);
  if (consequent === alternate) return consequent;
  if (test === UNREADABLE || consequent === UNREADABLE || alternate === UNREADABLE) return UNREADABLE;
  const preferred = rank(consequent) >= rank(alternate) ? consequent : alternate;
  if (preferred === consequent && test === FREE) hooks.restore?.(afterConsequent);
  return preferred;
}

function rank(outcome: Outcome): number {
  return outcome === 'round' ? 2 : outcome === 'fall' ? 1 : 0;
}

function isProcessExit(expression: TSESTree.Expression): boolean {
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object.type === AST_NODE_TYPES.Identifier &&
    expression.callee.object.name === 'process' &&
    expression.callee.property.type === AST_NODE_TYPES.Identifier &&
    expression.callee.property.name === 'exit'
  );
}

/**
 * Visits `root` and everything below it, in source order, except nested functions and classes; a nested
 * function is entered when `enterFunction` accepts it (a Promise executor, a callback that retries).
 */
export function walkSameFunction(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, enterFunction?: (fn: TSESTree.Node) => boolean): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isFunctionOrClass(node) && !(enterFunction?.(node) ?? false)) continue;
    visit(node);
    const children: TSESTree.Node[] = [];
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments' || key === 'typeParameters') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    children.sort((left, right) => right.range[0] - left.range[0]);
    stack.push(...children);
  }
}

function isFunctionOrClass(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.ClassDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression
  );
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether `inner` lies within `outer` (or is it). */
export function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
