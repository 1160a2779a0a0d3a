/**
 * Retries written by hand: loops (`while (true)`, `for (;;)`, `do … while`, counted `for` and `while`
 * loops) whose pass makes a call, leaves on success and goes round again on failure, functions that
 * call themselves from their own failure branch, and axios response interceptors that send the failed
 * request again. Each becomes one RetryPolicy with `library: 'hand-written'`, reported on the loop, on the
 * call to itself or on the `interceptors.response.use(…)` call. docs/hand-written-retries.md lists what is recognised and
 * what is deliberately left out.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { FileIndex } from '../family/file-index.js';
import { findInterceptorRetry, isResponseInterceptor } from './hand-written/find-interceptor-retry.js';
import { SleepFinder } from './hand-written/find-sleeps.js';
import { findRecursiveRetry } from './hand-written/find-recursive-retry.js';
import { findRetryLoop } from './hand-written/find-retry-loop.js';
import type { HandWrittenRetry, RetryLoopNode } from './hand-written/hand-written-retry.js';
import { getFunctionName, getThisMethodName, type FunctionNode } from './hand-written/local-functions.js';
import { readBackoff } from './hand-written/read-backoff.js';
import { readInterceptorBound, readLoopBound, readRecursiveBound } from './hand-written/read-bound.js';
import { readCondition } from './hand-written/read-condition.js';
import { HttpRequests, readRetriedCall, type RetriedCall } from './hand-written/read-methods.js';
import { isUpsertRace } from './hand-written/upsert-race.js';
import type { RetryPolicy } from './model.js';

/** The hand-written retries of the file, found once per file by the retry collector. */
export function findHandWrittenRetries(context: AnyRuleContext, index: FileIndex): RetryPolicy[] {
  const loops = [
    ...index.nodesOfType(AST_NODE_TYPES.WhileStatement),
    ...index.nodesOfType(AST_NODE_TYPES.DoWhileStatement),
    ...index.nodesOfType(AST_NODE_TYPES.ForStatement),
    ...index.nodesOfType(AST_NODE_TYPES.ForOfStatement),
  ].sort((left, right) => left.range[0] - right.range[0]);
  const functions = [
    ...index.nodesOfType(AST_NODE_TYPES.FunctionDeclaration),
    ...index.nodesOfType(AST_NODE_TYPES.FunctionExpression),
    ...index.nodesOfType(AST_NODE_TYPES.ArrowFunctionExpression),
  ];
  return findRetries(context, loops, index.nodesOfType(AST_NODE_TYPES.CallExpression), functions);
}

function findRetries(
  context: AnyRuleContext,
  loops: readonly RetryLoopNode[],
  calls: readonly TSESTree.CallExpression[],
  functions: readonly FunctionNode[],
): RetryPolicy[] {
  const sleeps = new SleepFinder(context);
  const isSleep = (call: TSESTree.CallExpression): boolean => sleeps.isSleep(call);
  const retries: HandWrittenRetry[] = [];
  for (const loop of loops) {
    const retry = findRetryLoop(context, loop, isSleep);
    if (retry) retries.push(retry);
  }
  const requests = new HttpRequests(context);
  const recursive = new Set<TSESTree.Node>();
  // Cheap checks first: an interceptor is written `….interceptors.response.use(…)`, and a function calls
  // itself by a name some function of the file has.
  const mayIntercept = context.sourceCode.text.includes('interceptors');
  const functionNames = new Set<string>();
  for (const fn of functions) {
    const name = getFunctionName(fn)?.name;
    if (name !== undefined) functionNames.add(name);
  }
  for (const call of calls) {
    if (mayIntercept && isResponseInterceptor(call)) {
      const retry = findInterceptorRetry(context, call, requests);
      if (retry) retries.push(retry);
      continue;
    }
    if (!mayCallItself(call) || !functionNames.has(getSelfName(call) ?? '')) continue;
    const retry = findRecursiveRetry(context, call, isSleep);
    if (!retry || recursive.has(retry.function)) continue;
    recursive.add(retry.function);
    retries.push(retry);
  }
  return retries
    .map((retry) => describeRetry(context, retry, sleeps, requests))
    .sort((left, right) => left.node.range[0] - right.node.range[0]);
}

function describeRetry(context: AnyRuleContext, retry: HandWrittenRetry, sleeps: SleepFinder, requests: HttpRequests): RetryPolicy {
  const common = { library: 'hand-written', backoff: readBackoff(context, retry, sleeps) };
  if (retry.form === 'interceptor') {
    // Every request through the client goes through the interceptor, whatever its method; axios rejects on 4xx.
    return {
      ...common,
      node: retry.use,
      bound: readInterceptorBound(context, retry),
      condition: readCondition(context, retry, true),
      methods: { kind: 'all' },
      client: retry.client,
    };
  }
  const retried: RetriedCall = readRetriedCall(context, retry.operation, requests);
  const bound = retry.form === 'loop' ? readLoopBound(context, retry) : readRecursiveBound(context, retry);
  const condition = readCondition(context, retry, retried.rejectsOnStatus);
  return {
    ...common,
    node: retry.form === 'loop' ? retry.loop : retry.call,
    bound,
    condition: isUpsertRace(retry.operation, bound, condition) ? { kind: 'conflict' } : condition,
    methods: retried.methods,
    ...(retry.operation ? { operation: retry.operation } : {}),
  };
}

/** Cheap shape check before resolving anything: `name(…)`, `this.name(…)`, `setTimeout(name, …)`. */
function mayCallItself(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.Identifier || getThisMethodName(callee) !== undefined;
}

/** The name a call would call its own function by: `name(…)`, `this.name(…)`, `setTimeout(name, …)`. */
function getSelfName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  const scheduled = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout' ? call.arguments[0] : undefined;
  const target = scheduled ? unwrapExpression(scheduled) : callee;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : getThisMethodName(target);
}
