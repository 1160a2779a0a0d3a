/**
 * What a hand-written retry retries on. Its failure branch is run once for every registered HTTP status,
 * as an answer with that status: the statuses that reach another attempt are the ones retried. A catch
 * with no test on the error retries every error; a fetch (which never rejects on an HTTP status) retries
 * only network errors plus the answers its try block throws on. Tests on network error codes
 * (`ECONNRESET`, `ETIMEDOUT`, …) retry no answer at all; a test through a helper this file does not show
 * (`isRetryable(err)` imported) cannot be read. A retry that any other error leaves and a unique-violation
 * or compare-and-set conflict sends round is a conflict retry.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isNonRetryableClientError } from '../../../knowledge/http/http-status.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import type { RetryCondition } from '../model.js';
import { createErrorKindScenario, type ErrorKind } from './conflict-scenario.js';
import { isWithin, simulate, walkSameFunction } from './control-flow.js';
import { dependsOn, UNREADABLE, type Scenario } from './evaluate-test.js';
import { getLoopStatements, type CallRetry, type HandWrittenRetry, type RetryLoop } from './hand-written-retry.js';
import { evaluatePath, getPathItems } from './path-to-call.js';
import { simulateAnswer } from './find-retry-loop.js';
import { createStatusScenario, HTTP_STATUSES } from './status-scenario.js';

/** The statuses retried, or undefined when the branch cannot be read for one of them. */
type Retried = readonly number[] | undefined;

const UNKNOWN: RetryCondition = { kind: 'unknown' };
const CONFLICT: RetryCondition = { kind: 'conflict' };

/** `rejectsOnStatus`: whether the retried call rejects on an HTTP error answer (false for fetch). */
export function readCondition(context: AnyRuleContext, retry: HandWrittenRetry, rejectsOnStatus: boolean): RetryCondition {
  return retry.form === 'loop' ? readLoopCondition(context, retry, rejectsOnStatus) : readRecursiveCondition(context, retry, rejectsOnStatus);
}

function readLoopCondition(context: AnyRuleContext, retry: RetryLoop, rejectsOnStatus: boolean): RetryCondition {
  const statements = getLoopStatements(retry.loop);
  if (retry.failure.kind === 'answer') {
    const { variable, statement } = retry.failure;
    const after = statements.slice(statements.indexOf(statement) + 1);
    const retried = collectRetried((status) => {
      const outcome = simulateAnswer(context, retry.loop, after, status, variable);
      return outcome === UNREADABLE ? undefined : outcome === 'round';
    });
    return classify(retried, after.some(readsOk) || readsOk(retry.loop), findFirstTest(after) ?? retry.loop);
  }
  const { tryStatement } = retry.failure;
  const handler = tryStatement.handler;
  const names = getNames(handler.param);
  const after = statements.slice(statements.indexOf(tryStatement) + 1);
  const goesRound = (kind: ErrorKind): boolean | undefined => {
    const scenario = createErrorKindScenario(kind, names);
    let outcome = simulate(context, handler.body.body, scenario);
    if (outcome === 'fall') outcome = simulate(context, after, scenario);
    return outcome === UNREADABLE ? undefined : outcome !== 'exit';
  };
  if (isConflictOnly(goesRound)) return CONFLICT;
  const consulted = [...handler.body.body, ...after].some((statement) => mentionsFailure(statement, names));
  if (!consulted) return readBareCatch(context, handler, tryStatement.block, retry.operation, rejectsOnStatus);
  const retried = collectRetried((status) => {
    const scenario = createStatusScenario(status, names);
    let outcome = simulate(context, handler.body.body, scenario);
    if (outcome === 'fall') outcome = simulate(context, after, scenario);
    return outcome === UNREADABLE ? undefined : outcome !== 'exit';
  });
  return classify(retried, readsOk(handler.body), handler);
}

