import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';

import type { LocatedInventoryFact } from '../../rules/create-rule.js';
import rule from '../../rules/require-http-timeout.js';
import { createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs once over TypeScript, plain JavaScript (espree) and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
/** Typed linting over the fixture project, whose tsconfig includes TYPED_FILENAME and the modules it imports. */
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

const axiosFix = 'set `timeout` (milliseconds) in the config or the instance defaults';
const fetchFix = 'pass `signal: AbortSignal.timeout(ms)`';
const gotFix = 'set `timeout: { request: ms }` on the call or the `got.extend()` instance';
const kyFix = 'remove `timeout: false` or set a limit in milliseconds';
const nodeHttpFix = "pass `signal: AbortSignal.timeout(ms)`, or set `timeout` and destroy the request on 'timeout'";
const superagentFix = 'chain `.timeout({ response, deadline })`';
const serviceFix = "set `timeout` in `HttpModule.register()` (or in the config its `registerAsync` factory returns), or in this request's config";
const constructedServiceFix = "pass `axios.create({ timeout })` to `new HttpService()`, or set `timeout` in this request's config";

/** What a Node configuration declares (globals.node, or a .cjs file): ReferenceTracker then follows `require`. */
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable' } as const;

createRuleTester().run('require-http-timeout', rule as never, {
  valid: [
    // axios: a timeout on the call, in a constant config, through a spread, or a signal.
    `
import axios from 'axios';

export async function getCustomer(id: string) {
  const { data } = await axios.get(\`https://crm.internal/customers/\${id}\`, { timeout: 2_000 });
  return data;
}
`,
    `
import axios from 'axios';

const HTTP_CONFIG = { timeout: 3_000, headers: { Accept: 'application/json' } } as const;

export const listInvoices = (accountId: string) => axios.get(\`/accounts/\${accountId}/invoices\`, HTTP_CONFIG);
`,
    `
import axios from 'axios';

const DEFAULTS = { timeout: 5_000 };

export function createOrder(order: unknown, token: string) {
  return axios.post('https://orders.internal/orders', order, { ...DEFAULTS, headers: { Authorization: \`Bearer \${token}\` } });
}
`,
    `
import axios from 'axios';

export async function ping(url: string) {
  await axios.head(url, { signal: AbortSignal.timeout(1_500) });
}
`,
    `
import axios from 'axios';

export function submitRefund(refund: { id: string }) {
  return axios({ method: 'post', url: '/refunds', data: refund, timeout: 4_000 });
}
`,
    // axios: instance defaults make its calls fine, however the timeout is set.
    `
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.internal', timeout: 5_000 });

export async function charge(amount: number) {
  return payments.post('/charges', { amount });
}
`,
    `
import axios from 'axios';

const ledger = axios.create({ baseURL: 'https://ledger.internal' });
ledger.defaults.timeout = 2_500;

export const getBalance = (account: string) => ledger.get(\`/balances/\${account}\`);
`,
    `
import axios from 'axios';

axios.defaults.timeout = 10_000;

export const fetchRates = () => axios.get('https://fx.internal/rates');
`,
    `
import { create } from 'axios';

const TIMEOUT_MS = 1_000;
const shipping = create({ baseURL: 'https://shipping.internal', timeout: TIMEOUT_MS });

export const track = (id: string) => shipping.get(\`/parcels/\${id}\`);
`,
    // An instance without defaults whose every request, in this module only, sets its own timeout.
    `
import axios from 'axios';

const search = axios.create({ baseURL: 'https://search.internal' });

export async function query(term: string) {
  return search.get('/query', { params: { term }, timeout: 800 });
}
`,
    // fetch: any signal counts.
    `
export async function loadProfile(userId: string) {
  const response = await fetch(\`https://profiles.internal/users/\${userId}\`, { signal: AbortSignal.timeout(5_000) });
  return response.json();
}
`,
    `
export async function loadFeed(userSignal: AbortSignal) {
  const signal = AbortSignal.any([userSignal, AbortSignal.timeout(3_000)]);
  return fetch('https://feed.internal/items', { headers: { accept: 'application/json' }, signal });
}
`,
    `
export async function download(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    return await fetch(url, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
`,
    `
import { fetch as undiciFetch } from 'undici';

export const getStock = (sku: string) => undiciFetch(\`https://stock.internal/\${sku}\`, { signal: AbortSignal.timeout(2_000) });
`,
    `
export const getQuote = (url: string) => fetch(new Request(url, { signal: AbortSignal.timeout(2_000) }));
`,
    // fetch through an undici dispatcher whose header timeout is set explicitly.
    `
import { Agent, fetch } from 'undici';

const dispatcher = new Agent({ keepAliveTimeout: 10_000, headersTimeout: 5_000, bodyTimeout: 10_000 });

export const getInvoice = (id: string) => fetch(\`https://billing.internal/invoices/\${id}\`, { dispatcher });
`,
    // undici's request API: a signal or an explicit headersTimeout.
    `
import { request } from 'undici';

export async function downloadExport(url: string, signal: AbortSignal) {
  const { body } = await request(url, { method: 'GET', signal: AbortSignal.any([signal, AbortSignal.timeout(30_000)]) });
  return Buffer.from(await body.arrayBuffer());
}
`,
    `
import * as undici from 'undici';

export const ping = () => undici.request('http://health.internal/ready', { headersTimeout: 2_000, bodyTimeout: 2_000 });
`,
    // fetch: the init comes from the caller; the rule cannot tell, so it does not guess.
    `
export function forward(url: string, init: RequestInit) {
  return fetch(url, init);
}
`,
    `
export function forwardWithDefaults(url: string, init: RequestInit) {
  return fetch(url, { ...init, headers: { 'x-forwarded-by': 'gateway' } });
}
`,
    // got: a timeout on the call or on the got.extend() instance.
    `
import got from 'got';

export const createShipment = (shipment: object) =>
  got.post('https://carriers.internal/shipments', { json: shipment, timeout: { request: 10_000 } }).json();
`,
    `
import { got } from 'got';

const carriers = got.extend({ prefixUrl: 'https://carriers.internal', timeout: { connect: 500, request: 5_000 } });

export const rates = () => carriers.get('rates').json();
export const labels = carriers.extend({ headers: { 'x-team': 'fulfilment' } });
`,
    // ky: its 10 s default counts.
    `
import ky from 'ky';

export const getCart = (cartId: string) => ky.get(\`https://carts.internal/\${cartId}\`).json();
`,
    `
import ky from 'ky';

const api = ky.create({ prefixUrl: 'https://api.internal' });
export const listOrders = () => api.get('orders').json();
`,
    // node:http(s): the timeout option, req.setTimeout, a signal, or an Agent with a timeout.
    `
import https from 'node:https';

export function getStatus(url: string) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: 5_000 }, resolve);
    req.on('timeout', () => req.destroy(new Error('status check timed out')));
    req.on('error', reject);
  });
}
`,
    `
import http from 'node:http';

export function postEvent(body: string) {
  const req = http.request({ hostname: 'events.internal', path: '/events', method: 'POST' });
  req.setTimeout(3_000, () => req.destroy());
  req.write(body);
  req.end();
}
`,
    `
import * as https from 'https';

export const probe = (url: string) => https.get(url, (res) => res.resume()).setTimeout(2_000);
`,
    `
import { request } from 'node:https';

export function notify(payload: string) {
  const req = request('https://hooks.internal/notify', { method: 'POST', signal: AbortSignal.timeout(4_000) });
  req.end(payload);
}
`,
    `
import https from 'node:https';

const agent = new https.Agent({ keepAlive: true, timeout: 15_000 });

export const getReport = (url: string) => https.get(url, { agent }, (res) => res.resume());
`,
    // superagent: .timeout() in the chain, later on the variable, or on the agent.
    `
import superagent from 'superagent';

export async function getUser(id: string) {
  const res = await superagent.get(\`https://users.internal/\${id}\`).timeout({ response: 2_000, deadline: 10_000 });
  return res.body;
}
`,
    `
import request from 'superagent';

export async function publish(event: object) {
  const req = request.post('https://bus.internal/events').send(event);
  req.timeout(5_000);
  return await req;
}
`,
    `
import superagent from 'superagent';

const agent = superagent.agent().timeout({ deadline: 8_000 }).set('x-service', 'orders');

export const getOrder = async (id: string) => (await agent.get(\`https://orders.internal/\${id}\`)).body;
`,
    // superagent: a request handed back to the caller, which may still chain .timeout().
    `
import superagent from 'superagent';

export function baseRequest(path: string) {
  return superagent.get(\`https://api.internal\${path}\`).set('accept', 'application/json');
}
`,
    // Not an HTTP client of a library: same method names, other objects.
    `
const cache = new Map<string, string>();
export const lookup = (key: string) => cache.get(key);
`,
    `
import axios from './testing/axios-stub';

export const get = () => axios.get('/health');
`,
    `
async function fetch(url: string) {
  return { url };
}

export const local = () => fetch('/not-the-global');
`,
    // Options are given in a way the rule cannot read: it does not guess.
    `
import axios from 'axios';

export function callWith(config: import('axios').AxiosRequestConfig) {
  return axios.get('/dynamic', config);
}
`,
    // Shapes the rule cannot read are left alone, and never make it throw.
    `
import axios from 'axios';
import got from 'got';
import ky from 'ky';

declare const method: 'get' | 'post';
declare const args: [string, RequestInit];
declare const clientOptions: object[];

export const dynamic = (url: string) => axios[method](url);
export const spread = () => fetch(...args);
export const created = axios.create(...clientOptions);
export const extended = ky.extend((parent) => ({ ...parent, prefixUrl: 'https://api.internal' }));
export const merged = got.extend(...(clientOptions as never[]));
`,
    `
import { got as httpClient } from 'got';

const TIMEOUTS = { timeout: { request: 4_000 } } as const;

export const inventory = httpClient.extend(TIMEOUTS, { prefixUrl: 'https://inventory.internal' });
export const stock = (sku: string) => inventory.get(\`stock/\${sku}\`).json();
`,
    `
import ky from 'ky';

const base = ky.create({ prefixUrl: 'https://api.internal', timeout: 3_000 });
const reports = base.extend({ headers: { 'x-team': 'reports' } });

export const monthly = () => reports.get('reports/monthly').json();
`,
    `
import superagent from 'superagent';

export async function post(body: object) {
  return (await superagent('POST', 'https://api.internal/things').send(body).timeout(2_000)).body;
}
`,
    `
import http from 'node:http';

const OPTIONS = { host: 'metrics.internal', path: '/push', method: 'POST', timeout: 2_000 } as const;

export function push(line: string) {
  const req = http.request(OPTIONS, (res) => res.resume());
  req.on('timeout', () => req.destroy());
  req.end(line);
}
`,
    {
      // CommonJS where the configuration declares require (globals.node, a .cjs file).
      code: `
const { create } = require('axios');

const api = create({ baseURL: process.env.API_URL, timeout: 5000 });
module.exports = api;
`,
      languageOptions: { globals: COMMONJS_GLOBALS },
    },
    // ky: the option turns the default off only where it is set to false.
    {
      code: `
import ky from 'ky';

export const stream = () => ky.get('https://exports.internal/big.csv', { timeout: 120_000 });
`,
      options: [{ allowDefaultTimeout: false }],
    },
      {
      code: `
const axios = require('axios');

module.exports.getCustomer = (id) => axios.get('/customers/' + id, { timeout: 2000 });
`,
      languageOptions: javascript,
    },
    {
      code: `
const { fetch } = require('undici');

exports.stock = (sku) => fetch('https://stock.internal/' + sku, { signal: AbortSignal.timeout(2000) });
`,
      languageOptions: javascript,
    },
    {
      code: `
const superagent = require('superagent');

exports.user = async (id) => (await superagent.get('/users/' + id).timeout(3000)).body;
`,
      languageOptions: javascript,
    },
    {
      // node-fetch 2 bounds a request with its own `timeout`; any version with a signal.
      code: `
const fetch = require('node-fetch');

exports.price = (sku) => fetch('https://pricing.internal/' + sku, { timeout: 2000 });
exports.stock = (sku) => fetch('https://stock.internal/' + sku, { signal: AbortSignal.timeout(2000) });
`,
      languageOptions: javascript,
    },
    {
      // Instances created in another module with a timeout (or ky's default) are fine.
      code: `
import { catalogClient, inventoryApi, profileClient } from './http-clients.js';

export const reserve = (sku: string) => inventoryApi.post('/reservations', { sku });
export const product = (id: string) => catalogClient.get(\`products/\${id}\`).json();
export const profile = (id: string) => profileClient.get(\`profiles/\${id}\`).json();
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // A client injected by type alone: its origin cannot be seen, so nothing is reported.
      code: `
import type { AxiosInstance } from 'axios';
import type { Got } from 'got';

export class OrdersGateway {
  constructor(private readonly http: AxiosInstance, private readonly search: Got) {}

  place(order: object) {
    return this.http.post('/orders', order);
  }

  find(term: string) {
    return this.search.get('orders', { searchParams: { term } });
  }
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // The options argument is a URL by its type, and the call sets a timeout.
      code: `
import http from 'node:http';

export function check(target: URL) {
  return http.get(target, { timeout: 1_000 }, (res) => res.resume());
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // Created in another module without a timeout (or with it turned off): reported where it is made, not at every call.
      code: `
import { billingApi, exportClient, searchClient } from './http-clients.js';

export const invoice = (id: string) => billingApi.get(\`/invoices/\${id}\`);
export const search = (term: string) => searchClient.get('search', { searchParams: { term } });
export const exportAll = () => exportClient.get('all.csv').text();
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    {
      // A timeout spread in from a constants module where the client is made; a client made by a helper.
      code: `
import { inventoryClient, legacyClient } from './platform-clients.js';

export const stock = (sku: string) => inventoryClient.get(\`/stock/\${sku}\`);
export const archive = (id: string) => legacyClient.get(\`/archive/\${id}\`);
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // Request wrappers: the callers decide the deadline, and these give one.
    `
import nodeFetch from 'node-fetch';

export function fetch(url: string, init?: { method?: string; body?: string; signal?: AbortSignal; headers?: Record<string, string> }) {
  return nodeFetch(url, { ...init, headers: { ...init?.headers, 'User-Agent': 'billing/1.0' } });
}

export const loadPlan = (id: string) => fetch(\`https://plans.internal/\${id}\`, { signal: AbortSignal.timeout(3_000) });
export const notify = (body: string) => fetch('https://hooks.internal/notify', { method: 'POST', body, timeout: 2_000 } as never);
`,
    `
import axios from 'axios';

async function httpGet(url: string, { timeoutMs, ...rest }: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
  return axios.get(url, { ...rest, timeout: timeoutMs });
}

const LIMIT = { timeoutMs: 1_500 };

export const stock = (sku: string) => httpGet(\`https://stock.internal/\${sku}\`, { timeoutMs: 800 });
export const prices = () => httpGet('https://prices.internal/all', LIMIT);
`,
    // A wrapper with its own default bounds every call, with or without a caller's signal or timeout.
    `
export async function request(path: string, init: RequestInit = {}) {
  const response = await fetch(\`https://api.internal\${path}\`, { ...init, signal: init.signal ?? AbortSignal.timeout(5_000) });
  return response.json();
}

export const me = () => request('/me');
export const logout = () => request('/logout', { method: 'POST' });
`,
    `
import axios from 'axios';

export function call(url: string, opts: { timeout?: number; data?: unknown } = {}) {
  return axios.post(url, opts.data, { timeout: opts.timeout ?? 5_000 });
}

export const submit = (order: object) => call('https://orders.internal/orders', { data: order });
`,
    `
export function getJson(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(4_000) });
}

export const health = () => getJson('https://health.internal/ready');
`,
    // node:http: the wrapper bounds the request it returns itself.
    `
import https from 'node:https';

export function get(url: string, options: https.RequestOptions = {}) {
  const req = https.get(url, options, (res) => res.resume());
  req.setTimeout(5_000, () => req.destroy());
  return req;
}

export const ping = () => get('https://status.internal/ping');
`,
    // A signal of the wrapper's own, written before the caller's options are spread in.
    `
export async function getJson(url: string, init: RequestInit = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    return await (await fetch(url, { signal: controller.signal, ...init })).json();
  } finally {
    clearTimeout(timer);
  }
}

export const health = () => getJson('https://health.internal/ready');
`,
    // Named like a request wrapper, sends no request.
    `
const cache = new Map<string, string>();

function fetch(key: string, init?: { fallback?: string }) {
  return cache.get(key) ?? init?.fallback;
}

export const theme = () => fetch('theme');
`,
    // ky has a 10 s default: forwarding the caller's options adds nothing to judge.
    `
import ky from 'ky';

const get = (url: string, options?: { headers?: Record<string, string> }) => ky.get(url, options).json();

export const profile = (id: string) => get(\`https://profiles.internal/\${id}\`);
`,
    // A caller that forwards its own options: its caller decides (one wrapper level is followed).
    `
export function fetchText(url: string, init?: RequestInit) {
  return fetch(url, init).then((response) => response.text());
}

export const readme = (init?: RequestInit) => fetchText('https://docs.internal/README.md', init);
`,
    {
      // The same in plain JavaScript, with the caller's signal.
      code: `
async function postJson(url, body, options = {}) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), ...options });
  return response.json();
}

exports.track = (event) => postJson('https://events.internal/track', event, { signal: AbortSignal.timeout(1_000) });
`,
      languageOptions: javascript,
    },
    {
      // Imported wrappers: a caller that passes a deadline, a wrapper with its own default, a function that sends nothing.
      code: `
import { fetchJson, fetchRecord, fetchWithDeadline, httpGet, partners } from './http-wrappers.js';

export const plan = (id: string) => fetchJson(\`https://plans.internal/\${id}\`, { signal: AbortSignal.timeout(2_000) });
export const rates = () => httpGet('https://fx.internal/rates', { timeoutMs: 1_000 });
export const status = () => fetchWithDeadline('https://status.internal/');
export const record = (records: ReadonlyMap<string, object>) => fetchRecord(records, 'a');
export const partner = (id: string) => partners.send(\`/partners/\${id}\`, { timeout: 3_000 });
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // NestJS HttpService: the module registers a timeout, or the request sets its own.
    `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesClient {
  constructor(private readonly http: HttpService) {}

  async latest() {
    return (await firstValueFrom(this.http.get('https://fx.internal/latest'))).data;
  }

  convert(amount: number) {
    return this.http.axiosRef.post('https://fx.internal/convert', { amount });
  }
}

@Module({ imports: [HttpModule.register({ timeout: 5_000, maxRedirects: 2 })], providers: [RatesClient] })
export class RatesModule {}
`,
    `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

interface Settings { get(key: string): number }

@Injectable()
class WebhookSender {
  constructor(private readonly http: HttpService) {}

  send(url: string, payload: object) {
    return this.http.post(url, payload);
  }
}

@Module({
  imports: [
    HttpModule.registerAsync({
      useFactory: (settings: Settings) => ({ timeout: settings.get('WEBHOOK_TIMEOUT_MS'), maxRedirects: 0 }),
      inject: ['SETTINGS'],
    }),
  ],
  providers: [WebhookSender],
})
export class WebhooksModule {}
`,
    `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

@Injectable()
export class GeoClient {
  constructor(private readonly http: HttpService) {}

  locate(ip: string) {
    return this.http.get(\`https://geo.internal/\${ip}\`, { timeout: 1_000 });
  }

  lookup(ip: string, signal: AbortSignal) {
    return this.http.axiosRef.get(\`https://geo.internal/\${ip}\`, { signal });
  }
}

@Module({ imports: [HttpModule], providers: [GeoClient] })
export class GeoModule {}
`,
    // The module is not in this file, or its options come from a class: nothing is assumed.
    `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class StatusClient {
  constructor(private readonly http: HttpService) {}

  check() {
    return this.http.get('https://status.internal/');
  }
}
`,
    `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

class HttpConfig {
  createHttpOptions() {
    return { timeout: 4_000 };
  }
}

@Injectable()
export class MapsClient {
  constructor(private readonly http: HttpService) {}

  route(from: string, to: string) {
    return this.http.get('https://maps.internal/route', { params: { from, to } });
  }
}

@Module({ imports: [HttpModule.registerAsync({ useClass: HttpConfig })], providers: [MapsClient] })
export class MapsModule {}
`,
    // A parameter typed HttpService: which module's instance it is cannot be told here.
    `
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

export async function verifyGithubToken(http: HttpService, token: string) {
  return firstValueFrom(http.get('https://api.github.com/user', { headers: { Authorization: \`Bearer \${token}\` } }));
}
`,
    // Not HttpService: another member's get, and a local class of the same name.
    `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

@Injectable()
export class ProfileCache {
  private readonly entries = new Map<string, object>();

  constructor(private readonly http: HttpService) {}

  cached(id: string) {
    return this.entries.get(id);
  }
}

@Module({ imports: [HttpModule], providers: [ProfileCache] })
export class ProfilesModule {}
`,
    `
class HttpService {
  get(path: string) {
    return path;
  }
}

export const read = (service: HttpService) => service.get('/local');
`,
    {
      // Typed: the modules in another file register a timeout (a literal, or a value the factory reads).
      code: `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class ReportsClient {
  constructor(private readonly http: HttpService) {}

  monthly() {
    return this.http.get('/reports/monthly');
  }
}

@Injectable()
export class SettlementClient {
  constructor(private readonly http: HttpService) {}

  settle(batch: string) {
    return this.http.axiosRef.post('/settlements', { batch });
  }
}

export class LedgerClient {}
export class AuditClient {}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
  ],
  invalid: [
    {
      code: `
import axios from 'axios';

export async function getCustomer(id: string) {
  const { data } = await axios.get(\`https://crm.internal/customers/\${id}\`);
  return data;
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { library: 'axios', problem: 'no timeout', fix: axiosFix },
          line: 5,
          column: 26,
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `
import axios from 'axios';

export async function getCustomer(id: string) {
  const { data } = await axios.get(\`https://crm.internal/customers/\${id}\`, { timeout: 10_000 });
  return data;
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: `
import axios from 'axios';

export function createOrder(order: unknown, token: string) {
  return axios.post('https://orders.internal/orders', order, { headers: { Authorization: \`Bearer \${token}\` } });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'timeout: 10_000' },
              output: `
import axios from 'axios';

export function createOrder(order: unknown, token: string) {
  return axios.post('https://orders.internal/orders', order, { timeout: 10_000, headers: { Authorization: \`Bearer \${token}\` } });
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: `
import axios from 'axios';

export function submitRefund(refund: { id: string }) {
  return axios({
    method: 'post',
    url: '/refunds',
    data: refund,
  });
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import axios from 'axios';

export function submitRefund(refund: { id: string }) {
  return axios({
    timeout: 10_000,
    method: 'post',
    url: '/refunds',
    data: refund,
  });
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // An instance with no default timeout is reported once, where it is created.
      code: `
import axios from 'axios';

const payments = axios.create({ baseURL: 'https://payments.internal' });

export const charge = (amount: number) => payments.post('/charges', { amount });
export const refund = (id: string) => payments.post(\`/charges/\${id}/refunds\`);
`,
      errors: [
        {
          messageId: 'missingClientTimeout',
          data: { library: 'axios', problem: 'no default timeout', fix: axiosFix },
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import axios from 'axios';

const payments = axios.create({ timeout: 10_000, baseURL: 'https://payments.internal' });

export const charge = (amount: number) => payments.post('/charges', { amount });
export const refund = (id: string) => payments.post(\`/charges/\${id}/refunds\`);
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: `
import * as axiosModule from 'axios';

export const client = axiosModule.create();
`,
      errors: [
        {
          messageId: 'missingClientTimeout',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import * as axiosModule from 'axios';

export const client = axiosModule.create({ timeout: 10_000 });
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // Aliased named import; the instance is exported, so its calls elsewhere have no timeout either.
      code: `
import { create as createHttpClient } from 'axios';

export const inventory = createHttpClient({ baseURL: 'https://inventory.internal' });

export const reserve = (sku: string) => inventory.post('/reservations', { sku }, { timeout: 1_000 });
`,
      errors: [{ messageId: 'missingClientTimeout', line: 4, column: 26, suggestions: [{ messageId: 'addTimeout', output: `
import { create as createHttpClient } from 'axios';

export const inventory = createHttpClient({ timeout: 10_000, baseURL: 'https://inventory.internal' });

export const reserve = (sku: string) => inventory.post('/reservations', { sku }, { timeout: 1_000 });
` }] }],
      output: null,
    },
    {
      // A class field holds the instance; requests go through this.http.
      code: `
import axios from 'axios';

export class PaymentsClient {
  private readonly http = axios.create({ baseURL: process.env.PAYMENTS_URL });

  capture(paymentId: string) {
    return this.http.post(\`/payments/\${paymentId}/capture\`);
  }
}
`,
      errors: [{ messageId: 'missingClientTimeout', line: 5, column: 27, suggestions: [{ messageId: 'addTimeout', output: `
import axios from 'axios';

export class PaymentsClient {
  private readonly http = axios.create({ timeout: 10_000, baseURL: process.env.PAYMENTS_URL });

  capture(paymentId: string) {
    return this.http.post(\`/payments/\${paymentId}/capture\`);
  }
}
` }] }],
      output: null,
    },
    {
      // An explicit 0 turns axios's timeout off: no suggestion, the value was chosen.
      code: `
import axios from 'axios';

const NO_TIMEOUT = 0;

export const exportAll = () => axios.get('https://reports.internal/export', { timeout: NO_TIMEOUT });
`,
      errors: [{ messageId: 'missingTimeout', data: { library: 'axios', problem: '`timeout: 0`', fix: axiosFix }, line: 6, column: 32, suggestions: [] }],
      output: null,
    },
    {
      // A per-call 0 overrides an instance timeout.
      code: `
import axios from 'axios';

const reports = axios.create({ baseURL: 'https://reports.internal', timeout: 5_000 });

export const exportAll = () => reports.get('/export', { timeout: 0 });
`,
      errors: [{ messageId: 'missingTimeout', line: 6, column: 32, suggestions: [] }],
      output: null,
    },
    {
      // Options held in a constant that sets no timeout.
      code: `
import axios from 'axios';

const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };

export const sync = (body: object) => axios.put('https://crm.internal/sync', body, JSON_HEADERS);
`,
      errors: [{ messageId: 'missingTimeout', line: 6, column: 39, suggestions: [] }],
      output: null,
    },
    {
      code: `
export async function loadProfile(userId: string) {
  const response = await fetch(\`https://profiles.internal/users/\${userId}\`);
  return response.json();
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { library: 'fetch', problem: 'no timeout', fix: fetchFix },
          line: 3,
          column: 26,
          suggestions: [
            {
              messageId: 'addTimeout',
              data: { code: 'signal: AbortSignal.timeout(10_000)' },
              output: `
export async function loadProfile(userId: string) {
  const response = await fetch(\`https://profiles.internal/users/\${userId}\`, { signal: AbortSignal.timeout(10_000) });
  return response.json();
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: `
export async function sendWebhook(url: string, event: object) {
  await fetch(url, { method: 'POST', body: JSON.stringify(event) });
}
`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 9, suggestions: [{ messageId: 'addTimeout', output: `
export async function sendWebhook(url: string, event: object) {
  await fetch(url, { signal: AbortSignal.timeout(10_000), method: 'POST', body: JSON.stringify(event) });
}
` }] }],
      output: null,
    },
    {
      code: `
import { fetch as undiciFetch } from 'undici';

export const getStock = (sku: string) => undiciFetch(\`https://stock.internal/\${sku}\`, {});
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 42, suggestions: [{ messageId: 'addTimeout', output: `
import { fetch as undiciFetch } from 'undici';

export const getStock = (sku: string) => undiciFetch(\`https://stock.internal/\${sku}\`, { signal: AbortSignal.timeout(10_000) });
` }] }],
      output: null,
    },
    {
      code: `
export const health = () => globalThis.fetch('https://status.internal/health');
`,
      errors: [{ messageId: 'missingTimeout', line: 2, column: 29, suggestions: [{ messageId: 'addTimeout', output: `
export const health = () => globalThis.fetch('https://status.internal/health', { signal: AbortSignal.timeout(10_000) });
` }] }],
      output: null,
    },
    {
      code: `
import { request } from 'undici';

export async function getBalance(accountId: string) {
  const { body } = await request(\`http://ledger.internal/v1/accounts/\${accountId}/balance\`);
  return body.json();
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { library: 'undici', problem: 'no timeout', fix: fetchFix },
          line: 5,
          column: 26,
          suggestions: [{ messageId: 'addTimeout', output: `
import { request } from 'undici';

export async function getBalance(accountId: string) {
  const { body } = await request(\`http://ledger.internal/v1/accounts/\${accountId}/balance\`, { signal: AbortSignal.timeout(10_000) });
  return body.json();
}
` }],
        },
      ],
      output: null,
    },
    {
      // A dispatcher that only keeps connections alive does not bound the request.
      code: `
import { Agent, fetch } from 'undici';

const keepAlive = new Agent({ keepAliveTimeout: 30_000 });

export const getInvoice = (id: string) => fetch(\`https://billing.internal/invoices/\${id}\`, { dispatcher: keepAlive });
`,
      errors: [{ messageId: 'missingTimeout', data: { library: 'fetch', problem: 'no timeout', fix: fetchFix }, line: 6, column: 43, suggestions: [{ messageId: 'addTimeout', output: `
import { Agent, fetch } from 'undici';

const keepAlive = new Agent({ keepAliveTimeout: 30_000 });

export const getInvoice = (id: string) => fetch(\`https://billing.internal/invoices/\${id}\`, { signal: AbortSignal.timeout(10_000), dispatcher: keepAlive });
` }] }],
      output: null,
    },
    {
      code: `
import got from 'got';

export const createShipment = (shipment: object) => got.post('https://carriers.internal/shipments', { json: shipment }).json();
`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { library: 'got', problem: 'no timeout', fix: gotFix },
          line: 4,
          column: 53,
          suggestions: [{ messageId: 'addTimeout', data: { code: 'timeout: { request: 10_000 }' }, output: `
import got from 'got';

export const createShipment = (shipment: object) => got.post('https://carriers.internal/shipments', { timeout: { request: 10_000 }, json: shipment }).json();
` }],
        },
      ],
      output: null,
    },
    {
      code: `
import got from 'got';

const carriers = got.extend({ prefixUrl: 'https://carriers.internal', responseType: 'json' });

export const rates = () => carriers.get('rates');
`,
      errors: [{ messageId: 'missingClientTimeout', data: { library: 'got', problem: 'no default timeout', fix: gotFix }, line: 4, column: 18, suggestions: [{ messageId: 'addTimeout', output: `
import got from 'got';

const carriers = got.extend({ timeout: { request: 10_000 }, prefixUrl: 'https://carriers.internal', responseType: 'json' });

export const rates = () => carriers.get('rates');
` }] }],
      output: null,
    },
    {
      code: `
import ky from 'ky';

export const exportCsv = () => ky.get('https://exports.internal/all.csv', { timeout: false }).text();
`,
      errors: [{ messageId: 'missingTimeout', data: { library: 'ky', problem: '`timeout: false`', fix: kyFix }, line: 4, column: 32, suggestions: [] }],
      output: null,
    },
    {
      code: `
import ky from 'ky';

export const streaming = ky.create({ prefixUrl: 'https://stream.internal', timeout: false });
`,
      errors: [{ messageId: 'missingClientTimeout', data: { library: 'ky', problem: '`timeout: false`', fix: kyFix }, line: 4, column: 26, suggestions: [] }],
      output: null,
    },
    {
      // With allowDefaultTimeout: false, ky's implicit 10 s no longer counts.
      code: `
import ky from 'ky';

export const getCart = (cartId: string) => ky.get(\`https://carts.internal/\${cartId}\`).json();
`,
      options: [{ allowDefaultTimeout: false }],
      errors: [{ messageId: 'missingTimeout', data: { library: 'ky', problem: "only ky's default timeout", fix: kyFix }, line: 4, column: 44, suggestions: [] }],
      output: null,
    },
    {
      code: `
import https from 'node:https';

export function getStatus(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => resolve(res.statusCode)).on('error', reject);
  });
}
`,
      errors: [{ messageId: 'missingTimeout', data: { library: 'node:http', problem: 'no timeout', fix: nodeHttpFix }, line: 6, column: 5, suggestions: [] }],
      output: null,
    },
    {
      code: `
import http from 'node:http';

export function postEvent(body: string) {
  const req = http.request({ hostname: 'events.internal', path: '/events', method: 'POST' });
  req.on('error', () => undefined);
  req.write(body);
  req.end();
}
`,
      errors: [{ messageId: 'missingTimeout', line: 5, column: 15, suggestions: [{ messageId: 'addTimeout', output: `
import http from 'node:http';

export function postEvent(body: string) {
  const req = http.request({ signal: AbortSignal.timeout(10_000), hostname: 'events.internal', path: '/events', method: 'POST' });
  req.on('error', () => undefined);
  req.write(body);
  req.end();
}
` }] }],
      output: null,
    },
    {
      code: `
import { request as httpsRequest } from 'https';

export function notify(payload: string) {
  const req = httpsRequest('https://hooks.internal/notify', { method: 'POST' });
  req.end(payload);
}
`,
      errors: [{ messageId: 'missingTimeout', line: 5, column: 15, suggestions: [{ messageId: 'addTimeout', output: `
import { request as httpsRequest } from 'https';

export function notify(payload: string) {
  const req = httpsRequest('https://hooks.internal/notify', { signal: AbortSignal.timeout(10_000), method: 'POST' });
  req.end(payload);
}
` }] }],
      output: null,
    },
    {
      // A superagent agent with no timeout: reported where it is created.
      code: `
import superagent from 'superagent';

const agent = superagent.agent().set('x-service', 'orders');

export const getOrder = async (id: string) => (await agent.get(\`https://orders.internal/\${id}\`)).body;
`,
      errors: [{ messageId: 'missingClientTimeout', data: { library: 'superagent', problem: 'no default timeout', fix: superagentFix }, line: 4, column: 15, suggestions: [] }],
      output: null,
    },
    {
      // got's named export under another name; an instance extended from one without a timeout.
      code: `
import { got as httpClient } from 'got';

const base = httpClient.extend({ prefixUrl: 'https://inventory.internal' });
export const stock = (sku: string) => base.get(\`stock/\${sku}\`).json();
`,
      errors: [{ messageId: 'missingClientTimeout', line: 4, column: 14, suggestions: [{ messageId: 'addTimeout', output: `
import { got as httpClient } from 'got';

const base = httpClient.extend({ timeout: { request: 10_000 }, prefixUrl: 'https://inventory.internal' });
export const stock = (sku: string) => base.get(\`stock/\${sku}\`).json();
` }] }],
      output: null,
    },
    {
      code: `
const { create } = require('axios');

module.exports = create({ baseURL: process.env.API_URL });
`,
      languageOptions: { globals: COMMONJS_GLOBALS },
      errors: [{ messageId: 'missingClientTimeout', line: 4, column: 18, suggestions: [{ messageId: 'addTimeout', output: `
const { create } = require('axios');

module.exports = create({ timeout: 10_000, baseURL: process.env.API_URL });
` }] }],
      output: null,
    },
    {
      code: `
import superagent from 'superagent';

export async function getUser(id: string) {
  const res = await superagent.get(\`https://users.internal/\${id}\`).set('accept', 'application/json');
  return res.body;
}
`,
      errors: [
        {
          messageId: 'missingTimeout',
          data: { library: 'superagent', problem: 'no timeout', fix: superagentFix },
          line: 5,
          column: 21,
          suggestions: [{ messageId: 'addTimeout', data: { code: '.timeout({ response: 5_000, deadline: 10_000 })' }, output: `
import superagent from 'superagent';

export async function getUser(id: string) {
  const res = await superagent.get(\`https://users.internal/\${id}\`).timeout({ response: 5_000, deadline: 10_000 }).set('accept', 'application/json');
  return res.body;
}
` }],
        },
      ],
      output: null,
    },
    {
      code: `
import request from 'superagent';

export async function publish(event: object) {
  const req = request.post('https://bus.internal/events').send(event);
  return await req;
}
`,
      errors: [{ messageId: 'missingTimeout', line: 5, column: 15, suggestions: [{ messageId: 'addTimeout', output: `
import request from 'superagent';

export async function publish(event: object) {
  const req = request.post('https://bus.internal/events').timeout({ response: 5_000, deadline: 10_000 }).send(event);
  return await req;
}
` }] }],
      output: null,
    },
      {
      code: `
const axios = require('axios');

module.exports.getCustomer = (id) => axios.get('/customers/' + id);
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 38, suggestions: [{ messageId: 'addTimeout', output: `
const axios = require('axios');

module.exports.getCustomer = (id) => axios.get('/customers/' + id, { timeout: 10_000 });
` }] }],
      output: null,
      languageOptions: javascript,
    },
    {
      code: `
const http = require('axios').default;

const client = http.create({ baseURL: process.env.CRM_URL });
module.exports = client;
`,
      errors: [{ messageId: 'missingClientTimeout', line: 4, column: 16, suggestions: [{ messageId: 'addTimeout', output: `
const http = require('axios').default;

const client = http.create({ timeout: 10_000, baseURL: process.env.CRM_URL });
module.exports = client;
` }] }],
      output: null,
      languageOptions: javascript,
    },
    {
      code: `
const https = require('https');

https.get('https://status.internal/health', (res) => res.resume());
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 1, suggestions: [] }],
      output: null,
      languageOptions: javascript,
    },
    {
      code: `
const superagent = require('superagent');

exports.user = async (id) => (await superagent.get('/users/' + id)).body;
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 37, suggestions: [{ messageId: 'addTimeout', output: `
const superagent = require('superagent');

exports.user = async (id) => (await superagent.get('/users/' + id).timeout({ response: 5_000, deadline: 10_000 })).body;
` }] }],
      output: null,
      languageOptions: javascript,
    },
    {
      // node-fetch is the function itself, in ESM and CommonJS alike, and has no timeout unless given one.
      code: `
import fetch from 'node-fetch';

export const fetchWithRetries = async (url: string) => fetch(url);
`,
      errors: [{ messageId: 'missingTimeout', data: { library: 'fetch', problem: 'no timeout', fix: fetchFix }, line: 4, column: 56, suggestions: [{ messageId: 'addTimeout', output: `
import fetch from 'node-fetch';

export const fetchWithRetries = async (url: string) => fetch(url, { signal: AbortSignal.timeout(10_000) });
` }] }],
      output: null,
    },
    {
      code: `
const fetch = require('node-fetch');

exports.previews = async (base) => (await fetch(\`\${base}/texts\`, { timeout: 0 })).text();
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 43, suggestions: [] }],
      output: null,
      languageOptions: javascript,
    },
    {
      code: `
import got from 'got';

export default async function rates() {
  return got('https://fx.internal/rates').json();
}
`,
      errors: [{ messageId: 'missingTimeout', line: 5, column: 10, suggestions: [{ messageId: 'addTimeout', output: `
import got from 'got';

export default async function rates() {
  return got('https://fx.internal/rates', { timeout: { request: 10_000 } }).json();
}
` }] }],
      output: null,
      languageOptions: javascript,
    },
    {
      // A request on an imported client that turns the timeout off itself is reported here.
      code: `
import { inventoryClient } from './platform-clients.js';

export const stock = (sku: string) => inventoryClient.get(\`/stock/\${sku}\`, { timeout: 0 });
`,
      filename: TYPED_FILENAME,
      errors: [{ messageId: 'missingTimeout', data: { library: 'axios', problem: '`timeout: 0`', fix: axiosFix }, line: 4, column: 39, suggestions: [] }],
      output: null,
      languageOptions: typed,
    },
    {
      // Types tell that a bare identifier is a URL, not an options object.
      code: `
import http from 'node:http';

export function check(target: URL) {
  http.get(target, (res) => res.resume()).on('error', () => undefined);
}
`,
      filename: TYPED_FILENAME,
      errors: [{ messageId: 'missingTimeout', line: 5, column: 3, suggestions: [] }],
      output: null,
      languageOptions: typed,
    },
    {
      // A project's own fetch: reported at each call that passes no deadline, not inside the wrapper.
      code: `
import nodeFetch from 'node-fetch';

export function fetch(url: string, init?: { method?: string; body?: string; signal?: AbortSignal; headers?: Record<string, string> }) {
  return nodeFetch(url, { ...init, headers: { ...init?.headers, 'User-Agent': 'billing/1.0' } });
}

export const loadPlan = (id: string) => fetch(\`https://plans.internal/\${id}\`);
export const notify = (body: string) => fetch('https://hooks.internal/notify', { method: 'POST', body });
`,
      errors: [
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'fetch', location: 'line 4', library: 'fetch', problem: 'no timeout', options: '`timeout` or `signal` in argument 2' },
          line: 8,
          column: 41,
          suggestions: [],
        },
        { messageId: 'missingWrapperTimeout', line: 9, column: 41, suggestions: [] },
      ],
      output: null,
    },
    {
      // A timeout parameter with no fallback: missing, or turned off by the caller.
      code: `
import axios from 'axios';

async function httpGet(url: string, { timeoutMs, ...rest }: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
  return axios.get(url, { ...rest, timeout: timeoutMs });
}

export const stock = (sku: string) => httpGet(\`https://stock.internal/\${sku}\`);
export const prices = () => httpGet('https://prices.internal/all', { timeoutMs: 0 });
`,
      errors: [
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'httpGet', location: 'line 4', library: 'axios', problem: 'no timeout', options: '`timeoutMs`, `signal` or `cancelToken` in argument 2' },
          line: 8,
          column: 39,
          suggestions: [],
        },
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'httpGet', location: 'line 4', library: 'axios', problem: '`timeoutMs: 0`', options: '`timeoutMs`, `signal` or `cancelToken` in argument 2' },
          line: 9,
          column: 29,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // A private request method of an API client, called through \`this\`.
      code: `
export class CatalogClient {
  constructor(private readonly baseUrl: string) {}

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(this.baseUrl + path, init);
    return (await response.json()) as T;
  }

  product(id: string) {
    return this.request(\`/products/\${id}\`);
  }

  search(term: string, signal: AbortSignal) {
    return this.request(\`/search?q=\${term}\`, { signal });
  }
}
`,
      errors: [
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'CatalogClient.request', location: 'line 5', library: 'fetch', problem: 'no timeout', options: '`signal` in argument 2' },
          line: 11,
          column: 12,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      // node:http: the options, timeout included, are the caller's.
      code: `
import https from 'node:https';

export async function get(url: string, options: https.RequestOptions = {}) {
  https.get(url, options, (res) => res.resume()).on('error', () => undefined);
}

export const ping = () => get('https://status.internal/ping', { headers: { accept: 'text/plain' } });
`,
      errors: [{ messageId: 'missingWrapperTimeout', data: { wrapper: 'get', location: 'line 4', library: 'node:http', problem: 'no timeout', options: '`timeout` or `signal` in argument 2' }, line: 8, column: 27, suggestions: [] }],
      output: null,
    },
    {
      // Options that are not forwarded: the request inside the wrapper is the finding, not its callers.
      code: `
export function getJson(url: string, init: RequestInit = {}) {
  return fetch(url, { headers: init.headers });
}

export const health = () => getJson('https://health.internal/ready');
`,
      errors: [{ messageId: 'missingTimeout', line: 3, column: 10, suggestions: [{ messageId: 'addTimeout', output: `
export function getJson(url: string, init: RequestInit = {}) {
  return fetch(url, { signal: AbortSignal.timeout(10_000), headers: init.headers });
}

export const health = () => getJson('https://health.internal/ready');
` }] }],
      output: null,
    },
    {
      // The same in plain JavaScript: a caller's options without a signal.
      code: `
async function postJson(url, body, options = {}) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), ...options });
  return response.json();
}

exports.track = (event) => postJson('https://events.internal/track', event, { headers: { 'x-source': 'web' } });
`,
      errors: [{ messageId: 'missingWrapperTimeout', data: { wrapper: 'postJson', location: 'line 2', library: 'fetch', problem: 'no timeout', options: '`signal` in argument 3' }, line: 7, column: 28, suggestions: [] }],
      output: null,
      languageOptions: javascript,
    },
    {
      // axios called as a function and \`axios.request\`, with a config held in a constant that sets no timeout.
      code: `
import axios from 'axios';

const REFUND = { method: 'post', url: 'https://payments.internal/refunds' } as const;

export const refund = () => axios(REFUND);
export const refundAgain = () => axios.request(REFUND);
`,
      errors: [
        { messageId: 'missingTimeout', data: { library: 'axios', problem: 'no timeout', fix: axiosFix }, line: 6, column: 29, suggestions: [] },
        { messageId: 'missingTimeout', data: { library: 'axios', problem: 'no timeout', fix: axiosFix }, line: 7, column: 34, suggestions: [] },
      ],
      output: null,
    },
    {
      code: `
const axios = require('axios');

module.exports.refund = (refund) => axios({ method: 'post', url: '/refunds', data: refund });
`,
      errors: [{ messageId: 'missingTimeout', line: 4, column: 37, suggestions: [{ messageId: 'addTimeout', output: `
const axios = require('axios');

module.exports.refund = (refund) => axios({ timeout: 10_000, method: 'post', url: '/refunds', data: refund });
` }] }],
      output: null,
      languageOptions: { ...javascript, globals: COMMONJS_GLOBALS },
    },
    {
      // Wrappers imported from another module (typed): reported at the calls here, naming where the wrapper is.
      code: `
import { fetchJson, httpGet, partners } from './http-wrappers.js';

export const plan = (id: string) => fetchJson(\`https://plans.internal/\${id}\`);
export const rates = () => httpGet('https://fx.internal/rates');
export const partner = (id: string) => partners.send(\`/partners/\${id}\`, { method: 'GET' });
`,
      filename: TYPED_FILENAME,
      errors: [
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'fetchJson', location: './http-wrappers.ts:5', library: 'fetch', problem: 'no timeout', options: '`signal` in argument 2' },
          line: 4,
          column: 37,
          suggestions: [],
        },
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'httpGet', location: './http-wrappers.ts:11', library: 'axios', problem: 'no timeout', options: '`timeoutMs`, `signal` or `cancelToken` in argument 2' },
          line: 5,
          column: 28,
          suggestions: [],
        },
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'PartnerClient.send', location: './http-wrappers.ts:28', library: 'axios', problem: 'no timeout', options: '`timeout`, `signal` or `cancelToken` in argument 2' },
          line: 6,
          column: 40,
          suggestions: [],
        },
      ],
      output: null,
      languageOptions: typed,
    },
    {
      // The same wrappers under a local alias and through a namespace import: found by the names their module exports.
      code: `
import { fetchJson as getJson } from './http-wrappers.js';
import * as wrappers from './http-wrappers.js';

export const plan = (id: string) => getJson(\`https://plans.internal/\${id}\`);
export const rates = () => wrappers.httpGet('https://fx.internal/rates');
`,
      filename: TYPED_FILENAME,
      errors: [
        { messageId: 'missingWrapperTimeout', data: { wrapper: 'fetchJson', location: './http-wrappers.ts:5', library: 'fetch', problem: 'no timeout', options: '`signal` in argument 2' }, line: 5, column: 37, suggestions: [] },
        {
          messageId: 'missingWrapperTimeout',
          data: { wrapper: 'httpGet', location: './http-wrappers.ts:11', library: 'axios', problem: 'no timeout', options: '`timeoutMs`, `signal` or `cancelToken` in argument 2' },
          line: 6,
          column: 28,
          suggestions: [],
        },
      ],
      output: null,
      languageOptions: typed,
    },
    {
      // NestJS HttpService from a module that imports HttpModule as is: axios's default instance, no timeout.
      code: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesClient {
  constructor(private readonly http: HttpService) {}

  async latest() {
    return (await firstValueFrom(this.http.get('https://fx.internal/latest'))).data;
  }
}

@Module({ imports: [HttpModule], providers: [RatesClient] })
export class RatesModule {}
`,
      errors: [
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout: `RatesModule` (line 15) imports `HttpModule` without `register({ timeout })`, so it wraps axios\'s default instance' , fix: serviceFix },
          line: 11,
          column: 34,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesClient {
  constructor(private readonly http: HttpService) {}

  async latest() {
    return (await firstValueFrom(this.http.get('https://fx.internal/latest', { timeout: 10_000 }))).data;
  }
}

@Module({ imports: [HttpModule], providers: [RatesClient] })
export class RatesModule {}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // register() and registerAsync() without a timeout; axiosRef, a class property, a provider object.
      code: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Inject, Injectable, Module } from '@nestjs/common';

@Injectable()
export class InvoicesClient {
  @Inject(HttpService)
  private readonly http!: HttpService;

  create(invoice: object) {
    return this.http.axiosRef.post('/invoices', invoice, { headers: { 'content-type': 'application/json' } });
  }
}

@Injectable()
export class MailerClient {
  constructor(private readonly http: HttpService) {}

  send(mail: object) {
    return this.http.post('/mail', mail);
  }
}

const MAILER = { provide: 'MAILER', useClass: MailerClient };

@Module({ imports: [HttpModule.register({ baseURL: 'https://billing.internal' })], providers: [InvoicesClient] })
export class InvoicesModule {}

@Module({ imports: [HttpModule.registerAsync({ useFactory: () => ({ baseURL: 'https://mail.internal' }) })], providers: [MAILER] })
export class MailModule {}
`,
      errors: [
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout: `InvoicesModule` (line 26) calls `HttpModule.register()` without `timeout`' , fix: serviceFix },
          line: 11,
          column: 12,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Inject, Injectable, Module } from '@nestjs/common';

@Injectable()
export class InvoicesClient {
  @Inject(HttpService)
  private readonly http!: HttpService;

  create(invoice: object) {
    return this.http.axiosRef.post('/invoices', invoice, { timeout: 10_000, headers: { 'content-type': 'application/json' } });
  }
}

@Injectable()
export class MailerClient {
  constructor(private readonly http: HttpService) {}

  send(mail: object) {
    return this.http.post('/mail', mail);
  }
}

const MAILER = { provide: 'MAILER', useClass: MailerClient };

@Module({ imports: [HttpModule.register({ baseURL: 'https://billing.internal' })], providers: [InvoicesClient] })
export class InvoicesModule {}

@Module({ imports: [HttpModule.registerAsync({ useFactory: () => ({ baseURL: 'https://mail.internal' }) })], providers: [MAILER] })
export class MailModule {}
`,
            },
          ],
        },
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout: the `useFactory` of `HttpModule.registerAsync()` in `MailModule` (line 29) returns none' , fix: serviceFix },
          line: 20,
          column: 12,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Inject, Injectable, Module } from '@nestjs/common';

@Injectable()
export class InvoicesClient {
  @Inject(HttpService)
  private readonly http!: HttpService;

  create(invoice: object) {
    return this.http.axiosRef.post('/invoices', invoice, { headers: { 'content-type': 'application/json' } });
  }
}

@Injectable()
export class MailerClient {
  constructor(private readonly http: HttpService) {}

  send(mail: object) {
    return this.http.post('/mail', mail, { timeout: 10_000 });
  }
}

const MAILER = { provide: 'MAILER', useClass: MailerClient };

@Module({ imports: [HttpModule.register({ baseURL: 'https://billing.internal' })], providers: [InvoicesClient] })
export class InvoicesModule {}

@Module({ imports: [HttpModule.registerAsync({ useFactory: () => ({ baseURL: 'https://mail.internal' }) })], providers: [MAILER] })
export class MailModule {}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // A request that turns off the module's timeout, and a service made by hand around axios's default instance.
      code: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

@Injectable()
export class ExportsClient {
  constructor(private readonly http: HttpService) {}

  download(id: string) {
    return this.http.get(\`/exports/\${id}\`, { timeout: 0, responseType: 'stream' });
  }
}

@Module({ imports: [HttpModule.register({ timeout: 5_000 })], providers: [ExportsClient] })
export class ExportsModule {}

export function seedIssues() {
  const http = new HttpService();
  return http.get('https://api.github.com/repos/acme/app/issues');
}
`,
      errors: [
        { messageId: 'missingTimeout', data: { library: 'axios', problem: '`timeout: 0`', fix: axiosFix }, line: 10, column: 12, suggestions: [] },
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout (`new HttpService()` wraps axios\'s default instance)', fix: constructedServiceFix },
          line: 19,
          column: 10,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';

@Injectable()
export class ExportsClient {
  constructor(private readonly http: HttpService) {}

  download(id: string) {
    return this.http.get(\`/exports/\${id}\`, { timeout: 0, responseType: 'stream' });
  }
}

@Module({ imports: [HttpModule.register({ timeout: 5_000 })], providers: [ExportsClient] })
export class ExportsModule {}

export function seedIssues() {
  const http = new HttpService();
  return http.get('https://api.github.com/repos/acme/app/issues', { timeout: 10_000 });
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // Typed: the module that lists the provider is in another file (plain HttpModule; a factory with no timeout).
      code: `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  balance(account: string) {
    return this.http.get(\`/accounts/\${account}/balance\`);
  }
}

@Injectable()
export class AuditClient {
  constructor(private readonly http: HttpService) {}

  record(event: object) {
    return this.http.post('/events', event);
  }
}

export class ReportsClient {}
export class SettlementClient {}
`,
      filename: TYPED_FILENAME,
      errors: [
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout: `LedgerModule` (./partner-modules.ts:8) imports `HttpModule` without `register({ timeout })`, so it wraps axios\'s default instance' , fix: serviceFix },
          line: 10,
          column: 12,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  balance(account: string) {
    return this.http.get(\`/accounts/\${account}/balance\`, { timeout: 10_000 });
  }
}

@Injectable()
export class AuditClient {
  constructor(private readonly http: HttpService) {}

  record(event: object) {
    return this.http.post('/events', event);
  }
}

export class ReportsClient {}
export class SettlementClient {}
`,
            },
          ],
        },
        {
          messageId: 'missingServiceTimeout',
          data: { problem: 'no timeout: the `useFactory` of `HttpModule.registerAsync()` in `AuditModule` (./partner-modules.ts:14) returns none' , fix: serviceFix },
          line: 19,
          column: 12,
          suggestions: [
            {
              messageId: 'addTimeout',
              output: `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  balance(account: string) {
    return this.http.get(\`/accounts/\${account}/balance\`);
  }
}

@Injectable()
export class AuditClient {
  constructor(private readonly http: HttpService) {}

  record(event: object) {
    return this.http.post('/events', event, { timeout: 10_000 });
  }
}

export class ReportsClient {}
export class SettlementClient {}
`,
            },
          ],
        },
      ],
      output: null,
      languageOptions: typed,
    },
  ],
});

describe('require-http-timeout inventory', () => {
  it('records every client and request with its timeout', () => {
    const facts: LocatedInventoryFact[] = [];
    const linter = new Linter({ configType: 'flat' });
    const code = `
import axios from 'axios';
import ky from 'ky';

const payments = axios.create({ baseURL: 'https://payments.internal', timeout: 5_000 });
export const charge = (amount: number) => payments.post('/charges', { amount });
export const rates = () => fetch('https://fx.internal/rates');
export const cart = (id: string) => ky.get(\`https://carts.internal/\${id}\`);
export const forward = (url: string, init: RequestInit) => fetch(url, init);
`;
    linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { 'service-policy': { rules: { 'require-http-timeout': rule } } as never },
          languageOptions: { parser: tsParser as never },
          settings: { 'service-policy': { onFact: (fact: LocatedInventoryFact) => facts.push(fact) } },
          rules: { 'service-policy/require-http-timeout': 'error' },
        },
      ],
      { filename: 'client.ts' },
    );
    expect(facts.map((fact) => ({ kind: fact.kind, library: fact.library, line: fact.line, timeout: fact.kind === 'http-client' ? fact.properties.timeout : undefined }))).toEqual([
      { kind: 'http-client', library: 'axios', line: 5, timeout: '5000 ms' },
      { kind: 'http-client', library: 'axios', line: 6, timeout: '5000 ms' },
      { kind: 'http-client', library: 'fetch', line: 7, timeout: 'none' },
      { kind: 'http-client', library: 'ky', line: 8, timeout: '10000 ms' },
      { kind: 'http-client', library: 'fetch', line: 9, timeout: 'unknown' },
    ]);
    expect(facts.every((fact) => fact.kind === 'http-client' && fact.file === 'client.ts')).toBe(true);
  });
});
