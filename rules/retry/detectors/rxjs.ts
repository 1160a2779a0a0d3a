/**
 * rxjs: the `retry` operator (`retry()`, `retry(n)`, `retry({ count, delay })`) and `retryWhen(notifier)`,
 * from `rxjs` or `rxjs/operators`. `retry()` with no count resubscribes forever, at once.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { rxjs, rxjsRetryWhen, rxjsSources } from '../../../knowledge/retry/rxjs.js';
import { CALL, ESM, type TraceMapElement, tracePackages } from '../../ast/library-references.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryBackoff, RetryBound, RetryCondition, RetryPolicy } from '../model.js';
import { classifyDelay, constantDelay } from './delay.js';
import { findOption, getArgument, getBound, isArgumentHidden, readNumber, type Detection, type OptionValue, type RetryLibraryDetector, type RetryReference } from './detection.js';

const LIBRARY = 'rxjs';
const operators: TraceMapElement<{ library: 'rxjs'; name: string }> = {
  [ESM]: true,
  [rxjs.exportName]: { [CALL]: { library: LIBRARY, name: rxjs.exportName } },
  [rxjsRetryWhen.exportName]: { [CALL]: { library: LIBRARY, name: rxjsRetryWhen.exportName } },
};

/** Notifier operators that neither stop nor filter the retries. */
const PASS_THROUGH_OPERATORS = new Set(['delay', 'delayWhen', 'tap']);
/** Notifier operators that may stop or filter the retries (a `tap` that throws, a `scan` that counts) but never wait. */
const NON_WAITING_OPERATORS = new Set(['tap', 'map', 'filter', 'scan', 'takeWhile', 'skip', 'first']);

export const rxjsDetector: RetryLibraryDetector = {
  library: LIBRARY,
  modules: tracePackages<RetryReference>(rxjs.packages, operators),
  detect(references, detection) {
    for (const reference of references) {
      const call = reference.node as TSESTree.CallExpression;
      const policy = reference.info.name === rxjs.exportName ? describeRetry(detection, call) : describeRetryWhen(detection, call);
      if (policy) detection.onPolicy(policy);
    }
  },
};

function describeRetry(detection: Detection, call: TSESTree.CallExpression): RetryPolicy | undefined {
  if (isArgumentHidden(call, 0)) return policy(call, { kind: 'unknown' }, { kind: 'unknown', jitter: 'unknown', reason: 'retry' });
  const argument = getArgument(call, 0);
  const immediate: RetryBackoff = { kind: 'none', jitter: false, reason: 'rxjs retry without a delay, resubscribing at once' };
  const everyError: RetryCondition = { kind: 'every-error', node: call };
  if (!argument) return policy(call, { kind: 'unbounded', reason: '`retry()` with no count retries forever' }, immediate, everyError);
  const value = getStaticValueOf(detection.context, argument)?.value;
  if (typeof value === 'number' || isNullish(argument)) {
    const count: OptionValue<number> = typeof value === 'number' ? { kind: 'value', value } : { kind: 'absent' };
    if (count.kind === 'value' && count.value <= 0) return undefined;
    return policy(call, getRetryBound(count), immediate, everyError);
  }
  const sources = [{ node: argument }];
  const count = readNumber(findOption(detection.context, sources, 'count'));
  if (count.kind === 'value' && count.value <= 0) return undefined;
  const delay = findOption(detection.context, sources, 'delay');
  const backoff: RetryBackoff =
    delay.kind === 'absent'
      ? immediate
      : delay.kind === 'unknown'
        ? { kind: 'unknown', jitter: 'unknown', reason: 'delay' }
        : classifyDelay(detection, delay.node, delay.node ? undefined : delay.value?.value, 'retry delay');
  // A delay function can stop the retries for some errors (by throwing, or returning `throwError` or EMPTY):
  // every error is retried only when it waits on a timer whatever the error.
  const delayFunction = delay.kind === 'found' && delay.node ? resolveFunction(detection.context, delay.node) : undefined;
  const condition: RetryCondition = delay.kind === 'unknown' || (delayFunction && !onlyWaits(delayFunction)) ? { kind: 'unknown' } : everyError;
  return policy(call, getRetryBound(count), backoff, condition);
}

/** `(error, attempt) => timer(…)`: a delay function that returns a timer, whatever the error. */
function onlyWaits(fn: FunctionNode): boolean {
  const returned = getReturnedExpression(fn.body);
  const expression = returned && unwrapExpression(returned);
  return expression?.type === AST_NODE_TYPES.CallExpression && (rxjsSources.timers as readonly string[]).includes(getOperatorName(expression) ?? '');
}

function getRetryBound(count: OptionValue<number>): RetryBound {
  const bound = getBound(count, { option: 'count', defaultLimit: rxjs.limit.default, library: LIBRARY, timeBudget: false });
  if (bound.kind !== 'unbounded') return bound;
  return { kind: 'unbounded', reason: count.kind === 'value' ? 'count: Infinity' : 'retry with no count retries forever' };
}

