import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from './create-rule.js';
import { reportProblems } from './family/report-problems.js';
import { collectRetryPolicies } from './retry/collect.js';
import type { RetryPolicy } from './retry/model.js';

type Options = [{ maxRetries?: number }];
type MessageIds = 'unboundedRetry' | 'tooManyRetries';

interface Problem {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data: Record<string, string | number>;
}

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retries with no upper bound on attempts or total time',
      recommended: true,
      usesTypeInformation: true,
    },
    messages: {
      unboundedRetry:
        '{{library}} retries without end ({{reason}}): while the dependency is down every caller keeps retrying and exhausts its sockets, pools and threads; set a retry limit or a total time budget (max retry time, deadline, AbortSignal).',
      tooManyRetries:
        '{{library}} retries up to {{retries}} times, above the allowed {{maxRetries}}: an outage multiplies the load on the dependency {{retries}}-fold and callers wait through every attempt; lower the limit or add a total time budget.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxRetries: {
            type: 'integer',
            minimum: 0,
            description: 'Largest retry count accepted as a bound. Unset: any finite count is a bound.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [{ maxRetries }]) {
    return {
      'Program:exit': () => reportProblems(context, collectRetryPolicies(context), (policy) => getProblem(policy, maxRetries)),
    };
  },
});

function getProblem(policy: RetryPolicy, maxRetries: number | undefined): Problem | undefined {
  const { bound } = policy;
  if (bound.kind === 'unbounded') {
    return { node: policy.node, messageId: 'unboundedRetry', data: { library: policy.library, reason: bound.reason } };
  }
  if (bound.kind === 'attempts' && maxRetries !== undefined && bound.retries > maxRetries) {
    return { node: policy.node, messageId: 'tooManyRetries', data: { library: policy.library, retries: bound.retries, maxRetries } };
  }
  return undefined;
}
