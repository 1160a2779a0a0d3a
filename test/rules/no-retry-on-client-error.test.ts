import * as espree from 'espree';

import rule from '../../rules/no-retry-on-client-error.js';
import { COMMONJS, createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs once over TypeScript, plain JavaScript, CommonJS and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

createRuleTester().run('no-retry-on-client-error', rule, {
  valid: [
    // The helper rejects only on a 5xx: a 404 resolves and is never retried.
    `
import https from 'node:https';
import pRetry from 'p-retry';

function download(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    https.get(url, { timeout: 5000 }, (res) => {
      if ((res.statusCode ?? 0) >= 500) {
        reject(new Error('image host failed with ' + res.statusCode));
        return;
      }
      resolve(res);
    }).on('error', reject);
  });
}

export const fetchImage = (url: string) => pRetry(() => download(url), { retries: 3, randomize: true });`,
    // A node-style callback retrying a file copy: no HTTP answer can reach `if (err)`.
    {
      code: `
const fs = require('fs-extra');
function copyWithRetry(from, to, done, attempt = 0) {
  fs.copy(from, to, (err) => {
    if (err) {
      if (attempt >= 3) return done(err);
      return setTimeout(() => copyWithRetry(from, to, done, attempt + 1), 200 * 2 ** attempt * Math.random());
    }
    done();
  });
}`,
      languageOptions: COMMONJS,
    },
    // The operation is a parameter: what the enclosing function does is not what the retry retries.
    `
import axios from 'axios';
import pRetry from 'p-retry';
export async function callWithRetry(operation: () => Promise<unknown>) {
  await axios.get('https://health.internal/ping', { timeout: 1000 });
  return pRetry(operation, { retries: 3, randomize: true });
}`,
    // library defaults retry network errors, 5xx and 429 only
    `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    `
import axiosRetry, { isNetworkOrIdempotentRequestError, isRetryableError } from 'axios-retry';
axiosRetry(payments, { retryCondition: isNetworkOrIdempotentRequestError });
axiosRetry(search, { retryCondition: isRetryableError });`,
    // custom conditions that retry only transient failures
    `
import axiosRetry from 'axios-retry';
axiosRetry(client, {
  retryCondition: (error) => axiosRetry.isNetworkError(error) || error.response?.status === 429 || (error.response?.status ?? 0) >= 500,
});`,
    `
import axiosRetry from 'axios-retry';
const RETRYABLE = new Set([408, 429, 502, 503, 504]);
function isTransient(error: AxiosError): boolean {
  if (!error.response) return true;
  return RETRYABLE.has(error.response.status);
}
axiosRetry(client, { retryCondition: isTransient });`,
    {
      code: `
const axiosRetry = require('axios-retry').default;
axiosRetry(client, { retryCondition: (error) => error.code === 'ECONNRESET' || error.response.status >= 500 });`,
      languageOptions: COMMONJS,
    },
    `
import pRetry, { AbortError } from 'p-retry';
export const getOrder = (id: string) =>
  pRetry(() => orders.get(id), {
    retries: 4,
    randomize: true,
    shouldRetry: ({ error }) => !(error instanceof HTTPError) || error.response.status >= 500 || error.response.status === 429,
  });`,
    // a condition the rule cannot follow is not reported
    `
import pRetry from 'p-retry';
import { isRetryable } from './errors';
export const getOrder = (id: string) => pRetry(() => orders.get(id), { randomize: true, shouldRetry: ({ error }) => isRetryable(error) });`,
    // retrying every error is harmless when the operation never fails with a 4xx
    `
import retry from 'async-retry';
export const publish = (event: OrderEvent) => retry(async () => broker.publish(event));`,
    `
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const policy = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });
export const connect = () => policy.execute(() => pool.connect());`,
    `
import pRetry from 'p-retry';
export const ping = () => pRetry(async () => { const response = await fetch(healthUrl); return response.status; }, { randomize: true });`,
    // a helper only declared here (its body is elsewhere): fetch resolves on 4xx, the helper is not followed
    `
import pRetry from 'p-retry';
declare function signedHeaders(body: string): Promise<Record<string, string>>;
export const send = (url: string, body: string) => pRetry(async () => fetch(url, { method: 'POST', body, headers: await signedHeaders(body) }), { retries: 3, randomize: true });`,
    // a request that resolves on every answer (validateStatus), and a wrapper whose callers here send no request
    `
import axios from 'axios';
import pRetry from 'p-retry';
const orders = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000 });
export const getOrder = (id: string) => pRetry(() => orders.get(\`/orders/\${id}\`, { validateStatus: () => true }), { retries: 3, randomize: true });`,
    `
import pRetry from 'p-retry';
export async function withRetry<T>(operation: () => Promise<T>): Promise<T> {
  return pRetry(async () => operation(), { retries: 3, randomize: true });
}
export const connect = () => withRetry(() => pool.connect());`,
    // the operation decides: async-retry bail, p-retry AbortError
    `
import axios from 'axios';
import retry from 'async-retry';
export const loadAccount = (id: string) =>
  retry(async (bail) => {
    try {
      return (await axios.get(\`https://accounts.internal/\${id}\`, { timeout: 3_000 })).data;
    } catch (error) {
      if (axios.isAxiosError(error) && error.response && error.response.status < 500) bail(error);
      throw error;
    }
  });`,
    `
import pRetry, { AbortError } from 'p-retry';
export const getUser = (id: string) =>
  pRetry(async () => {
    const response = await fetch(\`https://users.internal/\${id}\`, { signal: AbortSignal.timeout(2_000) });
    if (response.status === 404) throw new AbortError(response.statusText);
    if (!response.ok) throw new Error(response.statusText);
    return response.json();
  }, { randomize: true });`,
    // a retry wrapped with a circuit breaker around an operation that does not fail on an HTTP answer
    `
import { ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleAll, retry, wrap } from 'cockatiel';
const policy = wrap(retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() }), circuitBreaker(handleAll, { halfOpenAfter: 5_000, breaker: new ConsecutiveBreaker(3) }));
export const connect = () => policy.execute(() => pool.connect());`,
    // cockatiel filters that match only transient errors
    `
import { ExponentialBackoff, handleType, handleWhen, retry } from 'cockatiel';
export const a = retry(handleWhen((error) => error.status >= 500 || error.status === 429), { maxAttempts: 3, backoff: new ExponentialBackoff() });
export const b = retry(handleType(BrokenCircuitError), { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
    // retry-axios and got/ky status lists with retry-safe statuses only
    `
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { retry: 3, jitter: 'full', statusCodesToRetry: [[429, 429], [500, 599]] } });
rax.attach(client);`,
    `
