/**
 * superagent: `superagent.get(url)`, `superagent(method, url)`, agents from `superagent.agent()`. A request
 * has no timeout until `.timeout(ms)` or `.timeout({ response, deadline, upload })` is chained on it (or on
 * the agent, whose settings every request inherits). `.retry(n)` retries on every method, POST included.
 * Read from superagent 10.4.2 as installed (lib/node/index.js, lib/request-base.js, lib/agent-base.js).
 */
import type { HttpClientSpec, OptionSpec } from '../types.js';

const verb = (method: string) => ({ method }) as const;

export const superagent = {
  name: 'superagent',
  packages: ['superagent'],
  versionRead: '10.4.2',
  repository: 'https://github.com/ladjs/superagent',
  // lib/node/index.js `request(method, url)`: with one argument it is a GET of that URL.
  call: { methodArgument: 0 },
  // lib/node/index.js: one function per name of the `methods` package plus `del`, each `(url, data, fn)`.
  requestFunctions: {
    get: verb('GET'),
    head: verb('HEAD'),
    options: verb('OPTIONS'),
    post: verb('POST'),
    put: verb('PUT'),
    patch: verb('PATCH'),
    delete: verb('DELETE'),
    del: verb('DELETE'),
  },
  // lib/node/agent.js: `superagent.agent()` returns an Agent; lib/agent-base.js replays `timeout`, `set`,
  // `retry`, `use` … called on the agent onto every request it sends.
  instanceFactories: { agent: {} },
  timeout: {
    unit: 'milliseconds',
    // lib/request-base.js: `_timeout` is never set until `.timeout()`; `_setTimeouts` arms timers only
    // `if (this._timeout && !this._timer)` ("Value of 0 or false means no timeout").
    default: undefined,
    disabledBy: [0, false],
    advice: 'chain `.timeout({ response, deadline })`',
    insert: { kind: 'chain', code: '.timeout({ response: 5_000, deadline: 10_000 })' },
    meaning: 'Set by `.timeout(ms)` (a deadline) or `.timeout({ response, deadline, upload })`; none by default.',
    source: 'superagent@10.4.2 lib/request-base.js (`RequestBase.prototype.timeout`, `_setTimeouts`)',
  },
  deadlineOptions: [],
  timeoutMethods: ['timeout'],
  // lib/request-base.js `RequestBase.prototype.set(field, value)`, or an object of fields; an agent replays it on every request.
  headerMethods: ['set'],
  // lib/agent-base.js: the methods an agent records and replays, each returning the agent.
  instanceChainMethods: ['timeout', 'set', 'retry', 'use', 'auth', 'accept', 'type', 'query', 'ok', 'redirects', 'ca', 'key', 'cert', 'pfx', 'on', 'once'],
  retryMethod: 'retry',
} as const satisfies HttpClientSpec;

/** `.retry(count, callback?)`: retries on listed errors and statuses whatever the method (the method filter is commented out). */
export const superagentRetry = {
  method: superagent.retryMethod,
  retries: {
    unit: 'count',
    default: 1,
    meaning: 'Retries after the first attempt; `.retry()` and `.retry(true)` mean 1.',
    source: 'superagent@10.4.2 lib/request-base.js (`RequestBase.prototype.retry`: "Default to 1 if no count passed or true")',
  },
  methods: {
    unit: 'http-methods',
    default: 'all',
    meaning: 'Every method is retried, POST and PATCH included.',
    source: 'superagent@10.4.2 lib/request-base.js (`_shouldRetry`: the METHODS check is commented out)',
  },
  backoff: {
    unit: 'milliseconds',
    default: 0,
    meaning: 'No wait: a failed attempt is sent again at once, with no delay and no jitter.',
    source: 'superagent@10.4.2 lib/node/index.js (`Request.prototype.callback`: `if (this._shouldRetry(error, res)) return this._retry()`, no timer)',
  },
  condition: {
    unit: 'status-codes',
    default: '408, 413, 429, 500, 502, 503, 504, 521, 522, 524 and network errors; the callback overrides',
    meaning: 'What is retried: these statuses, ETIMEDOUT, ECONNRESET and other connection errors, timeouts; `.retry(n, callback)` decides first when the callback returns a boolean.',
    source: 'superagent@10.4.2 lib/request-base.js (`STATUS_CODES`, `ERROR_CODES`, `_shouldRetry`)',
  },
} as const satisfies { method: string; retries: OptionSpec<number>; methods: OptionSpec<string>; backoff: OptionSpec<number>; condition: OptionSpec<string> };
