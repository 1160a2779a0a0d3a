/**
 * What stops a hand-written retry. An attempt counter compared against a limit is run forward, the way the
 * code runs it, until the retry gives up: that gives the number of retries when the limit and the start are
 * constants. A deadline, a clock or an abort signal is a time budget. A counter or a stopping test that
 * cannot be read leaves the bound unknown. Only a retry that nothing can stop is unbounded.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { RetryBound } from '../model.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getNumberValue, getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { getOutcomes, isWithin, simulate, walkSameFunction, type SimulatedOutcome, type SimulationHooks } from './control-flow.js';
import { CounterScenario, type Variable } from './counter-scenario.js';
import { dependsOn, evaluateTest, mentions, UNREADABLE } from './evaluate-test.js';
import { isFailedConfig } from './find-interceptor-retry.js';
import { getLoopStatements, type InterceptorRetry, type RecursiveRetry, type RetryLoop } from './hand-written-retry.js';
import { evaluatePath, getPathItems } from './path-to-call.js';
import { createStatusScenario } from './status-scenario.js';
import { checksAbortSignal, isTimeBudgetTest } from './time-budget.js';

interface Counter {
  readonly variable: Variable;
  /** Its value at the first attempt, when it is a constant. */
  readonly start: number | undefined;
  /** For a parameter passed on to the next call: how much it changes each time. */
  readonly step: number;
}

/** Past this many attempts a counter is taken for unreadable rather than counted further. */
const LIMIT = 10_000;
const UNKNOWN: RetryBound = { kind: 'unknown' };

export function readLoopBound(context: AnyRuleContext, retry: RetryLoop): RetryBound {
  const loop = retry.loop;
  const stops = findStoppingTests(retry);
  const counters = findLoopCounters(context, loop).filter((counter) => stops.some((test) => mentionsVariable(test, counter.variable)));
  for (const counter of counters) {
    const attempts = countLoopAttempts(context, retry, [counter]);
    if (attempts !== undefined) return { kind: 'attempts', retries: Math.max(0, attempts - 1) };
  }
  // Per-branch counters (`if (resets < MAX_RESETS) resets++; else if (serverErrors < MAX_5XX) …; else throw`) bound it together.
  const together = counters.length > 1 ? countLoopAttempts(context, retry, counters) : undefined;
  if (together !== undefined) return { kind: 'attempts', retries: Math.max(0, together - 1) };
  const failureNames = getFailureNames(retry);
  if (stops.some((test) => isTimeBudgetTest(test, failureNames)) || checksAbortSignal(loop.body)) return { kind: 'time-budget' };
  if (counters.length > 0 || mentionsSteppedMember(context, loop, stops)) return UNKNOWN;
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return readListBound(context, loop.right);
  if (stops.some((test) => !isKnownNonBound(context, retry, test))) return UNKNOWN;
  return { kind: 'unbounded', reason: `${describeLoop(loop)} with no attempt limit` };
}

export function readRecursiveBound(context: AnyRuleContext, retry: RecursiveRetry): RetryBound {
  const items = getPathItems(retry.call, retry.function);
  const tests = items.flatMap((item) => (item.kind === 'test' ? [item.test] : []));
  const counters = findRecursionCounters(context, retry).filter((counter) => tests.some((test) => mentionsVariable(test, counter.variable)));
  for (const counter of counters) {
    if (counter.start === undefined) continue;
    const scenario = new CounterScenario(context, [{ variable: counter.variable, start: counter.start }]);
    for (let retries = 0; retries < LIMIT; retries += 1) {
      const taken = evaluatePath(context, items, scenario, (statement) => scenario.applyEffects(statement));
      if (taken === false) return { kind: 'attempts', retries };
      if (taken === UNREADABLE) break;
      scenario.value += counter.step;
    }
  }
  if (tests.some((test) => isTimeBudgetTest(test, retry.failureNames)) || checksAbortSignal(retry.function.body)) return { kind: 'time-budget' };
  if (counters.length > 0 || mentionsSteppedMember(context, retry.function.body, tests)) return UNKNOWN;
  const failure = createStatusScenario(200, retry.failureNames);
  if (tests.some((test) => !failure.isRelevant(test) && getStaticValueOf(context, test) === undefined)) return UNKNOWN;
  return { kind: 'unbounded', reason: 'recursive retry with no attempt limit' };
}

/**
 * An interceptor keeps its count on the failed request's config (`config.__retryCount`, a `_retry` flag
 * set before the one re-send) or in a variable it steps; a test of either on the way to the re-send bounds
 * it. Tests of the error or of the config's presence do not; any other test cannot be read.
 */
