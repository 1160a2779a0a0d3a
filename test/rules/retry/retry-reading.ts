/**
 * A test-only rule that reports every hand-written retry with the reading the retry rules judge (bound,
 * backoff, jitter, condition, methods), so a test can state exactly how a retry was read, or that the code
 * holds no retry at all.
 */
import type { TestCaseError } from '@typescript-eslint/rule-tester';
import { ESLintUtils } from '@typescript-eslint/utils';

import { getFileIndex } from '../../../rules/family/file-index.js';
import { describeRetryPolicy } from '../../../rules/retry/collect.js';
import { findHandWrittenRetries } from '../../../rules/retry/hand-written-retries.js';

export const handWrittenRetryReading = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    docs: { description: 'Reports every hand-written retry with the reading the retry rules judge.' },
    messages: { retry: 'bound {{bound}}, backoff {{backoff}}, jitter {{jitter}}, condition {{condition}}, methods {{methods}}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        for (const policy of findHandWrittenRetries(context, getFileIndex(context.sourceCode))) {
          const { bound, backoff, jitter, condition, methods } = describeRetryPolicy(policy);
          context.report({ node: policy.node, messageId: 'retry', data: { bound, backoff, jitter: String(jitter), condition, methods } });
        }
      },
    };
  },
});

/** `line` of the reported loop or recursive call; `description` is "bound | backoff | jitter | condition | methods". */
export function retry(line: number, description: string): TestCaseError<'retry'> {
  const [bound, backoff, jitter, condition, methods] = description.split(' | ');
  return { messageId: 'retry', line, data: { bound, backoff, jitter, condition, methods } };
}
