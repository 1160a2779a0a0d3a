import { describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createEntry, createFinding, reverseLists } from './check-result-fixture.js';

const ESCAPE = '\u001b';
const plain = { color: false };
const colored = { color: true };

describe('text reporter', () => {
  const output = reporters.text(createCheckResult(), plain);
  const lines = output.split('\n');

  it('groups findings under one header per file, files in path order', () => {
    const headers = lines.filter((line) => line.length > 0 && !line.startsWith(' ') && line.includes('/'));
    expect(headers).toEqual([
      'packages/shared/src/http.ts',
      'services/orders/src/payments-client.ts',
      'services/orders/src/retry.ts',
      'services/payments/src/handlers/charge.ts',
      'services/shipping/src/legacy client.ts',
    ]);
    const retry = lines.indexOf('services/orders/src/retry.ts');
    expect(lines.slice(retry + 1, retry + 5)).toEqual([
      expect.stringMatching(/^ {2}9:5 {3}error {4}pRetry is called with forever: true\. Set retries\. +service-policy\/no-unbounded-retry$/),
      expect.stringMatching(/^ {2}9:5 {3}error {4}retries: Infinity never gives up: .+ {2}service-policy\/no-unbounded-retry$/),
      expect.stringMatching(/^ {2}21:3 {2}warning {2}axios-retry is attached .+ {2}service-policy\/require-retry-backoff$/),
      '',
    ]);
  });

  it('aligns position, severity, message and rule id within a file', () => {
    const retry = lines.indexOf('services/orders/src/retry.ts');
    const rows = lines.slice(retry + 1, retry + 4);
    expect(new Set(rows.map((row) => row.indexOf('service-policy/'))).size).toBe(1);
    expect(new Set(rows.map((row) => row.search(/error|warning/))).size).toBe(1);
    expect(new Set(rows.map((row) => row.search(/pRetry|retries:|axios-retry/))).size).toBe(1);
  });

  it('ends with the files it could not check, the notes, the summary, the files left out and the inventory counts', () => {
    expect(lines.slice(-10)).toEqual([
      'Could not check 1 file:',
      `  services/payments/src/broken.ts  '}' expected. </td><script>window.__pwned = true</script>`,
      '',
      'Notes:',
      '  services/shipping/tsconfig.json  lists 1 of 4 source files under services/shipping; the other 3 are checked too',
      '',
      '✖ 8 problems (5 errors, 3 warnings) in 5 files; 1 file could not be checked',
      'Left out: 2 test files, 1 file ignored by the policy (listed in the json report)',
      'Inventory: 3 HTTP clients, 1 logger, 2 retry policies',
      '',
    ]);
  });

  it('says so when there is nothing to report', () => {
    const clean = reporters.text(createCheckResult({ findings: [], problems: [], inventory: [], excluded: [], notes: [] }), plain);
    expect(clean).toBe('✔ No problems in 14 files\nInventory: nothing recorded\n');
    expect(reporters.text(createCheckResult({ findings: [], problems: [], notes: [], fileCount: 1 }), plain)).toMatch(/^✔ No problems in 1 file\n/);
  });

  it('never calls a run clean when a file could not be checked, and paints it as a failure', () => {
    const problems = [{ file: 'src/half-merged.ts', message: '2:1: Parsing error: Merge conflict marker encountered.' }];
    const unparsed = createCheckResult({ findings: [], inventory: [], excluded: [], notes: [], fileCount: 0, problems });
    expect(reporters.text(unparsed, plain)).toBe(
      'Could not check 1 file:\n  src/half-merged.ts  2:1: Parsing error: Merge conflict marker encountered.\n\n✖ 1 file could not be checked\nInventory: nothing recorded\n',
    );
    expect(reporters.text(unparsed, colored)).toContain(`${ESCAPE}[1m${ESCAPE}[31m✖ 1 file could not be checked`);
  });

  it('counts in the singular and plural', () => {
    const one = createCheckResult({ findings: [createFinding('require-http-timeout', 'warning', 'src/a.ts', 1, 1, 'a', 'No timeout.')], problems: [] });
    expect(reporters.text(one, plain)).toContain('✖ 1 problem (0 errors, 1 warning) in 1 file\n');
  });

  it('names any inventory kind, known or new', () => {
    const inventory = [
      createEntry('cache-write', 'ioredis', 'src/cache.ts', 4, 1, 'orders', { ttl: null }),
      createEntry('cache-write', 'ioredis', 'src/cache.ts', 9, 1, 'orders', { ttl: 60 }),
      createEntry('dead-letter-queue', 'amqplib', 'src/queue.ts', 2, 1, 'orders', {}),
      createEntry('token', 'jsonwebtoken', 'src/auth.ts', 7, 1, 'orders', { expiresIn: '30d' }),
    ];
    expect(reporters.text(createCheckResult({ inventory }), plain)).toContain('Inventory: 2 cache writes, 1 dead letter queue, 1 token setting\n');
  });

  it('writes no escape codes without colour, and the same text with colour once they are stripped', () => {
    expect(output).not.toContain(ESCAPE);
    const withColor = reporters.text(createCheckResult(), colored);
    expect(withColor).toContain(`${ESCAPE}[31merror`);
    expect(withColor).toContain(`${ESCAPE}[33mwarning${ESCAPE}[39m`);
    expect(withColor).toContain(`${ESCAPE}[4mservices/orders/src/retry.ts${ESCAPE}[24m`);
    expect(withColor).toContain(`${ESCAPE}[1m${ESCAPE}[31m✖ 8 problems`);
    expect(withColor.replace(/\u001b\[\d+m/g, '')).toBe(output);
  });

  it('colours a clean run green and a run with only warnings yellow', () => {
    expect(reporters.text(createCheckResult({ findings: [], problems: [] }), colored)).toContain(`${ESCAPE}[32m✔ No problems in 14 files${ESCAPE}[39m`);
    const warnings = createCheckResult({ findings: [createFinding('require-retry-backoff', 'warning', 'src/a.ts', 3, 1, 'a', 'Constant delay.')], problems: [] });
    expect(reporters.text(warnings, colored)).toContain(`${ESCAPE}[1m${ESCAPE}[33m✖ 1 problem`);
  });

  it('keeps control characters from user code out of the terminal and each finding on one line', () => {
    const message = 'Header value "\u001b[2J\u001b[31mfake" is static.\nSecond line\tafter a tab.';
    const result = createCheckResult({ findings: [createFinding('no-static-api-key-auth', 'error', 'src/auth.ts', 5, 3, 'a', message)], problems: [] });
    const text = reporters.text(result, plain);
    expect(text).not.toContain(ESCAPE);
    expect(text).toContain('  5:3  error  Header value " [2J [31mfake" is static. Second line after a tab.  service-policy/no-static-api-key-auth\n');
  });

  it('does not depend on the order of the input', () => {
    expect(reporters.text(reverseLists(createCheckResult()), plain)).toBe(output);
  });
});