export function readInterceptorBound(context: AnyRuleContext, retry: InterceptorRetry): RetryBound {
  const tests = getPathItems(retry.call, retry.function).flatMap((item) => (item.kind === 'test' ? [item.test] : []));
  const isConfig = (node: TSESTree.Node): boolean => isFailedConfig(node, retry.failureNames, retry.configNames);
  const marks = new Set<'flag' | 'counter'>();
  const stepped = findSteppedOuterVariables(context, retry.function);
  for (const test of tests) {
    mentions(test, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && isConfig(node.object)) {
        const mark = retry.configMarks.get(node.property.name);
        if (mark) marks.add(mark);
      }
      if (node.type === AST_NODE_TYPES.Identifier && stepped.has(node.name)) marks.add('counter');
      return false;
    });
  }
  if (marks.has('counter')) return UNKNOWN;
  if (marks.has('flag')) return { kind: 'attempts', retries: 1 };
  if (tests.some((test) => isTimeBudgetTest(test, retry.failureNames)) || checksAbortSignal(retry.function.body)) return { kind: 'time-budget' };
  const failure = createStatusScenario(200, retry.failureNames);
  const isKnownNonBound = (test: TSESTree.Node): boolean =>
    dependsOn(context, test, failure) || getStaticValueOf(context, test) !== undefined || readsOnly(test, new Set([...retry.failureNames, ...retry.configNames]));
  if (!tests.every(isKnownNonBound)) return UNKNOWN;
  return { kind: 'unbounded', reason: 'response interceptor re-sends the failed request with no attempt limit' };
}

/** Variables declared outside the handler that it steps (`retryCount++`). */
function findSteppedOuterVariables(context: AnyRuleContext, fn: InterceptorRetry['function']): ReadonlySet<string> {
  const names = new Set<string>();
  walkSameFunction(
    fn.body,
    (node) => {
      const target = getSteppedIdentifier(node);
      const definition = target && ASTUtils.findVariable(context.sourceCode.getScope(target), target)?.defs[0];
      if (target && definition && !isWithin(definition.name, fn)) names.add(target.name);
    },
    () => true,
  );
  return names;
}

/** A test that reads nothing but these variables and their properties (`!config`, `!config.retry`). */
function readsOnly(test: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let other = false;
  walkSameFunction(test, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || names.has(node.name) || node.name === 'undefined') return;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
    other = true;
  });
  return !other;
}

/**
 * The loop test and the tests of branches that leave the loop or go round again, outside the attempt's try
 * block: `if (retries < MAX) { retries++; continue }` decides whether the throw after it is reached.
 */
function findStoppingTests(retry: RetryLoop): TSESTree.Node[] {
  const loop = retry.loop;
  const tests: TSESTree.Node[] = [];
  if (loop.type !== AST_NODE_TYPES.ForOfStatement && loop.test) tests.push(loop.test);
  const tryBlock = retry.failure.kind === 'catch' ? retry.failure.tryStatement.block : undefined;
  walkSameFunction(loop.body, (node) => {
    if (node.type !== AST_NODE_TYPES.IfStatement || (tryBlock && isWithin(node, tryBlock))) return;
    const outcomes = getOutcomes([node]);
    if (outcomes.has('exit') || outcomes.has('round')) tests.push(node.test);
  });
  return tests;
}

/**
 * A counter kept on an object (`this.retries++`, `state.attempts += 1`) that a stopping test reads: a
 * bound, whose size depends on where the object's count starts.
 */
function mentionsSteppedMember(context: AnyRuleContext, root: TSESTree.Node, tests: readonly TSESTree.Node[]): boolean {
  const stepped = new Set<string>();
  walkSameFunction(root, (node) => {
    const target = node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : node.type === AST_NODE_TYPES.AssignmentExpression && node.operator !== '=' ? node.left : undefined;
    if (target?.type === AST_NODE_TYPES.MemberExpression) stepped.add(context.sourceCode.getText(target));
  });
  if (stepped.size === 0) return false;
  return tests.some((test) => mentions(test, (node) => node.type === AST_NODE_TYPES.MemberExpression && stepped.has(context.sourceCode.getText(node))));
}

/** The names that hold the failure in a loop: the caught error, or the answer checked. */
function getFailureNames(retry: RetryLoop): ReadonlySet<string> {
  return retry.failure.kind === 'catch' ? getNames(retry.failure.tryStatement.handler.param) : new Set([retry.failure.variable]);
}

/** A test that does not bound the retry: a constant, the failure itself (a condition), a success flag. */
function isKnownNonBound(context: AnyRuleContext, retry: RetryLoop, test: TSESTree.Node): boolean {
  if (getStaticValueOf(context, test) !== undefined) return true;
  if (createStatusScenario(200, getFailureNames(retry)).isRelevant(test)) return true;
  const assigned = new Set<string>();
  walkSameFunction(retry.loop.body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) assigned.add(context.sourceCode.getText(node.left));
  });
  const text = context.sourceCode.getText(test);
  return [...assigned].some((target) => text.includes(target));
}

