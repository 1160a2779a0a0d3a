/**
 * retry (node-retry): `retry.operation(options)` and `retry.timeouts(options)`, the engine under async-retry
 * and p-retry ≤6. Ten retries, exponential (1 s × 2^n) with no jitter; `forever: true`, or `retries: Infinity`,
 * retries without end; `maxRetryTime` is a total time budget.
 * Read from retry 0.13.1 as installed (lib/retry.js, lib/retry_operation.js).
 */
import type { RetryLibrarySpec } from '../types.js';

const VERSION = '0.13.1';
const SOURCE = `retry@${VERSION} lib/retry.js`;
const OPERATION = `retry@${VERSION} lib/retry_operation.js`;

export const nodeRetry = {
  name: 'retry',
  packages: ['retry'],
  versionRead: VERSION,
  repository: 'https://github.com/tim-kos/node-retry',
  limit: {
    option: 'retries',
    role: 'limit',
    unit: 'count',
    default: 10,
    meaning: 'Retries after the first attempt; Infinity sets `forever`.',
    source: `${SOURCE} (\`exports.timeouts\`: \`retries: 10\`; \`exports.operation\`: \`forever: options && (options.forever || options.retries === Infinity)\`)`,
  },
  backoff: {
    shape: 'exponential',
    jitter: false,
    formula: 'min(random × max(minTimeout, 1) × factor^n, maxTimeout), random = 1 unless randomize (then 1–2)',
    source: `${SOURCE} (\`exports.createTimeout\`; defaults \`factor: 2, minTimeout: 1000, maxTimeout: Infinity, randomize: false\`)`,
  },
  condition: {
    everyError: true,
    networkErrors: true,
    serverErrors: true,
    statuses: [],
    meaning: 'Every error passed to `operation.retry(err)` is retried; the caller decides what to pass.',
    source: `${OPERATION} (\`RetryOperation.prototype.retry\`)`,
  },
  methods: { methods: 'all', meaning: 'A wrapper around any function.', source: OPERATION },
  options: {
    retries: { role: 'limit', unit: 'count', default: 10, meaning: 'Retries after the first attempt.', source: SOURCE },
    forever: { role: 'forever', unit: 'boolean', default: false, meaning: 'Retry without end (the last timeout repeats).', source: `${SOURCE} (\`exports.operation\`); ${OPERATION}` },
    factor: { role: 'factor', unit: 'count', default: 2, meaning: 'Exponential factor; 1 gives a constant delay.', source: SOURCE },
    minTimeout: { role: 'delay', unit: 'milliseconds', default: 1000, meaning: 'Delay before the first retry.', source: SOURCE },
    maxTimeout: { role: 'max-delay', unit: 'milliseconds', default: Number.POSITIVE_INFINITY, meaning: 'Upper bound of each delay.', source: SOURCE },
    randomize: { role: 'jitter', unit: 'boolean', default: false, meaning: 'Multiply each delay by a random factor in [1, 2).', source: `${SOURCE} (\`exports.createTimeout\`)` },
    maxRetryTime: { role: 'time-budget', unit: 'milliseconds', default: Number.POSITIVE_INFINITY, meaning: 'Stop retrying once this much time has passed since the first attempt.', source: `${OPERATION} (\`this._maxRetryTime = options && options.maxRetryTime || Infinity\`)` },
    unref: { role: 'other', unit: 'boolean', default: false, meaning: 'Unref the retry timers.', source: SOURCE },
  },
} as const satisfies RetryLibrarySpec;
