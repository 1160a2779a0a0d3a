/**
 * got: the default export (and the named `got`), its method aliases, `got.extend()` instances, what bounds
 * a request (nothing, by default) and its built-in retry. got has no timeout unless one is set, and retries
 * twice by default, only for GET/PUT/HEAD/DELETE/OPTIONS/TRACE, with exponential backoff plus up to 100 ms
 * of random noise.
 * Read from got 14.6.6 as installed (dist/source/create.js, dist/source/core/options.js,
 * dist/source/core/calculate-retry-delay.js, dist/source/core/index.js).
 */
import type { HttpClientWithRetrySpec, HttpRequestFunctionSpec } from '../types.js';

const VERSION = '14.6.6';
const OPTIONS_FILE = `got@${VERSION} dist/source/core/options.js`;
const DELAY_FILE = `got@${VERSION} dist/source/core/calculate-retry-delay.js`;

const verb = (method: string): HttpRequestFunctionSpec => ({ method, optionsArgument: 1, urlOptional: true });

export const got = {
  name: 'got',
  packages: ['got'],
  versionRead: VERSION,
  repository: 'https://github.com/sindresorhus/got',
  // dist/source/create.js: `got(url, options)` or `got(options)`; one alias per get/post/put/patch/head/delete;
  // `got.stream(url, options)`; `got.extend(...instancesOrOptions)` merges over the parent's defaults.
  call: { optionsArgument: 1, urlOptional: true },
  requestFunctions: {
    get: verb('GET'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    head: verb('HEAD'),
    delete: verb('DELETE'),
    stream: { optionsArgument: 1, urlOptional: true },
  },
  instanceFactories: { extend: { optionsArgument: 0 } },
  timeout: {
    option: 'timeout',
    unit: 'milliseconds',
    // `defaultInternals.timeout`: connect, lookup, read, request, response, secureConnect, send and socket
    // are all `undefined`; the `timeout` setter docs say "By default, there's no timeout."
    default: undefined,
    disabledBy: [],
    advice: 'set `timeout: { request: ms }` on the call or the `got.extend()` instance',
    insert: { kind: 'option', code: 'timeout: { request: 10_000 }' },
    meaning: 'An object of per-phase limits in milliseconds (lookup, connect, secureConnect, socket, send, response, read, request); all undefined by default, so a request may wait forever.',
    source: `${OPTIONS_FILE} (\`defaultInternals.timeout\`: every phase undefined)`,
  },
  deadlineOptions: ['signal'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
  // source/core/options.ts `merge`, source/create.ts `got.extend(...instancesOrOptions)`: each argument's options merge in order.
  factoriesMergeEveryArgument: true,
  retry: {
    limit: {
      option: 'limit',
      role: 'limit',
      unit: 'count',
      default: 2,
      meaning: 'Retries after the first attempt (`retry.limit`). got 12+ takes `retry` as an object only; got ≤11 also took a number.',
      source: `${OPTIONS_FILE} (\`defaultInternals.retry.limit: 2\`; the \`retry\` setter calls \`assertPlainObject\`)`,
    },
    backoff: {
      shape: 'exponential',
      jitter: true,
      formula: 'min(2^(n−1) × 1000 ms, backoffLimit) + random noise in [0, noise) ms (noise 100); Retry-After wins when present',
      source: `${DELAY_FILE} (\`Math.min(((2 ** (attemptCount - 1)) * 1000), retryOptions.backoffLimit) + noise\`)`,
    },
    condition: {
      statuses: [408, 413, 429, 500, 502, 503, 504, 521, 522, 524],
      everyError: false,
      networkErrors: true,
      serverErrors: false,
      meaning: 'Retries the listed statuses (413 only with Retry-After) and the error codes ETIMEDOUT, ECONNRESET, EADDRINUSE, ECONNREFUSED, EPIPE, ENOTFOUND, ENETUNREACH, EAI_AGAIN.',
      source: `${OPTIONS_FILE} (\`defaultInternals.retry.statusCodes\`, \`errorCodes\`); ${DELAY_FILE} (413 without Retry-After returns 0)`,
    },
    methods: {
      methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'],
      meaning: 'No POST or PATCH: adding them to `retry.methods` is what makes a got retry resend a non-idempotent request.',
      source: `${OPTIONS_FILE} (\`defaultInternals.retry.methods\`)`,
    },
    options: {
      limit: {
        role: 'limit',
        unit: 'count',
        default: 2,
        meaning: 'Retries after the first attempt; Infinity retries forever.',
        source: `${OPTIONS_FILE} (\`retry.limit: 2\`)`,
      },
      methods: {
        role: 'methods',
        unit: 'http-methods',
        default: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'],
        meaning: 'Methods that may be retried (upper-cased by the setter).',
        source: `${OPTIONS_FILE} (\`retry.methods\`; setter: \`retry.methods.map(method => method.toUpperCase())\`)`,
      },
      statusCodes: {
        role: 'status-codes',
        unit: 'status-codes',
        default: [408, 413, 429, 500, 502, 503, 504, 521, 522, 524],
        meaning: 'Statuses that are retried.',
        source: `${OPTIONS_FILE} (\`retry.statusCodes\`)`,
      },
      errorCodes: {
        role: 'condition',
        unit: 'object',
        default: ['ETIMEDOUT', 'ECONNRESET', 'EADDRINUSE', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'ENETUNREACH', 'EAI_AGAIN'],
        meaning: 'Network error codes that are retried.',
        source: `${OPTIONS_FILE} (\`retry.errorCodes\`)`,
      },
      calculateDelay: {
        role: 'delay',
        unit: 'function',
        default: 'identity on computedValue',
        meaning: 'Returns the delay in milliseconds (0 stops retrying). Unless `enforceRetryRules` is true it is called for every failure and overrides limit, methods and status codes.',
        source: `${OPTIONS_FILE} (\`calculateDelay: ({ computedValue }) => computedValue\`); dist/source/core/index.js (\`enforceRetryRules\`)`,
      },
      enforceRetryRules: {
        role: 'other',
        unit: 'boolean',
        default: false,
        meaning: 'When true, limit, methods, status and error codes are checked before `calculateDelay` is called.',
        source: `${OPTIONS_FILE} (\`enforceRetryRules: false\`)`,
      },
      backoffLimit: {
        role: 'max-delay',
        unit: 'milliseconds',
        default: Number.POSITIVE_INFINITY,
        meaning: 'Upper bound of the computed delay.',
        source: `${OPTIONS_FILE} (\`backoffLimit: Number.POSITIVE_INFINITY\`)`,
      },
      noise: {
        role: 'jitter',
        unit: 'milliseconds',
        default: 100,
        meaning: 'Random noise added to each delay, in [0, noise) ms; at most ±100 (the setter throws beyond). 0 removes the jitter.',
        source: `${OPTIONS_FILE} (\`noise: 100\`; "The maximum acceptable retry noise is +/- 100ms"); ${DELAY_FILE}`,
      },
      maxRetryAfter: {
        role: 'other',
        unit: 'milliseconds',
        default: undefined,
        meaning: 'Longest Retry-After honoured; undefined falls back to `timeout.request`, then Infinity.',
        source: `${OPTIONS_FILE} (\`maxRetryAfter: undefined\`); dist/source/core/index.js (\`computedValue: retryOptions.maxRetryAfter ?? options.timeout.request ?? Number.POSITIVE_INFINITY\`)`,
      },
    },
  },
} as const satisfies HttpClientWithRetrySpec;
