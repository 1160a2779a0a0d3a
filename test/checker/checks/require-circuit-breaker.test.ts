/**
 * require-circuit-breaker on one project holding a scenario per folder: which retries a breaker covers, across
 * modules, and which it does not.
 */
import { describe, expect, it } from 'vitest';

import { useScenarioProject } from './scenario-project.js';

const ID = 'service-policy/require-circuit-breaker';

const files: Record<string, string> = {
  '.policy-checkrc.json': JSON.stringify({
    rules: { 'require-retry-backoff': 'off', 'no-unbounded-retry': 'off', 'require-idempotency-key': 'off', 'no-retry-on-client-error': 'off', 'require-http-timeout': 'off' },
    libraries: { circuitBreakers: [{ package: '@acme/resilience', name: 'withBreaker' }] },
  }),
  'package.json': JSON.stringify({ name: 'scenarios', type: 'module' }),
  // A retrying client nobody protects, and one a breaker in another module protects.
  'clients/http.ts': [
    "import axios from 'axios';",
    "import axiosRetry from 'axios-retry';",
    "export const search = axios.create({ baseURL: 'http://search.internal', timeout: 1000 });",
    'axiosRetry(search, { retries: 3, retryDelay: axiosRetry.exponentialDelay });',
    "export const payments = axios.create({ baseURL: 'http://payments.internal', timeout: 1000 });",
    'axiosRetry(payments, { retries: 3, retryDelay: axiosRetry.exponentialDelay });',
    '',
  ].join('\n'),
  'clients/charge.ts': [
    "import CircuitBreaker from 'opossum';",
    "import { payments } from './http.js';",
    "const breaker = new CircuitBreaker((amount: number) => payments.post('/charges', { amount }), { resetTimeout: 30000 });",
    'export const charge = (amount: number) => breaker.fire(amount);',
    '',
  ].join('\n'),
  // cockatiel: a retry policy executing fetch, alone and wrapped with a breaker.
  'cockatiel/alone.ts': [
    "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';",
    'const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });',
    "export const prices = () => policy.execute(() => fetch('http://prices.internal/all', { signal: AbortSignal.timeout(500) }));",
    '',
  ].join('\n'),
  'cockatiel/wrapped.ts': [
    "import { circuitBreaker, ConsecutiveBreaker, ExponentialBackoff, handleAll, retry, wrap } from 'cockatiel';",
    'const attempts = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });',
    'const policy = wrap(attempts, circuitBreaker(handleAll, { halfOpenAfter: 10000, breaker: new ConsecutiveBreaker(5) }));',
    "export const stock = () => policy.execute(() => fetch('http://stock.internal/all', { signal: AbortSignal.timeout(500) }));",
    '',
  ].join('\n'),
  // p-retry around a call through a breaker, and a breaker around a function that retries.
  'wrappers/api.ts': [
    "import axios from 'axios';",
    "const ledger = axios.create({ baseURL: 'http://ledger.internal', timeout: 1000 });",
    "export const postEntry = (id: string) => ledger.post('/entries', { id }, { headers: { 'Idempotency-Key': id } });",
    '',
  ].join('\n'),
  'wrappers/through-breaker.ts': [
    "import CircuitBreaker from 'opossum';",
    "import pRetry from 'p-retry';",
    "import { postEntry } from './api.js';",
    'const breaker = new CircuitBreaker(postEntry);',
    'export const record = (id: string) => pRetry(() => breaker.fire(id), { retries: 3, randomize: true });',
    '',
  ].join('\n'),
  'wrappers/retrying.ts': [
    "import pRetry from 'p-retry';",
    "import { postEntry } from './api.js';",
    'export const recordWithRetry = (id: string) => pRetry(() => postEntry(id), { retries: 3, randomize: true });',
    '',
  ].join('\n'),
  'wrappers/guarded.ts': [
    "import CircuitBreaker from 'opossum';",
    "import { recordWithRetry } from './retrying.js';",
    'export const guarded = new CircuitBreaker(recordWithRetry);',
    '',
  ].join('\n'),
  // Retries that are not reported: no external call, a custom breaker, a suppression with a reason.
  'quiet/compute.ts': [
    "import pRetry from 'p-retry';",
    'const parse = (text: string) => JSON.parse(text) as unknown;',
    'export const load = (text: string) => pRetry(() => parse(text), { retries: 2, randomize: true });',
    '',
  ].join('\n'),
  'quiet/custom.ts': [
    "import pRetry from 'p-retry';",
    "import { withBreaker } from '@acme/resilience';",
    "const guardedFetch = withBreaker((url: string) => fetch(url, { signal: AbortSignal.timeout(500) }));",
    "export const ping = () => pRetry(() => fetch('http://health.internal', { signal: AbortSignal.timeout(500) }), { retries: 2, randomize: true });",
    'export { guardedFetch };',
    '',
  ].join('\n'),
  'quiet/suppressed.ts': [
    "import pRetry from 'p-retry';",
    '// policy-check-ignore require-circuit-breaker -- the mesh sidecar breaks the circuit for this route',
    "export const ping = () => pRetry(() => fetch('http://mesh.internal', { signal: AbortSignal.timeout(500) }), { retries: 2, randomize: true });",
    '',
  ].join('\n'),
  // got's own retry when the caller's options decide it: a request made with whatever options it is handed.
  'quiet/caller-options.ts': [
    "import got, { type OptionsOfTextResponseBody } from 'got';",
    'export const deliver = (url: string, options: OptionsOfTextResponseBody) =>',
    '  got(url, { ...options, throwHttpErrors: false, timeout: { request: 2000 } });',
    '',
  ].join('\n'),
  // Reported: got's default retry of a GET, the same got call with its method known; the URL is no client.
  'loud/got.ts': [
    "import got from 'got';",
    "const itemsUrl = 'http://catalog.internal/items';",
    'export const catalog = () => got.get(itemsUrl, { timeout: { request: 2000 } });',
    '',
  ].join('\n'),
  // Reported: p-retry around a module-level fetch, with no breaker anywhere near.
  'loud/fetch.ts': [
    "import pRetry from 'p-retry';",
    "const getRates = () => fetch('http://rates.internal/latest', { signal: AbortSignal.timeout(500) });",
    'export const rates = () => pRetry(getRates, { retries: 2, randomize: true });',
    '',
  ].join('\n'),
  // Not reported: requests that run once while the process starts. A page fetched from a CDN while the app
  // is built, by a helper only the app-building function calls (a test calling it too does not count).
  'start-up/landing-page.ts': [
    "import ky from 'ky';",
    'export async function fetchLandingPage(cdnUrl: string): Promise<string> {',
    '  const response = await ky.get(`${cdnUrl}/landing.html`);',
    '  return response.text();',
    '}',
    '',
  ].join('\n'),
  'start-up/web.ts': [
    "import express from 'express';",
    "import { fetchLandingPage } from './landing-page.js';",
    'export default async function assembleWeb(cdnUrl: string) {',
    '  const web = express();',
    '  const page = await fetchLandingPage(cdnUrl);',
    "  web.get('/', (_request, response) => response.send(page));",
    '  return web;',
    '}',
    '',
  ].join('\n'),
  'start-up/serve.ts': [
    "import assemble from './web.js';",
    'export async function serve(port: number) {',
    "  const web = await assemble('https://cdn.example.com');",
    '  web.listen(port);',
    '}',
    '',
  ].join('\n'),
  'start-up/landing-page.test.ts': [
    "import { fetchLandingPage } from './landing-page.js';",
    "export const check = () => fetchLandingPage('http://127.0.0.1:9999');",
    '',
  ].join('\n'),
  // Remote settings read by a call at a module's top level, two callers down.
  'start-up/settings.ts': [
    "import got from 'got';",
    "const readSettings = () => got.get('http://settings.internal/current', { timeout: { request: 2000 } }).json();",
    'const loadSettings = async () => ({ ...(await readSettings() as object), loadedAt: Date.now() });',
    'export const settings = loadSettings();',
    '',
  ].join('\n'),
  // A script's main(), which retries its one fetch; and NestJS's start-up hook warming a cache.
  'start-up/seed.ts': [
    "import pRetry from 'p-retry';",
    'async function main() {',
    "  await pRetry(() => fetch('http://catalog.internal/seed', { method: 'PUT', signal: AbortSignal.timeout(5000) }), { retries: 3, randomize: true });",
    '}',
    'main().catch(() => process.exit(1));',
    '',
  ].join('\n'),
  'start-up/currency-cache.ts': [
    "import ky from 'ky';",
    'export class CurrencyCache {',
    '  private rates: Record<string, number> = {};',
    '  async onModuleInit() {',
    '    this.rates = await this.download();',
    '  }',
    '  rate(currency: string) {',
    '    return this.rates[currency];',
    '  }',
    '  private download() {',
    "    return ky.get('http://fx.internal/rates').json<Record<string, number>>();",
    '  }',
    '}',
    '',
  ].join('\n'),
  // A warm-up run by an async function invoked where it is written, at a module's top level.
  'start-up/warm-up.ts': [
    "import got from 'got';",
    "const fetchCatalogue = () => got.get('http://catalogue.internal/all', { timeout: { request: 2000 } }).json();",
    'void (async () => {',
    '  await fetchCatalogue();',
    '})();',
    '',
  ].join('\n'),
  // The same in JavaScript: a script's main() primes a cache once.
  'start-up/prime.js': [
    "import ky from 'ky';",
    'async function main() {',
    "  const prices = await ky.get('http://prices.internal/all').json();",
    '  console.info(Object.keys(prices).length);',
    '}',
    'await main();',
    '',
  ].join('\n'),
  // Reported: the same kind of request, made per request or where its callers cannot all be told.
  'per-request/profile.ts': [
    "import ky from 'ky';",
    'export const fetchProfile = (userId: string) => ky.get(`http://profiles.internal/users/${userId}`).json();',
    '',
  ].join('\n'),
  'per-request/routes.ts': [
    "import express from 'express';",
    "import { fetchProfile } from './profile.js';",
    "import { fetchRates } from './rates.js';",
    'export function buildRoutes() {',
    '  const routes = express();',
    "  routes.get('/me', async (request, response) => response.json(await fetchProfile(String(request.query.id))));",
    "  routes.get('/rates', async (_request, response) => response.json(await fetchRates()));",
    '  return routes;',
    '}',
    '',
  ].join('\n'),
  // Called while the app is built and again by every request to /rates.
  'per-request/rates.ts': [
    "import got from 'got';",
    "export const fetchRates = () => got.get('http://fx.internal/latest', { timeout: { request: 2000 } }).json();",
    '',
  ].join('\n'),
  'per-request/app.ts': [
    "import express from 'express';",
    "import { fetchRates } from './rates.js';",
    "import { buildRoutes } from './routes.js';",
    'export async function createApp() {',
    '  const app = express();',
    '  await fetchRates();',
    "  app.use('/api', buildRoutes());",
    '  return app;',
    '}',
    '',
  ].join('\n'),
  // main() starts a timer: the refresh it schedules runs again and again.
  'per-request/refresher.ts': [
    "import ky from 'ky';",
    "const refresh = () => ky.get('http://prices.internal/all').json();",
    'function main() {',
    '  setInterval(refresh, 60_000);',
    '}',
    'main();',
    '',
  ].join('\n'),
  // Started by NestJS's start-up hook, but repeated for the life of the process: a poll loop, and a
  // refresh that calls itself again.
  'per-request/poller.ts': [
    "import ky from 'ky';",
    "import { setTimeout as delay } from 'node:timers/promises';",
    'export class JobPoller {',
    '  private stopped = false;',
    '  async onApplicationBootstrap() {',
    '    void this.refreshQuotas();',
    '    while (!this.stopped) {',
    '      await this.pull();',
    '      await delay(5000);',
    '    }',
    '  }',
    '  onModuleDestroy() {',
    '    this.stopped = true;',
    '  }',
    '  private pull() {',
    "    return ky.get('http://jobs.internal/next').json();",
    '  }',
    '  private async refreshQuotas(): Promise<void> {',
    "    await ky.get('http://quotas.internal/current').json();",
    '    await delay(60_000);',
    '    return this.refreshQuotas();',
    '  }',
    '}',
    '',
  ].join('\n'),
  // JavaScript: a handler kept in a table of routes, called by whoever reads the table.
  'per-request/lookup.js': [
    "import ky from 'ky';",
    'const lookupSku = (sku) => ky.get(`http://catalog.internal/skus/${sku}`).json();',
    "export const routes = { '/sku': lookupSku };",
    '',
  ].join('\n'),
  // Five plain functions between the request and the module's top level: past the callers followed.
  'per-request/deep.ts': [
    "import ky from 'ky';",
    "const readStock = () => ky.get('http://stock.internal/levels').json();",
    'const loadStock = () => readStock();',
    'const prepareStock = () => loadStock();',
    'const primeStock = () => prepareStock();',
    'const warmStock = () => primeStock();',
    'export const stock = warmStock();',
    '',
  ].join('\n'),
  // An instance made at a module's top level retries the requests sent through it, wherever they are sent.
  'per-request/instance.ts': [
    "import ky from 'ky';",
    "export const inventory = ky.create({ prefixUrl: 'http://inventory.internal', retry: { limit: 3 } });",
    '',
  ].join('\n'),
};