import got from 'got';
export const api = got.extend({ retry: { limit: 3, statusCodes: [408, 413, 429, 500, 502, 503, 504] } });`,
    {
      code: `
import ky from 'ky';
export const api = ky.create({ retry: { limit: 3, jitter: true, shouldRetry: ({ error }) => error.response?.status === 503 } });`,
      languageOptions: javascript,
    },
    // allowedStatuses: a service that answers 409 while a lock is held
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error) => error.response?.status === 409 || error.response?.status >= 500 });`,
      options: [{ allowedStatuses: [409] }],
    },
    // with types, a list imported from another module is read
    {
      code: `
import got from 'got';
import { TRANSIENT_STATUSES } from './retry-settings.js';
export const api = got.extend({ retry: { limit: 3, statusCodes: TRANSIENT_STATUSES } });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // with types, a wrapper around an imported function that sends no request
    {
      code: `
import pRetry from 'p-retry';
import { lookUpRate } from './platform-clients.js';
export const rate = (currency: string) => pRetry(() => lookUpRate(currency), { retries: 3, randomize: true });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // hand-written: a catch around a call that may not be HTTP at all; a fetch loop that retries network errors only
    {
      code: `
export async function syncInventory(sendBatch) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await sendBatch();
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
    }
  }
}`,
      languageOptions: javascript,
    },
    {
      code: `
export async function loadProfile(id) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(\`https://profiles.internal/\${id}\`, { signal: AbortSignal.timeout(2_000) });
      return res;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
    }
  }
}`,
      languageOptions: { ...javascript, globals: { fetch: 'readonly', AbortSignal: 'readonly' } },
    },
    // hand-written: a .catch(cb) that retries a function it was given, which may not be HTTP at all
    {
      code: `
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const retry = (fn, retriesLeft = 3, interval = 200) =>
  fn().catch(async (error) => {
    if (retriesLeft === 1) throw error;
    await delay(interval * Math.random());
    return retry(fn, retriesLeft - 1, interval * 2);
  });`,
      languageOptions: javascript,
    },
    // an axios interceptor that re-sends once on 401 after refreshing the token is an authentication flow
    `
import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { refreshAccessToken } from './auth.js';
export const api = axios.create({ baseURL: process.env.API_URL, timeout: 5_000 });
api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as InternalAxiosRequestConfig & { _retry?: boolean };
  if (error.response?.status === 401 && !config._retry) {
    config._retry = true;
    await refreshAccessToken();
    return api(config);
  }
  return Promise.reject(error);
});`,
    {
      code: `
import axios from 'axios';
const http = axios.create({ timeout: 5000 });
let refreshing = null;
http.interceptors.response.use(
  (response) => response,
  (error) => {
    const original = error.config;
    if (error.response && error.response.status === 401 && !original._retry) {
      original._retry = true;
      refreshing = refreshing || getNewToken().finally(() => { refreshing = null; });
      return new Promise((resolve, reject) => {
        refreshing.then(() => resolve(http(original)), reject);
      });
    }
    return Promise.reject(error);
  },
);`,
      languageOptions: javascript,
    },
    // an axios interceptor that re-sends only network errors, 5xx and 429
    `
import axios, { type AxiosError } from 'axios';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const inventory = axios.create({ baseURL: 'http://inventory:8080', timeout: 4000 });
inventory.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as (typeof error.config & { __retryCount?: number }) | undefined;
  const status = error.response?.status;
  const transient = status === undefined || status >= 500 || status === 429;
  if (!config || !transient || (config.__retryCount ?? 0) >= 3) throw error;
  config.__retryCount = (config.__retryCount ?? 0) + 1;
  await sleep(Math.random() * 100 * 2 ** config.__retryCount);
  return inventory(config);
});`,
    // async-retry: a bail in the catch sees the axios rejection, so it does filter 4xx
    {
      code: `
const retry = require('async-retry');
const axios = require('axios');
async function getRate(currency) {
  return retry(async (bail) => {
    try {
      const { data } = await axios.get(\`https://fx.internal/rates/\${currency}\`, { timeout: 2000 });
      return data.rate;
    } catch (err) {
      if (err.response?.status < 500 && err.response?.status !== 429) {
        bail(err);
        return undefined;
      }
      throw err;
    }
  }, { retries: 3 });
}
module.exports = { getRate };`,
      languageOptions: COMMONJS,
    },
    // a 401 or 403 retried behind a beforeRetry hook that refreshes credentials may get another answer
    `
import ky from 'ky';
export const orders = ky.create({
  prefixUrl: 'https://orders.internal',
  retry: { limit: 2, statusCodes: [401, 403, 500, 503], jitter: true },
  hooks: { beforeRetry: [async ({ request }) => request.headers.set('Authorization', \`Bearer \${await tokens.refresh()}\`)] },
});`,
    `
import got from 'got';
export const billing = got.extend({
  timeout: { request: 5000 },
  retry: { limit: 2, statusCodes: [401, 500, 502, 503] },
  hooks: { beforeRetry: [async (error) => { error.options.headers.authorization = await renewToken(); }] },
});`,
    // rxjs: a retry after from(promise) subscribes again to a promise that already settled: no request is sent twice.
    `
import axios from 'axios';
import { from, lastValueFrom, retry } from 'rxjs';

export const loadAsset = (url: string) => lastValueFrom(from(axios.get(url, { timeout: 5_000 })).pipe(retry(3)));`,
    // rxjs: a delay function that gives up on some errors decides which are retried.
    `
import axios from 'axios';
import { defer, retry, throwError, timer } from 'rxjs';

export const quote$ = (id: string) =>
  defer(() => axios.get(\`https://quotes.internal/\${id}\`, { timeout: 2_000 })).pipe(
    retry({ count: 3, delay: (error, attempt) => ((error.response?.status ?? 500) >= 500 ? timer(attempt * 300) : throwError(() => error)) }),
  );`,
    // rxjs: a fetch that resolves on 404 never errors on one, so the retry never sees it.
    `
import { defer, retry, timer } from 'rxjs';

export const feed$ = defer(() => fetch('https://feed.internal/latest', { signal: AbortSignal.timeout(2_000) })).pipe(
  retry({ count: 3, delay: (_error, attempt) => timer(attempt * 500) }),
);`,
    // rxjs: a retryWhen notifier that rethrows what it will not retry.
    `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { retryWhen, mergeMap, timer, throwError } from 'rxjs';

@Injectable()
export class StockClient {
  constructor(private readonly http: HttpService) {}

  level(sku: string) {
    return this.http.get(\`https://stock.internal/\${sku}\`).pipe(
      retryWhen((errors) => errors.pipe(mergeMap((error, index) => (index < 3 && error.response?.status >= 500 ? timer(500) : throwError(() => error))))),
    );
  }
}`,
  ],
  invalid: [
    {
      // NestJS HttpService observables error on every 4xx, and retry(3) sends a missing order's request four times.
      code: `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { retry } from 'rxjs';

@Injectable()
export class OrdersClient {
  constructor(private readonly http: HttpService) {}

  find(id: string) {
    return this.http.get(\`https://orders.internal/\${id}\`).pipe(retry(3));
  }
}`,
      errors: [{ messageId: 'retriesEveryError', line: 11, column: 64, data: { library: 'rxjs' } }],
      output: null,
    },
    {
      // defer() calls its factory on every subscription: each retry is a new axios request, 404s included.
      code: `
const { defer, retry, timer } = require('rxjs');
const axios = require('axios');

const profile$ = (id) =>
  defer(() => axios.get('https://profiles.internal/' + id, { timeout: 2000 })).pipe(
    retry({ count: 4, delay: (_error, attempt) => timer(2 ** attempt * 100 + Math.random() * 100) }),
  );
module.exports = { profile$ };`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'retriesEveryError', line: 7, column: 5, data: { library: 'rxjs' } }],
      output: null,
    },
    {
      // A promise around https.get that rejects on any status but 200: a missing image (404) is fetched four times.
      code: `
import https from 'node:https';
import pRetry from 'p-retry';

function download(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    https.get(url, { timeout: 5000 }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error('image host answered ' + res.statusCode));
        return;
      }
      resolve(res);
    }).on('error', reject);
  });
}

export const fetchImage = (url: string) => pRetry(() => download(url), { retries: 3, randomize: true });`,
      errors: [{ messageId: 'retriesEveryError', line: 17, column: 44, data: { library: 'p-retry' } }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: 3, retryCondition: () => true });`,
      errors: [{ messageId: 'retriesEveryError', line: 3, column: 50, data: { library: 'axios-retry' } }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error) => error.response?.status !== 401 });`,
      errors: [{ messageId: 'retriesClientErrors', line: 3, column: 38, data: { library: 'axios-retry', statuses: '400, 403, 404 and 6 more 4xx' } }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryCondition: (error) => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.response?.status === 404 });`,
      languageOptions: javascript,
      errors: [{ messageId: 'retriesClientErrors', line: 3, column: 38, data: { library: 'axios-retry', statuses: '404' } }],
      output: null,
    },
    {
      code: `
