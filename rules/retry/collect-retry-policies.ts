/**
 * Every retry in the linted file, from libraries and from hand-written loops and recursion, as RetryPolicy
 * descriptions. The retry rules and the idempotency rule read these, and nothing else, to decide.
 */
import type { TSESLint } from '@typescript-eslint/utils';

import { recordFact } from '../create-rule.js';
import { mergeListeners } from '../ast/merge-listeners.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { handWrittenRetries } from './hand-written-retries.js';
import { libraryRetries } from './library-retries.js';
import type { RetryPolicy } from './model.js';

export function collectRetryPolicies(
  context: AnyRuleContext,
  onPolicy: (policy: RetryPolicy) => void,
): TSESLint.RuleListener {
  const report = (policy: RetryPolicy): void => {
    recordFact(context, policy.node, { kind: 'retry-policy', library: policy.library, properties: describeRetryPolicy(policy) });
    onPolicy(policy);
  };
  return mergeListeners(libraryRetries(context, report), handWrittenRetries(context, report));
}

/** The printable summary of a retry policy that the inventory shows. */
export function describeRetryPolicy(policy: RetryPolicy): Record<string, string | number | boolean | null> {
  const bound = policy.bound;
  return {
    bound: bound.kind === 'attempts' ? `${bound.retries} retries` : bound.kind === 'time-budget' ? 'time budget' : bound.kind,
    backoff: policy.backoff.kind,
    jitter: policy.backoff.jitter === 'unknown' ? null : policy.backoff.jitter,
    condition: policy.condition.kind,
    methods: policy.methods.kind === 'known' ? policy.methods.methods.join(',') : policy.methods.kind,
  };
}
