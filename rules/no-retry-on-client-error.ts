import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from './create-rule.js';
import { reportProblems } from './family/report-problems.js';
import { collectRetryPolicies } from './retry/collect.js';
import type { RetryPolicy } from './retry/model.js';

type Options = [{ allowedStatuses?: number[] }];
type MessageIds = 'retriesClientErrors' | 'retriesEveryError';

interface Problem {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
}

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-client-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retry conditions that retry 4xx answers other than 408, 425 and 429',
      recommended: true,
      usesTypeInformation: true,
    },
    messages: {
      retriesClientErrors:
        '{{library}} retries {{statuses}}, answers that will not change on a retry: each retry burns capacity and delays the error the caller must handle; retry only network errors, 5xx, 408, 425 and 429.',
      retriesEveryError:
        '{{library}} retries every error, including 400, 401, 403 and 404 answers that will not change on a retry: each retry burns capacity and delays the error the caller must handle; retry only network errors, 5xx, 408, 425 and 429.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowedStatuses: {
            type: 'array',
            items: { type: 'integer', minimum: 400, maximum: 499 },
            uniqueItems: true,
            description: 'Client errors your services answer temporarily (a 409 from optimistic locking, say) and may be retried.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedStatuses: [] }],
  },
  create(context, [{ allowedStatuses = [] }]) {
    return {
      'Program:exit': () => reportProblems(context, collectRetryPolicies(context), (policy) => getProblem(policy, allowedStatuses)),
    };
  },
});

function getProblem(policy: RetryPolicy, allowedStatuses: readonly number[]): Problem | undefined {
  const { condition } = policy;
  if (condition.kind === 'every-error') {
    if (!condition.failsOnClientError) return undefined;
    return { node: condition.node, messageId: 'retriesEveryError', data: { library: policy.library } };
  }
  if (condition.kind !== 'client-errors') return undefined;
  const statuses = condition.statuses.filter((status) => !allowedStatuses.includes(status));
  if (statuses.length === 0) return undefined;
  return { node: condition.node, messageId: 'retriesClientErrors', data: { library: policy.library, statuses: formatStatuses(statuses) } };
}

/** "404", "401 and 404", "400, 401, 403 and 4 more". */
function formatStatuses(statuses: readonly number[]): string {
  const shown = statuses.length > 4 ? statuses.slice(0, 3) : statuses;
  const rest = statuses.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more 4xx`;
  return shown.length === 1 ? String(shown[0]) : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
