/**
 * retry-axios: `rax.attach(instance?)` installs a response interceptor; options live in `raxConfig` on the
 * instance defaults or the request config. Without a `raxConfig` the defaults below still apply. By default:
 * three retries, exponential backoff ((2^n − 1) / 2 × 100 ms) with no jitter, GET/HEAD/PUT/OPTIONS/DELETE
 * only, statuses 1xx, 429 and 5xx, and every error without a response.
 * Read from retry-axios 4.0.3 as installed (build/src/index.js, build/src/index.d.ts).
 */
import type { RetryLibrarySpec } from '../types.js';

const VERSION = '4.0.3';
const SOURCE = `retry-axios@${VERSION} build/src/index.js`;

export const retryAxios = {
  name: 'retry-axios',
  packages: ['retry-axios'],
  versionRead: VERSION,
  repository: 'https://github.com/JustinBeckwith/retry-axios',
  limit: {
    option: 'retry',
    role: 'limit',
    unit: 'count',
    default: 3,
    meaning: 'Retries after the first attempt; Infinity retries forever; 0 disables retries.',
    source: `${SOURCE} (\`onError\`: \`config.retry = typeof config.retry === 'number' ? config.retry : 3\`)`,
  },
  backoff: {
    shape: 'exponential',
    jitter: false,
    formula: '((2^n − 1) / 2) × retryDelay (100 ms), capped at maxRetryDelay; jitter "none" unless `jitter: "full" | "equal"`',
    source: `${SOURCE} (\`onError\`: \`config.backoffType ||= 'exponential'\`, \`const jitter = config.jitter || 'none'\`)`,
  },
  condition: {
    everyError: false,
    networkErrors: true,
    serverErrors: true,
    statuses: [429],
    meaning: 'statusCodesToRetry [[100, 199], [429, 429], [500, 599]], and any error without a response.',
    source: `${SOURCE} (\`retryRanges\`; \`shouldRetryRequest\`)`,
  },
  methods: {
    methods: ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE'],
    meaning: 'httpMethodsToRetry; network errors too are retried only for these methods.',
    source: `${SOURCE} (\`onError\`: \`config.httpMethodsToRetry = … || ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE']\`)`,
  },
  options: {
    retry: { role: 'limit', unit: 'count', default: 3, meaning: 'Retries after the first attempt.', source: SOURCE },
    retryDelay: { role: 'delay', unit: 'milliseconds', default: 100, meaning: 'Base delay (static delay for backoffType "static").', source: `${SOURCE} (\`config.retryDelay … : 100\`)` },
    backoffType: { role: 'delay', unit: 'object', default: 'exponential', meaning: '"exponential", "linear" (n × 1000 ms) or "static".', source: `${SOURCE} (\`config.backoffType ||= 'exponential'\`)` },
    jitter: { role: 'jitter', unit: 'object', default: 'none', meaning: '"none", "full" or "equal"; applies to exponential backoff only.', source: `${SOURCE} (\`const jitter = config.jitter || 'none'\`)` },
    maxRetryDelay: { role: 'max-delay', unit: 'milliseconds', default: Number.POSITIVE_INFINITY, meaning: 'Upper bound of each delay; unset (no cap) unless given.', source: `${SOURCE} (\`if (typeof config.maxRetryDelay === 'number')\`)` },
    httpMethodsToRetry: { role: 'methods', unit: 'http-methods', default: ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE'], meaning: 'Methods that may be retried.', source: SOURCE },
    statusCodesToRetry: { role: 'status-codes', unit: 'status-codes', default: [[100, 199], [429, 429], [500, 599]], meaning: 'Inclusive [min, max] status ranges that are retried.', source: `${SOURCE} (\`retryRanges\`)` },
    shouldRetry: { role: 'condition', unit: 'function', default: undefined, meaning: '(error) => boolean, replaces the default decision (the retry count still applies).', source: `${SOURCE} (\`if (config.shouldRetry)\`)` },
    noResponseRetries: { role: 'other', unit: 'count', default: undefined, meaning: 'Not read by 4.x: errors without a response count against `retry`.', source: SOURCE },
  },
} as const satisfies RetryLibrarySpec;

/** The config key that holds the options, on instance defaults or on a request config. */
export const RETRY_AXIOS_CONFIG_KEY = 'raxConfig';