/**
 * `retryWhen(errors => errors.pipe(delay(1000)))`: unbounded unless the notifier completes (`take`) or
 * errors (an operator that can throw makes the bound unknown). A `delay` operator gives the backoff,
 * whatever else the notifier does.
 */
function describeRetryWhen(detection: Detection, call: TSESTree.CallExpression): RetryPolicy {
  const unknownBackoff: RetryBackoff = { kind: 'unknown', jitter: 'unknown', reason: 'retryWhen notifier' };
  const notifier = resolveFunction(detection.context, getArgument(call, 0));
  const errors = notifier?.params[0];
  const returned = notifier && errors?.type === AST_NODE_TYPES.Identifier ? getReturnedExpression(notifier.body) : undefined;
  const operatorCalls = returned && errors?.type === AST_NODE_TYPES.Identifier ? getPipedOperators(returned, errors.name) : undefined;
  if (!operatorCalls) return policy(call, { kind: 'unknown' }, unknownBackoff);
  let backoff: RetryBackoff | undefined;
  let bound: RetryBound = { kind: 'unbounded', reason: 'retryWhen notifier that never completes or errors' };
  let opaque = false;
  let mayWait = false;
  for (const operator of operatorCalls) {
    const name = getOperatorName(operator);
    const argument = getArgument(operator, 0);
    if (name === 'take') {
      const count = argument ? getStaticValueOf(detection.context, argument)?.value : undefined;
      if (bound.kind !== 'attempts') bound = typeof count === 'number' ? { kind: 'attempts', retries: count } : { kind: 'unknown' };
    } else if (name === 'delay') {
      // rxjs `delay` takes milliseconds or a Date: the same wait before every retry, whatever the value.
      const milliseconds = argument ? getStaticValueOf(detection.context, argument)?.value : undefined;
      backoff = typeof milliseconds === 'number' ? constantDelay(milliseconds, 'retryWhen delay') : { kind: 'constant', jitter: false, reason: 'retryWhen delay, the same wait before every retry' };
    } else if (name === 'delayWhen') {
      backoff = classifyDelay(detection, argument, undefined, 'retryWhen delayWhen');
    } else if (!name || !PASS_THROUGH_OPERATORS.has(name) || (argument && containsThrow(detection, argument))) {
      opaque = true;
      // `tap((err) => { if (!isDeadlock(err)) throw err })` filters which errors are retried; it does not wait.
      if (!name || !NON_WAITING_OPERATORS.has(name)) mayWait = true;
    }
  }
  if (opaque && bound.kind === 'unbounded') bound = { kind: 'unknown' };
  backoff ??= mayWait ? unknownBackoff : { kind: 'none', jitter: false, reason: 'retryWhen notifier without a delay' };
  // An operator that may throw can stop the retries for some errors: which ones are retried is not visible.
  return policy(call, bound, backoff, opaque ? { kind: 'unknown' } : { kind: 'every-error', node: call });
}

function policy(call: TSESTree.CallExpression, bound: RetryBound, backoff: RetryBackoff, condition: RetryCondition = { kind: 'default' }): RetryPolicy {
  const operation = findResubscribedSource(call);
  return { library: LIBRARY, node: call, bound, backoff, condition, methods: { kind: 'all' }, ...(operation ? { operation } : {}) };
}

/**
 * What a retry in `source.pipe(…, retry(…))` runs again: the source, subscribed to anew. None when the source
 * replays a value made once (`from(promise)` re-reads a settled promise, so no request is sent again), or
 * when the retry is not written in a `pipe` call.
 */
function findResubscribedSource(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const pipe = call.parent;
  if (pipe?.type !== AST_NODE_TYPES.CallExpression || !pipe.arguments.includes(call)) return undefined;
  const callee = unwrapExpression(pipe.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'pipe') return undefined;
  const source = unwrapExpression(callee.object);
  if (source.type === AST_NODE_TYPES.CallExpression && (rxjsSources.replaySettled as readonly string[]).includes(getOperatorName(source) ?? '')) return undefined;
  return source;
}

function getReturnedExpression(body: TSESTree.Node): TSESTree.Node | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const [only] = body.body;
  return body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
}

/** The operator calls of `errors.pipe(a(), b())`, or none for `errors` itself; undefined for anything else. */
function getPipedOperators(node: TSESTree.Node, errors: string): TSESTree.CallExpression[] | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === errors ? [] : undefined;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = expression.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'pipe') {
    return undefined;
  }
  const inner = getPipedOperators(callee.object, errors);
  if (!inner) return undefined;
  const operatorCalls: TSESTree.CallExpression[] = [];
  for (const argument of expression.arguments) {
    if (argument.type !== AST_NODE_TYPES.CallExpression) return undefined;
    operatorCalls.push(argument);
  }
  return [...inner, ...operatorCalls];
}

function getOperatorName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'undefined';
  return expression.type === AST_NODE_TYPES.Literal && expression.value === null;
}

function containsThrow(detection: Detection, node: TSESTree.Node): boolean {
  let found = false;
  walkDescendants(detection.context, node, (current) => {
    if (current.type === AST_NODE_TYPES.ThrowStatement) found = true;
    return !found;
  });
  return found;
}
