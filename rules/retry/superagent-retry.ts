/**
 * superagent's built-in retry: `.retry(n)` on a request, or on an agent (replayed onto every request it
 * sends). It retries every method, POST and PATCH included (knowledge/http/superagent.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { superagent, superagentRetry } from '../../knowledge/http/superagent.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import type { HttpRequest, HttpUsage } from '../http/model.js';
import { followRequestChain } from '../http/request-chain.js';
import type { Retry, RetryBound, RetryPolicy } from './model.js';

export function getSuperagentRetries(context: AnyRuleContext, usage: HttpUsage): Array<{ requests: HttpRequest[]; retry: Retry }> {
  const found: Array<{ requests: HttpRequest[]; retry: Retry }> = [];
  for (const request of usage.requests) {
    const method = request.library.spec.retryMethod;
    if (!method) continue;
    const retryCall = followRequestChain(context, request.node).calls.find((call) => call.name === method);
    if (retryCall && isRetrying(context, retryCall.node)) found.push({ requests: [request], retry: toRetry(retryCall.node) });
  }
  for (const instance of usage.instances) {
    const method = instance.library.spec.retryMethod;
    if (!method) continue;
    for (const use of instance.uses) {
      if (use.kind === 'method' && use.name === method && isRetrying(context, use.node)) {
        found.push({ requests: instance.requests, retry: toRetry(use.node) });
      }
    }
  }
  return found;
}

/**
 * Each superagent retry as a RetryPolicy, judged like any other retry: its count, no wait between attempts
 * (superagent sends again at once), every method; what it retries is superagent's own list unless a callback
 * decides.
 */
export function describeSuperagentRetries(context: AnyRuleContext, usage: HttpUsage): RetryPolicy[] {
  const policies = getSuperagentRetries(context, usage).map(({ retry }): RetryPolicy => {
    const call = retry.node as TSESTree.CallExpression;
    return {
      library: retry.library,
      node: call,
      bound: readBound(context, call),
      backoff: { kind: 'none', jitter: false, reason: 'superagent has no delay option and sends a failed request again at once' },
      condition: call.arguments.length > 1 ? { kind: 'unknown' } : { kind: 'default' },
      methods: retry.methods,
    };
  });
  return policies.filter((policy, index) => policies.findIndex((other) => other.node === policy.node) === index);
}

function readBound(context: AnyRuleContext, call: TSESTree.CallExpression): RetryBound {
  const count = call.arguments[0];
  if (!count) return { kind: 'attempts', retries: superagentRetry.retries.default };
  const value = getStaticValueOf(context, count)?.value;
  if (value === true) return { kind: 'attempts', retries: superagentRetry.retries.default };
  if (typeof value !== 'number') return { kind: 'unknown' };
  return Number.isFinite(value) ? { kind: 'attempts', retries: value } : { kind: 'unbounded', reason: `\`.${superagentRetry.method}(Infinity)\` retries forever` };
}

/** `.retry()`, `.retry(true)`, `.retry(2)` retry; `.retry(0)` and `.retry(false)` do not. */
function isRetrying(context: AnyRuleContext, call: TSESTree.CallExpression): boolean {
  const count = call.arguments[0];
  if (!count) return true;
  const value = getStaticValueOf(context, count)?.value;
  return value === undefined || value === true || (typeof value === 'number' && value > 0);
}

function toRetry(node: TSESTree.CallExpression): Retry {
  return { library: superagent.name, node, methods: { kind: superagentRetry.methods.default } };
}
