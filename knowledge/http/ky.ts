/**
 * ky: the default export, its method shortcuts, `ky.create()` (from scratch) and `ky.extend()` (over the
 * parent's defaults), the 10 s default timeout and the built-in retry: twice by default, for
 * GET/PUT/HEAD/DELETE/OPTIONS/TRACE, 0.3 s × 2^(n−1) apart with no jitter unless `retry.jitter` is set.
 * Read from ky 1.14.3 as installed (distribution/index.js, distribution/core/Ky.js,
 * distribution/core/constants.js, distribution/utils/normalize.js, distribution/types/retry.d.ts).
 */
import type { HttpClientWithRetrySpec, HttpRequestFunctionSpec } from '../types.js';

const VERSION = '1.14.3';
const NORMALIZE_FILE = `ky@${VERSION} distribution/utils/normalize.js`;
const KY_FILE = `ky@${VERSION} distribution/core/Ky.js`;

const verb = (method: string): HttpRequestFunctionSpec => ({ method, optionsArgument: 1 });

export const ky = {
  name: 'ky',
  packages: ['ky'],
  versionRead: VERSION,
  repository: 'https://github.com/sindresorhus/ky',
  // distribution/index.js `createInstance`: `ky(input, options)`, one function per `requestMethods`
  // (core/constants.js: get, post, put, patch, head, delete), `ky.create(newDefaults)` and `ky.extend(newDefaults)`.
  call: { optionsArgument: 1 },
  requestFunctions: {
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    head: verb('HEAD'),
    delete: verb('DELETE'),
  },
  instanceFactories: { create: { optionsArgument: 0 }, extend: { optionsArgument: 0 } },
  timeout: {
    option: 'timeout',
    unit: 'milliseconds',
    default: 10_000,
    disabledBy: [false],
    advice: 'remove `timeout: false` or set a limit in milliseconds',
    meaning: 'Milliseconds before the request is aborted with a TimeoutError (each attempt separately); `false` turns it off.',
    source: `${KY_FILE} (\`timeout: options.timeout ?? 10_000\`; \`if (this.#options.timeout === false)\`)`,
  },
  deadlineOptions: ['signal'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
  retry: {
    limit: {
      option: 'limit',
      role: 'limit',
      unit: 'count',
      default: 2,
      meaning: 'Retries after the first attempt; `retry: n` is shorthand for `{ limit: n }`.',
      source: `${NORMALIZE_FILE} (\`defaultRetryOptions.limit: 2\`; \`if (typeof retry === 'number') return {...defaultRetryOptions, limit: retry}\`)`,
    },
    backoff: {
      shape: 'exponential',
      jitter: false,
      formula: '0.3 s × 2^(n−1), capped at backoffLimit (Infinity); no jitter unless `jitter` is true (full jitter) or a function',
      source: `${NORMALIZE_FILE} (\`delay: attemptCount => 0.3 * (2 ** (attemptCount - 1)) * 1000\`, \`jitter: undefined\`); ${KY_FILE} (\`#calculateDelay\`)`,
    },
    condition: {
      statuses: [408, 413, 429, 500, 502, 503, 504],
      everyError: false,
      networkErrors: true,
      serverErrors: false,
      meaning: 'Retries the listed statuses (413 only with Retry-After) and network errors; timeouts only with `retryOnTimeout`.',
      source: `${NORMALIZE_FILE} (\`retryStatusCodes\`, \`retryAfterStatusCodes\`); ${KY_FILE} (\`#calculateRetryDelay\`)`,
    },
    methods: {
      methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'],
      meaning: 'No POST or PATCH unless added to `retry.methods`.',
      source: `${NORMALIZE_FILE} (\`retryMethods = ['get', 'put', 'head', 'delete', 'options', 'trace']\`)`,
    },
    options: {
      limit: {
        role: 'limit',
        unit: 'count',
        default: 2,
        meaning: 'Retries after the first attempt; Infinity retries forever.',
        source: `${NORMALIZE_FILE} (\`limit: 2\`)`,
      },
      methods: {
        role: 'methods',
        unit: 'http-methods',
        default: ['get', 'put', 'head', 'delete', 'options', 'trace'],
        meaning: 'Methods that may be retried (lower-cased by normalizeRetryOptions).',
        source: `${NORMALIZE_FILE} (\`retryMethods\`)`,
      },
      statusCodes: {
        role: 'status-codes',
        unit: 'status-codes',
        default: [408, 413, 429, 500, 502, 503, 504],
        meaning: 'Statuses that are retried.',
        source: `${NORMALIZE_FILE} (\`retryStatusCodes\`)`,
      },
      afterStatusCodes: {
        role: 'other',
        unit: 'status-codes',
        default: [413, 429, 503],
        meaning: 'Statuses for which Retry-After is honoured.',
        source: `${NORMALIZE_FILE} (\`retryAfterStatusCodes\`)`,
      },
      shouldRetry: {
        role: 'condition',
        unit: 'function',
        default: undefined,
        meaning: 'Returns true to force a retry (skipping the status check), false to stop, undefined for the default decision.',
        source: `${KY_FILE} (\`if (this.#options.retry.shouldRetry !== undefined)\`)`,
      },
      delay: {
        role: 'delay',
        unit: 'function',
        default: '0.3 s × 2^(n−1)',
        meaning: 'Delay in milliseconds before retry n.',
        source: `${NORMALIZE_FILE} (\`delay: attemptCount => 0.3 * (2 ** (attemptCount - 1)) * 1000\`)`,
      },
      backoffLimit: {
        role: 'max-delay',
        unit: 'milliseconds',
        default: Number.POSITIVE_INFINITY,
        meaning: 'Upper bound of each delay.',
        source: `${NORMALIZE_FILE} (\`backoffLimit: Number.POSITIVE_INFINITY\`)`,
      },
      jitter: {
        role: 'jitter',
        unit: 'function',
        default: undefined,
        meaning: '`true` draws the delay uniformly from [0, delay) (full jitter); a function maps the delay; undefined (the default) adds none.',
        source: `${NORMALIZE_FILE} (\`jitter: undefined\`); ${KY_FILE} (\`if (this.#options.retry.jitter === true) jitteredDelay = Math.random() * retryDelay\`)`,
      },
      retryOnTimeout: {
        role: 'other',
        unit: 'boolean',
        default: false,
        meaning: 'Whether a TimeoutError is retried.',
        source: `${NORMALIZE_FILE} (\`retryOnTimeout: false\`)`,
      },
      maxRetryAfter: {
        role: 'other',
        unit: 'milliseconds',
        default: Number.POSITIVE_INFINITY,
        meaning: 'Longest Retry-After honoured.',
        source: `${NORMALIZE_FILE} (\`maxRetryAfter: Number.POSITIVE_INFINITY\`)`,
      },
    },
  },
} as const satisfies HttpClientWithRetrySpec;