const axiosRetry = require('axios-retry').default;
function shouldRetry(error) {
  const status = error.response && error.response.status;
  if (!status) return true;
  return status >= 400;
}
axiosRetry(client, { retryCondition: shouldRetry });`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'retriesClientErrors', line: 8, column: 38 }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
export const getOrder = (id: string) => pRetry(() => orders.get(id), { randomize: true, shouldRetry: ({ error }) => error.status >= 400 });`,
      errors: [{ messageId: 'retriesClientErrors', line: 3, column: 102 }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 2_000 });
const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
export const getProduct = (sku: string) => policy.execute(() => catalog.get(\`/products/\${sku}\`));`,
      errors: [{ messageId: 'retriesEveryError', line: 5, column: 22, data: { library: 'cockatiel' } }],
      output: null,
    },
    // the same retry combined with a circuit breaker by wrap(), in place or through a variable
    {
      code: `
import axios from 'axios';
import { ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleAll, retry, wrap } from 'cockatiel';
const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 2_000 });
const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
const resilient = wrap(retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }), breaker);
export const getProduct = (sku: string) => resilient.execute(() => catalog.get(\`/products/\${sku}\`));`,
      errors: [{ messageId: 'retriesEveryError', line: 6, column: 30, data: { library: 'cockatiel' } }],
      output: null,
    },
    {
      code: `
const axios = require('axios');
const cockatiel = require('cockatiel');
const retryPolicy = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3, backoff: new cockatiel.ExponentialBackoff() });
const breaker = cockatiel.circuitBreaker(cockatiel.handleAll, { halfOpenAfter: 10_000, breaker: new cockatiel.ConsecutiveBreaker(5) });
const policy = cockatiel.wrap(breaker, retryPolicy);
exports.listInvoices = (customer) => policy.execute(() => axios.get('https://billing.internal/invoices', { params: { customer }, timeout: 3000 }));`,
      filename: 'file.js',
      errors: [{ messageId: 'retriesEveryError', line: 4, column: 37, data: { library: 'cockatiel' } }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
const run = async () => {
  const response = await fetch('https://profiles.internal/v1/me', { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(response.statusText);
  return response.json();
};
export const loadProfile = () => pRetry(run, { randomize: true, onFailedAttempt: ({ attemptNumber }) => logger.warn({ attemptNumber }, 'profile fetch failed') });`,
      errors: [{ messageId: 'retriesEveryError', line: 8, column: 34, data: { library: 'p-retry' } }],
      output: null,
    },
    {
      // a wrapper that retries whatever it is given, given a fetch that throws on any answer but 2xx
      code: `
import pRetry from 'p-retry';
export async function withRetry<T>(name: string, operation: () => Promise<T>): Promise<T> {
  return pRetry(
    async () => {
      return operation();
    },
    { retries: 3, randomize: true, onFailedAttempt: ({ attemptNumber }) => logger.warn({ name, attemptNumber }, 'retrying') },
  );
}
export const getRefund = (id: string) =>
  withRetry('get refund', async () => {
    const response = await fetch(\`https://refunds.internal/refunds/\${id}\`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(\`refunds answered \${response.status}\`);
    return response.json();
  });`,
      errors: [{ messageId: 'retriesEveryError', line: 4, column: 10, data: { library: 'p-retry' } }],
      output: null,
    },
    {
      code: `
const retry = require('async-retry');
const axios = require('axios');
module.exports.loadAccount = (id) => retry(async () => (await axios.get(\`https://accounts.internal/\${id}\`, { timeout: 3000 })).data, { retries: 5 });`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'retriesEveryError', line: 4, column: 38, data: { library: 'async-retry' } }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
import pRetry from 'p-retry';
export const fetchInvoice = (id: string) =>
  pRetry(() => axios.get(\`https://invoices.internal/\${id}\`, { timeout: 10_000 }), { retries: 3, randomize: true, shouldRetry: ({ error }) => axios.isAxiosError(error) });`,
      errors: [{ messageId: 'retriesEveryError', line: 5, column: 127, data: { library: 'p-retry' } }],
      output: null,
    },
    {
      code: `
import { ExponentialBackoff, handleWhen, retry as withRetry } from 'cockatiel';
const RETRIED = [404, 500, 502, 503];
export const policy = withRetry(handleWhen((error) => RETRIED.includes(error.statusCode)), { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
      errors: [{ messageId: 'retriesClientErrors', line: 4, column: 44, data: { library: 'cockatiel', statuses: '404' } }],
      output: null,
    },
    {
      code: `
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { retry: 3, jitter: 'full', statusCodesToRetry: [[400, 499], [500, 599]] } });
rax.attach(client);`,
      errors: [{ messageId: 'retriesClientErrors', line: 3, column: 90 }],
      output: null,
    },
    {
      code: `
import got from 'got';
export const api = got.extend({ retry: { limit: 3, statusCodes: [401, 429, 500, 502, 503] } });`,
      errors: [{ messageId: 'retriesClientErrors', line: 3, column: 65, data: { library: 'got', statuses: '401' } }],
      output: null,
    },
    {
      code: `
import ky from 'ky';
export const getUser = (id: string) => ky.get(\`/api/users/\${id}\`, { retry: { limit: 3, jitter: true, shouldRetry: () => true } }).json();`,
      errors: [{ messageId: 'retriesEveryError', line: 3, column: 115 }],
      output: null,
    },
    {
      code: `
import got from 'got';
import { RETRYABLE_STATUSES } from './retry-settings.js';
export const api = got.extend({ retry: { limit: 3, statusCodes: RETRYABLE_STATUSES } });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [{ messageId: 'retriesClientErrors', line: 4, column: 65, data: { library: 'got', statuses: '404' } }],
      output: null,
    },
    // with types, a wrapper around an imported function whose axios request rejects on 4xx
    {
      code: `
import pRetry from 'p-retry';
import { fetchQuote } from './platform-clients.js';
export const quote = (id: string) => pRetry(() => fetchQuote(id), { retries: 3, randomize: true });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'p-retry' }, line: 4, column: 38 }],
      output: null,
    },
    // hand-written: a fetch loop whose try block throws on every non-ok answer, and the catch retries it
    {
      code: `
export async function loadOrder(id) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(\`https://orders.internal/\${id}\`, { signal: AbortSignal.timeout(2_000) });
      if (!res.ok) throw new Error(\`orders answered \${res.status}\`);
      return await res.json();
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
    }
  }
}`,
      languageOptions: { ...javascript, globals: { fetch: 'readonly', AbortSignal: 'readonly' } },
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 6, column: 11 }],
      output: null,
    },
    // hand-written: an answer check that goes round again on any non-ok answer
    {
      code: `
export async function loadStock(sku) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch(\`https://stock.internal/\${sku}\`, { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
      continue;
    }
    return res.json();
  }
}`,
      languageOptions: { ...javascript, globals: { fetch: 'readonly', AbortSignal: 'readonly' } },
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 5, column: 9 }],
      output: null,
    },
    // hand-written: a catch around an axios request, which rejects on 4xx
    {
      code: `
import axios from 'axios';
export async function loadCustomer(id) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return (await axios.get(\`https://customers.internal/\${id}\`, { timeout: 2_000 })).data;
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
    }
  }
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 7, column: 7 }],
      output: null,
    },
    // hand-written: a .catch(cb) that retries an axios request, which rejects on 4xx
    {
      code: `
import axios from 'axios';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const loadPrices = (sku, retriesLeft = 3) =>
  axios.get(\`https://prices.internal/\${sku}\`, { timeout: 2_000 }).catch(async (error) => {
    if (retriesLeft === 1) throw error;
    await delay(200 * Math.random());
    return loadPrices(sku, retriesLeft - 1);
  });`,
      languageOptions: javascript,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 5, column: 73 }],
      output: null,
    },
    // axios interceptors that re-send the failed request: every error, or a 404 among the statuses
    {
      code: `
import axios from 'axios';
const service = axios.create({ baseURL: '/api', timeout: 15000 });
let retries = 0;
service.interceptors.response.use(
  (response) => response.data,
  (err) => {
    if (retries >= 3) return Promise.reject(err);
    retries++;
    return new Promise((resolve) => setTimeout(() => resolve(service(err.config)), 1000 * Math.random()));
  },
);`,
      languageOptions: javascript,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 7, column: 3 }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
