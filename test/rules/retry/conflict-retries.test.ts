/**
 * Conflict retries: a write that lost a race to a committed one (unique or duplicate-key violation,
 * compare-and-set version conflict) retried with a new value needs no wait, so require-retry-backoff
 * leaves it alone. Deadlocks, serialization failures and transient transaction errors are contention:
 * retried at once they collide again, and they are still reported. Line numbers count from the first line
 * of each snippet.
 */
import requireRetryBackoff from '../../../rules/require-retry-backoff.js';
import noUnboundedRetry from '../../../rules/no-unbounded-retry.js';
import { createEspreeRuleTester, createRuleTester } from '../rule-tester.js';
import { handWrittenRetryReading, retry } from './retry-reading.js';

const conflictRetries = [
  // a fresh slug each time the unique index rejects one
  `
  export async function createWorkspace(db, name) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = attempt === 0 ? slugify(name) : slugify(name) + '-' + randomSuffix(4);
      try {
        return await db.workspaces.insert({ name, slug });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    throw new Error('no free slug for ' + name);
  }
  `,
  // compare-and-set: re-read, recompute, write guarded on what was read
  `
  export async function addMember(store, teamId, userId) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const team = await store.get(teamId);
      const members = [...team.members, userId];
      try {
        await store.updateIfVersion(teamId, team.version, { members });
        return;
      } catch (err) {
        if (err instanceof VersionConflictError && attempt < 3) continue;
        throw err;
      }
    }
  }
  `,
  // a wrapper whose operation recomputes the next version number on each call
  `
  export async function insertNextRevision(op) {
    let lastError;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await op();
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }
  `,
  // MongoDB's duplicate-key code, a fresh random subdomain
  `
  export async function reserveSubdomain(sites, siteId) {
    let tries = 0;
    while (tries < 10) {
      tries++;
      const subdomain = 'site-' + crypto.randomBytes(4).toString('hex');
      try {
        return await sites.updateOne({ _id: siteId }, { $set: { subdomain } });
      } catch (e) {
        if (e.code !== 11000) throw e;
      }
    }
  }
  `,
  // recursion on Prisma's unique-constraint code
  `
  export async function issueInviteCode(prisma, teamId, attempt = 0) {
    try {
      return await prisma.invite.create({ data: { teamId, code: nanoid(8) } });
    } catch (error) {
      if (error.code === 'P2002' && attempt < 3) return issueInviteCode(prisma, teamId, attempt + 1);
      throw error;
    }
  }
  `,
  // recognised by the database's message
  `
  export async function claimHandle(pool, userId, base) {
    for (let n = 1; n <= 20; n++) {
      try {
        return await pool.query('insert into handles (user_id, handle) values ($1, $2)', [userId, base + n]);
      } catch (err) {
        if (!err.message.includes('duplicate key value')) throw err;
      }
    }
  }
  `,
  // one more attempt at an upsert: the first writers race on the unique index, and by the second attempt
  // the document exists, whatever the catch looks at
  `
  export async function recordVisit(visits, pageId) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await visits.updateOne({ pageId }, { $inc: { count: 1 } }, { upsert: true });
        return;
      } catch (err) {
        if (attempt > 0) log.warn({ err, pageId }, 'visit not counted');
      }
    }
  }
  `,
];

const contentionRetries = [
  {
    // the same upsert tried four times at once on any error is no longer one race lost
    code: `
  export async function recordVisit(visits, pageId) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await visits.upsert({ where: { pageId }, update: { count: { increment: 1 } }, create: { pageId, count: 1 } });
      } catch (err) {
        log.warn({ err, pageId }, 'visit not counted yet');
      }
    }
  }
  `,
    errors: [{ messageId: 'noDelay' as const, line: 3 }],
  },
  {
    // a deadlock is contention: the other transaction may still hold its locks
    code: `
  export async function transfer(db, from, to, amount) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await db.transaction((tx) => moveFunds(tx, from, to, amount));
      } catch (err) {
        if (err.code !== 'ER_LOCK_DEADLOCK') throw err;
      }
    }
  }
  `,
    errors: [{ messageId: 'noDelay' as const, line: 3 }],
  },
  {
    // a serialization failure, retried after the same short wait every time
    code: `
  export async function bookSeat(pool, seatId, userId) {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await pool.serializable((client) => reserve(client, seatId, userId));
      } catch (err) {
        if (err.code !== '40001') throw err;
        await sleep(50);
      }
    }
  }
  `,
    errors: [{ messageId: 'constantDelay' as const, line: 3 }],
  },
  {
    // a transient transaction error, by its label
    code: `
  export function commitWithRetry(session, retriesLeft = 5) {
    return session.commitTransaction().catch((error) => {
      if (error.hasErrorLabel('TransientTransactionError') && retriesLeft > 0) return commitWithRetry(session, retriesLeft - 1);
      throw error;
    });
  }
  `,
    errors: [{ messageId: 'noDelay' as const, line: 4 }],
  },
  {
    // a unique violation or a deadlock: the deadlock path needs the wait
    code: `
  export async function upsertTag(db, name) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await db.tags.upsert({ name });
      } catch (err) {
        if (isUniqueViolation(err) || isDeadlock(err)) continue;
        throw err;
      }
    }
  }
  `,
    errors: [{ messageId: 'noDelay' as const, line: 3 }],
  },
  {
    // a catch-all is not a conflict retry, whatever it writes
    code: `
  export async function createShortLink(links, url) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await links.insert({ url, code: nanoid(7) });
      } catch (err) {
        log.warn({ err }, 'short link insert failed');
      }
    }
  }
  `,
    errors: [{ messageId: 'noDelay' as const, line: 3 }],
  },
];

createRuleTester().run('require-retry-backoff on conflict retries', requireRetryBackoff, {
  valid: conflictRetries,
  invalid: contentionRetries,
});
createEspreeRuleTester().run('require-retry-backoff on conflict retries (espree)', requireRetryBackoff, {
  valid: conflictRetries,
  invalid: contentionRetries,
});

createRuleTester().run('conflict retries as read', handWrittenRetryReading as never, {
  valid: [],
  invalid: [
    { code: conflictRetries[0]!, errors: [retry(3, '4 retries | none | false | conflict | unknown')] },
    { code: conflictRetries[1]!, errors: [retry(3, '2 retries | none | false | conflict | unknown')] },
    { code: conflictRetries[4]!, errors: [retry(6, '3 retries | none | false | conflict | unknown')] },
    { code: conflictRetries[6]!, errors: [retry(3, '1 retries | none | false | conflict | unknown')] },
  ],
});

createRuleTester().run('no-unbounded-retry on conflict retries', noUnboundedRetry, {
  valid: conflictRetries,
  invalid: [
    {
      // a conflict retry still needs a bound: a constraint that a new value never satisfies spins for ever
      code: `
  export async function createAlias(db, base) {
    while (true) {
      try {
        return await db.aliases.insert({ alias: base + '-' + randomDigits(3) });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }
  `,
      errors: [{ messageId: 'unboundedRetry', line: 3 }],
    },
  ],
});
