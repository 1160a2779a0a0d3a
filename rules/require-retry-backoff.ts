import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from './create-rule.js';
import { reportProblems } from './family/report-problems.js';
import { collectRetryPolicies } from './retry/collect.js';
import type { RetryPolicy } from './retry/model.js';

type Options = [{ requireJitter?: boolean }];
type MessageIds = 'noDelay' | 'constantDelay' | 'delayDoesNotGrow' | 'noJitter';

interface Problem {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
}

export default createRule<Options, MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries to back off exponentially, with jitter',
      recommended: true,
      usesTypeInformation: true,
    },
    messages: {
      noDelay:
        '{{library}} retries immediately ({{reason}}): when the dependency fails every caller hits it again at once and keeps it down; {{fix}} between attempts.',
      constantDelay:
        '{{library}} retries after a constant delay ({{reason}}): callers that failed together retry together at a fixed rate and keep an overloaded dependency down; {{fix}}.',
      delayDoesNotGrow:
        '{{library}} retries after a randomized delay that does not grow ({{reason}}): the jitter spreads callers out, but they keep hitting an overloaded dependency at the same rate however long it stays down; make the delay grow exponentially and keep the jitter.',
      noJitter:
        '{{library}} backs off without jitter ({{reason}}): callers that failed together retry in lockstep, a thundering herd that keeps the dependency down; add random jitter to the delay.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          requireJitter: {
            type: 'boolean',
            description: 'Also report exponential or linear backoff whose delays are not randomized.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireJitter: true }],
  },
  create(context, [{ requireJitter = true }]) {
    return {
      'Program:exit': () => reportProblems(context, collectRetryPolicies(context), (policy) => getProblem(policy, requireJitter)),
    };
  },
});

function getProblem(policy: RetryPolicy, requireJitter: boolean): Problem | undefined {
  // A write that lost a race to a committed one is retried with a new value: waiting would not help it.
  if (policy.condition.kind === 'conflict') return undefined;
  const { backoff } = policy;
  const data = { library: policy.library, reason: backoff.reason, fix: requireJitter ? 'back off exponentially with jitter' : 'back off exponentially' };
  if (backoff.kind === 'none') return { node: policy.node, messageId: 'noDelay', data };
  if (backoff.kind === 'constant') return { node: policy.node, messageId: backoff.jitter === true ? 'delayDoesNotGrow' : 'constantDelay', data };
  if (requireJitter && backoff.jitter === false) return { node: policy.node, messageId: 'noJitter', data };
  return undefined;
}
