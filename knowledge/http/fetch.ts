/**
 * fetch: the global `fetch` of Node (backed by undici) and undici's own `fetch` export. Neither has a total
 * deadline: undici only bounds the wait for headers and the gaps between body chunks, 300 s each by default,
 * so a bare `fetch()` may hang for five minutes before the first byte and longer for the body.
 * Read from undici 7.30.2 as installed (index.js, lib/dispatcher/client.js, lib/web/fetch/index.js).
 */
import type { HttpClientSpec, OptionSpec } from '../types.js';

export const fetch = {
  name: 'fetch',
  packages: ['undici'],
  versionRead: '7.30.2',
  repository: 'https://github.com/nodejs/undici',
  // index.js: `module.exports.fetch = function fetch (init, options = undefined)`, installed as
  // `globalThis.fetch` by `install()`; Node ships the same implementation as the global.
  globals: ['fetch'],
  call: { optionsArgument: 1 },
  requestFunctions: { fetch: { optionsArgument: 1 } },
  instanceFactories: {},
  timeout: {
    unit: 'milliseconds',
    // There is no timeout option on fetch; lib/web/fetch/index.js aborts only through `requestObject.signal`.
    default: undefined,
    disabledBy: [],
    advice: 'pass `signal: AbortSignal.timeout(ms)`',
    insert: { kind: 'option', code: 'signal: AbortSignal.timeout(10_000)' },
    meaning: 'fetch has no total deadline; only an AbortSignal in `init.signal` bounds the whole request.',
    source: 'undici@7.30.2 lib/web/fetch/index.js (`fetch`, step 11: "Add the following abort steps to requestObject’s signal")',
  },
  // Any signal counts: AbortSignal.timeout(ms), AbortSignal.any([...]) or a controller aborted on a timer.
  deadlineOptions: ['signal'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
  requestClass: 'Request',
} as const satisfies HttpClientSpec;

/**
 * node-fetch: the fetch of Node before it had a global one, still imported by much service code. The module
 * is the function itself (`require('node-fetch')`, `import fetch from 'node-fetch'`). Version 2 adds a
 * `timeout` option in milliseconds, 0 (no timeout) by default; version 3 drops it and bounds a request only
 * through `signal`. Read from node-fetch 2.7.0 as installed (lib/index.js).
 */
export const nodeFetch = {
  name: 'node-fetch',
  packages: ['node-fetch'],
  versionRead: '2.7.0',
  repository: 'https://github.com/node-fetch/node-fetch',
  // lib/index.js: `function fetch(url, opts)`, `module.exports = exports = fetch; exports.default = exports`.
  call: { optionsArgument: 1 },
  requestFunctions: {},
  instanceFactories: {},
  timeout: {
    option: 'timeout',
    unit: 'milliseconds',
    default: undefined,
    disabledBy: [0],
    advice: 'pass `signal: AbortSignal.timeout(ms)`',
    insert: { kind: 'option', code: 'signal: AbortSignal.timeout(10_000)' },
    meaning: 'Milliseconds before the request and the body read fail (version 2 only); 0, the default, means no timeout.',
    source: 'node-fetch@2.7.0 lib/index.js (`timeout: init.timeout || input.timeout || 0`; `if (request.timeout)` arms the timer)',
  },
  deadlineOptions: ['signal'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
  requestClass: 'Request',
} as const satisfies HttpClientSpec;

/**
 * undici's own request API: `request(url, options)` and `stream(url, options, factory)`. Like fetch it has no
 * total deadline; `headersTimeout` and `bodyTimeout` may be set per request (300 s each when not), and a
 * `signal` aborts it. An explicit `headersTimeout` is read as a deliberate limit.
 */
export const undiciRequest = {
  name: 'undici',
  packages: ['undici'],
  versionRead: '7.30.2',
  repository: 'https://github.com/nodejs/undici',
  // index.js: `module.exports.request = makeDispatcher(api.request)`, `module.exports.stream = makeDispatcher(api.stream)`.
  requestFunctions: { request: { optionsArgument: 1 }, stream: { optionsArgument: 1 } },
  instanceFactories: {},
  timeout: {
    option: 'headersTimeout',
    unit: 'milliseconds',
    // lib/core/request.js keeps `headersTimeout` as given; lib/dispatcher/client.js falls back to 300e3.
    default: undefined,
    disabledBy: [0],
    advice: 'pass `signal: AbortSignal.timeout(ms)`',
    insert: { kind: 'option', code: 'signal: AbortSignal.timeout(10_000)' },
    meaning: 'Longest wait for the response headers of this request; 300 s when not set, 0 disables it.',
    source: 'undici@7.30.2 types/dispatcher.d.ts (`DispatchOptions.headersTimeout`: "Defaults to 300 seconds"), lib/core/request.js',
  },
  deadlineOptions: ['signal'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
} as const satisfies HttpClientSpec;

/** Dispatchers whose constructor options set per-phase limits for every request sent through them. */
export const undiciDispatchers = {
  option: 'dispatcher',
  classes: ['Agent', 'Pool', 'Client', 'ProxyAgent', 'EnvHttpProxyAgent'],
  timeoutOption: 'headersTimeout',
  source: 'undici@7.30.2 types/client.d.ts (`ClientOptions.headersTimeout`), lib/dispatcher/agent.js (options passed to each Pool)',
} as const;

/** The per-phase limits of undici's dispatcher (Client, Pool, Agent): the only bound a fetch has without a signal. */
export const undiciDispatcherTimeouts = {
  headersTimeout: {
    unit: 'milliseconds',
    default: 300_000,
    meaning: 'Longest wait for the complete response headers; 0 disables it. Not a total deadline.',
    source: 'undici@7.30.2 lib/dispatcher/client.js (`this[kHeadersTimeout] = headersTimeout != null ? headersTimeout : 300e3`)',
  },
  bodyTimeout: {
    unit: 'milliseconds',
    default: 300_000,
    meaning: 'Longest gap between two body chunks (an idle timeout, not a deadline); 0 disables it.',
    source: 'undici@7.30.2 lib/dispatcher/client.js (`this[kBodyTimeout] = bodyTimeout != null ? bodyTimeout : 300e3`)',
  },
} as const satisfies Record<string, OptionSpec<number>>;

/** The default method of `fetch(input)` when `init.method` is absent (the Fetch standard's request method is GET). */
export const fetchDefaultMethod = {
  unit: 'http-methods',
  default: 'GET',
  meaning: 'The method sent when `init.method` is not set.',
  source: 'undici@7.30.2 lib/web/fetch/request.js (`makeRequest`: `method: init.method ?? \'GET\'`)',
} as const satisfies OptionSpec<string>;
