/**
 * p-retry: `pRetry(input, options)` and `makeRetriable(fn, options)`. Ten retries, exponential backoff
 * (1 s × 2^n) with NO jitter unless `randomize: true`; `retries: Infinity` retries forever; `maxRetryTime`
 * and `signal` bound the total time. p-retry 7 throws on `forever` ("no longer supported"); p-retry ≤6,
 * built on node-retry, still honours `forever: true`.
 * Read from p-retry 7.1.1 as installed (index.js, index.d.ts).
 */
import type { RetryLibrarySpec } from '../types.js';

const VERSION = '7.1.1';
const SOURCE = `p-retry@${VERSION} index.js`;

export const pRetry = {
  name: 'p-retry',
  packages: ['p-retry'],
  versionRead: VERSION,
  repository: 'https://github.com/sindresorhus/p-retry',
  limit: {
    option: 'retries',
    role: 'limit',
    unit: 'count',
    default: 10,
    meaning: 'Retries after the first attempt; Infinity is allowed and retries forever.',
    source: `${SOURCE} (\`options.retries ??= 10\`; \`while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true)\`)`,
  },
  backoff: {
    shape: 'exponential',
    jitter: false,
    formula: 'min(round(random × minTimeout (1000 ms) × factor (2)^n), maxTimeout), random = 1 unless randomize (then 1–2)',
    source: `${SOURCE} (\`calculateDelay\`; \`options.randomize ??= false\`)`,
  },
  condition: {
    everyError: true,
    networkErrors: true,
    serverErrors: true,
    statuses: [],
    meaning: 'Every error is retried (`shouldRetry ??= () => true`) except AbortError and TypeErrors that are not network errors.',
    source: `${SOURCE} (\`onAttemptFailure\`)`,
  },
  methods: { methods: 'all', meaning: 'A wrapper around any function, a POST included.', source: SOURCE },
  options: {
    retries: { role: 'limit', unit: 'count', default: 10, meaning: 'Retries after the first attempt.', source: `${SOURCE} (\`options.retries ??= 10\`)` },
    forever: {
      role: 'forever',
      unit: 'boolean',
      default: undefined,
      meaning: 'p-retry 7 throws when the option is present; p-retry ≤6 (node-retry) retries without end when true.',
      source: `${SOURCE} (\`if (Object.hasOwn(options, 'forever')) throw new Error('The \`forever\` option is no longer supported…')\`)`,
    },
    factor: { role: 'factor', unit: 'count', default: 2, meaning: 'Exponential factor; values ≤ 0 become 1.', source: `${SOURCE} (\`options.factor ??= 2\`)` },
    minTimeout: { role: 'delay', unit: 'milliseconds', default: 1000, meaning: 'Delay before the first retry.', source: `${SOURCE} (\`options.minTimeout ??= 1000\`)` },
    maxTimeout: { role: 'max-delay', unit: 'milliseconds', default: Number.POSITIVE_INFINITY, meaning: 'Upper bound of each delay.', source: `${SOURCE} (\`options.maxTimeout ??= Number.POSITIVE_INFINITY\`)` },
    randomize: { role: 'jitter', unit: 'boolean', default: false, meaning: 'Multiply each delay by a random factor in [1, 2).', source: `${SOURCE} (\`options.randomize ??= false\`)` },
    maxRetryTime: { role: 'time-budget', unit: 'milliseconds', default: Number.POSITIVE_INFINITY, meaning: 'Total time budget for all attempts.', source: `${SOURCE} (\`options.maxRetryTime ??= Number.POSITIVE_INFINITY\`)` },
    signal: { role: 'signal', unit: 'object', default: undefined, meaning: 'An AbortSignal that stops retrying.', source: `${SOURCE} (\`options.signal?.throwIfAborted()\`)` },
    shouldRetry: { role: 'condition', unit: 'function', default: '() => true', meaning: '(context) => boolean: whether to retry context.error.', source: `${SOURCE} (\`options.shouldRetry ??= () => true\`)` },
    shouldConsumeRetry: {
      role: 'other',
      unit: 'function',
      default: '() => true',
      meaning: 'Returning false retries without counting the attempt, so `retries` no longer bounds the retries.',
      source: `${SOURCE} (\`options.shouldConsumeRetry ??= () => true\`; \`if (!consumeRetry) return false\`)`,
    },
  },
} as const satisfies RetryLibrarySpec;
