import * as espree from 'espree';

import rule from '../../rules/require-idempotency-key.js';
import { createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs once over TypeScript, plain JavaScript (espree) and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
/** Typed linting over the fixture project, whose tsconfig includes TYPED_FILENAME and the modules it imports. */
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

const DEFAULT_HEADERS = '`Idempotency-Key` or `X-Idempotency-Key`';

/** What a Node configuration declares (globals.node, or a .cjs file): ReferenceTracker then follows `require`. */
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable' } as const;

createRuleTester().run('require-idempotency-key', rule as never, {
  valid: [
    // A hand-written retry through a client-like object: the key made once, before the loop, in the config.
    `
export async function capturePayment(apiClient, paymentId, amount) {
  const idempotencyKey = crypto.randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await apiClient.post(\`/payments/\${paymentId}/capture\`, { amount }, { headers: { 'Idempotency-Key': idempotencyKey } });
    } catch (err) {
      await sleep(2 ** attempt * 200 + Math.random() * 100);
    }
  }
}`,
    // … a key field in the body the API documents …
    `
export async function openTicket(helpdeskClient, ticket, requestId) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await helpdeskClient.post('/tickets', { ...ticket, idempotencyKey: requestId });
    } catch (err) {
      await sleep(2 ** attempt * 200 + Math.random() * 100);
    }
  }
}`,
    // … a config this file cannot read, and an idempotent verb.
    `
export async function sendInvoice(httpClient, invoice, requestConfig) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await httpClient.post('/invoices', invoice, requestConfig);
    } catch (err) {
      await sleep(2 ** attempt * 200 + Math.random() * 100);
    }
  }
}
export async function putInvoice(httpClient, invoice) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await httpClient.put('/invoices/' + invoice.id, invoice);
    } catch (err) {
      await sleep(2 ** attempt * 200 + Math.random() * 100);
    }
  }
}`,
    // axios-retry on an instance: the POST carries a key, in any letter case, by literal or constant name.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const payments = axios.create({ baseURL: 'https://payments.internal', timeout: 5_000 });
axiosRetry(payments, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export function charge(amount: number, idempotencyKey: string) {
  return payments.post('/charges', { amount }, { headers: { 'Idempotency-Key': idempotencyKey } });
}
`,
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const IDEMPOTENCY_HEADER = 'x-idempotency-key';
const orders = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000 });
axiosRetry(orders, { retries: 2 });

export const placeOrder = (order: object, key: string) =>
  orders.post('/orders', order, { headers: { [IDEMPOTENCY_HEADER]: key, 'content-type': 'application/json' } });
`,
    // The key is set once for every request: instance defaults, a defaults write, an interceptor.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';
import { randomUUID } from 'node:crypto';

const ledger = axios.create({ baseURL: 'https://ledger.internal', timeout: 5_000 });
ledger.interceptors.request.use((config) => {
  config.headers['Idempotency-Key'] ??= randomUUID();
  return config;
});
axiosRetry(ledger, { retries: 3 });

export const postEntry = (entry: object) => ledger.post('/entries', entry);
`,
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const transfers = axios.create({ baseURL: 'https://transfers.internal', timeout: 5_000 });
transfers.defaults.headers.common['Idempotency-Key'] = process.env.BATCH_ID ?? 'batch';
axiosRetry(transfers, { retries: 3 });

export const submit = (transfer: object) => transfers.post('/transfers', transfer);
`,
    // Retried, but not a POST or PATCH: GET, PUT and DELETE are idempotent.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 2_000 });
axiosRetry(catalog, { retries: 3 });

export const getProduct = (id: string) => catalog.get(\`/products/\${id}\`);
export const replacePrice = (id: string, price: number) => catalog.put(\`/products/\${id}/price\`, { price });
export const removeProduct = (id: string) => catalog.delete(\`/products/\${id}\`);
`,
    // A POST that is not retried at all.
    `
import axios from 'axios';

export const createInvoice = (invoice: object) => axios.post('https://billing.internal/invoices', invoice, { timeout: 5_000 });
`,
    // axios-retry attached to another instance than the one that POSTs.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const reads = axios.create({ baseURL: 'https://api.internal', timeout: 2_000 });
const writes = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(reads, { retries: 3 });

export const save = (record: object) => writes.post('/records', record);
`,
    // A condition that retries idempotent requests only leaves POST alone.
    `
import axios from 'axios';
import axiosRetry, { isIdempotentRequestError } from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, { retries: 3, retryCondition: isIdempotentRequestError });

export const create = (item: object) => api.post('/items', item);
`,
    // A predicate built from conditions that retry idempotent methods only, plus its own GET check.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, {
  retries: 3,
  retryCondition: (error) => axiosRetry.isIdempotentRequestError(error) || (error.config?.method === 'get' && error.response?.status === 409),
});

export const create = (item: object) => api.post('/items', item);
`,
    // A request that turns axios-retry off for itself.
    `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, { retries: 3 });

export const pay = (payment: object) => api.post('/payments', payment, { 'axios-retry': { retries: 0 } });
`,
    // Wrappers around a keyed POST, or around a GET.
    `
import pRetry from 'p-retry';

export async function notify(url: string, event: object, deliveryId: string) {
  return pRetry(
    () => fetch(url, { method: 'POST', body: JSON.stringify(event), headers: { 'Idempotency-Key': deliveryId }, signal: AbortSignal.timeout(5_000) }),
    { retries: 5, randomize: true },
  );
}
`,
    `
import pRetry from 'p-retry';

export const loadRates = () => pRetry(() => fetch('https://fx.internal/rates', { signal: AbortSignal.timeout(2_000) }), { retries: 3 });
`,
    `
import retry from 'async-retry';
import got from 'got';

export function createCustomer(customer: object, requestId: string) {
  return retry(() => got.post('https://crm.internal/customers', { json: customer, headers: { 'idempotency-key': requestId } }).json(), {
    retries: 3,
  });
}
`,
    // Headers built elsewhere: the rule cannot tell, so it does not guess.
    `
import pRetry from 'p-retry';

declare function signedHeaders(body: string): Promise<Record<string, string>>;

export async function send(url: string, body: string) {
  return pRetry(async () => fetch(url, { method: 'POST', body, headers: await signedHeaders(body) }), { retries: 3 });
}
`,
    `
import pRetry from 'p-retry';

export async function submit(url: string, body: string, key: string) {
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.set('Idempotency-Key', key);
  return pRetry(() => fetch(url, { method: 'POST', body, headers }), { retries: 3 });
}
`,
    // got and ky leave POST out of their default retry methods.
    `
import got from 'got';
import ky from 'ky';

export const createLabel = (label: object) => got.post('https://labels.internal/labels', { json: label, timeout: { request: 5_000 } }).json();
export const createCart = (cart: object) => ky.post('https://carts.internal/carts', { json: cart }).json();
`,
    `
import got from 'got';

const shipments = got.extend({
  prefixUrl: 'https://shipments.internal',
  retry: { limit: 3, methods: ['GET', 'POST'] },
  hooks: {
    beforeRequest: [
      (options) => {
        options.headers['idempotency-key'] ??= crypto.randomUUID();
      },
    ],
  },
});

export const ship = (shipment: object) => shipments.post('shipments', { json: shipment });
`,
    // superagent's .retry() with a key set in the chain.
    `
import superagent from 'superagent';

export const publish = (event: object, key: string) =>
  superagent.post('https://bus.internal/events').set('Idempotency-Key', key).send(event).timeout(5_000).retry(3);
`,
    // ky: POST opted into retries on the instance, with the key set by a hook.
    `
import ky from 'ky';

const jobs = ky.create({
  prefixUrl: 'https://jobs.internal',
  retry: { limit: 2, methods: ['post'] },
  hooks: { beforeRequest: [(request) => request.headers.set('Idempotency-Key', crypto.randomUUID())] },
});

export const enqueue = (job: object) => jobs.post('jobs', { json: job }).json();
`,
    // cockatiel through a namespace import, around a keyed POST.
    `
import * as cockatiel from 'cockatiel';

const policy = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3, backoff: new cockatiel.ExponentialBackoff() });

export const refund = (chargeId: string, key: string) =>
  policy.execute(() => fetch(\`https://psp.internal/charges/\${chargeId}/refunds\`, { method: 'POST', headers: [['Idempotency-Key', key]] }));
`,
    // An API that takes the key in the body.
    `
import axios from 'axios';
import pRetry from 'p-retry';

export const createPayment = (payment: { amount: number }, idempotencyKey: string) =>
  pRetry(() => axios.post('https://pay.example.com/v2/payments', { ...payment, idempotency_key: idempotencyKey }, { timeout: 10_000 }), {
    retries: 3,
    randomize: true,
  });
`,
    // The key is created once, before the retry; every attempt resends it.
    `
import { v4 as uuidv4 } from 'uuid';

export async function createPayout(payout: object) {
  const idempotencyKey = \`payout-\${uuidv4()}\`;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      const response = await fetch('https://payouts.internal/payouts', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(payout),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) return response.json();
    } catch (error) {
      if (attempt === 3) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
  }
  throw new Error('payout failed');
}
`,
    // retry-axios retries GET, HEAD, PUT, OPTIONS and DELETE by default: POST is left alone.
    `
import axios from 'axios';
import * as rax from 'retry-axios';

const api = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000 });
rax.attach(api);

export const placeOrder = (order: object) => api.post('/orders', order);
`,
    // Header names from the rule option.
    {
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, { retries: 3 });

export const post = (body: object, key: string) => api.post('/things', body, { headers: { 'X-Request-Key': key } });
`,
      options: [{ headers: ['X-Request-Key'] }],
    },
    // Header names from the policy file.
    {
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, { retries: 3 });

export const post = (body: object, key: string) => api.post('/things', body, { headers: { 'Idempotency-Token': key } });
`,
      settings: { 'service-policy': { policy: { idempotency: { headers: ['Idempotency-Token'] } } } },
    },
      {
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry');

const api = axios.create({ baseURL: process.env.API_URL, timeout: 5000 });
axiosRetry(api, { retries: 3 });

exports.pay = (payment, key) => api.post('/payments', payment, { headers: { 'Idempotency-Key': key } });
`,
      languageOptions: { ...javascript, globals: COMMONJS_GLOBALS },
    },
    {
      // A client injected by type alone: its defaults and interceptors cannot be seen.
      code: `
import type { AxiosInstance } from 'axios';
import pRetry from 'p-retry';

export async function capture(http: AxiosInstance, paymentId: string) {
  return pRetry(() => http.post(\`/payments/\${paymentId}/capture\`), { retries: 3, randomize: true });
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // Clients made and retried in another module: a key from an interceptor or from POST defaults there,
      // a retry condition there that spares POST, a DELETE, and a client that is not retried.
      code: `
import { ordersClient, paymentsClient, refundsClient, shippingClient, inventoryClient } from './platform-clients.js';

export const charge = (amount: number) => paymentsClient.post('/charges', { amount });
export const refund = (chargeId: string) => refundsClient.post('/refunds', { chargeId });
export const ship = (orderId: string) => shippingClient.post('/shipments', { orderId });
export const release = (id: string) => inventoryClient.delete(\`/reservations/\${id}\`);
export const place = (order: object) => ordersClient.post('/orders', order);
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // got retrying POST, with headers from a helper in another module that sets the key.
      code: `
import got from 'got';
import { writeHeaders } from './request-headers.js';

const shipping = got.extend({
  prefixUrl: 'https://shipping.internal',
  timeout: { request: 5_000 },
  retry: { limit: 3, methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'POST'], statusCodes: [408, 429, 500, 502, 503, 504] },
});

export const createLabel = (label: object, traceId: string, key: string) =>
  shipping.post('labels', { json: label, headers: writeHeaders(traceId, key) }).json();
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // A wrapper around an imported function that POSTs with a key, and around one that sends nothing.
      code: `
import pRetry from 'p-retry';
import { lookUpRate, recordOrder, type Order } from './platform-clients.js';

export const record = (order: Order) => pRetry(() => recordOrder(order), { retries: 3, randomize: true });
export const rate = (currency: string) => pRetry(() => lookUpRate(currency), { retries: 3, randomize: true });
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // an interceptor that re-sends only after refreshing the token on a 401: the request was never processed
    `
import axios from 'axios';
export const billing = axios.create({ baseURL: '/api/billing', timeout: 10_000 });
billing.interceptors.response.use((res) => res, async (error) => {
  const original = error.config;
  if (error.response?.status === 401 && !original._retry) {
    original._retry = true;
    await refreshSession();
    return billing(original);
  }
  return Promise.reject(error);
});
export const createInvoice = (invoice: Invoice) => billing.post('/invoices', invoice);`,
  ],
  invalid: [
    // A POST retried by a hand-written loop through NestJS HttpService: the inventory reads the POST, so must the rule.
    {
      code: `
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
export class LedgerClient {
  constructor(private readonly http: HttpService) {}
  async post(entry: LedgerEntry) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const { data } = await firstValueFrom(this.http.post('/ledger/entries', entry));
        return data;
      } catch (error) {
        if (attempt === 3) throw error;
        await sleep(2 ** attempt * 100 + Math.random() * 100);
      }
    }
  }
}`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 9, column: 47, suggestions: [] }],
    },
    {
      code: `
export async function placeOrder(apiClient, order) {
  let attempt = 0;
  while (attempt < 3) {
    try {
      return await apiClient.post('/orders', order, { timeout: 5000 });
    } catch (err) {
      attempt++;
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 6, column: 20, suggestions: [] }],
    },
    {
      // the key is made inside the loop: every attempt sends a new one
      code: `
import { randomUUID } from 'node:crypto';
export async function refund(paymentsClient, chargeId) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await paymentsClient.post('/refunds', { chargeId }, { headers: { 'Idempotency-Key': randomUUID() } });
    } catch (err) {
      await sleep(2 ** attempt * 100 + Math.random() * 100);
    }
  }
}`,
      errors: [{ messageId: 'keyCreatedPerAttempt', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 6, column: 20, suggestions: [] }],
    },
    {
      // axios-retry's default condition retries network errors on every method, POST included.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const payments = axios.create({ baseURL: 'https://payments.internal', timeout: 5_000 });
axiosRetry(payments, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export function charge(amount: number) {
  return payments.post('/charges', { amount });
}
`,
      errors: [
        {
          messageId: 'missingIdempotencyKey',
          data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS },
          line: 9,
          column: 10,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // A predicate that ORs in isNetworkError retries the POST's network errors, whatever its method check says.
      code: `
import axios from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';

const ledger = axios.create({ baseURL: 'https://ledger.internal', timeout: 5_000 });
axiosRetry(ledger, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => isNetworkError(error) || (error.config?.method === 'get' && error.response?.status === 503),
});

export const postEntry = (entry: object) => ledger.post('/entries', entry);
`,
      errors: [
        {
          messageId: 'missingIdempotencyKey',
          data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS },
          line: 12,
          column: 45,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // Attached to the default axios instance; PATCH is not idempotent either.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

axiosRetry(axios, { retries: 3 });

export const renameAccount = (id: string, name: string) =>
  axios.patch(\`https://accounts.internal/accounts/\${id}\`, { name }, { headers: { 'content-type': 'application/json' }, timeout: 5_000 });
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'PATCH', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 8, column: 3, suggestions: [] }],
      output: null,
    },
    {
      // The instance lives on the class; the POST goes through this.http.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export class RefundsClient {
  private readonly http = axios.create({ baseURL: process.env.REFUNDS_URL, timeout: 5_000 });

  constructor() {
    axiosRetry(this.http, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  }

  refund(paymentId: string, amount: number) {
    return this.http.request({ method: 'POST', url: \`/payments/\${paymentId}/refunds\`, data: { amount } });
  }
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 13, column: 12, suggestions: [] }],
      output: null,
    },
    {
      // A defaults write that names another header sets that header's value only, whatever the value is.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

export class GraphClient {
  private readonly client = axios.create({ baseURL: process.env.GRAPH_URL, timeout: 30_000 });

  constructor(apiKey: string | undefined) {
    if (apiKey) this.client.defaults.headers.common['X-API-Key'] = apiKey;
    axiosRetry(this.client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
  }

  query(body: object) {
    return this.client.post('/cypher', body);
  }
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 14, column: 12, suggestions: [] }],
      output: null,
    },
    {
      // An interceptor that sets other headers does not count.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const orders = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000, headers: { 'x-service': 'checkout' } });
orders.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.TOKEN}\`;
  return config;
});
axiosRetry(orders, { retries: 3 });

export const placeOrder = (order: object) => orders.post('/orders', order);
`,
      errors: [{ messageId: 'missingIdempotencyKey', line: 12, column: 46, suggestions: [] }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';

export async function notify(url: string, event: object) {
  return pRetry(
    () => fetch(url, { method: 'POST', body: JSON.stringify(event), signal: AbortSignal.timeout(5_000) }),
    { retries: 5, randomize: true },
  );
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 6, column: 11, suggestions: [] }],
      output: null,
    },
    {
      // The retried operation calls a method of the class that sends the POST.
      code: `
import axios from 'axios';
import pRetry from 'p-retry';

export class ChargeService {
  private readonly http = axios.create({ baseURL: 'https://psp.internal', timeout: 5_000 });

  async charge(amount: number) {
    return pRetry(() => this.createCharge(amount), { retries: 3, randomize: true });
  }

  private createCharge(amount: number) {
    return this.http.post('/charges', { amount });
  }
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 13, column: 12, suggestions: [] }],
      output: null,
    },
    {
      code: `
import retry from 'async-retry';
import got from 'got';

export function createCustomer(customer: object) {
  return retry(async () => got.post('https://crm.internal/customers', { json: customer, timeout: { request: 5_000 } }).json(), { retries: 3 });
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'async-retry', headers: DEFAULT_HEADERS }, line: 6, column: 28, suggestions: [] }],
      output: null,
    },
    {
      code: `
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import ky from 'ky';

const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });

export const submitClaim = (claim: object) => retryPolicy.execute(() => ky.post('https://claims.internal/claims', { json: claim }).json());
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'cockatiel', headers: DEFAULT_HEADERS }, line: 7, column: 73, suggestions: [] }],
      output: null,
    },
    {
      // got with POST added to its retry methods, on the instance.
      code: `
import got from 'got';

const shipments = got.extend({
  prefixUrl: 'https://shipments.internal',
  timeout: { request: 5_000 },
  retry: { limit: 3, methods: ['GET', 'POST'] },
});

export const ship = (shipment: object) => shipments.post('shipments', { json: shipment }).json();
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'got', headers: DEFAULT_HEADERS }, line: 10, column: 43, suggestions: [] }],
      output: null,
    },
    {
      // ky with POST added to its retry methods, on the call, with the options in a constant.
      code: `
import ky from 'ky';

const RETRY_WRITES = { limit: 2, methods: ['post', 'put'] };

export const enqueue = (job: object) => ky.post('https://jobs.internal/jobs', { json: job, retry: RETRY_WRITES }).json();
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'ky', headers: DEFAULT_HEADERS }, line: 6, column: 41, suggestions: [] }],
      output: null,
    },
    {
      // superagent's .retry() retries every method.
      code: `
import superagent from 'superagent';

export async function publish(event: object) {
  await superagent.post('https://bus.internal/events').send(event).timeout(5_000).retry(3);
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'superagent', headers: DEFAULT_HEADERS }, line: 5, column: 9, suggestions: [] }],
      output: null,
    },
    {
      // A hand-written retry loop around a POST.
      code: `
export async function createPayout(payout: object) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      const response = await fetch('https://payouts.internal/payouts', {
        method: 'POST',
        body: JSON.stringify(payout),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) return response.json();
    } catch (error) {
      if (attempt === 3) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
  }
  throw new Error('payout failed');
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 5, column: 30, suggestions: [] }],
      output: null,
    },
    {
      // ky: POST opted into retries on a ky.create() instance.
      code: `
import ky from 'ky';

const jobs = ky.create({ prefixUrl: 'https://jobs.internal', retry: { limit: 2, methods: ['get', 'post'] } });

export const enqueue = (job: object) => jobs.post('jobs', { json: job }).json();
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'ky', headers: DEFAULT_HEADERS }, line: 6, column: 41, suggestions: [] }],
      output: null,
    },
    {
      // cockatiel through a namespace import; axios-retry imported under another name.
      code: `
import * as cockatiel from 'cockatiel';
import axios from 'axios';
import { default as attachRetries } from 'axios-retry';

const policy = cockatiel.retry(cockatiel.handleAll, { maxAttempts: 3, backoff: new cockatiel.ExponentialBackoff() });
const psp = axios.create({ baseURL: 'https://psp.internal', timeout: 5_000 });
attachRetries(psp, { retries: 2 });

export const refund = (chargeId: string) => policy.execute(() => fetch(\`https://psp.internal/charges/\${chargeId}/refunds\`, { method: 'POST' }));
export const capture = (chargeId: string) => psp.post(\`/charges/\${chargeId}/capture\`);
`,
      errors: [
        { messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'cockatiel', headers: DEFAULT_HEADERS }, line: 10, column: 66, suggestions: [] },
        { messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 11, column: 46, suggestions: [] },
      ],
      output: null,
    },
    {
      // A key created inside the retried function: each attempt sends a new one.
      code: `
import axios from 'axios';
import pRetry from 'p-retry';
import { randomUUID } from 'node:crypto';

export const capture = (paymentId: string) =>
  pRetry(
    () => axios.post(\`https://psp.internal/payments/\${paymentId}/capture\`, {}, { timeout: 5_000, headers: { 'Idempotency-Key': randomUUID() } }),
    { retries: 3, randomize: true },
  );
`,
      errors: [{ messageId: 'keyCreatedPerAttempt', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 8, column: 11, suggestions: [] }],
      output: null,
    },
    {
      code: `
import { v4 as uuidv4 } from 'uuid';

export async function createPayout(payout: object) {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const idempotencyKey = \`payout-\${uuidv4()}\`;
    try {
      const response = await fetch('https://payouts.internal/payouts', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(payout),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) return response.json();
    } catch (error) {
      if (attempt === 3) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
  }
  throw new Error('payout failed');
}
`,
      errors: [{ messageId: 'keyCreatedPerAttempt', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 8, column: 30, suggestions: [] }],
      output: null,
    },
    {
      // retry-axios with POST opted into the retried methods.
      code: `
import axios from 'axios';
import * as rax from 'retry-axios';

const api = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000 });
api.defaults.raxConfig = { instance: api, retry: 3, httpMethodsToRetry: ['GET', 'PUT', 'POST'] };
rax.attach(api);

export const placeOrder = (order: object) => api.post('/orders', order);
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'retry-axios', headers: DEFAULT_HEADERS }, line: 9, column: 46, suggestions: [] }],
      output: null,
    },
    {
      // A key under a name the option does not list.
      code: `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create({ baseURL: 'https://api.internal', timeout: 5_000 });
axiosRetry(api, { retries: 3 });

export const post = (body: object, key: string) => api.post('/things', body, { headers: { 'Idempotency-Key': key } });
`,
      options: [{ headers: ['X-Request-Key'] }],
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: '`X-Request-Key`' }, line: 8, column: 52, suggestions: [] }],
      output: null,
    },
      {
      code: `
const axios = require('axios');
const axiosRetry = require('axios-retry');

const api = axios.create({ baseURL: process.env.API_URL, timeout: 5000 });
axiosRetry(api, { retries: 3 });

exports.pay = (payment) => api.post('/payments', payment);
`,
      languageOptions: { ...javascript, globals: COMMONJS_GLOBALS },
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 8, column: 28, suggestions: [] }],
      output: null,
    },
    {
      code: `
import pRetry from 'p-retry';
import * as http from 'node:https';

export function forward(body) {
  return pRetry(
    () =>
      new Promise((resolve, reject) => {
        const req = http.request('https://partner.internal/orders', { method: 'POST', timeout: 5000 }, resolve);
        req.on('error', reject);
        req.end(body);
      }),
    { retries: 2 },
  );
}
`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 9, column: 21, suggestions: [] }],
      output: null,
      languageOptions: javascript,
    },
    {
      // Created in another module with no headers and no interceptors: the type checker follows the import.
      code: `
import pRetry from 'p-retry';
import { ordersApi } from './http-clients.js';

export const placeOrder = (order: object) => pRetry(() => ordersApi.post('/orders', order), { retries: 3, randomize: true });
`,
      filename: TYPED_FILENAME,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 5, column: 59, suggestions: [] }],
      output: null,
      languageOptions: typed,
    },
    {
      // got retrying POST, with headers from a helper in another module that sets only the trace header.
      code: `
import got from 'got';
import { traceHeaders } from './request-headers.js';

const shipping = got.extend({
  prefixUrl: 'https://shipping.internal',
  timeout: { request: 5_000 },
  retry: { limit: 3, methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'POST'], statusCodes: [408, 429, 500, 502, 503, 504] },
});

