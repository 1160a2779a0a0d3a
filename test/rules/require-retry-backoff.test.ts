import * as espree from 'espree';

import rule from '../../rules/require-retry-backoff.js';
import { COMMONJS, createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs once over TypeScript, plain JavaScript, CommonJS and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

createRuleTester().run('require-retry-backoff', rule, {
  valid: [
    // The wait is what the rate-limited answer asks for: the server chooses it and spreads its callers.
    `
export async function callTool<T>(invoke: () => Promise<T>, budgetMs = 60_000): Promise<T> {
  let remaining = budgetMs;
  for (;;) {
    try {
      return await invoke();
    } catch (error) {
      const limited = readRateLimit(error);
      if (!limited) throw error;
      const waitMs = limited.retryAfterSeconds * 1000;
      if (waitMs > remaining) throw error;
      remaining -= waitMs;
      await sleep(waitMs);
    }
  }
}`,
    `
export async function postReport(client: Client, report: Report) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const res = await client.send(report);
    if (res.status !== 429) return res;
    await sleep(Number(res.headers['retry-after']) * 1000);
  }
  throw new Error('the reporting API kept limiting us');
}`,
    // got does not retry a POST by default: a callee that can only be got.post carries no retry.
    `
import got from 'got';
const send = got.post;
export const submit = (url: string, body: unknown) =>
  send(url, { json: body, timeout: { request: 5_000 }, retry: { limit: 3, calculateDelay: ({ attemptCount }) => attemptCount * 1000 } });`,
    // The timer that delays each run is the wait: the retry re-schedules itself with a doubled, jittered delay.
    `
export class ExportScheduler {
  schedule(job: ExportJob, waitMs = 500) {
    const spread = Math.floor(Math.random() * waitMs);
    setTimeout(() => {
      this.run(job).catch((error) => {
        this.logger.warn({ error, job: job.id }, 'export failed; scheduling it again');
        if (job.attempts >= 6) return;
        this.schedule(job, Math.min(waitMs * 2, 60_000));
      });
    }, waitMs + spread);
  }
}`,
    // axios-retry: exponentialDelay adds 0–20 % jitter, however it is imported.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';
const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2_000 });
axiosRetry(inventory, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    `
import { default as withRetries, exponentialDelay } from 'axios-retry';
withRetries(client, { retryDelay: exponentialDelay });`,
    `
import * as axiosRetryModule from 'axios-retry';
axiosRetryModule.default(client, { retryDelay: (count, error) => axiosRetryModule.exponentialDelay(count, error, 250) });`,
    {
      code: `
const axiosRetry = require('axios-retry').default;
const { exponentialDelay } = require('axios-retry');
axiosRetry(client, { retries: 3, retryDelay: exponentialDelay });`,
      languageOptions: COMMONJS,
    },
    `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retryDelay: (retryCount) => 2 ** retryCount * 200 + Math.random() * 100 });`,
    // a delay the rule cannot read is not reported
    `
import axiosRetry from 'axios-retry';
import { backoffWithJitter } from './backoff';
axiosRetry(client, { retryDelay: backoffWithJitter });`,
    // retry-axios with jitter
    `
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { retry: 4, retryDelay: 200, jitter: 'full' } });
rax.attach(client);`,
    // p-retry with randomize; async-retry randomizes by default
    `
import pRetry from 'p-retry';
export const loadProfile = (id: string) => pRetry(() => profiles.get(id), { retries: 5, randomize: true, minTimeout: 200 });`,
    `
import retry from 'async-retry';
export const publish = (event: OrderEvent) => retry(async () => broker.publish(event), { retries: 4 });`,
    {
      code: `
const retry = require('async-retry');
module.exports = (job) => retry(() => queue.add(job));`,
      languageOptions: COMMONJS,
    },
    // cockatiel: ExponentialBackoff uses decorrelated jitter unless told otherwise
    `
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
export const policy = retry(handleWhen((error) => error.status >= 500), { maxAttempts: 4, backoff: new ExponentialBackoff({ initialDelay: 200 }) });`,
    {
      code: `
import { ExponentialBackoff, fullJitterGenerator, handleAll, retry } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 4, backoff: new ExponentialBackoff({ generator: fullJitterGenerator }) });`,
      languageOptions: javascript,
    },
    // got adds up to 100 ms of random noise by default
    `
import got from 'got';
export const getPayment = (id: string) => got(\`https://payments.internal/payments/\${id}\`).json();
export const payments = got.extend({ prefixUrl: 'https://payments.internal', retry: { limit: 4 } });`,
    // ky with jitter on the instance; POST is not retried by default so it carries no policy
    `
import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', retry: { limit: 3, jitter: true } });
export const getUser = (id: string) => api.get(\`users/\${id}\`).json();
export const createUser = (user: NewUser) => ky.post('/api/users', { json: user }).json();`,
    // rxjs with a jittered delay function
    `
import { retry, timer } from 'rxjs';
export const prices$ = priceFeed$.pipe(retry({ count: 5, delay: (_error, attempt) => timer(2 ** attempt * 100 + Math.random() * 250) }));`,
    // requireJitter: false accepts exponential backoff without jitter
    {
      code: `
import pRetry from 'p-retry';
export const charge = () => pRetry(() => payments.charge(), { retries: 3 });`,
      options: [{ requireJitter: false }],
    },
    {
      code: `
import ky from 'ky';
export const getOrder = (id: string) => ky.get(\`/api/orders/\${id}\`).json();`,
      options: [{ requireJitter: false }],
    },
    // with types, a jittered setting imported from another module is read
    {
      code: `
import pRetry from 'p-retry';
import { LEDGER_RETRY } from './retry-settings.js';
export const post = () => pRetry(() => ledger.post(), LEDGER_RETRY);`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // zero retries need no backoff
    `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: 0 });`,
    // an axios interceptor whose wait grows with the retry count on the config, with jitter
    `
import axios, { type AxiosError } from 'axios';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const catalog = axios.create({ baseURL: 'http://catalog:8080', timeout: 4000 });
catalog.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as (typeof error.config & { __retryCount?: number }) | undefined;
  if (!config || error.response) throw error;
  config.__retryCount = config.__retryCount ?? 0;
  if (config.__retryCount >= 3) throw error;
  config.__retryCount += 1;
  await sleep(Math.random() * 250 * 2 ** config.__retryCount);
  return catalog(config);
});`,
    // a refresh-token interceptor re-sends once after a refresh: not a retry policy
    `
import axios from 'axios';
export const api = axios.create({ timeout: 5000 });
api.interceptors.response.use((res) => res, async (error) => {
  const config = error.config;
  if (error.response?.status === 401 && !config._retry) {
    config._retry = true;
    await refreshToken();
    return api(config);
  }
  return Promise.reject(error);
});`,
    // a sleep helper that randomizes the delay, called with a delay that doubles
    {
      code: `
const jittered = (ms) => new Promise((resolve) => setTimeout(resolve, ms / 2 + Math.random() * (ms / 2)));
export async function publishWithRetry(publish) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await publish();
    } catch (error) {
      if (attempt === 4) throw error;
      await jittered(250 * 2 ** attempt);
    }
  }
}`,
      languageOptions: javascript,
    },
  ],
  invalid: [
    {
      // superagent has no delay option: .retry(3) sends a failed request again at once.
      code: `
import superagent from 'superagent';
export const fetchRates = () => superagent.get('https://fx.internal/rates').timeout(2_000).retry(3);`,
      errors: [{ messageId: 'noDelay', line: 3, column: 33, data: { library: 'superagent', reason: 'superagent has no delay option and sends a failed request again at once', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      // The same on an agent, whose retry every request it sends inherits.
      code: `
const superagent = require('superagent');
const ledger = superagent.agent().timeout({ response: 2000 }).retry(2);
module.exports = { balance: (id) => ledger.get('https://ledger.internal/balances/' + id) };`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'noDelay', line: 3, column: 16 }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
export const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2_000 });
axiosRetry(inventory, { retries: 3 });`,
      errors: [{ messageId: 'noDelay', line: 5, column: 1, data: { library: 'axios-retry', reason: 'axios-retry default retryDelay, no delay', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import axiosRetry, { linearDelay } from 'axios-retry';
axiosRetry(client, { retries: 3, retryDelay: linearDelay(500) });`,
      languageOptions: javascript,
      errors: [{ messageId: 'noJitter', line: 3, column: 1 }],
      output: null,
    },
    {
      code: `
const axiosRetry = require('axios-retry').default;
const RETRY_DELAY_MS = 1000;
axiosRetry(client, { retries: 3, retryDelay: () => RETRY_DELAY_MS });`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'constantDelay', line: 4, column: 1, data: { library: 'axios-retry', reason: 'retryDelay of 1000 ms', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import * as rax from 'retry-axios';
rax.attach(client);`,
      errors: [{ messageId: 'noJitter', line: 3, column: 1 }],
      output: null,
    },
    {
      code: `
import { attach } from 'retry-axios';
const client = axios.create({ raxConfig: { retry: 3, backoffType: 'static', retryDelay: 500 } });
attach(client);`,
      errors: [{ messageId: 'constantDelay', line: 3, column: 42 }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
export const fetchOrder = (id: string) => pRetry(() => orders.get(id), { retries: 5 });`,
      errors: [{ messageId: 'noJitter', line: 3, column: 43, data: { library: 'p-retry', reason: 'exponential backoff without jitter, randomize defaults to false in p-retry' } }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
const retryOptions = { retries: 5, factor: 1, minTimeout: 2_000, randomize: false };
export const fetchOrder = (id: string) => pRetry(() => orders.get(id), retryOptions);`,
      errors: [{ messageId: 'constantDelay', line: 4, column: 43 }],
      output: null,
    },
    {
      code: `
import retry from 'async-retry';
export const publish = (event: OrderEvent) => retry(async () => broker.publish(event), { retries: 4, randomize: false });`,
      errors: [{ messageId: 'noJitter', line: 3, column: 47 }],
      output: null,
    },
    {
      code: `
import retry from 'async-retry';
export const publish = (event: OrderEvent) => retry(async () => broker.publish(event), { retries: 4, minTimeout: 0 });`,
      errors: [{ messageId: 'noDelay', line: 3, column: 47 }],
      output: null,
    },
    {
      code: `
import { ConstantBackoff, handleAll, retry } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(500) });`,
      errors: [{ messageId: 'constantDelay', line: 3, column: 23, data: { library: 'cockatiel', reason: 'ConstantBackoff of 500 ms', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import { handleAll, retry } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 3 });`,
      errors: [{ messageId: 'noDelay', line: 3, column: 23 }],
      output: null,
    },
    {
      code: `
import * as resilience from 'cockatiel';
const backoff = new resilience.ExponentialBackoff({ generator: resilience.noJitterGenerator, initialDelay: 100 });
export const policy = resilience.retry(resilience.handleAll, { maxAttempts: 3, backoff });`,
      errors: [{ messageId: 'noJitter', line: 4, column: 23 }],
      output: null,
    },
    {
      code: `
import ky from 'ky';
export const getOrder = (id: string) => ky.get(\`/api/orders/\${id}\`).json();`,
      errors: [{ messageId: 'noJitter', line: 3, column: 41, data: { library: 'ky', reason: 'ky default backoff, 0.3 s doubled on each retry, no jitter' } }],
      output: null,
    },
    {
      // the extended instance inherits the same retry: reported once, at ky.create
      code: `
import ky from 'ky';
const base = ky.create({ prefixUrl: process.env.API_URL, timeout: 60_000 });
export const http = base.extend({ hooks: { beforeRequest: [(request) => request.headers.set('x-client', 'storefront')] } });`,
      errors: [{ messageId: 'noJitter', line: 3, column: 14 }],
      output: null,
    },
    {
      code: `
import { delay, retryWhen, scan, tap } from 'rxjs/operators';
export const retryWithDelay = (delayTime: number, count = 1) => (input$) =>
  input$.pipe(
    retryWhen((errors) =>
      errors.pipe(
        scan((attempts) => attempts + 1, 0),
        tap((attempts) => { if (attempts > count) throw new Error('gave up'); }),
        delay(delayTime),
      ),
    ),
  );`,
      errors: [{ messageId: 'constantDelay', line: 5, column: 5 }],
      output: null,
    },
    {
      code: `
import ky from 'ky';
export const api = ky.create({ prefixUrl: '/api', retry: { limit: 4, methods: ['get', 'post'] } });`,
      languageOptions: javascript,
      errors: [{ messageId: 'noJitter', line: 3, column: 20 }],
      output: null,
    },
    {
      code: `
import got from 'got';
export const search = got.extend({ prefixUrl: 'https://search.internal', retry: { limit: 3, noise: 0 } });`,
      errors: [{ messageId: 'noJitter', line: 3, column: 23 }],
      output: null,
    },
    {
      code: `
import { retry } from 'rxjs';
export const prices$ = priceFeed$.pipe(retry(3));
export const orders$ = orderFeed$.pipe(retry({ count: 3, delay: 1_000 }));`,
      errors: [
        { messageId: 'noDelay', line: 3, column: 40 },
        { messageId: 'constantDelay', line: 4, column: 40 },
      ],
      output: null,
    },
    {
      code: `
import { retry } from 'rxjs/operators';
import { timer } from 'rxjs';
export const trades$ = tradeFeed$.pipe(retry({ count: 4, delay: (_error, attempt) => timer(2 ** attempt * 250) }));`,
      errors: [{ messageId: 'noJitter', line: 4, column: 40 }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
import { PAYMENTS_RETRY } from './retry-settings.js';
export const charge = () => pRetry(() => payments.charge(), { ...PAYMENTS_RETRY, retries: 3 });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [{ messageId: 'noJitter', line: 4, column: 29 }],
      output: null,
    },
    {
      code: `
import { ConstantBackoff, handleAll, retry } from 'cockatiel';
import { CATALOG_RETRY_DELAY } from './retry-settings.js';
export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(CATALOG_RETRY_DELAY) });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      options: [{ requireJitter: false }],
      errors: [{ messageId: 'constantDelay', line: 4, column: 23, data: { library: 'cockatiel', reason: 'ConstantBackoff of 500 ms', fix: 'back off exponentially' } }],
      output: null,
    },
    // axios interceptors that re-send after a fixed wait, or at once
    {
      code: `
import axios from 'axios';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const catalog = axios.create({ baseURL: 'http://catalog:8080', timeout: 4000 });
catalog.interceptors.response.use(
  (response) => response,
  async (err) => {
    const config = err.config;
    config.retriesLeft = config.retriesLeft ?? 2;
    if (err.response || config.retriesLeft <= 0) return Promise.reject(err);
    config.retriesLeft -= 1;
    await wait(1000);
    return catalog.request(config);
  },
);`,
      errors: [{ messageId: 'constantDelay', line: 5, column: 1, data: { library: 'hand-written', reason: '`wait(1000)`', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
const ax = axios.create({ timeout: 3000, baseURL: '/api' });
ax.interceptors.response.use(
  (res) => res,
  (err) => {
    const config = err.config;
    if (err.code !== 'ECONNABORTED') return Promise.reject(err);
    config.leftRetry = config.leftRetry === undefined ? 3 : config.leftRetry - 1;
    return config.leftRetry > 0 ? ax(config) : Promise.reject(err);
  },
);`,
      languageOptions: javascript,
      errors: [{ messageId: 'noDelay', line: 4, column: 1, data: { library: 'hand-written', reason: 'no wait between attempts', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    // a randomized delay that does not grow: jitter alone does not back off
    {
      code: `
const delay = (ms) => new Promise((r) => setTimeout(r, ms * Math.random()));
export const retry = (fn, retriesLeft = 5, interval = 1000) =>
  fn().catch(async (error) => {
    if (retriesLeft === 1) throw error;
    await delay(interval);
    return retry(fn, retriesLeft - 1, interval);
  });`,
      languageOptions: javascript,
      errors: [{ messageId: 'delayDoesNotGrow', line: 7, column: 12, data: { library: 'hand-written', reason: '`delay(interval)`' } }],
      output: null,
    },
    {
      code: `
export async function connectWithRetry(connect: () => Promise<void>, delay = 2000): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await connect();
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * Math.random()));
    }
  }
}`,
      errors: [{ messageId: 'delayDoesNotGrow', line: 3, column: 3 }],
      output: null,
    },
    {
      // The same shape with a delay that never changes.
      code: `
export function scheduleSync(account, delayMs = 5000) {
  setTimeout(() => {
    syncAccount(account).catch(() => scheduleSync(account, delayMs));
  }, delayMs);
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'constantDelay', line: 4, column: 38, data: { library: 'hand-written', reason: '`setTimeout(…, delayMs)`', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    // got through a callee chosen at run time: the GET it may be is retried, with 2^n s and no jitter.
    {
      code: `
import got from 'got';
export async function callCatalog(method: 'GET' | 'POST', url: string, body?: unknown) {
  const send = method === 'POST' ? got.post : got.get;
  return send(url, {
    json: body,
    timeout: { request: 10_000 },
    retry: { limit: 4, calculateDelay: ({ attemptCount }) => 2 ** attemptCount * 1000 },
  }).json();
}`,
      errors: [{ messageId: 'noJitter', line: 5, column: 10, data: { library: 'got', reason: 'calculateDelay function without randomness' } }],
      output: null,
    },
    // A retryDelay that logs each retry is still a linear delay without jitter.
    {
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';
export const partners = axios.create({ baseURL: process.env.PARTNERS_URL, timeout: 4_000 });
axiosRetry(partners, {
  retries: 4,
  retryDelay: (retryCount, error) => {
    logger.warn({ err: error, retryCount }, 'partner API call failed; retrying');
    return retryCount * 1500;
  },
});`,
      errors: [{ messageId: 'noJitter', line: 5, column: 1, data: { library: 'axios-retry', reason: 'retryDelay function without randomness' } }],
      output: null,
    },
    {
      code: `
import axiosRetry, { linearDelay } from 'axios-retry';
axiosRetry(client, { retries: 3, retryDelay: (retryCount, error) => linearDelay(800)(retryCount, error) });`,
      languageOptions: javascript,
      errors: [{ messageId: 'noJitter', line: 3, column: 1, data: { library: 'axios-retry', reason: 'axiosRetry.linearDelay()' } }],
      output: null,
    },
    // A notifier that only filters which errors are retried (a deadlock) does not wait: the retry is immediate.
    {
      code: `
import { from, lastValueFrom } from 'rxjs';
import { retryWhen, take, tap } from 'rxjs/operators';
export function inTransaction<T>(work: () => Promise<T>): Promise<T> {
  return lastValueFrom(
    from(work()).pipe(
      retryWhen((errors) => errors.pipe(tap((error) => { if (!isDeadlock(error)) throw error; }), take(5))),
    ),
  );
}`,
      errors: [{ messageId: 'noDelay', line: 7, column: 7, data: { library: 'rxjs', reason: 'retryWhen notifier without a delay', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    // node:timers/promises waits, however they are imported: a constant one is a constant delay, not "no wait".
    {
      code: `
import { setTimeout } from 'node:timers/promises';
export async function publishWithRetry(channel: Channel, event: DomainEvent) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return await channel.publish(event);
    } catch (error) {
      if (attempt === 4) throw error;
      await setTimeout(750);
    }
  }
}`,
      errors: [{ messageId: 'constantDelay', line: 4, column: 3, data: { library: 'hand-written', reason: '`setTimeout(750)`', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import * as timers from 'timers/promises';
export async function lookup(resolver, host) {
  let tries = 0;
  while (tries < 3) {
    try {
      return await resolver.resolve4(host);
    } catch (error) {
      tries++;
      await timers.setTimeout(200);
    }
  }
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'constantDelay', line: 5, column: 3, data: { library: 'hand-written', reason: '`timers.setTimeout(200)`', fix: 'back off exponentially with jitter' } }],
      output: null,
    },
    {
      code: `
import { scheduler as timerScheduler } from 'node:timers/promises';
export async function reconnect(pool) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      await timerScheduler.wait(500 * attempt);
    }
  }
}`,
      errors: [{ messageId: 'noJitter', line: 4, column: 3, data: { library: 'hand-written', reason: '`timerScheduler.wait(500 * attempt)`' } }],
      output: null,
    },
  ],
});
