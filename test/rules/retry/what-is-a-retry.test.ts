/**
 * What is, and what is not, a hand-written retry: a repetition driven by the failure of an operation that
 * can fail transiently, not any loop or recursion with a catch. The valid cases are the shapes services
 * write that only look like retries (work over a list of items, draining a queue, one fallback call); the
 * invalid cases are retries of the same shapes' neighbours, which must still be read, with their reading.
 * Line numbers count from the first line of each snippet.
 */
import { createEspreeRuleTester, createRuleTester } from '../rule-tester.js';
import { handWrittenRetryReading, retry } from './retry-reading.js';

const valid = [
  // a refresh per linked account: the item reaches the call through a value computed from it
  `
  export async function refreshLinkedAccounts(userId) {
    const accounts = await store.linkedAccounts(userId);
    for (const account of accounts) {
      const provider = providers.get(account.provider);
      try {
        const token = await provider.refresh(account.refreshToken);
        await store.saveToken(account.id, token);
        break;
      } catch (err) {
        log.warn({ err, account: account.id }, 'could not refresh the linked account');
      }
    }
  }
  `,
  // fail-over across tenants: each pass calls another base URL
  `
  export async function firstHealthyRegion(regions) {
    for (const region of regions) {
      const url = region.endpoint + '/healthz';
      try {
        return await axios.get(url, { timeout: 2000 });
      } catch (err) {
        metrics.increment('region.unhealthy');
      }
    }
    throw new Error('no region answered');
  }
  `,
  // an indexed loop over a batch, the item taken into a const first
  `
  export async function pushAll(batch) {
    for (let index = 0; index < batch.length; index++) {
      const entry = batch[index];
      try {
        return await ledger.append(entry);
      } catch (err) {
        failed.push(entry);
      }
    }
  }
  `,
  // ends when the queue is empty, not when an attempt succeeds
  `
  export async function flushOutbox(outbox) {
    let finished = false;
    while (!finished) {
      try {
        await outbox.publishNext();
        finished = outbox.size === 0;
      } catch (err) {
        log.error({ err }, 'publishing an outbox entry failed');
      }
    }
  }
  `,
  // drains a finite work list that throws when it is empty
  `
  export async function runPending(work) {
    let exhausted = false;
    while (!exhausted) {
      try {
        const task = await work.take();
        await task.run();
        return;
      } catch (err) {
        if (err instanceof NothingLeftError) exhausted = true;
        else log.error({ err }, 'task failed');
      }
    }
  }
  `,
  // a dispatcher that settles a failed job and moves on to the next one
  `
  const pending = [];
  function dispatchNext(worker) {
    if (pending.length === 0) return;
    const job = pending.shift();
    try {
      worker.postMessage({ id: job.id, payload: job.payload });
    } catch (err) {
      job.reject(err);
      dispatchNext(worker);
    }
  }
  `,
  // one fallback that bypasses the cache, through a flag parameter
  `
  export async function loadPlan(id, cached = true) {
    try {
      return await billing.get('/plans/' + id, { headers: cached ? {} : { 'cache-control': 'no-cache' } });
    } catch (err) {
      if (cached) return loadPlan(id, false);
      throw err;
    }
  }
  `,
  // the same fallback, the flag carried in an options object
  `
  export class CatalogClient {
    async product(sku, options = {}) {
      try {
        return await this.http.get('/products/' + sku, { params: { fresh: options.skipCache } });
      } catch (err) {
        if (!options.skipCache) return this.product(sku, { ...options, skipCache: true });
        throw err;
      }
    }
  }
  `,
  // and in a destructured parameter, through a promise rejection
  `
  export function readManifest(path, { secondTry = false } = {}) {
    return storage.read(path).catch((err) => {
      if (secondTry) throw err;
      return readManifest(path, { secondTry: true });
    });
  }
  `,
  // a walk over nested settings: a string that is not JSON is converted another way and the walk goes on
  // with the converted value, not with the one that failed
  `
  export function expandSettings(value, depth = 0) {
    if (depth >= 6 || typeof value !== 'string') return value;
    try {
      const decoded = JSON.parse(value);
      return expandSettings(decoded, depth + 1);
    } catch {
      const fromIni = readIniLoosely(value);
      if (fromIni === value) return value;
      return expandSettings(fromIni, depth + 1);
    }
  }
  `,
];

const invalid = [
  {
    // a tree loaded node by node: the catch calls itself on the same node again, a retry inside the walk
    code: `
  export async function loadCategory(categoryId, attempt = 0) {
    try {
      const category = await catalog.get('/categories/' + categoryId);
      const children = await Promise.all(category.childIds.map((childId) => loadCategory(childId)));
      return { ...category, children };
    } catch (err) {
      if (attempt >= 2) throw err;
      const pause = 2 ** attempt * 200 + Math.random() * 100;
      await sleep(pause);
      return loadCategory(categoryId, attempt + 1);
    }
  }
  `,
    errors: [retry(11, '2 retries | exponential | true | every-error | unknown')],
  },
  {
    // the loop variable is the delay, not an item: still a retry, once per delay
    code: `
  export async function ping(url) {
    for (const pause of [200, 400, 800]) {
      try { return await fetch(url); } catch (err) { await sleep(pause + Math.random() * 100); }
    }
  }
  `,
    errors: [retry(3, '2 retries | exponential | true | transient-only | GET')],
  },
  {
    // success sets the flag to a constant: a retry until connected
    code: `
  export async function connectBroker(broker) {
    let connected = false;
    while (!connected) {
      try {
        await broker.connect();
        connected = true;
      } catch (err) {
        await sleep(1000);
      }
    }
  }
  `,
    errors: [retry(4, 'unbounded | constant | false | every-error | unknown')],
  },
  {
    // success stores the answer the loop test reads
    code: `
  export async function getQuote(url) {
    let quote;
    let attempts = 0;
    while (!quote && attempts < 3) {
      try {
        quote = await axios.get(url, { timeout: 2000 });
      } catch (err) {
        attempts++;
        await sleep(100 * 2 ** attempts + Math.random() * 50);
      }
    }
    return quote;
  }
  `,
    errors: [retry(5, '2 retries | exponential | true | every-error | GET')],
  },
  {
    // the index only counts attempts
    code: `
  export async function submit(payload) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await axios.put('https://inventory.internal/stock', payload, { timeout: 3000 });
      } catch (err) {
        await sleep(250 * 2 ** attempt * Math.random());
      }
    }
  }
  `,
    errors: [retry(3, '3 retries | exponential | true | every-error | PUT')],
  },
  {
    // a flag parameter that the way to the call does not test: the counter bounds it
    code: `
  export async function loadRates(currency, attempt = 0, verbose = false) {
    try {
      return await fx.get('/rates/' + currency);
    } catch (err) {
      if (attempt >= 2) throw err;
      await sleep(2 ** attempt * 300 + Math.random() * 100);
      return loadRates(currency, attempt + 1, true);
    }
  }
  `,
    errors: [retry(8, '2 retries | exponential | true | every-error | unknown')],
  },
];

createRuleTester().run('what is a hand-written retry', handWrittenRetryReading as never, { valid, invalid });
createEspreeRuleTester().run('what is a hand-written retry (espree)', handWrittenRetryReading as never, { valid, invalid });
