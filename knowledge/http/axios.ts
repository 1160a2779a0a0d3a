/**
 * axios: the default export, `axios.create()` instances, their request methods and what bounds a request.
 * Read from axios 1.21.1 as installed (lib/axios.js, lib/core/Axios.js, lib/defaults/index.js,
 * lib/adapters/http.js, index.d.ts).
 */
import type { HttpClientSpec, OptionSpec } from '../types.js';

const noData = { optionsArgument: 1 } as const;
const withData = { optionsArgument: 2 } as const;

export const axios = {
  name: 'axios',
  packages: ['axios'],
  versionRead: '1.21.1',
  repository: 'https://github.com/axios/axios',
  // lib/axios.js `createInstance`: the default export and every instance are `Axios.prototype.request`
  // bound to a context, so `axios(config)` and `axios(url, config)` both send a request.
  call: { optionsArgument: 1, urlOptional: true },
  // lib/core/Axios.js: `['delete', 'get', 'head', 'options']` take (url, config); `['post', 'put', 'patch',
  // 'query']` take (url, data, config) and, except query, have a `…Form` variant with the same arguments.
  requestFunctions: {
    request: { optionsArgument: 0 },
    get: { method: 'GET', ...noData },
    delete: { method: 'DELETE', ...noData },
    head: { method: 'HEAD', ...noData },
    options: { method: 'OPTIONS', ...noData },
    post: { method: 'POST', ...withData },
    put: { method: 'PUT', ...withData },
    patch: { method: 'PATCH', ...withData },
    query: { method: 'QUERY', ...withData },
    postForm: { method: 'POST', ...withData },
    putForm: { method: 'PUT', ...withData },
    patchForm: { method: 'PATCH', ...withData },
  },
  // lib/axios.js: `instance.create = (instanceConfig) => createInstance(mergeConfig(defaultConfig, instanceConfig))`;
  // index.js re-exports `create` as a named export.
  instanceFactories: { create: { optionsArgument: 0 } },
  timeout: {
    option: 'timeout',
    unit: 'milliseconds',
    // lib/defaults/index.js: `timeout: 0` ("If set to 0 (default) a timeout is not created");
    // lib/adapters/http.js only arms `req.setTimeout` when `timeout` is truthy.
    default: undefined,
    disabledBy: [0],
    advice: 'set `timeout` (milliseconds) in the config or the instance defaults',
    insert: { kind: 'option', code: 'timeout: 10_000' },
    meaning: 'Milliseconds before the request is aborted with ECONNABORTED; 0 (the default) means no timeout.',
    source: 'axios@1.21.1 lib/defaults/index.js (`timeout: 0`), lib/adapters/http.js (`if (own(\'timeout\'))`)',
  },
  // lib/adapters/http.js: `if (config.cancelToken || config.signal)` subscribes `abort`, so an AbortSignal
  // (AbortSignal.timeout(), an AbortController driven by a deadline) bounds the request too.
  deadlineOptions: ['signal', 'cancelToken'],
  timeoutMethods: [],
  methodOption: 'method',
  headersOption: 'headers',
  // lib/axios.js: `axios.defaults` is the instance's defaults, merged into every `axios.create()` config.
  writableDefaults: 'defaults',
  // lib/core/AxiosError.js: `this.config = config` on every error a request fails with.
  errorConfigProperty: 'config',
} as const satisfies HttpClientSpec;

/** Where an instance keeps its defaults and its interceptors (lib/core/Axios.js constructor). */
export const axiosInstanceShape = {
  /** `instance.defaults` is the merged config; `instance.defaults.timeout = 5000` sets the timeout for later calls. */
  defaults: 'defaults',
  /** `instance.defaults.headers.common[name]` and `instance.defaults.headers[method][name]` (lib/defaults/index.js). */
  headerBuckets: ['common', 'delete', 'get', 'head', 'options', 'post', 'put', 'patch', 'query'],
  /** `instance.interceptors.request.use(onFulfilled)`: onFulfilled receives and returns the request config. */
  requestInterceptors: ['interceptors', 'request', 'use'],
} as const;

/** The HTTP method of `axios(config)` / `axios.request(config)` when neither the config nor the instance sets one. */
export const axiosDefaultMethod = {
  unit: 'http-methods',
  default: 'GET',
  meaning: 'The method sent when the config sets none.',
  source: 'axios@1.21.1 lib/core/Axios.js `_request` (`getSafeProp(config, \'method\') || getSafeProp(this.defaults, \'method\') || \'get\'`)',
} as const satisfies OptionSpec<string>;
