/**
 * How a hand-written retry's bound is read when it is not one counter against one constant: a counter per
 * kind of failure, limits kept in class fields, counters kept on an object, and stopping tests that look
 * like deadlines but read the failure. Line numbers count from the first line of each snippet.
 */
import noUnboundedRetry from '../../../rules/no-unbounded-retry.js';
import { createEspreeRuleTester, createRuleTester } from '../rule-tester.js';
import { handWrittenRetryReading, retry } from './retry-reading.js';

const readings = [
  {
    // a counter per branch, each against its own constant: bounded by both together
    code: `
  const MAX_RATE_LIMITED = 3;
  const MAX_SERVER_ERRORS = 2;
  export async function fetchStatement(url) {
    let rateLimited = 0;
    let serverErrors = 0;
    for (;;) {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return res.json();
      if (res.status === 429 && rateLimited < MAX_RATE_LIMITED) { rateLimited++; await sleep(1000 * 2 ** rateLimited * Math.random()); continue; }
      if (res.status >= 500 && serverErrors < MAX_SERVER_ERRORS) { serverErrors++; await sleep(500 * 2 ** serverErrors * Math.random()); continue; }
      throw new Error('statement service answered ' + res.status);
    }
  }
  `,
    errors: [retry(7, '5 retries | exponential | true | transient-only | GET')],
  },
  {
    // the same in a catch, the limits in readonly class fields
    code: `
  export class PartUploader {
    maxResets = 3;
    maxServerErrors = 4;
    async upload(part) {
      let resets = 0;
      let serverErrors = 0;
      while (true) {
        try {
          return await this.storageClient.put(this.target, part);
        } catch (err) {
          if (err.code === 'ECONNRESET' && resets < this.maxResets) {
            resets++;
          } else if (err.response?.status >= 500 && serverErrors < this.maxServerErrors) {
            serverErrors++;
          } else {
            throw err;
          }
          await sleep(2 ** (resets + serverErrors) * 100 + Math.random() * 100);
        }
      }
    }
  }
  `,
    errors: [retry(8, '7 retries | exponential | true | transient-only | PUT')],
  },
  {
    // counters kept on the instance: a bound whose size depends on where they start
    code: `
  export class Resumer {
    async resume(chunk) {
      while (true) {
        try {
          return await this.storageClient.put(this.target, chunk);
        } catch (err) {
          if (err.code === 'ECONNRESET' && this.resets < this.maxResets) {
            this.resets++;
          } else if (err.response?.status >= 500 && this.serverErrors < this.maxServerErrors) {
            this.serverErrors += 1;
          } else {
            throw err;
          }
          await sleep(1000 * 2 ** this.resets * Math.random());
        }
      }
    }
  }
  `,
    errors: [retry(4, 'unknown | exponential | true | transient-only | PUT')],
  },
  {
    // a static limit; the test on the failed request's timeout is about the error, not a time budget
    code: `
  export class RatesClient {
    static MAX_RETRIES = 5;
    async rates() {
      for (let attempt = 0; attempt < RatesClient.MAX_RETRIES; attempt++) {
        try {
          return await this.http.get('/rates', { timeout: 3000 });
        } catch (err) {
          if (err.code === 'ECONNABORTED' && !err.config?.timeout) throw err;
          await sleep(2 ** attempt * 100 + Math.random() * 100);
        }
      }
    }
  }
  `,
    errors: [retry(5, '4 retries | exponential | true | every-error | GET')],
  },
  {
    // a limit set once in the constructor; an isTimeout flag on the error is not a deadline either
    code: `
  export class Mailer {
    constructor(transport) {
      this.transport = transport;
      this.maxAttempts = 3;
    }
    async deliver(message) {
      let attempt = 0;
      while (attempt < this.maxAttempts) {
        try {
          return await this.transport.sendMail(message);
        } catch (err) {
          attempt++;
          if (err.isTimeout) throw err;
          await sleep(2 ** attempt * 500 + Math.random() * 250);
        }
      }
    }
  }
  `,
    errors: [retry(9, '2 retries | exponential | true | unknown | unknown')],
  },
  {
    // a limit field that something else changes is not a constant
    code: `
  export class Poller {
    maxAttempts = 3;
    configure(options) { this.maxAttempts = options.attempts; }
    async fetchFeed(url) {
      for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
        try { return await axios.get(url, { timeout: 2000 }); } catch (err) { await sleep(2 ** attempt * 200 + Math.random() * 100); }
      }
    }
  }
  `,
    errors: [retry(6, 'unknown | exponential | true | every-error | GET')],
  },
];

createRuleTester().run('hand-written retry bounds', handWrittenRetryReading as never, { valid: [], invalid: readings });
createEspreeRuleTester().run('hand-written retry bounds (espree)', handWrittenRetryReading as never, { valid: [], invalid: readings });

createRuleTester().run('no-unbounded-retry with per-branch counters', noUnboundedRetry, {
  valid: readings.map(({ code }) => code),
  invalid: [
    {
      // a counter that nothing tests does not bound it
      code: `
  export async function follow(stream) {
    let reconnects = 0;
    while (true) {
      try {
        return await stream.connect();
      } catch (err) {
        reconnects++;
        metrics.gauge('reconnects', reconnects);
        await sleep(Math.min(30_000, 500 * 2 ** reconnects) * Math.random());
      }
    }
  }
  `,
      errors: [{ messageId: 'unboundedRetry', line: 4, data: { library: 'hand-written', reason: '`while (true)` with no attempt limit' } }],
    },
  ],
});
