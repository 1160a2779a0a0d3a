/**
 * axios-retry: `axiosRetry(axiosInstance, options)` installs interceptors that retry failed requests of that
 * instance; `'axios-retry'` in a request config overrides the options per request. By default it retries
 * three times with NO delay, on network errors for every method (POST included) and on 429/5xx for
 * idempotent methods only. `exponentialDelay` adds 0–20 % jitter; `linearDelay` adds none.
 * Read from axios-retry 4.5.0 as installed (dist/esm/index.js, dist/cjs/index.js, dist/esm/index.d.ts).
 */
import type { RetryBackoffSpec, RetryConditionSpec, RetryLibrarySpec } from '../types.js';

const VERSION = '4.5.0';
const SOURCE = `axios-retry@${VERSION} dist/esm/index.js`;

export const axiosRetry = {
  name: 'axios-retry',
  packages: ['axios-retry'],
  versionRead: VERSION,
  repository: 'https://github.com/softonic/axios-retry',
  limit: {
    option: 'retries',
    role: 'limit',
    unit: 'count',
    default: 3,
    meaning: 'Retries after the first attempt (`retryCount < retries`); Infinity retries forever.',
    source: `${SOURCE} (\`DEFAULT_OPTIONS.retries: 3\`; \`shouldRetry\`: \`(currentState.retryCount || 0) < retries\`)`,
  },
  backoff: {
    shape: 'none',
    jitter: false,
    formula: '0 ms (only a Retry-After header delays the retry)',
    source: `${SOURCE} (\`DEFAULT_OPTIONS.retryDelay: noDelay\`; \`noDelay\` returns \`Math.max(0, retryAfter(error))\`)`,
  },
  condition: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'isNetworkOrIdempotentRequestError: a network error on ANY method (ECONNABORTED and ERR_CANCELED excluded), or 429/5xx on GET, HEAD, OPTIONS, PUT, DELETE. No other 4xx.',
    source: `${SOURCE} (\`DEFAULT_OPTIONS.retryCondition: isNetworkOrIdempotentRequestError\`, \`isNetworkError\`, \`isRetryableError\`, \`IDEMPOTENT_HTTP_METHODS\`)`,
  },
  methods: {
    methods: 'all',
    meaning: 'Network errors are retried whatever the method, so a POST whose connection reset is sent again.',
    source: `${SOURCE} (\`isNetworkError\` does not look at the method; \`isNetworkOrIdempotentRequestError\` ORs it in)`,
  },
  options: {
    retries: { role: 'limit', unit: 'count', default: 3, meaning: 'Retries after the first attempt.', source: `${SOURCE} (\`DEFAULT_OPTIONS\`)` },
    retryDelay: {
      role: 'delay',
      unit: 'function',
      default: 'noDelay',
      meaning: '(retryCount, error) => milliseconds before the retry.',
      source: `${SOURCE} (\`DEFAULT_OPTIONS.retryDelay: noDelay\`)`,
    },
    retryCondition: {
      role: 'condition',
      unit: 'function',
      default: 'isNetworkOrIdempotentRequestError',
      meaning: '(error) => boolean | Promise<boolean>: whether to retry.',
      source: `${SOURCE} (\`DEFAULT_OPTIONS.retryCondition\`)`,
    },
    shouldResetTimeout: {
      role: 'other',
      unit: 'boolean',
      default: false,
      meaning: 'When false, the axios `timeout` covers all attempts together (a time budget); when true each attempt gets the full timeout.',
      source: `${SOURCE} (\`DEFAULT_OPTIONS.shouldResetTimeout: false\`; \`handleRetry\`)`,
    },
    validateResponse: {
      role: 'condition',
      unit: 'function',
      default: null,
      meaning: 'Decides which responses are failures (and so go through retryCondition).',
      source: `${SOURCE} (\`DEFAULT_OPTIONS.validateResponse: null\`)`,
    },
  },
} as const satisfies RetryLibrarySpec;

/** The delay functions axios-retry exports, as `retryDelay` values. */
export const axiosRetryDelays = {
  exponentialDelay: {
    shape: 'exponential',
    jitter: true,
    formula: 'max(2^n × delayFactor (100 ms), Retry-After) + 0–20 % random',
    source: `${SOURCE} (\`exponentialDelay\`: \`const randomSum = delay * 0.2 * Math.random()\`)`,
  },
  linearDelay: {
    shape: 'linear',
    jitter: false,
    formula: 'max(n × delayFactor (100 ms), Retry-After); `linearDelay(delayFactor)` returns the function',
    source: `${SOURCE} (\`linearDelay\`)`,
  },
} as const satisfies Record<string, RetryBackoffSpec>;

/** The conditions axios-retry exports, as `retryCondition` values or inside a custom one. */
export const axiosRetryConditions = {
  isNetworkError: {
    everyError: false,
    networkErrors: true,
    serverErrors: false,
    statuses: [],
    meaning: 'No response, a code, not ECONNABORTED/ERR_CANCELED, and allowed by is-retry-allowed.',
    source: `${SOURCE} (\`isNetworkError\`)`,
  },
  isRetryableError: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'No response (except ECONNABORTED), 429 or 5xx, on ANY method (POST included).',
    source: `${SOURCE} (\`isRetryableError\`)`,
  },
  isSafeRequestError: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'isRetryableError on GET, HEAD, OPTIONS.',
    source: `${SOURCE} (\`isSafeRequestError\`, \`SAFE_HTTP_METHODS\`)`,
  },
  isIdempotentRequestError: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'isRetryableError on GET, HEAD, OPTIONS, PUT, DELETE.',
    source: `${SOURCE} (\`isIdempotentRequestError\`, \`IDEMPOTENT_HTTP_METHODS\`)`,
  },
  isNetworkOrIdempotentRequestError: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'isNetworkError (any method) or isIdempotentRequestError. The default.',
    source: `${SOURCE} (\`isNetworkOrIdempotentRequestError\`)`,
  },
} as const satisfies Record<string, RetryConditionSpec>;

/** Methods each exported condition retries: network errors ignore the method, status errors do not. */
export const axiosRetryConditionMethods = {
  isNetworkError: 'all',
  isRetryableError: 'all',
  isSafeRequestError: ['GET', 'HEAD', 'OPTIONS'],
  isIdempotentRequestError: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
  isNetworkOrIdempotentRequestError: 'all',
} as const satisfies Record<keyof typeof axiosRetryConditions, readonly string[] | 'all'>;

/** The per-request override: `client.get(url, { 'axios-retry': { retries: 0 } })`. */
export const AXIOS_RETRY_CONFIG_KEY = 'axios-retry';
