/**
 * The retry family's one entry: every retry in the linted file, from libraries (detectors/) and from
 * hand-written loops, recursion and interceptors (hand-written/), as RetryPolicy descriptions found once per
 * file and shared by the retry rules and the idempotency rule. Each policy is one inventory fact.
 */
import { superagentRetry } from '../../knowledge/http/superagent.js';
import { getTypeServices } from '../ast/get-type-services.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import type { InventoryFact, RetryPolicyFact } from '../inventory/facts.js';
import { createCollector, createFileCollector } from '../family/create-collector.js';
import { collectHttpUsage } from '../http/collect.js';
import { failsOnClientError } from './fails-on-client-error.js';
import { findHandWrittenRetries } from './hand-written-retries.js';
import { findLibraryRetries } from './library-retries.js';
import { findRetriedClientCalls } from './client-like-requests.js';
import type { RetriedClientCall, RetriedRemoteRequest, RetriedRequest, RetryPolicy } from './model.js';
import { findRetriedRemoteRequests, findRetriedRequests } from './retried-requests.js';
import { describeSuperagentRetries } from './superagent-retry.js';

export const collectRetryPolicies = createCollector<RetryPolicy>((context, index) => {
  const policies = [...findLibraryRetries(context, index), ...findHandWrittenRetries(context, index), ...findClientRetries(context)].map((policy) => {
    const condition = policy.condition;
    return condition.kind === 'every-error' ? { ...policy, condition: { ...condition, failsOnClientError: failsOnClientError(context, policy, condition.node) } } : policy;
  });
  return { models: policies, facts: policies.map((policy) => ({ node: policy.node, fact: describeRetryFact(policy) })) };
});

/** Retries built into a request or agent (superagent's `.retry(n)`), found through the HTTP family's requests. */
function findClientRetries(context: AnyRuleContext): RetryPolicy[] {
  if (!context.sourceCode.text.includes(`.${superagentRetry.method}(`)) return [];
  return describeSuperagentRetries(context, collectHttpUsage(context));
}

export interface RetriedRequests {
  /** Requests written in this file that a retry resends. */
  readonly local: readonly RetriedRequest[];
  /** With type information: requests other modules send from operations retried here. */
  readonly remote: readonly RetriedRemoteRequest[];
  /** POSTs and PATCHes hand-written retries resend through client-like objects this file does not create. */
  readonly clientCalls: readonly RetriedClientCall[];
}

/** The requests the file's retries resend, found once per file. */
export const collectRetriedRequests = createFileCollector<RetriedRequests>((context) => {
  const policies = collectRetryPolicies(context);
  // Cheap check first: nothing retries here (superagent's `.retry()` is the one retry found below), and no
  // client from another module, which may be retried there, is used.
  if (policies.length === 0 && getTypeServices(context) === undefined && !context.sourceCode.text.includes('.retry(')) return { found: { local: [], remote: [], clientCalls: [] } };
  const usage = collectHttpUsage(context);
  return {
    found: {
      local: usage.requests.length > 0 ? findRetriedRequests(context, usage, policies) : [],
      remote: findRetriedRemoteRequests(context, policies),
      clientCalls: findRetriedClientCalls(policies, new Set(usage.requests.map((request) => request.node))),
    },
  };
});

function describeRetryFact(policy: RetryPolicy): InventoryFact {
  return { kind: 'retry-policy', library: policy.library, properties: describeRetryPolicy(policy) };
}

/** The printable summary of a retry policy that the inventory shows. */
export function describeRetryPolicy(policy: RetryPolicy): RetryPolicyFact['properties'] {
  const bound = policy.bound;
  return {
    bound: bound.kind === 'attempts' ? `${bound.retries} retries` : bound.kind === 'time-budget' ? 'time budget' : bound.kind,
    backoff: policy.backoff.kind,
    jitter: policy.backoff.jitter === 'unknown' ? null : policy.backoff.jitter,
    condition: policy.condition.kind,
    methods: policy.methods.kind === 'known' ? policy.methods.methods.join(',') : policy.methods.kind,
  };
}
