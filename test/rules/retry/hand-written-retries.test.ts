/**
 * Hand-written retries: every invalid case states the exact reading of the retry (bound, backoff, jitter,
 * condition, methods) through a test-only rule that reports each policy the source emits.
 * Line numbers count from the first line of each snippet.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import { createEspreeRuleTester, createRuleTester } from '../rule-tester.js';
import { handWrittenRetryReading, retry } from './retry-reading.js';

/** Plain JavaScript: run with the typescript-eslint parser and with espree. */
const javascriptValid: Array<string | ValidTestCase<[]>> = [
  `
  export async function consume(queue, handle) {
    while (true) {
      try {
        const msg = await queue.receive();
        await handle(msg);
        await queue.ack(msg);
      } catch (err) {
        logger.error({ err }, 'message failed');
        await sleep(1000);
      }
    }
  }
  `,
  `
  export async function sendAll(items) {
    const failures = [];
    for (const item of items) {
      try { await send(item); } catch (err) { failures.push({ item, err }); }
    }
    return failures;
  }
  `,
  `
  export async function download(mirrors) {
    for (const url of mirrors) {
      try { return await fetch(url); } catch { continue; }
    }
    throw new Error('no mirror answered');
  }
  `,
  `
  export async function serve(server) {
    while (true) {
      const socket = await server.accept();
      handle(socket);
    }
  }
  `,
  `
  export async function waitForJob(api, id) {
    while (true) {
      const job = await api.getJob(id);
      if (job.status === 'done') return job;
      if (job.status === 'failed') throw new Error(job.error);
      await sleep(2000);
    }
  }
  `,
  `
  export async function waitForExport(url) {
    for (;;) {
      const res = await fetch(url);
      if (res.status === 202) { await sleep(1000); continue; }
      return res.json();
    }
  }
  `,
  `
  export async function drain(queue) {
    while (queue.length > 0) {
      const job = queue.shift();
      try { await job.run(); } catch (err) { throw new JobError(job.id, err); }
    }
  }
  `,
  `
  export async function fetchAll(url, acc = []) {
    const res = await fetch(url);
    const body = await res.json();
    acc.push(...body.items);
    return body.next ? fetchAll(body.next, acc) : acc;
  }
  `,
  `
  export function walk(node, visit) {
    try {
      visit(node);
      for (const child of node.children) walk(child, visit);
    } catch (err) {
      console.warn(err);
    }
  }
  `,
  `
  export class ApiClient {
    async request(config) {
      try {
        return await this.http.request(config);
      } catch (err) {
        if (err.response?.status === 401) {
          await this.refreshToken();
          return this.request(config);
        }
        throw err;
      }
    }
  }
  `,
  `
  export async function drainQueue(queue) {
    while (true) {
      const job = await queue.pop();
      if (!job) break;
      await processJob(job);
    }
  }
  `,
  `
  export function connect() {
    const socket = new WebSocket(process.env.FEED_URL);
    socket.on('close', () => setTimeout(connect, 1000));
    return socket;
  }
  `,
  `
  export async function once(op) {
    while (true) {
      try { return await op(); } catch (e) { throw new Error('operation failed', { cause: e }); }
    }
  }
  `,
  `
  export async function handleBatch(batch, failed) {
    for (let i = 0; i < batch.length; i++) {
      try { await handle(batch[i]); } catch (e) { failed.push(batch[i]); continue; }
    }
  }
  `,
  `
  export async function run(consumer) {
    for await (const msg of consumer) {
      try { await handle(msg); } catch (err) { continue; }
    }
  }
  `,
  `
  export class Worker {
    async run() {
      while (this.running) {
        try { await this.consumeOnce(); } catch (err) { this.logger.error(err); await sleep(1000); }
      }
    }
  }
  `,
  `
  export function tick() {
    return doWork().then(() => tick());
  }
  `,
  `
  export async function readLines(reader) {
    let line;
    while ((line = await reader.readLine()) !== null) {
      try { await handle(line); } catch (e) { log(e); }
    }
  }
  `,
  `
  export async function exportAll() {
    let cursor;
    let page;
    do {
      page = await fetchPage(cursor);
      cursor = page.next;
    } while (cursor);
  }
  `,
  `
  export async function firstAvailable(endpoints) {
    for (let i = 0; i < endpoints.length; i++) {
      try { return await fetch(endpoints[i]); } catch (err) { if (i === endpoints.length - 1) throw err; }
    }
  }
  `,
  `
  export async function crawl(url, depth = 0) {
    try {
      const res = await fetch(url);
      const links = extractLinks(await res.text());
      for (const link of links) if (depth < 3) await crawl(link, depth + 1);
    } catch (err) {
      log(err);
    }
  }
  `,
  `
  export async function waitForKey(redis, key) {
    while (true) {
      const value = await redis.get(key);
      if (value) return value;
      await sleep(100);
    }
  }
  `,
  `
  export async function processSome(queue) {
    let processed = 0;
    while (processed < 100) {
      try {
        const message = await queue.next();
        await handle(message);
        processed++;
      } catch (e) {
        log(e);
      }
    }
  }
  `,
  `
  export function spin(items) {
    for (;;) {}
    do ; while (false);
    while (items.length) items.pop();
  }
  `,
];