/** Variables updated by a step on each pass: `attempt++`, `retries -= 1`, `attempt = attempt + 1`. */
function findLoopCounters(context: AnyRuleContext, loop: RetryLoop['loop']): Counter[] {
  const counters = new Map<Variable, Counter>();
  walkSameFunction(loop, (node) => {
    const target = getSteppedIdentifier(node);
    if (!target) return;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(target), target);
    const definition = variable?.defs[0];
    if (!variable || !definition || counters.has(variable) || isWithin(definition.name, loop.body)) return;
    counters.set(variable, { variable, start: getInitialValue(context, definition.node as TSESTree.Node, variable.name), step: 0 });
  });
  return [...counters.values()];
}

function getSteppedIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier) return node.argument;
  if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (node.operator === '+=' || node.operator === '-=') return node.left;
  const name = node.left.name;
  const right = unwrapExpression(node.right);
  if (node.operator === '=' && right.type === AST_NODE_TYPES.BinaryExpression && (right.operator === '+' || right.operator === '-')) {
    const sides = [right.left, right.right].map((side) => unwrapExpression(side));
    if (sides.some((side) => side.type === AST_NODE_TYPES.Identifier && side.name === name)) return node.left;
  }
  return undefined;
}

/** `let attempt = 0`, `for (let i = 1; …)`, a parameter `retries = 3`. */
function getInitialValue(context: AnyRuleContext, definition: TSESTree.Node, name: string): number | undefined {
  if (definition.type === AST_NODE_TYPES.VariableDeclarator) return definition.init ? getNumberValue(context, definition.init) : undefined;
  if (!('params' in definition)) return undefined;
  for (const param of definition.params as TSESTree.Parameter[]) {
    if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier && param.left.name === name) {
      return getNumberValue(context, param.right);
    }
  }
  return undefined;
}

/** Runs the passes forward until the loop gives up; undefined when a test cannot be read. */
function countLoopAttempts(context: AnyRuleContext, retry: RetryLoop, counters: readonly Counter[]): number | undefined {
  const started = counters.flatMap((counter) => (counter.start === undefined ? [] : [{ variable: counter.variable, start: counter.start }]));
  if (started.length !== counters.length) return undefined;
  const loop = retry.loop;
  const scenario = new CounterScenario(context, started);
  const hooks: SimulationHooks = {
    applyEffects: (statement) => scenario.applyEffects(statement),
    snapshot: () => scenario.snapshot(),
    restore: (state) => scenario.restore(state),
  };
  const test = loop.type === AST_NODE_TYPES.ForOfStatement ? null : loop.test;
  const testPasses = (): boolean | undefined => {
    if (!test) return true;
    const truth = evaluateTest(context, test, scenario);
    return truth === UNREADABLE ? undefined : truth !== false;
  };
  for (let attempt = 1; attempt <= LIMIT; attempt += 1) {
    if (loop.type !== AST_NODE_TYPES.DoWhileStatement) {
      const passes = testPasses();
      if (passes === undefined) return undefined;
      if (!passes) return attempt - 1;
    }
    const outcome = simulateFailedPass(context, retry, scenario, hooks);
    if (outcome === UNREADABLE) return undefined;
    if (outcome === 'exit') return attempt;
    if (loop.type === AST_NODE_TYPES.DoWhileStatement) {
      const passes = testPasses();
      if (passes === undefined) return undefined;
      if (!passes) return attempt;
    }
    if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) scenario.applyEffects(loop.update);
  }
  return undefined;
}

/** One pass in which the call fails: the try block runs up to the call, then the catch and what follows. */
function simulateFailedPass(context: AnyRuleContext, retry: RetryLoop, scenario: CounterScenario, hooks: SimulationHooks): SimulatedOutcome {
  for (const statement of getLoopStatements(retry.loop)) {
    if (retry.failure.kind === 'catch' && statement === retry.failure.tryStatement) {
      for (const inner of statement.block.body) {
        if (isWithin(retry.operation, inner)) break;
        scenario.applyEffects(inner);
      }
      const outcome = simulate(context, retry.failure.tryStatement.handler.body.body, scenario, hooks);
      if (outcome !== 'fall') return outcome;
      continue;
    }
    const outcome = simulate(context, [statement], scenario, hooks);
    if (outcome !== 'fall') return outcome;
  }
  return 'fall';
}