const project = useScenarioProject('policy-check-breaker-', files);

describe('require-circuit-breaker', () => {
  it('reports exactly the retries of external dependencies no breaker covers', () => {
    const found = project.result().findings.filter((finding) => finding.ruleId === ID).map((finding) => `${finding.file}:${finding.line} ${finding.severity}`);
    expect(found).toEqual([
      'clients/http.ts:4 warning',
      'cockatiel/alone.ts:2 warning',
      'loud/fetch.ts:3 warning',
      'loud/got.ts:3 warning',
      'per-request/deep.ts:2 warning',
      'per-request/instance.ts:2 warning',
      'per-request/lookup.js:2 warning',
      'per-request/poller.ts:16 warning',
      'per-request/poller.ts:19 warning',
      'per-request/profile.ts:2 warning',
      'per-request/rates.ts:2 warning',
      'per-request/refresher.ts:2 warning',
    ]);
  });

  it('leaves out retries that run only while the process starts', () => {
    const found = project.result().findings.filter((finding) => finding.ruleId === ID && finding.file.startsWith('start-up/'));
    expect(found).toEqual([]);
    const recorded = project.result().inventory.filter((entry) => entry.kind === 'retry-policy' && entry.file.startsWith('start-up/')).map((entry) => `${entry.file}:${entry.line} ${entry.library}`);
    expect(recorded).toEqual( [
      'start-up/currency-cache.ts:11 ky',
      'start-up/landing-page.ts:3 ky',
      'start-up/prime.js:3 ky',
      'start-up/seed.ts:3 p-retry',
      'start-up/settings.ts:2 got',
      'start-up/warm-up.ts:2 got',
    ]);
  });

  it('names the client or the external call in its message', () => {
    const messages = project.result().findings.filter((finding) => finding.ruleId === ID).map((finding) => finding.message.split(' with no circuit breaker')[0]);
    expect(messages).toEqual([
      'axios-retry retries the client `search`',
      'cockatiel retries an operation that calls `fetch`',
      'p-retry retries an operation that calls `fetch`',
      'got retries this client',
      'ky retries this client',
      'ky retries this client',
      'ky retries this client',
      'ky retries this client',
      'ky retries this client',
      'ky retries this client',
      'got retries this client',
      'ky retries this client',
    ]);
  });

  it('links its documentation', () => {
    expect(project.result().rules.find((rule) => rule.id === ID)?.helpUrl).toBe('https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/checks/require-circuit-breaker.md');
  });
});