axios.interceptors.response.use(undefined, async (error) => {
  const { config } = error;
  const status = error.response?.status;
  if (!config || config.__retries >= 2 || !(status === 404 || status >= 500)) throw error;
  config.__retries = (config.__retries || 0) + 1;
  return axios.request(config);
});`,
      errors: [{ messageId: 'retriesClientErrors', data: { library: 'hand-written', statuses: '404' }, line: 3, column: 44 }],
      output: null,
    },
    {
      code: `
import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios';
type RetryableConfig = InternalAxiosRequestConfig & { retry?: number; __retryCount?: number };
export const client = axios.create({ timeout: 8000 });
client.interceptors.response.use(undefined, (err: AxiosError) => {
  const config = err.config as RetryableConfig | undefined;
  if (!config || !config.retry) return Promise.reject(err);
  config.__retryCount = config.__retryCount || 0;
  if (config.__retryCount >= config.retry) return Promise.reject(err);
  config.__retryCount += 1;
  return new Promise((resolve) => setTimeout(resolve, 100 * 2 ** config.__retryCount * Math.random())).then(() => client(config));
});`,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'hand-written' }, line: 5, column: 45 }],
      output: null,
    },
    // async-retry / p-retry: a check after an axios call never sees a 4xx, which axios rejected before it
    {
      code: `
