/**
 * Circuit breakers: what makes one, and the defaults that decide when it opens and when it lets a call
 * through again. opossum: `new CircuitBreaker(action, options)` (the default export, a class) and its
 * `.fire(…)`; cockatiel: `circuitBreaker(policy, { halfOpenAfter, breaker })`, the `CircuitBreakerPolicy`
 * it returns, and `wrap(…policies)` that composes a breaker with a retry.
 * Read from opossum 9.0.0 (lib/circuit.js) and cockatiel 3.2.1 (dist/Policy.js, dist/CircuitBreakerPolicy.js)
 * as installed. Also: the packages whose calls leave the process, from the HTTP client tables.
 */
import { axios } from '../http/axios.js';
import { fetch, undiciRequest } from '../http/fetch.js';
import { got } from '../http/got.js';
import { ky } from '../http/ky.js';
import { nodeHttp } from '../http/node-http.js';
import { superagent } from '../http/superagent.js';
import type { CircuitBreakerSpec, Specifier } from '../types.js';
import { asyncRetry } from './async-retry.js';
import { axiosRetry } from './axios-retry.js';
import { cockatiel, COCKATIEL_EXECUTE } from './cockatiel.js';
import { nodeRetry } from './node-retry.js';
import { pRetry } from './p-retry.js';
import { retryAxios } from './retry-axios.js';

const OPOSSUM = 'opossum@9.0.0 lib/circuit.js';
const COCKATIEL_POLICY = 'cockatiel@3.2.1 dist/Policy.js';
const COCKATIEL_BREAKER = 'cockatiel@3.2.1 dist/CircuitBreakerPolicy.js';

export const opossum = {
  name: 'opossum',
  packages: ['opossum'],
  versionRead: '9.0.0',
  repository: 'https://github.com/nodeshift/opossum',
  // index.js: `module.exports = exports = require('./lib/circuit')`, the CircuitBreaker class.
  breakers: ['default'],
  options: {
    timeout: { unit: 'milliseconds', default: 10_000, meaning: 'A call slower than this counts as a failure.', source: `${OPOSSUM} (\`this.options.timeout = options.timeout ?? 10000\`)` },
    resetTimeout: { unit: 'milliseconds', default: 30_000, meaning: 'How long the circuit stays open before a trial call.', source: `${OPOSSUM} (\`this.options.resetTimeout = options.resetTimeout ?? 30000\`)` },
    errorThresholdPercentage: { unit: 'count', default: 50, meaning: 'The failure percentage in the rolling window that opens the circuit.', source: `${OPOSSUM} (\`options.errorThresholdPercentage ?? 50\`)` },
    rollingCountTimeout: { unit: 'milliseconds', default: 10_000, meaning: 'The length of the rolling statistics window.', source: `${OPOSSUM} (\`this.options.rollingCountTimeout = options.rollingCountTimeout ?? 10000\`)` },
    volumeThreshold: { unit: 'count', default: 0, meaning: 'Calls needed in the window before the circuit may open.', source: `${OPOSSUM} (\`Number.isInteger(options.volumeThreshold) ? options.volumeThreshold : 0\`)` },
  },
} as const satisfies CircuitBreakerSpec;

export const cockatielBreaker = {
  name: 'cockatiel circuitBreaker',
  packages: ['cockatiel'],
  versionRead: '3.2.1',
  repository: 'https://github.com/connor4312/cockatiel',
  // `circuitBreaker(policy, opts)` returns `new CircuitBreakerPolicy(opts, …)`; `wrap(...p)` composes policies.
  // (4.x adds `halfOpenSampling`, trial calls while half-open; 3.2.1 lets one call through.)
  breakers: ['circuitBreaker', 'wrap', 'CircuitBreakerPolicy'],
  options: {
    halfOpenAfter: { unit: 'milliseconds', default: undefined, meaning: 'Required: when an open circuit lets a trial call through (or a backoff).', source: `${COCKATIEL_POLICY} (\`circuitBreaker(policy, opts)\`); ${COCKATIEL_BREAKER} (\`typeof options.halfOpenAfter === 'number' ? new ConstantBackoff(…)\`)` },
    breaker: { unit: 'object', default: undefined, meaning: 'Required: ConsecutiveBreaker(threshold) or SamplingBreaker({ threshold, duration, minimumRps }).', source: COCKATIEL_POLICY },
  },
} as const satisfies CircuitBreakerSpec;

export const CIRCUIT_BREAKERS: readonly CircuitBreakerSpec[] = [opossum, cockatielBreaker];

/** Every export that makes a breaker, as `{ package, name }` specifiers (the policy file adds its own). */
export const BUILT_IN_BREAKERS: readonly Specifier[] = CIRCUIT_BREAKERS.flatMap((spec) => spec.packages.flatMap((name) => spec.breakers.map((breaker) => ({ package: name, name: breaker }))));

/**
 * Packages whose calls leave the process: the HTTP clients' own packages, and `undici-types`, where
 * @types/node declares the global `fetch` (undici-types/fetch.d.ts `export declare function fetch`).
 */
export const HTTP_CLIENT_PACKAGES: ReadonlySet<string> = new Set([...[axios, fetch, undiciRequest, got, ky, nodeHttp, superagent].flatMap((spec) => spec.packages), 'undici-types']);

/** Globals that send a request (`fetch`). */
export const HTTP_CLIENT_GLOBALS: ReadonlySet<string> = new Set(fetch.globals);

/**
 * Retries that a breaker must cover, by the library a retry policy is recorded with. A client's own retry
 * (axios-retry and retry-axios on an axios instance, got's, ky's and superagent's built-in retry): the client
 * is the dependency.
 */
export const CLIENT_RETRY_LIBRARIES: ReadonlySet<string> = new Set([axiosRetry.name, retryAxios.name, got.name, ky.name, superagent.name]);

/**
 * Clients that retry by default, on their own (got and ky: `retry.limit` 2, idempotent methods only): a
 * request whose options all come from elsewhere (`ky(url, { ...options })`) may carry no retry at all.
 */
export const DEFAULT_RETRY_CLIENTS: ReadonlySet<string> = new Set([got.name, ky.name]);

/**
 * The functions of those clients that make an instance (`ky.create`, `ky.extend`, `got.extend`) rather than
 * send a request: a retry recorded on one belongs to the instance, whose requests are sent elsewhere.
 */
export const DEFAULT_RETRY_INSTANCE_FACTORIES: ReadonlySet<string> = new Set([got, ky].flatMap((spec) => Object.keys(spec.instanceFactories)));

/** A wrapper that retries the function it is given: the dependency is what that function calls. */
export const OPERATION_RETRY_LIBRARIES: ReadonlySet<string> = new Set([pRetry.name, asyncRetry.name, cockatiel.name, nodeRetry.name]);

/**
 * Methods of a retry policy object that run the retried function: cockatiel `policy.execute(fn)`, node-retry
 * `operation.attempt(fn)` (retry 0.13.1 lib/retry_operation.js `RetryOperation.prototype.attempt = function(fn, timeoutOps)`).
 */
export const RETRY_RUN_METHODS: ReadonlySet<string> = new Set([COCKATIEL_EXECUTE.method, 'attempt']);
