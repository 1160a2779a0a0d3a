/**
 * superagent's built-in retry: `.retry(n)` on a request, or on an agent (replayed onto every request it
 * sends). It retries every method, POST and PATCH included (knowledge/http/superagent.ts).
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import type { HttpRequest, HttpUsage } from '../http/model.js';
import { followRequestChain } from '../http/request-chain.js';
import type { Retry } from './model.js';

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

/** `.retry()`, `.retry(true)`, `.retry(2)` retry; `.retry(0)` and `.retry(false)` do not. */
function isRetrying(context: AnyRuleContext, call: TSESTree.CallExpression): boolean {
  const count = call.arguments[0];
  if (!count) return true;
  const value = getStaticValueOf(context, count)?.value;
  return value === undefined || value === true || (typeof value === 'number' && value > 0);
}

function toRetry(node: TSESTree.CallExpression): Retry {
  return { library: 'superagent', node, methods: { kind: 'all' } };
}
