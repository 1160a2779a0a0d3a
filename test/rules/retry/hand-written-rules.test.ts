/**
 * The three retry rules over retries written by hand: what a good engineer writes passes, and loops or
 * recursion with no bound, no backoff or a 4xx condition are reported where the retry is written.
 */
import noRetryOnClientError from '../../../rules/no-retry-on-client-error.js';
import noUnboundedRetry from '../../../rules/no-unbounded-retry.js';
import requireRetryBackoff from '../../../rules/require-retry-backoff.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const boundedJitteredFetch = `
export async function getInvoice(id) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(\`https://billing.internal/invoices/\${id}\`, { signal: AbortSignal.timeout(3000) });
      if (res.status >= 500) throw new Error(\`billing answered \${res.status}\`);
      return res;
    } catch (error) {
      if (attempt === 3) throw error;
      await sleep(Math.min(5000, 100 * 2 ** attempt) + Math.random() * 100);
    }
  }
}
`;

ruleTester.run('no-unbounded-retry on hand-written retries', noUnboundedRetry as never, {
  valid: [
    boundedJitteredFetch,
    `
export async function waitUntilHealthy(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try { await fetch(url); return; } catch { await sleep(500 + Math.random() * 500); }
  }
}
`,
    `
export async function fetchWithRetry(url, attempt = 0) {
  try {
    return await fetch(url);
  } catch (err) {
    if (attempt >= 3) throw err;
    await sleep(2 ** attempt * 250 + Math.random() * 100);
    return fetchWithRetry(url, attempt + 1);
  }
}
`,
    `
export async function consume(queue, handle) {
  while (true) {
    try { await handle(await queue.receive()); } catch (err) { console.error(err); }
  }
}
`,
    {
      code: `
export async function sync(erp) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try { return await erp.push(); } catch { await sleep(1000 * 2 ** attempt * Math.random()); }
  }
}
`,
      options: [{ maxRetries: 2 }],
    },
  ],
  invalid: [
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
      errors: [{ messageId: 'unboundedRetry', line: 3, data: { library: 'hand-written', reason: '`while (true)` with no attempt limit' } }],
    },
    {
      code: `
const mongoose = require('mongoose');
function connectWithRetry() {
  return mongoose.connect(process.env.MONGO_URL).catch(() => {
    setTimeout(connectWithRetry, 5000);
  });
}
`,
      errors: [{ messageId: 'unboundedRetry', line: 5, data: { library: 'hand-written', reason: 'recursive retry with no attempt limit' } }],
    },
    {
      code: `
export async function connect(db) {
  let delayMs = 200;
  for (;;) {
    try { await db.connect(); break; } catch { await sleep(delayMs + Math.random() * 100); delayMs *= 2; }
  }
}
`,
      errors: [{ messageId: 'unboundedRetry', line: 4, data: { library: 'hand-written', reason: '`for (;;)` with no attempt limit' } }],
    },
    {
      code: `
export async function sync(erp) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try { return await erp.push(); } catch { await sleep(1000 * 2 ** attempt * Math.random()); }
  }
}
`,
      options: [{ maxRetries: 5 }],
      errors: [{ messageId: 'tooManyRetries', line: 3 }],
    },
  ],
});

ruleTester.run('require-retry-backoff on hand-written retries', requireRetryBackoff as never, {
  valid: [
    boundedJitteredFetch,
    `
import { computeBackoff } from './backoff.js';
export async function run(task) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try { return await task(); } catch { await sleep(computeBackoff(attempt)); }
  }
}
`,
    {
      code: `
export async function run(task) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await task(); } catch { await sleep(100 * 2 ** attempt); }
  }
}
`,
      options: [{ requireJitter: false }],
    },
    `
export async function waitForJob(api, id) {
  while (true) {
    const job = await api.getJob(id);
    if (job.status === 'done') return job;
    await sleep(2000);
  }
}
`,
  ],
  invalid: [
    {
      code: `
const RETRY_DELAY_MS = 2000;
export async function syncInventory(erp) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try { return await erp.pushStock(); } catch (error) { if (attempt === 5) throw error; await sleep(RETRY_DELAY_MS); }
  }
}
`,
      errors: [{ messageId: 'constantDelay', line: 4, data: { library: 'hand-written', reason: '`sleep(RETRY_DELAY_MS)`', fix: 'back off exponentially with jitter' } }],
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
      errors: [{ messageId: 'noDelay', line: 4, data: { library: 'hand-written', reason: 'no wait between attempts', fix: 'back off exponentially with jitter' } }],
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
      errors: [{ messageId: 'noJitter', line: 8, data: { library: 'hand-written', reason: '`sleep(2 ** attempt * 250)`' } }],
    },
    {
      code: `
export async function publish(client, event) {
  let delay = 100;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try { return await client.send(event); } catch (err) { if (attempt === 4) throw err; await sleep(delay); delay *= 2; }
  }
}
`,
      errors: [{ messageId: 'noJitter', line: 4 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error on hand-written retries', noRetryOnClientError as never, {
  valid: [
    boundedJitteredFetch,
    `
const TRANSIENT = ['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'];
export async function ping(axios, url) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await axios.head(url); } catch (err) {
      if (!TRANSIENT.includes(err.code)) throw err;
      await sleep(300 + Math.random() * 300);
    }
  }
}
`,
    `
export async function getRates(apiClient) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await apiClient.get('/rates'); } catch (err) {
      const status = err.response?.status;
      if (status !== undefined && status < 500 && status !== 429) throw err;
      await sleep(500 * 2 ** attempt * Math.random());
    }
  }
}
`,
    `
export async function submitOrder(url, order) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(order) });
      return await res.json();
    } catch {
      await sleep(1000 * 2 ** attempt * Math.random());
    }
  }
}
`,
    {
      code: `
export async function reserve(apiClient, item) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try { return await apiClient.post('/reservations', item); } catch (err) {
      if (err.response?.status !== 409) throw err;
      await sleep(100 * 2 ** attempt * Math.random());
    }
  }
}
`,
      options: [{ allowedStatuses: [409] }],
    },
  ],
  invalid: [
    {
      code: `
export async function findOrder(apiClient, id) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await apiClient.get(\`/orders/\${id}\`); } catch (err) {
      if (err.response?.status === 404) { await sleep(500); continue; }
      throw err;
    }
  }
}
`,
      errors: [{ messageId: 'retriesClientErrors', line: 4, data: { library: 'hand-written', statuses: '404' } }],
    },
    {
      code: `
export async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status >= 400) { await sleep(500); continue; }
    return res.json();
  }
}
`,
      errors: [{ messageId: 'retriesClientErrors', line: 5 }],
    },
    {
      code: `
import axios from 'axios';
export async function getUser(id) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.get(\`/users/\${id}\`);
    } catch (err) {
      await sleep(100 * 2 ** attempt + Math.random() * 100);
    }
  }
}
`,
      errors: [{ messageId: 'retriesEveryError', line: 7 }],
    },
    {
      code: `
import ky from 'ky';
export async function cancelReservation(id) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await ky.delete(\`reservations/\${id}\`, { retry: 0 }).json();
    } catch {
      await sleep(attempt * 750 * Math.random());
    }
  }
}
`,
      errors: [{ messageId: 'retriesEveryError', line: 7 }],
    },
  ],
});
