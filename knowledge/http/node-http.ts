/**
 * node:http and node:https: `request()` and `get()`. A ClientRequest has no timeout unless one is set with
 * the `timeout` option, `req.setTimeout()` or an Agent's `timeout`; even then the timeout only emits
 * 'timeout' and the handler must destroy the request. An AbortSignal (`signal`) destroys it by itself.
 * Read from @types/node 20.19.43 (http.d.ts, https.d.ts) as installed, and from Node's lib/_http_client.js
 * (v20, the runtime this package supports), which arms a timer only `if (options.timeout !== undefined)`.
 */
import type { HttpClientSpec } from '../types.js';

export const nodeHttp = {
  name: 'node:http',
  packages: ['http', 'node:http', 'https', 'node:https'],
  versionRead: '20.19.43',
  repository: 'https://github.com/nodejs/node',
  // http.d.ts / https.d.ts: `request(options | string | URL, callback?)` and
  // `request(url: string | URL, options: RequestOptions, callback?)`; `get` is the same with method GET.
  requestFunctions: {
    request: { optionsArgument: 1, urlOptional: true },
    get: { method: 'GET', optionsArgument: 1, urlOptional: true },
  },
  instanceFactories: {},
  timeout: {
    option: 'timeout',
    unit: 'milliseconds',
    default: undefined,
    disabledBy: [0],
    advice: "pass `signal: AbortSignal.timeout(ms)`, or set `timeout` and destroy the request on 'timeout'",
    insert: { kind: 'option', code: 'signal: AbortSignal.timeout(10_000)' },
    meaning: 'Socket idle timeout in milliseconds; emits \'timeout\' on the request, which the handler must destroy.',
    source: '@types/node@20.19.43 http.d.ts (`ClientRequestArgs.timeout`, `ClientRequest.setTimeout`); node v20 lib/_http_client.js',
  },
  // http.d.ts `ClientRequestArgs.signal`: "Passing an AbortSignal and then calling abort() … will behave the
  // same way as calling .destroy() on the request".
  deadlineOptions: ['signal'],
  // http.d.ts: `ClientRequest.setTimeout(timeout, callback?)`; "Once a socket is assigned to this request
  // and is connected socket.setTimeout() will be called."
  timeoutMethods: ['setTimeout'],
  methodOption: 'method',
  headersOption: 'headers',
  // http.d.ts: `OutgoingMessage.setHeader(name, value)` before the request is ended.
  headerMethods: ['setHeader'],
} as const satisfies HttpClientSpec;

/** `new http.Agent({ timeout })` sets the socket timeout of every request sent through it (http.d.ts `AgentOptions.timeout`). */
export const nodeHttpAgent = {
  option: 'agent',
  classes: ['Agent'],
  timeoutOption: 'timeout',
  source: '@types/node@20.19.43 http.d.ts (`AgentOptions.timeout`: "Socket timeout in milliseconds")',
} as const;