const javascriptInvalid: InvalidTestCase<'retry', []>[] = [
  {
    code: `
  export async function submitOrder(url, order) {
    while (true) {
      try {
        const res = await fetch(url, { method: 'POST', body: JSON.stringify(order) });
        return await res.json();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  `,
    errors: [retry(3, 'unbounded | constant | false | transient-only | POST')],
  },
  {
    code: `
  import { sleep } from './util.js';
  export async function publish(client, event) {
    let delay = 100;
    for (let attempt = 1; attempt <= 4; attempt++) {
      try {
        return await client.send(event);
      } catch (err) {
        if (attempt === 4) throw err;
        await sleep(delay);
        delay *= 2;
      }
    }
  }
  `,
    errors: [retry(5, '3 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  import { setTimeout as wait } from 'node:timers/promises';
  export async function connect(db) {
    let delayMs = 200;
    for (;;) {
      try {
        await db.connect();
        break;
      } catch (err) {
        await wait(delayMs);
        delayMs = Math.min(delayMs * 2, 10_000);
      }
    }
  }
  `,
    errors: [retry(5, 'unbounded | exponential | false | every-error | unknown')],
  },
  {
    code: `
  export async function withBackoff(op) {
    for (let n = 0; n < 3; n++) {
      try { return await op(); } catch { await sleep(Math.pow(2, n) * 100); }
    }
  }
  `,
    errors: [retry(3, '2 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  export async function withShift(op) {
    for (let n = 0; n < 3; n++) {
      try { return await op(); } catch { await sleep(100 << n); }
    }
  }
  `,
    errors: [retry(3, '2 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  import { withJitter } from './backoff.js';
  export async function run(task) {
    for (let attempt = 0; attempt < 6; attempt++) {
      try { return await task(); } catch { await sleep(withJitter(250 * 2 ** attempt)); }
    }
  }
  `,
    errors: [retry(4, '5 retries | exponential | true | every-error | unknown')],
  },
  {
    code: `
  import crypto from 'node:crypto';
  export async function run(task) {
    for (let attempt = 0; attempt < 6; attempt++) {
      try { return await task(); } catch { await sleep(500 + crypto.randomInt(250)); }
    }
  }
  `,
    errors: [retry(4, '5 retries | constant | true | every-error | unknown')],
  },
  {
    code: `
  function backoff(attempt) {
    return Math.min(30_000, 2 ** attempt * 100);
  }
  export async function run(task) {
    for (let attempt = 0; attempt < 6; attempt++) {
      try { return await task(); } catch { await sleep(backoff(attempt)); }
    }
  }
  `,
    errors: [retry(6, '5 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  async function pause(attempt) {
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  export async function run(task) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try { return await task(); } catch { await pause(attempt); }
    }
  }
  `,
    errors: [retry(6, '2 retries | linear | false | every-error | unknown')],
  },
  {
    code: `
  import { computeBackoff } from './backoff.js';
  export async function run(task) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try { return await task(); } catch { await sleep(computeBackoff(attempt)); }
    }
  }
  `,
    errors: [retry(4, '2 retries | unknown | null | every-error | unknown')],
  },
  {
    code: `
  import got from 'got';
  export async function notify(url, json) {
    for (let i = 0; i < 3; i++) {
      try { return await got.post(url, { json }).json(); } catch {}
    }
  }
  `,
    errors: [retry(4, '2 retries | none | false | every-error | POST')],
  },
  {
    code: `
  const DELAYS = [100, 200, 400, 800];
  export async function call(op) {
    for (const delay of DELAYS) {
      try { return await op(); } catch { await sleep(delay); }
    }
  }
  `,
    errors: [retry(4, '3 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  const RETRY_DELAY_MS = 2000;
  const MAX_ATTEMPTS = 5;
  export async function syncInventory(erp) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return await erp.pushStock();
      } catch (error) {
        console.warn(\`inventory sync failed (attempt \${attempt})\`, error);
        if (attempt === MAX_ATTEMPTS) throw error;
        await sleep(RETRY_DELAY_MS);
      }
    }
  }
  `,
    errors: [retry(5, '4 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function lease(lock) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try { return await lock.acquire('orders'); } catch { await sleep(1000 * attempt); }
    }
  }
  `,
    errors: [retry(3, '3 retries | linear | false | every-error | unknown')],
  },
  {
    code: `
  export async function fullJitter(op, cap = 20_000, base = 100) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try { return await op(); } catch { await sleep(Math.random() * Math.min(cap, base * 2 ** attempt)); }
    }
  }
  `,
    errors: [retry(3, '4 retries | exponential | true | every-error | unknown')],
  },
  {
    code: `
  const MAX_ATTEMPTS = 3;
  export async function save(repo, entity) {
    let attempt = 0;
    do {
      try { return await repo.save(entity); } catch (e) { await sleep(100); }
    } while (++attempt < MAX_ATTEMPTS);
  }
  `,
    errors: [retry(5, '2 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function save(repo, entity) {
    let retries = 3;
    while (retries-- > 0) {
      try { return await repo.save(entity); } catch (e) { await sleep(100); }
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function upsert(repo, entity) {
    let retries = 3;
    while (true) {
      try { return await repo.upsert(entity); } catch (error) {
        if (--retries === 0) throw error;
        await sleep(1000);
      }
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function upsert(repo, entity) {
    let attempt = 0;
    while (attempt++ < 3) {
      try { return await repo.upsert(entity); } catch (error) { await sleep(1000); }
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function withRetry(fn, { retries = 3 } = {}) {
    for (let i = 0; i <= retries; i++) {
      try { return await fn(); } catch (e) { if (i === retries) throw e; await sleep(100 * 2 ** i); }
    }
  }
  `,
    errors: [retry(3, 'unknown | exponential | false | every-error | unknown')],
  },
  {
    code: `
  export async function withRetry(fn, maxAttempts) {
    let attempt = 0;
    while (attempt < maxAttempts) {
      try { return await fn(); } catch (e) { attempt++; await sleep(500); }
    }
  }
  `,
    errors: [retry(4, 'unknown | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function waitUntilHealthy(url, budgetMs = 30_000) {
    const deadline = Date.now() + budgetMs;
    while (Date.now() < deadline) {
      try {
        await fetch(\`\${url}/healthz\`);
        return;
      } catch (e) {
        await sleep(500);
      }
    }
    throw new Error('service did not become healthy');
  }
  `,
    errors: [retry(4, 'time budget | constant | false | transient-only | GET')],
  },
  {
    code: `
  export async function waitFor(op) {
    const started = performance.now();
    while (true) {
      try { return await op(); } catch (e) {
        if (performance.now() - started > 10_000) throw e;
        await sleep(250);
      }
    }
  }
  `,
    errors: [retry(4, 'time budget | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function getJson(url) {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url);
      if (res.ok) return res.json();
      if (res.status < 500 && res.status !== 429) throw new Error(\`HTTP \${res.status}\`);
      await sleep(1000 * (i + 1));
    }
    throw new Error('exhausted');
  }
  `,
    errors: [retry(3, '2 retries | linear | false | transient-only | GET')],
  },
  {
    code: `
  export async function load(url) {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url);
      if (res.status >= 400) {
        await sleep(500);
        continue;
      }
      return res.json();
    }
  }
  `,
    errors: [retry(3, '2 retries | constant | false | client-errors | GET')],
  },
  {
    code: `
  export async function store(url, body) {
    let attempt = 0;
    while (attempt < 3) {
      const res = await fetch(url, { method: 'PUT', body });
      if (!res.ok) {
        attempt++;
        await sleep(1000);
        continue;
      }
      return res.json();
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | every-error | PUT')],
  },
  {
    code: `
  export async function load(url) {
    for (let i = 0; i < 4; i++) {
      const response = await fetch(url);
      if (response.status !== 200) { await sleep(250 * i); continue; }
      return response.json();
    }
  }
  `,
    errors: [retry(3, '3 retries | linear | false | client-errors | GET')],
  },
  {
    code: `
  import axios from 'axios';
  const TRANSIENT = ['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'];
  export async function ping(url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try { return await axios.head(url); } catch (err) {
        if (!TRANSIENT.includes(err.code)) throw err;
        await sleep(300);
      }
    }
  }
  `,
    errors: [retry(5, '2 retries | constant | false | transient-only | HEAD')],
  },
  {
    code: `
  import { isRetryable } from './errors.js';
  export async function ping(httpClient, url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try { return await httpClient.get(url); } catch (err) {
        if (!isRetryable(err)) throw err;
        await sleep(300);
      }
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | unknown | GET')],
  },
  {
    code: `
  const isRetryable = (error) => !error.response || error.response.status >= 500 || error.response.status === 429;
  export async function ping(httpClient, url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try { return await httpClient.get(url); } catch (err) {
        if (!isRetryable(err)) throw err;
        await sleep(300);
      }
    }
  }
  `,
    errors: [retry(4, '2 retries | constant | false | transient-only | GET')],
  },
  {
    code: `
  export async function findOrder(apiClient, id) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try { return await apiClient.get(\`/orders/\${id}\`); } catch (err) {
        if (err.response?.status === 404) {
          await sleep(500);
          continue;
        }
        throw err;
      }
    }
  }
  `,
    errors: [retry(3, '4 retries | constant | false | client-errors | GET')],
  },
  {
    code: `
  const RETRYABLE_STATUSES = [502, 503, 504];
  export async function getRates(apiClient) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try { return await apiClient.get('/rates'); } catch (err) {
        if (!RETRYABLE_STATUSES.includes(err.response?.status)) throw err;
        await sleep(500);
      }
    }
  }
  `,
    errors: [retry(4, '4 retries | constant | false | transient-only | GET')],
  },
  {
    code: `
  const RETRY_ON = new Set([429, 503]);
  export async function getRates(apiClient) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try { return await apiClient.get('/rates'); } catch (err) {
        if (RETRY_ON.has(err.response?.status)) { await sleep(500); continue; }
        throw err;
      }
    }
  }
  `,
    errors: [retry(4, '4 retries | constant | false | transient-only | GET')],
  },
  {
    code: `
  export async function getJson(url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return await res.json();
      } catch (err) {
        await sleep(1000 * 2 ** attempt);
      }
    }
  }
  `,
    errors: [retry(3, '2 retries | exponential | false | every-error | GET')],
  },
  {
    code: `
  export async function getJson(url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(url);
        if (res.status >= 500) throw new Error(\`HTTP \${res.status}\`);
        return res;
      } catch (err) {
        await sleep(1000 * 2 ** attempt);
      }
    }
  }
  `,
    errors: [retry(3, '2 retries | exponential | false | transient-only | GET')],
  },
  {
    code: `
  export async function getWithStatusLoop(url) {
    let res;
    let attempt = 0;
    do {
      res = await fetch(url);
      attempt++;
    } while (res.status >= 500 && attempt < 3);
    return res;
  }
  `,
    errors: [retry(5, '2 retries | none | false | transient-only | GET')],
  },
  {
    code: `
  export async function respectRetryAfter(url) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await fetch(url);
      if (res.status === 429) {
        await sleep(Number(res.headers.get('retry-after')) * 1000);
        continue;
      }
      return res;
    }
  }
  `,
    errors: [retry(3, '4 retries | unknown | null | transient-only | GET')],
  },
  {
    code: `
  import { isRetryable } from './errors.js';
  export async function retrying(op) {
    for (let attempt = 0; ; attempt++) {
      try { return await op(); } catch (error) {
        if (!isRetryable(error) || attempt >= 5) throw error;
        await sleep(100 * 2 ** attempt + Math.random() * 50);
      }
    }
  }
  `,
    errors: [retry(4, '5 retries | exponential | true | unknown | unknown')],
  },
  {
    code: `
  export async function fetchWithRetry(url, attempt = 0) {
    try {
      return await fetch(url);
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(2 ** attempt * 250);
      return fetchWithRetry(url, attempt + 1);
    }
  }
  `,
    errors: [retry(8, '3 retries | exponential | false | transient-only | GET')],
  },
  {
    code: `
  const load = (url, retries = 3) => fetch(url).catch((err) => (retries > 0 ? load(url, retries - 1) : Promise.reject(err)));
  `,
    errors: [retry(2, '3 retries | none | false | transient-only | GET')],
  },
  {
    code: `
  const mongoose = require('mongoose');
  function connectWithRetry() {
    return mongoose.connect(process.env.MONGO_URL).catch((err) => {
      console.error('Mongo connect failed, retrying in 5s', err);
      setTimeout(connectWithRetry, 5000);
    });
  }
  `,
    errors: [retry(6, 'unbounded | constant | false | every-error | unknown')],
  },
  {
    code: `
  export async function withRetries(fn, retries) {
    try {
      return await fn();
    } catch (err) {
      if (retries <= 0) throw err;
      await sleep(1000);
      return withRetries(fn, retries - 1);
    }
  }
  withRetries(() => chargeCard(order), 3);
  `,
    errors: [retry(8, '3 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  import axios from 'axios';
  class PaymentsClient {
    constructor() { this.client = axios.create({ baseURL: 'https://payments.internal', timeout: 5000 }); }
    async charge(payload, attempt = 0) {
      try {
        return await this.client.post('/charges', payload);
      } catch (err) {
        if (attempt >= 2 || err.response?.status < 500) throw err;
        await sleep(200 * 2 ** attempt);
        return this.charge(payload, attempt + 1);
      }
    }
  }
  `,
    errors: [retry(11, '2 retries | exponential | false | transient-only | POST')],
  },
  {
    code: `
  const request = require('request');
  function get(url, retries, cb) {
    request(url, (err, res, body) => {
      if (err && retries > 0) return get(url, retries - 1, cb);
      cb(err, body);
    });
  }
  get('http://inventory.internal/stock', 2, console.log);
  `,
    errors: [retry(5, '2 retries | none | false | every-error | unknown')],
  },
  {
    code: `
  const net = require('node:net');
  function connect(port, host, attempt = 0) {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host);
      socket.on('connect', () => resolve(socket));
      socket.on('error', (err) => {
        if (attempt >= 10) return reject(err);
        setTimeout(() => connect(port, host, attempt + 1).then(resolve, reject), 1000 * 2 ** attempt);
      });
    });
  }
  `,
    errors: [retry(9, '10 retries | exponential | false | every-error | unknown')],
  },
  {
    code: `
  export async function connectDb(client) {
    try { await client.connect(); } catch (err) {
      if (err.code !== 'ECONNREFUSED') throw err;
      await sleep(2000);
      return connectDb(client);
    }
  }
  `,
    errors: [retry(6, 'unbounded | constant | false | transient-only | unknown')],
  },
  {
    code: `
  export async function fetchJson(url, attempt = 0) {
    const res = await fetch(url);
    if (!res.ok) return fetchJson(url, attempt + 1);
    return res.json();
  }
  `,
    errors: [retry(4, 'unbounded | none | false | every-error | GET')],
  },
  {
    code: `
  export async function untilItWorks(op) {
    while (true) try { return await op(); } catch {}
  }
  `,
    errors: [retry(3, 'unbounded | none | false | every-error | unknown')],
  },
  {
    code: `
  export async function flushAll(shards) {
    outer:
    for (const shard of shards) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await shard.flush();
          continue outer;
        } catch {
          await sleep(100);
        }
      }
      throw new Error(\`shard \${shard.id} did not flush\`);
    }
  }
  `,
    errors: [retry(5, '2 retries | constant | false | every-error | unknown')],
  },
];

/** TypeScript: run with the typescript-eslint parser only. */
const typescriptValid: Array<string | ValidTestCase<[]>> = [
  `
  export class OutboxRelay {
    constructor(private readonly outbox: { next(): Promise<{ id: string } | undefined> }, private readonly publish: (id: string) => Promise<void>) {}
    async run(signal: AbortSignal): Promise<void> {
      while (!signal.aborted) {
        const entry = await this.outbox.next();
        if (!entry) {
          await sleep(500);
          continue;
        }
        try {
          await this.publish(entry.id);
        } catch (error) {
          console.error('publish failed', error);
        }
      }
    }
  }
  `,
  `
  export async function checksum(files: string[]): Promise<number> {
    let total = 0;
    for (let index = 0; index < files.length; index++) {
      try {
        total += (await readFile(files[index]!)).length;
      } catch {
        continue;
      }
    }
    return total;
  }
  `,
  `
  export const loadSettings = async (): Promise<unknown> => loadFromDisk().catch(() => loadDefaults());
  `,
  `
  export function* ids(): Generator<number> {
    let id = 0;
    while (true) {
      try {
        yield id++;
      } catch {
        continue;
      }
    }
  }
  `,
];

const typescriptInvalid: InvalidTestCase<'retry', []>[] = [
  {
    code: `
  import axios from 'axios';
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  export async function getUser(id: string) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await axios.get(\`/users/\${id}\`);
      } catch (err) {
        await sleep(100 * 2 ** attempt + Math.random() * 100);
      }
    }
    throw new Error('user service unavailable');
  }
  `,
    errors: [retry(5, '4 retries | exponential | true | every-error | GET')],
  },
  {
    code: `
  export async function fetchWithSignal(url: string, signal: AbortSignal): Promise<Response> {
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        return await fetch(url, { signal });
      } catch (error) {
        if (signal.aborted) throw error;
        await sleep(Math.min(10_000, 100 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
    throw signal.reason;
  }
  `,
    errors: [retry(3, 'time budget | exponential | true | transient-only | GET')],
  },
  {
    code: `
  export async function leaseLoop(lock: { acquire(): Promise<void> }, signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      try {
        await lock.acquire();
        return;
      } catch {
        await sleep(1000);
      }
    }
  }
  `,
    errors: [retry(3, 'time budget | constant | false | every-error | unknown')],
  },
  {
    code: `
  import axios, { AxiosError } from 'axios';
  const MAX_RETRIES = 3;
  export async function capturePayment(paymentId: string, idempotencyKey: string): Promise<void> {
    let attempt = 0;
    let delay = 200;
    while (true) {
      try {
        await axios.post(\`/payments/\${paymentId}/capture\`, {}, { headers: { 'Idempotency-Key': idempotencyKey }, timeout: 5000 });
        return;
      } catch (error) {
        const status = (error as AxiosError).response?.status;
        if (status !== undefined && status < 500 && status !== 429) throw error;
        if (++attempt > MAX_RETRIES) throw error;
        await sleep(delay + Math.random() * delay);
        delay *= 2;
      }
    }
  }
  `,
    errors: [retry(7, '3 retries | exponential | true | transient-only | POST')],
  },
  {
    code: `
  import got from 'got';
  const MAX_ATTEMPTS = 5;
  export const updateProfile = async (id: string, patch: object, attempt = 1): Promise<unknown> => {
    try {
      return await got(\`https://profiles.internal/\${id}\`, { method: 'PATCH', json: patch, timeout: { request: 3000 } }).json();
    } catch (error: any) {
      if (attempt >= MAX_ATTEMPTS || (error.response && error.response.statusCode < 500)) throw error;
      await new Promise<void>((resolve) => setTimeout(resolve, 2 ** attempt * 100 + Math.random() * 100));
      return updateProfile(id, patch, attempt + 1);
    }
  };
  `,
    errors: [retry(10, '4 retries | exponential | true | transient-only | PATCH')],
  },
  {
    code: `
  export class KafkaProducerService {
    private delay = 500;
    constructor(private readonly producer: { connect(): Promise<void> }, private readonly logger: Console) {}

    private sleep(ms: number): Promise<void> {
      return new Promise((resolve) => setTimeout(resolve, ms));
    }

    async connect(retryDelay = 500): Promise<void> {
      try {
        await this.producer.connect();
      } catch (error) {
        this.logger.warn('producer connect failed', error);
        await this.sleep(retryDelay);
        return this.connect(retryDelay * 2);
      }
    }
  }
  `,
    errors: [retry(16, 'unbounded | exponential | false | every-error | unknown')],
  },
  {
    code: `
  import { HttpService } from '@nestjs/axios';
  import { firstValueFrom } from 'rxjs';

  export class ShippingClient {
    constructor(private readonly http: HttpService) {}

    async createLabel(order: { id: string }): Promise<unknown> {
      const maxRetries = 3;
      for (let attempt = 0; attempt <= maxRetries; attempt++) {
        try {
          const { data } = await firstValueFrom(this.http.post('/labels', order, { timeout: 5000 }));
          return data;
        } catch (error: any) {
          const status: number | undefined = error?.response?.status;
          if (attempt === maxRetries || (status !== undefined && status >= 400 && status < 500 && status !== 429)) throw error;
          await this.sleep(Math.min(2 ** attempt * 200, 5000) + Math.floor(Math.random() * 100));
        }
      }
      throw new Error('unreachable');
    }

    private sleep(ms: number): Promise<void> {
      return new Promise((resolve) => setTimeout(resolve, ms));
    }
  }
  `,
    errors: [retry(10, '3 retries | exponential | true | transient-only | POST')],
  },
  {
    code: `
  import amqp from 'amqplib';
  export class Broker {
    private connected = false;
    async start(url: string): Promise<void> {
      let delay = 1000;
      while (!this.connected) {
        try {
          await amqp.connect(url);
          this.connected = true;
        } catch (err) {
          await sleep(delay);
          delay = Math.min(delay * 2, 30_000);
        }
      }
    }
  }
  `,
    errors: [retry(7, 'unbounded | exponential | false | every-error | unknown')],
  },
  {
    code: `
  import ky from 'ky';
  type Result = { ok: boolean };
  export async function cancelReservation(id: string): Promise<Result> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await ky.delete(\`reservations/\${id}\`).json<Result>();
      } catch (error) {
        const status = (error as { response?: Response }).response?.status ?? 0;
        if (status > 0 && status < 500) throw error;
        await sleep(attempt * 750);
      }
    }
    throw new Error('reservation service unavailable');
  }
  `,
    errors: [retry(5, '2 retries | linear | false | transient-only | DELETE')],
  },
  {
    code: `
  const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  export async function readConfig(store: { get(key: string): Promise<string> }): Promise<string> {
    for (let i = 0; i < 3; i++) {
      try {
        return await store.get('config');
      } catch {
        await pause(250);
      }
    }
    throw new Error('config store unavailable');
  }
  export async function writeConfig(store: { set(key: string, value: string): Promise<void> }, value: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      try {
        await store.set('config', value);
        return;
      } catch {
        await pause(250);
      }
    }
  }
  `,
    errors: [retry(5, '2 retries | constant | false | every-error | unknown'), retry(15, '2 retries | constant | false | every-error | unknown')],
  },
  {
    code: `
  const BACKOFF_MS = [100, 100, 500, 2000, 5000, 10000] as const;
  export async function flush(buffer: { flush(): Promise<void> }): Promise<void> {
    let attempt = 0;
    for (;;) {
      try {
        await buffer.flush();
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(BACKOFF_MS[attempt]);
        attempt += 1;
      }
    }
  }
  `,
    errors: [retry(5, '5 retries | custom | false | every-error | unknown')],
  },
];

createRuleTester().run('hand-written retries (typescript-eslint parser)', handWrittenRetryReading as never, {
  valid: [...javascriptValid, ...typescriptValid],
  invalid: [...javascriptInvalid, ...typescriptInvalid],
});

createEspreeRuleTester().run('hand-written retries (espree)', handWrittenRetryReading as never, {
  valid: javascriptValid,
  invalid: javascriptInvalid,
});
