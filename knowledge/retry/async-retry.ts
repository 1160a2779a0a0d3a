/**
 * async-retry: `retry(async (bail, attempt) => …, options)`. Options go straight to node-retry (see
 * node-retry.ts), except that `randomize` defaults to TRUE, so the default backoff is jittered. `forever`
 * and `retries: Infinity` retry without end; the operation stops early by calling `bail(error)`.
 * Read from async-retry 1.3.3 as installed (lib/index.js), over retry 0.13.1 (lib/retry.js).
 */
import { nodeRetry } from './node-retry.js';
import type { RetryLibrarySpec } from '../types.js';

const VERSION = '1.3.3';
const SOURCE = `async-retry@${VERSION} lib/index.js`;

export const asyncRetry = {
  name: 'async-retry',
  packages: ['async-retry'],
  versionRead: VERSION,
  repository: 'https://github.com/vercel/async-retry',
  limit: { ...nodeRetry.limit, source: `${SOURCE} (\`retrier.operation(options)\`); ${nodeRetry.limit.source}` },
  backoff: {
    shape: 'exponential',
    jitter: true,
    formula: 'min(random(1–2) × minTimeout (1000 ms) × factor (2)^n, maxTimeout)',
    source: `${SOURCE} (\`if (!('randomize' in options)) options.randomize = true\`); ${nodeRetry.backoff.source}`,
  },
  condition: {
    everyError: true,
    networkErrors: true,
    serverErrors: true,
    statuses: [],
    meaning: 'Every error thrown by the operation is retried unless the operation calls `bail(error)` or the error has `bail` set.',
    source: `${SOURCE} (\`onError\`: \`if (err.bail)\`; \`bail(err)\`)`,
  },
  methods: { methods: 'all', meaning: 'A wrapper around any function, a POST included.', source: SOURCE },
  options: {
    ...nodeRetry.options,
    randomize: { role: 'jitter', unit: 'boolean', default: true, meaning: 'Multiply each delay by a random factor in [1, 2); true unless set.', source: `${SOURCE} (\`options.randomize = true\`)` },
    onRetry: { role: 'other', unit: 'function', default: undefined, meaning: 'Called before each retry.', source: SOURCE },
  },
} as const satisfies RetryLibrarySpec;