export const createLabel = (label: object, traceId: string) =>
  shipping.post('labels', { json: label, headers: traceHeaders(traceId) }).json();
`,
      filename: TYPED_FILENAME,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'got', headers: DEFAULT_HEADERS }, line: 12, column: 3, suggestions: [] }],
      output: null,
      languageOptions: typed,
    },
    {
      // Made with axios.create and retried by axiosRetry in another module: the POST here is resent on a network error.
      code: `
import { inventoryClient } from './platform-clients.js';

export async function reserve(sku: string, quantity: number) {
  const response = await inventoryClient.post('/reservations', { sku, quantity });
  return response.data;
}
`,
      filename: TYPED_FILENAME,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'axios-retry', headers: DEFAULT_HEADERS }, line: 5, column: 26, suggestions: [] }],
      output: null,
      languageOptions: typed,
    },
    {
      // A wrapper here around imported functions that POST with no key there: reported where this file calls them.
      code: `
import retry from 'async-retry';
import pRetry from 'p-retry';
import { submitOrder, type Order } from './platform-clients.js';

export const place = (order: Order) => pRetry(() => submitOrder(order), { retries: 3, randomize: true });
export const placeAgain = (order: Order) => retry(() => submitOrder(order), { retries: 3 });
`,
      filename: TYPED_FILENAME,
      errors: [
        { messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'p-retry', headers: DEFAULT_HEADERS }, line: 6, column: 53, suggestions: [] },
        { messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'async-retry', headers: DEFAULT_HEADERS }, line: 7, column: 57, suggestions: [] },
      ],
      output: null,
      languageOptions: typed,
    },
    // an interceptor that re-sends any request that failed on the network re-sends POSTs too
    {
      code: `
import axios from 'axios';
export const ledger = axios.create({ baseURL: 'https://ledger.internal', timeout: 5_000 });
ledger.interceptors.response.use(undefined, (error) => {
  const config = error.config;
  if (error.response || config._retry) return Promise.reject(error);
  config._retry = true;
  return new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300)).then(() => ledger(config));
});
export const postEntry = (entry: Entry) => ledger.post('/entries', entry);`,
      errors: [{ messageId: 'missingIdempotencyKey', data: { method: 'POST', retrier: 'hand-written', headers: DEFAULT_HEADERS }, line: 10, column: 44, suggestions: [] }],
      output: null,
    },
  ],
});