const retry = require('async-retry');
const axios = require('axios');
async function loadAccount(id) {
  return retry(async (bail) => {
    const res = await axios.get(\`https://accounts.internal/v1/accounts/\${id}\`, { timeout: 3000 });
    if (res.status === 403) {
      bail(new Error('Unauthorized'));
      return undefined;
    }
    return res.data;
  }, { retries: 5 });
}
module.exports = { loadAccount };`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'async-retry' }, line: 5, column: 10 }],
      output: null,
    },
    {
      code: `
import pRetry, { AbortError } from 'p-retry';
import axios from 'axios';
export const getUser = (id: string) =>
  pRetry(async () => {
    const { status, data } = await axios.get(\`https://users.internal/\${id}\`, { timeout: 2000 });
    if (status === 404) throw new AbortError('no such user');
    return data;
  }, { retries: 3, randomize: true });`,
      errors: [{ messageId: 'retriesEveryError', data: { library: 'p-retry' }, line: 5, column: 3 }],
      output: null,
    },
    // a beforeRetry hook exempts 401 and 403 only
    {
      code: `
import ky from 'ky';
export const search = ky.create({
  retry: { limit: 2, statusCodes: [401, 404, 500, 503], jitter: true },
  hooks: { beforeRetry: [({ retryCount }) => console.warn(\`search retry \${retryCount}\`)] },
});`,
      errors: [{ messageId: 'retriesClientErrors', data: { library: 'ky', statuses: '404' }, line: 4, column: 35 }],
      output: null,
    },
  ],
});