/** A parameter passed on changed (`attempt + 1`, `retries - 1`), or an outer variable the function steps. */
function findRecursionCounters(context: AnyRuleContext, retry: RecursiveRetry): Counter[] {
  const fn = retry.function;
  const counters: Counter[] = [];
  const passed = isScheduled(retry.call) ? retry.call.arguments.slice(2) : retry.call.arguments;
  const declared = context.sourceCode.getDeclaredVariables(fn);
  fn.params.forEach((param, index) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const argument = passed[index];
    if (target.type !== AST_NODE_TYPES.Identifier || !argument) return;
    const step = getStep(context, unwrapExpression(argument), target.name);
    const variable = declared.find((candidate) => candidate.name === target.name);
    if (step === undefined || !variable) return;
    const start = param.type === AST_NODE_TYPES.AssignmentPattern ? getNumberValue(context, param.right) : findFirstArgument(context, fn, index);
    counters.push({ variable, start, step });
  });
  walkSameFunction(
    fn.body,
    (node) => {
      const target = getSteppedIdentifier(node);
      const variable = target && ASTUtils.findVariable(context.sourceCode.getScope(target), target);
      const definition = variable?.defs[0];
      if (!variable || !definition || isWithin(definition.name, fn) || counters.some((counter) => counter.variable === variable)) return;
      counters.push({ variable, start: getInitialValue(context, definition.node as TSESTree.Node, variable.name), step: 0 });
    },
    (inner) => isWithin(retry.call, inner),
  );
  return counters;
}

/** `name + 1` → 1, `name - 1` → -1, `++name` → 1; undefined when the argument is not a step of `name`. */
function getStep(context: AnyRuleContext, argument: TSESTree.Node, name: string): number | undefined {
  const isName = (node: TSESTree.Node): boolean => {
    const unwrapped = unwrapExpression(node);
    return unwrapped.type === AST_NODE_TYPES.Identifier && unwrapped.name === name;
  };
  if (argument.type === AST_NODE_TYPES.UpdateExpression && argument.prefix && isName(argument.argument)) return argument.operator === '++' ? 1 : -1;
  if (argument.type !== AST_NODE_TYPES.BinaryExpression || argument.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  if (argument.operator === '+' && isName(argument.left)) return getNumberValue(context, argument.right);
  if (argument.operator === '+' && isName(argument.right)) return getNumberValue(context, argument.left);
  if (argument.operator === '-' && isName(argument.left)) {
    const amount = getNumberValue(context, argument.right);
    return amount === undefined ? undefined : -amount;
  }
  return undefined;
}

/** The constant the first call from outside the function passes for a parameter (`fetchWithRetry(url, 3)`). */
function findFirstArgument(context: AnyRuleContext, fn: RecursiveRetry['function'], index: number): number | undefined {
  const name = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
  if (name?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(fn), name.name);
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (isWithin(reference.identifier as TSESTree.Node, fn) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    const argument = call.arguments[index];
    const value = argument && getNumberValue(context, argument);
    if (value !== undefined) return value;
  }
  return undefined;
}

function isScheduled(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'setTimeout';
}

/** `for (const delay of [100, 200, 400])`, `for (const _ of Array.from({ length: 3 }))`. */
function readListBound(context: AnyRuleContext, iterable: TSESTree.Node): RetryBound {
  const list = getStaticValueOf(context, iterable)?.value;
  if (Array.isArray(list)) return { kind: 'attempts', retries: Math.max(0, list.length - 1) };
  const expression = unwrapExpression(iterable);
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression) {
    const length = getStaticValueOf(context, expression.arguments[0])?.value as { length?: unknown } | undefined;
    if (typeof length?.length === 'number') return { kind: 'attempts', retries: Math.max(0, length.length - 1) };
  }
  return UNKNOWN;
}

function describeLoop(loop: RetryLoop['loop']): string {
  if (loop.type === AST_NODE_TYPES.DoWhileStatement) return 'do … while loop';
  if (loop.type === AST_NODE_TYPES.ForStatement && !loop.test) return '`for (;;)`';
  if (loop.type === AST_NODE_TYPES.WhileStatement && loop.test.type === AST_NODE_TYPES.Literal && loop.test.value) return '`while (true)`';
  return 'loop';
}

function mentionsVariable(node: TSESTree.Node, variable: Variable): boolean {
  const references = new Set<TSESTree.Node>(variable.references.map((reference) => reference.identifier as TSESTree.Node));
  return mentions(node, (found) => references.has(found));
}

function getNames(pattern: TSESTree.Node | null): ReadonlySet<string> {
  const names = new Set<string>();
  if (pattern) walkSameFunction(pattern, (node) => node.type === AST_NODE_TYPES.Identifier && names.add(node.name));
  return names;
}
