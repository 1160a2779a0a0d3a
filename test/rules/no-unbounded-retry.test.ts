import * as espree from 'espree';

import rule from '../../rules/no-unbounded-retry.js';
import { COMMONJS, createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs once over TypeScript, plain JavaScript, CommonJS and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

createRuleTester().run('no-unbounded-retry', rule, {
  valid: [
    // axios-retry: three retries by default; limits held in constants.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';
export const inventory = axios.create({ baseURL: process.env.INVENTORY_URL, timeout: 2_000 });
axiosRetry(inventory);`,
    `
import axios from 'axios';
import { default as withRetries, exponentialDelay } from 'axios-retry';
const MAX_RETRIES = 4;
const retryOptions = { retries: MAX_RETRIES, retryDelay: exponentialDelay };
withRetries(axios, retryOptions);`,
    {
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry').default;
const client = axios.create({ timeout: 5000 });
axiosRetry(client, { retries: 2, retryDelay: axiosRetry.exponentialDelay });
module.exports = client;`,
      languageOptions: COMMONJS,
    },
    // retry-axios: the interceptor retries three times unless told otherwise.
    `
import axios from 'axios';
import * as rax from 'retry-axios';
const billing = axios.create({ baseURL: 'https://billing.internal', raxConfig: { retry: 5, jitter: 'full' } });
rax.attach(billing);`,
    // p-retry: bounded by count, by a time budget or by a signal.
    `
import pRetry from 'p-retry';
export async function loadProfile(userId: string) {
  return pRetry(() => profiles.fetch(userId), { retries: 5, randomize: true });
}`,
    `
import pRetry from 'p-retry';
export const syncCatalog = () => pRetry(syncOnce, { retries: Infinity, maxRetryTime: 60_000, randomize: true });`,
    `
import pRetry from 'p-retry';
export const waitForLeader = (signal: AbortSignal) => pRetry(pollLeader, { retries: Infinity, signal, randomize: true });`,
    `
import pRetry from 'p-retry';
export const fetchWithRetry = (options: { retries: number }) => pRetry(() => fetch(url), options);`,
    // async-retry: ten retries by default; forever within a time budget.
    `
import retry from 'async-retry';
export const publish = (event: OrderEvent) => retry(async (bail) => broker.publish(event));`,
    `
import retry from 'async-retry';
export const reconnect = () => retry(() => db.connect(), { forever: true, maxRetryTime: 120_000 });`,
    // cockatiel: maxAttempts set, or every execution bounded by a signal.
    `
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
export const getQuote = (symbol: string) => retryPolicy.execute(() => quotes.get(symbol));`,
    `
import { ExponentialBackoff, handleType, retry } from 'cockatiel';
const retryPolicy = retry(handleType(ServiceUnavailableError), { backoff: new ExponentialBackoff() });
export const getQuote = (symbol: string) => retryPolicy.execute(() => quotes.get(symbol), AbortSignal.timeout(10_000));`,
    // rxjs: counted retries, and a retryWhen notifier that completes.
    `
import { retry, retryWhen, delay, take } from 'rxjs';
export const prices$ = priceFeed$.pipe(retry(3));
export const orders$ = orderFeed$.pipe(retry({ count: 5, delay: 1_000 }));
export const trades$ = tradeFeed$.pipe(retryWhen((errors) => errors.pipe(delay(1_000), take(3))));`,
    `
import { retryWhen } from 'rxjs/operators';
import { backoffNotifier } from './notifiers';
export const feed$ = source$.pipe(retryWhen(backoffNotifier));`,
    // got and ky: their own default limit is 2.
    `
import got from 'got';
export const api = got.extend({ prefixUrl: 'https://payments.internal', retry: { limit: 3 } });
export const getPayment = (id: string) => got(\`https://payments.internal/\${id}\`).json();`,
    `
import ky from 'ky';
const api = ky.create({ prefixUrl: '/api', retry: 3 });
export const getUser = (id: string) => api.get(\`users/\${id}\`, { retry: { limit: 2, jitter: true } }).json();`,
    // plain JavaScript
    {
      code: `
import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
export const policy = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });`,
      languageOptions: javascript,
    },
    // a function that happens to be called retry, from no retry library
    `
import { retry } from './queue';
retry(job);`,
    // imported settings cannot be read without type information: unknown, not reported
    `
import pRetry from 'p-retry';
import { PAYMENTS_RETRY } from './retry-settings.js';
export const charge = () => pRetry(() => payments.charge(), PAYMENTS_RETRY);`,
    // with types, a bounded imported setting is read
    {
      code: `
import pRetry from 'p-retry';
import { LEDGER_RETRY } from './retry-settings.js';
export const post = () => pRetry(() => ledger.post(), LEDGER_RETRY);`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // suppressed with a reason
    `
import { retry } from 'rxjs';
// policy-check-ignore no-unbounded-retry -- the market feed must reconnect for as long as the process lives
export const marketFeed$ = socket$.pipe(retry({ delay: (error, attempt) => timer(Math.min(30_000, 2 ** attempt * 100) + Math.random() * 100) }));`,
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: 3 });`,
      options: [{ maxRetries: 5 }],
    },
    // amqplib: failures dead-lettered, or requeued under a delivery count
    `
import type { Channel, ConsumeMessage } from 'amqplib';
export async function consumeInvoices(channel: Channel, handle: (invoice: unknown) => Promise<void>) {
  await channel.assertQueue('invoices', { durable: true, deadLetterExchange: 'invoices.dlx' });
  await channel.consume('invoices', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await handle(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch {
      channel.nack(msg, false, false);
    }
  });
}`,
    {
      code: `
async function consumeEmails(channel, send) {
  await channel.consume('emails', async (msg) => {
    try {
      await send(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (error) {
      channel.reject(msg, !msg.fields.redelivered);
    }
  });
}`,
      languageOptions: javascript,
    },

    // A handler passed by name that reads the x-death header through a helper before requeueing.
    `
import type { Channel, ConsumeMessage } from 'amqplib';
export async function consumeRefunds(channel: Channel, handle: (refund: unknown) => Promise<void>, deathCount: (headers: unknown) => number) {
  async function onRefund(msg: ConsumeMessage | null): Promise<void> {
    if (msg === null) return;
    try {
      await handle(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch {
      if (deathCount(msg.properties.headers) >= 5) channel.nack(msg, false, false);
      else channel.nack(msg);
    }
  }
  await channel.consume('refunds', onRefund);
}`,

    // axios interceptors that count their retries on the request config, or retry once behind a flag
    `
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
    {
      code: `
import axios from 'axios';
const api = axios.create({ timeout: 5000 });
api.interceptors.response.use(null, (error) => {
  const original = error.config;
  if (error.code === 'ECONNRESET' && !original._retry) {
    original._retry = true;
    return api(original);
  }
  return Promise.reject(error);
});`,
      languageOptions: javascript,
    },
    // a refresh-token interceptor that re-sends once after a refresh
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
  ],
  invalid: [
    {
      // superagent's retry count is a plain number: Infinity never stops.
      code: `
import superagent from 'superagent';
export const poll = () => superagent.get('https://jobs.internal/next').timeout(2_000).retry(Infinity);`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 27, data: { library: 'superagent', reason: '`.retry(Infinity)` retries forever' } }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
export const fetchOrder = (id: string) => pRetry(() => orders.get(id), { retries: Infinity, randomize: true });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 43, data: { library: 'p-retry', reason: 'retries: Infinity' } }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
const RETRY_FOREVER = { retries: Number.POSITIVE_INFINITY, randomize: true };
export const capture = (id: string) => pRetry(() => payments.capture(id), { ...RETRY_FOREVER, minTimeout: 500 });`,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 40 }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
export const poll = () => pRetry(checkStatus, { forever: true, randomize: true });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 27, data: { library: 'p-retry', reason: 'forever: true' } }],
      output: null,
    },
    {
      code: `
const retry = require('async-retry');
module.exports.subscribe = (topic) => retry(async () => broker.subscribe(topic), { forever: true });`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 39 }],
      output: null,
    },
    {
      // CommonJS in a file linted as a module, where nothing declares require
      code: `
const pRetry = require('p-retry');
exports.poll = () => pRetry(checkStatus, { retries: Infinity, randomize: true });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 22 }],
      output: null,
    },
    {
      code: `
import retry from 'async-retry';
export const connect = () => retry(() => pool.connect(), { retries: Infinity, minTimeout: 100 });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 30 }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: Infinity, retryDelay: axiosRetry.exponentialDelay });`,
      languageOptions: javascript,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 1, data: { library: 'axios-retry', reason: 'retries: Infinity' } }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
import { default as attachRetries } from 'axios-retry';
const base = { retryDelay: (count: number) => count * 1000 };
attachRetries(axios, { ...base, retries: Infinity });`,
      errors: [{ messageId: 'unboundedRetry', line: 5, column: 1 }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(http, { retries: 3 });
export const getStock = (sku: string) => http.get(\`/stock/\${sku}\`, { 'axios-retry': { retries: Infinity } });`,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 70 }],
      output: null,
    },
    {
      code: `
import axios from 'axios';
import * as rax from 'retry-axios';
const client = axios.create({ raxConfig: { retry: Infinity, noResponseRetries: 3 } });
rax.attach(client);`,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 42 }],
      output: null,
    },
    {
      code: `
import { handleAll, retry } from 'cockatiel';
const retryPolicy = retry(handleAll, {});
export const getRates = () => retryPolicy.execute(() => rates.fetch());`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 21, data: { library: 'cockatiel', reason: 'no maxAttempts, and cockatiel defaults to retrying forever' } }],
      output: null,
    },
    {
      code: `
import * as cockatiel from 'cockatiel';
export const policy = cockatiel.retry(cockatiel.handleAll, { backoff: new cockatiel.ExponentialBackoff() });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 23 }],
      output: null,
    },
    {
      code: `
import { ExponentialBackoff, handleType, retry } from 'cockatiel';
export class InventoryClient {
  private readonly retryPolicy = retry(handleType(HttpError), { backoff: new ExponentialBackoff() });
  reserve(sku: string) { return this.retryPolicy.execute(() => this.http.post('/reservations', { sku })); }
  release(sku: string) { return this.retryPolicy.execute(() => this.http.delete(\`/reservations/\${sku}\`)); }
}`,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 34 }],
      output: null,
    },
    {
      code: `
import { retry } from 'rxjs/operators';
export const notifications$ = socket$.pipe(retry());`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 44, data: { library: 'rxjs', reason: '`retry()` with no count retries forever' } }],
      output: null,
    },
    {
      code: `
import { retry as retryStream } from 'rxjs';
export const quotes$ = quoteFeed$.pipe(retryStream({ delay: 2_000 }));
export const fills$ = fillFeed$.pipe(retryStream(Infinity));`,
      errors: [
        { messageId: 'unboundedRetry', line: 3, column: 40 },
        { messageId: 'unboundedRetry', line: 4, column: 38 },
      ],
      output: null,
    },
    {
      code: `
import { delay, retryWhen } from 'rxjs';
export const orders$ = orderFeed$.pipe(retryWhen((errors) => errors.pipe(delay(1_000))));`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 40 }],
      output: null,
    },
    {
      code: `
import got from 'got';
export const search = got.extend({ prefixUrl: 'https://search.internal', retry: { limit: Infinity } });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 23, data: { library: 'got', reason: 'retry.limit: Infinity' } }],
      output: null,
    },
    {
      code: `
import { got } from 'got';
export const fetchReport = (id: string) => got(\`https://reports.internal/\${id}\`, { retry: { limit: 2, calculateDelay: () => 1_000 } });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 44 }],
      output: null,
    },
    {
      code: `
import ky from 'ky';
export const api = ky.create({ prefixUrl: '/api', retry: Infinity });`,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 20 }],
      output: null,
    },
    {
      code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: '/api' });
export const admin = api.extend({ retry: { limit: Infinity, jitter: true } });`,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 22 }],
      output: null,
    },
    {
      code: `
const retry = require('retry');
const operation = retry.operation({ forever: true, randomize: true });
operation.attempt(() => connectToBroker());`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 19 }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
import { PAYMENTS_RETRY } from './retry-settings.js';
export const charge = () => pRetry(() => payments.charge(), { ...PAYMENTS_RETRY, randomize: true });`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 29 }],
      output: null,
    },
    {
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
export async function consumeOrders(channel: Channel, handle: (order: unknown) => Promise<void>) {
  await channel.consume('orders', async (msg: ConsumeMessage | null) => {
    if (msg === null) return;
    try {
      await handle(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    } catch (error) {
      channel.nack(msg);
    }
  });
}`,
      errors: [{ messageId: 'unboundedRetry', line: 10, column: 7, data: { library: 'amqplib', reason: '`nack()` requeues the message by default and nothing counts its deliveries or dead-letters it' } }],
      output: null,
    },
    {
      // A handler defined by name and passed by reference; reading trace context from the headers counts nothing.
      code: `
import type { Channel, ConsumeMessage } from 'amqplib';
export async function consumePayments(channel: Channel, handle: (payment: unknown) => Promise<void>, traceFromHeaders: (headers: unknown) => object) {
  const onPayment = async (msg: ConsumeMessage | null): Promise<void> => {
    if (!msg) return;
    try {
      const trace = traceFromHeaders(msg.properties.headers);
      await handle({ trace, payment: JSON.parse(msg.content.toString()) });
      channel.ack(msg);
    } catch (error) {
      channel.nack(msg);
    }
  };
  await channel.consume('payments', onPayment);
}`,
      errors: [{ messageId: 'unboundedRetry', line: 11, column: 7, data: { library: 'amqplib', reason: '`nack()` requeues the message by default and nothing counts its deliveries or dead-letters it' } }],
      output: null,
    },
    {
      code: `
const amqp = require('amqplib/callback_api');
channel.consume('audit', (message) => {
  writeAudit(message).then(() => channel.ack(message), () => channel.reject(message, true));
});`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'unboundedRetry', line: 4, column: 62 }],
      output: null,
    },
    {
      code: `
import axiosRetry from 'axios-retry';
axiosRetry(client, { retries: 10, retryDelay: axiosRetry.exponentialDelay });`,
      options: [{ maxRetries: 5 }],
      errors: [{ messageId: 'tooManyRetries', line: 3, column: 1, data: { library: 'axios-retry', retries: 10, maxRetries: 5 } }],
      output: null,
    },

    // an axios interceptor that re-sends every failed request, with nothing to stop it
    {
      code: `
import axios from 'axios';
axios.interceptors.response.use(undefined, (error) => {
  const { config } = error;
  if (!config) return Promise.reject(error);
  return axios.request(config);
});`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 3,
          column: 1,
          data: { library: 'hand-written', reason: 'response interceptor re-sends the failed request with no attempt limit' },
        },
      ],
      output: null,
    },
  ],
});