function readRecursiveCondition(context: AnyRuleContext, retry: CallRetry, rejectsOnStatus: boolean): RetryCondition {
  const items = getPathItems(retry.call, retry.function);
  const goesRound = (kind: ErrorKind): boolean | undefined => {
    const taken = evaluatePath(context, items, createErrorKindScenario(kind, retry.failureNames));
    return taken === UNREADABLE ? undefined : taken !== false;
  };
  if (retry.form === 'recursion' && isConflictOnly(goesRound)) return CONFLICT;
  const consulted = items.some((item) => item.kind === 'test' && dependsOn(context, item.test, createStatusScenario(200, retry.failureNames)));
  const failure = retry.failure;
  if (!consulted) {
    if (failure.type === AST_NODE_TYPES.CatchClause) return readBareCatch(context, failure, failure.parent.block, retry.operation, rejectsOnStatus);
    if (failure.type === AST_NODE_TYPES.IfStatement || failure.type === AST_NODE_TYPES.ConditionalExpression) return { kind: 'every-error', node: failure };
    return rejectsOnStatus ? { kind: 'every-error', node: failure } : { kind: 'transient-only' };
  }
  const retried = collectRetried((status) => {
    const taken = evaluatePath(context, items, createStatusScenario(status, retry.failureNames));
    return taken === UNREADABLE ? undefined : taken !== false;
  });
  const node = failure.type === AST_NODE_TYPES.IfStatement || failure.type === AST_NODE_TYPES.ConditionalExpression ? failure.test : failure;
  return classify(retried, items.some((item) => item.kind === 'test' && readsOk(item.test)), node);
}

/**
 * A catch that does not look at the error. With a client that rejects on error answers, every error is
 * retried. With fetch, only network errors reach the catch, plus the answers the try block throws on.
 */
function readBareCatch(
  context: AnyRuleContext,
  handler: TSESTree.CatchClause,
  block: TSESTree.BlockStatement,
  operation: TSESTree.CallExpression | undefined,
  rejectsOnStatus: boolean,
): RetryCondition {
  if (rejectsOnStatus || !operation) return { kind: 'every-error', node: handler };
  const index = block.body.findIndex((statement) => isWithin(operation, statement));
  const rest = block.body.slice(index + 1);
  const retried = collectRetried((status) => {
    const outcome = simulate(context, rest, createStatusScenario(status, new Set()), { throwIs: 'round' });
    return outcome === UNREADABLE ? undefined : outcome === 'round';
  });
  if (retried === undefined) return UNKNOWN;
  if (retried.length === 0) return { kind: 'transient-only' };
  return classify(retried, rest.some(readsOk), findFirstTest(rest) ?? handler);
}

/** Any other error leaves, and a conflict goes round: `if (!(err instanceof UniqueViolation)) throw err`. */
function isConflictOnly(goesRound: (kind: ErrorKind) => boolean | undefined): boolean {
  return goesRound('other') === false && goesRound('conflict') === true;
}

function collectRetried(isRetried: (status: number) => boolean | undefined): Retried {
  const retried: number[] = [];
  for (const status of HTTP_STATUSES) {
    const result = isRetried(status);
    if (result === undefined) return undefined;
    if (result) retried.push(status);
  }
  return retried;
}

/**
 * 4xx other than 408/425/429 among the retried answers make it a client-error retry; a test true for every
 * answer (`if (err)`) or on `!res.ok` retries every error.
 */
function classify(retried: Retried, readsOkFlag: boolean, node: TSESTree.Node): RetryCondition {
  if (retried === undefined) return UNKNOWN;
  if (retried.length === HTTP_STATUSES.length) return { kind: 'every-error', node };
  const clientErrors = retried.filter(isNonRetryableClientError);
  if (clientErrors.length === 0) return { kind: 'transient-only' };
  if (readsOkFlag) return { kind: 'every-error', node };
  return { kind: 'client-errors', node, statuses: clientErrors };
}

function mentionsFailure(statement: TSESTree.Statement, names: ReadonlySet<string>): boolean {
  const scenario: Scenario = createStatusScenario(200, names);
  let found = false;
  walkSameFunction(statement, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) found = scenario.isRelevant(node.test);
  });
  return found;
}

function readsOk(node: TSESTree.Node): boolean {
  let found = false;
  walkSameFunction(node, (current) => {
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier && current.property.name === 'ok') found = true;
  });
  return found;
}

function findFirstTest(statements: readonly TSESTree.Statement[]): TSESTree.Node | undefined {
  for (const statement of statements) {
    let test: TSESTree.Node | undefined;
    walkSameFunction(statement, (node) => {
      if (!test && node.type === AST_NODE_TYPES.IfStatement) test = node.test;
    });
    if (test) return test;
  }
  return undefined;
}

function getNames(pattern: TSESTree.Node | null): ReadonlySet<string> {
  const names = new Set<string>();
  if (pattern) walkSameFunction(pattern, (node) => node.type === AST_NODE_TYPES.Identifier && names.add(node.name));
  return names;
}
