/**
 * The wait between attempts of a hand-written retry: every sleep on the way round (in the loop body, or in
 * the function and the callbacks that lead to its call to itself), each delay classified, the strongest
 * shape kept (exponential over linear over custom over unknown over constant). A loop whose only wait is
 * inside its try block retries a thrown error at once, and has no backoff on that path.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { toCodeSpan } from '../../ast/code-span.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import type { BackoffKind, RetryBackoff } from '../model.js';
import { classifyDelay, type DelayFrame, type DelayShape } from './classify-delay.js';
import { isWithin, walkSameFunction } from './control-flow.js';
import { readScheduledDelay, type Sleep, type SleepFinder } from './find-sleeps.js';
import { isFailedConfig } from './find-interceptor-retry.js';
import type { CallRetry, HandWrittenRetry, InterceptorRetry } from './hand-written-retry.js';
import { isFunctionNode } from './local-functions.js';

const PRIORITY: readonly BackoffKind[] = ['none', 'constant', 'unknown', 'custom', 'linear', 'exponential'];
const MAX_REASON = 80;

export function readBackoff(context: AnyRuleContext, retry: HandWrittenRetry, finder: SleepFinder): RetryBackoff {
  const sleeps = retry.form === 'loop' ? finder.findSleeps(retry.loop.body) : findRecursionSleeps(retry, finder);
  if (sleeps.length === 0) return { kind: 'none', jitter: false, reason: 'no wait between attempts' };
  // A wait only inside the try block (after a bad answer) leaves the catch path going round at once.
  if (retry.form === 'loop' && retry.failure.kind === 'catch') {
    const block = retry.failure.tryStatement.block;
    if (sleeps.every((sleep) => isWithin(sleep.call, block))) return { kind: 'none', jitter: false, reason: 'no wait after an attempt that throws' };
  }
  const frame: DelayFrame =
    retry.form === 'loop'
      ? { node: retry.loop, isStepped: isSteppedWithin(context, retry.loop) }
      : retry.form === 'interceptor'
        ? { node: retry.function, isStepped: (member) => isConfigCounter(retry, member) }
        : { node: retry.function, function: retry.function, recursiveCall: retry.call, isStepped: isSteppedWithin(context, retry.function) };
  const shapes = sleeps.map((sleep) => classifySleep(context, sleep, frame));
  const kind = shapes.reduce<BackoffKind>((strongest, shape) => (PRIORITY.indexOf(shape.kind) > PRIORITY.indexOf(strongest) ? shape.kind : strongest), 'none');
  const jitter = shapes.some((shape) => shape.jitter === true) ? true : shapes.some((shape) => shape.jitter === 'unknown') ? 'unknown' : false;
  return { kind, jitter, reason: describeSleep(context, sleeps[0]!.call) };
}

function classifySleep(context: AnyRuleContext, sleep: Sleep, frame: DelayFrame): DelayShape {
  if (sleep.delay === 'zero') return { kind: 'none', jitter: false };
  if (sleep.delay === undefined) return { kind: 'unknown', jitter: 'unknown' };
  return classifyDelay(context, sleep.delay, sleep.bindings, frame);
}

/** Sleeps in the function and in the callbacks that lead to the call, and a `setTimeout` that schedules it. */
function findRecursionSleeps(retry: CallRetry, finder: SleepFinder): Sleep[] {
  const sleeps = finder.findSleeps(retry.function.body, (fn) => isWithin(retry.call, fn));
  const scheduled = readScheduledDelay(retry.call) ?? findSchedulingTimer(retry);
  return scheduled ? [...sleeps, scheduled] : sleeps;
}

/**
 * `setTimeout(() => retry(…), ms)`: the timer whose callback holds the call, also when the call sits in a
 * callback within it (`setTimeout(() => run(job).catch(() => schedule(job, delay * 2)), delay)`: each run
 * of the function delays its attempt by the timer).
 */
function findSchedulingTimer(retry: CallRetry): Sleep | undefined {
  for (let node: TSESTree.Node | undefined = retry.call.parent; node && node !== retry.function; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    const parent: TSESTree.Node | undefined = node.parent;
    const timer = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node ? readScheduledDelay(parent) : undefined;
    if (timer) return timer;
  }
  return undefined;
}

/** `this.resets++`, `state.attempts += 1` in the loop or the function: a counter kept on an object. */
function isSteppedWithin(context: AnyRuleContext, root: TSESTree.Node): (member: TSESTree.MemberExpression) => boolean {
  const stepped = new Set<string>();
  walkSameFunction(root, (node) => {
    const target = node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : node.type === AST_NODE_TYPES.AssignmentExpression && (node.operator === '+=' || node.operator === '-=') ? node.left : undefined;
    if (target?.type === AST_NODE_TYPES.MemberExpression) stepped.add(context.sourceCode.getText(target));
  });
  return (member) => stepped.size > 0 && stepped.has(context.sourceCode.getText(member));
}

/** `config.__retryCount`: a counter the interceptor steps on the failed request's config, one more each attempt. */
function isConfigCounter(retry: InterceptorRetry, member: TSESTree.MemberExpression): boolean {
  if (member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return false;
  return retry.configMarks.get(member.property.name) === 'counter' && isFailedConfig(member.object, retry.failureNames, retry.configNames);
}

/** The wait as written, for messages: `sleep(1000)`, `setTimeout(resolve, 2 ** attempt * 100)`. */
function describeSleep(context: AnyRuleContext, call: TSESTree.CallExpression): string {
  const [callback, delay] = call.arguments;
  // `setTimeout(() => { … }, delayMs)` → `setTimeout(…, delayMs)`: the callback says nothing about the wait.
  const text = (callback && delay && isFunctionNode(callback) ? `${context.sourceCode.getText(call.callee)}(…, ${context.sourceCode.getText(delay)})` : context.sourceCode.getText(call)).replace(/\s+/g, ' ');
  return toCodeSpan(text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text);
}
