import { describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { MARKDOWN_COLLAPSE_THRESHOLD, MARKDOWN_INVENTORY_MAX_LENGTH, MARKDOWN_MAX_LENGTH } from '../../../checker/reporters/markdown.js';
import { createCheckResult, createEntry, createFinding, createManyFindings, OBSERVABILITY_INVENTORY, reverseLists } from './check-result-fixture.js';

const DOCS = 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs';
const options = { color: false };

function getSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}\n`);
  const end = markdown.indexOf('\n### ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('markdown reporter', () => {
  const output = reporters.markdown(createCheckResult(), options);

  it('opens with the summary and a table by rule, most findings first, linked to the docs', () => {
    expect(output.startsWith('## policy-check\n\n**✖ 8 problems (5 errors, 3 warnings) in 5 files; 1 file could not be checked** · 14 files checked · left out: 2 test files, 1 file ignored by the policy\n\n')).toBe(true);
    expect(output).toContain(
      [
        '| Rule | Severity | Findings |',
        '| --- | --- | ---: |',
        `| [require-http-timeout](${DOCS}/rules/require-http-timeout.md) | error, warning | 3 |`,
        `| [no-unbounded-retry](${DOCS}/rules/no-unbounded-retry.md) | error | 2 |`,
        `| [require-circuit-breaker](${DOCS}/checks/require-circuit-breaker.md) | warning | 1 |`,
        `| [require-idempotency-key](${DOCS}/rules/require-idempotency-key.md) | error | 1 |`,
        `| [require-retry-backoff](${DOCS}/rules/require-retry-backoff.md) | warning | 1 |`,
      ].join('\n'),
    );
  });

  it('groups findings by file, each file a table of line, severity, rule and message', () => {
    const findings = getSection(output, 'Findings');
    expect([...findings.matchAll(/^#### `(.+)`$/gm)].map((match) => match[1])).toEqual([
      'packages/shared/src/http.ts',
      'services/orders/src/payments-client.ts',
      'services/orders/src/retry.ts',
      'services/payments/src/handlers/charge.ts',
      'services/shipping/src/legacy client.ts',
    ]);
    expect(findings).toContain(
      [
        '#### `services/orders/src/payments-client.ts`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 8:24 | ❌ error | [require-http-timeout](${DOCS}/rules/require-http-timeout.md) | axios.create() has no timeout (axios default 0 = wait forever). Set timeout. |`,
        `| 31:10 | ❌ error | [require-idempotency-key](${DOCS}/rules/require-idempotency-key.md) | POST /charges is retried without an Idempotency-Key header: a retry can charge the customer twice. |`,
      ].join('\n'),
    );
    expect(findings).not.toContain('<details>');
  });

  it('makes user code text inert: no HTML, no broken table cells, no stray emphasis', () => {
    expect(output).not.toMatch(/<script|<\/td>|<img/i);
    expect(output).toContain('&lt;script&gt;window.\\_\\_pwned = true&lt;/script&gt;');
    expect(output).toContain('superagent request with no .timeout() \\| stalls the label printer. |');
    const message = 'Token for @platform-team signed with `alg: none` and *no* [expiry](javascript:alert(1)) ~~ever~~ #42';
    const escaped = reporters.markdown(createCheckResult({ findings: [createFinding('no-insecure-jwt', 'error', 'src/auth.ts', 2, 1, 'a', message)] }), options);
    expect(escaped).toContain('| Token for \\@platform-team signed with `alg: none` and \\*no\\* \\[expiry\\](javascript:alert(1)) \\~\\~ever\\~\\~ \\#42 |');
  });

  it('keeps the code spans of a message as code, so GitHub shows code and not backticks', () => {
    const messages = [
      'send an idempotency key in the `Idempotency-Key` or `X-Idempotency-Key` header',
      'hand-written retries after a constant delay (``sleep(`${ms}`)``): back off',
      'a pipe in code `a || b` and <b>markup</b> in `<b>code</b>`',
      'one stray ` backtick and `one span`',
    ];
    const findings = messages.map((message, index) => createFinding('require-retry-backoff', 'warning', 'src/a.ts', index + 1, 1, 'a', message));
    const rows = getSection(reporters.markdown(createCheckResult({ findings }), options), 'Findings').split('\n').filter((line) => line.startsWith('| ') && /^\| \d/.test(line));
    expect(rows.map((row) => row.slice(row.lastIndexOf(') | ') + 4, -2))).toEqual([
      'send an idempotency key in the `Idempotency-Key` or `X-Idempotency-Key` header',
      'hand-written retries after a constant delay (``sleep(`${ms}`)``): back off',
      'a pipe in code `a \\|\\| b` and &lt;b&gt;markup&lt;/b&gt; in `<b>code</b>`',
      // Read as CommonMark reads it: the first two backticks pair up; the last one opens nothing.
      'one stray ` backtick and `one span\\`',
    ]);
  });

  it('lists the files that could not be checked and the inventory by kind', () => {
    expect(getSection(output, 'Files that could not be checked')).toBe(
      '### Files that could not be checked\n\n| File | Problem |\n| --- | --- |\n| `services/payments/src/broken.ts` | \'}\' expected. &lt;/td&gt;&lt;script&gt;window.\\_\\_pwned = true&lt;/script&gt; |\n',
    );
    expect(getSection(output, 'Inventory')).toContain(
      [
        '### Inventory',
        '',
        '| Kind | Count | Libraries |',
        '| --- | ---: | --- |',
        '| HTTP clients | 3 | axios (1), fetch (1), got (1) |',
        '| Logger | 1 | pino (1) |',
        '| Retry policies | 2 | axios-retry (1), p-retry (1) |',
        '',
        '<details>',
        '<summary>HTTP clients (3)</summary>',
        '',
        '| Where | Service | Library | timeout | url |',
        '| --- | --- | --- | --- | --- |',
        '| `packages/shared/src/http.ts:4` | shared | got | 5000 |  |',
        '| `services/orders/src/payments-client.ts:8` | orders | axios | — |  |',
      ].join('\n'),
    );
  });

  it('tables the entries of each inventory kind, its properties in reading order', () => {
    const markdown = reporters.markdown(createCheckResult({ inventory: OBSERVABILITY_INVENTORY }), options);
    const inventory = getSection(markdown, 'Inventory');
    expect(inventory).toContain(
      [
        '| Kind | Count | Libraries |',
        '| --- | ---: | --- |',
        '| Access log | 1 | pino-http (1) |',
        '| HTTP server | 1 | express (1) |',
        '| Loggers | 2 | pino (2) |',
        '| Outbound clients | 2 | axios (1), fetch (1) |',
        '| Tracing setup | 1 | \\@opentelemetry/sdk-node (1) |',
      ].join('\n'),
    );
    expect(inventory).toContain(
      [
        '<details>',
        '<summary>Loggers (2)</summary>',
        '',
        '| Where | Service | Library | name | bound fields | fields from | may add fields | child of |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| `services/orders/src/logger.ts:7` | orders | pino | logger | hostname, name, pid | — | no | — |',
        '| `services/orders/src/routes/carts.ts:28` | orders | pino | log | cartId, traceId | — | yes | services/orders/src/logger.ts:7 |',
        '',
        '</details>',
      ].join('\n'),
    );
    expect(inventory).toContain(
      [
        '| Where | Service | Library | propagates trace context | via | handler | host |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `services/orders/src/pricing.ts:12` | orders | axios | no | — | — | — |',
        '| `services/orders/src/routes/shipping.ts:28` | orders | fetch | yes | traceparent | express route handler | rates.internal |',
      ].join('\n'),
    );
    expect(inventory).toContain('| Where | Service | Library | setup | instruments |\n| --- | --- | --- | --- | --- |\n| `services/payments/src/tracing.ts:5` | payments | \\@opentelemetry/sdk-node | NodeSDK | all |');
    expect(inventory).toContain('<summary>HTTP server (1)</summary>\n\n| Where | Service | Library |\n| --- | --- | --- |\n| `services/orders/src/server.ts:15` | orders | express |');
    expect(inventory).not.toContain('entries not shown');
  });

  it('keeps code spans in inventory values as code and escapes the rest', () => {
    const entry = createEntry('logger', 'pino', 'src/log.ts', 1, 1, 'a', { fields: '`traceId` | <b>x</b>', name: null });
    const inventory = getSection(reporters.markdown(createCheckResult({ inventory: [entry] }), options), 'Inventory');
    expect(inventory).toContain('| `src/log.ts:1` | a | pino | — | `traceId` \\| &lt;b&gt;x&lt;/b&gt; |');
  });

  it('gives the inventory tables a share of the comment and says how many entries it left out', () => {
    const many = Array.from({ length: 400 }, (_, index) =>
      createEntry('outbound-client', 'axios', `services/catalog/src/clients/client-${String(index).padStart(4, '0')}.ts`, 12, 24, 'catalog', { handler: null, host: 'pricing.internal', propagates: false, via: null }),
    );
    const markdown = reporters.markdown(createCheckResult({ inventory: many }), options);
    const inventory = getSection(markdown, 'Inventory');
    const shown = inventory.match(/^\| `services\/catalog/gm)!.length;
    expect(shown).toBeGreaterThan(20);
    expect(shown).toBeLessThan(400);
    expect(inventory.length).toBeLessThan(MARKDOWN_INVENTORY_MAX_LENGTH + 1_000);
    expect(inventory.trimEnd().endsWith(`> ${400 - shown} more inventory entries not shown; the json and html reports list every entry.`)).toBe(true);
    expect(inventory.match(/<details>/g)).toHaveLength(1);
    expect(inventory.match(/<\/details>/g)).toHaveLength(1);
  });

  it('is short and clean when there is nothing to report', () => {
    expect(reporters.markdown(createCheckResult({ findings: [], problems: [], inventory: [], excluded: [], notes: [] }), options)).toBe('## policy-check\n\n**✔ No problems in 14 files** · 14 files checked\n');
  });

  it('lists the notes on how the project was loaded', () => {
    expect(output).toContain('### Notes\n\n| File | Note |\n| --- | --- |\n| `services/shipping/tsconfig.json` | lists 1 of 4 source files under services/shipping; the other 3 are checked too |\n');
  });

  it('collapses each file into <details> past the threshold', () => {
    const atThreshold = reporters.markdown(createCheckResult({ findings: createManyFindings(MARKDOWN_COLLAPSE_THRESHOLD) }), options);
    expect(getSection(atThreshold, 'Findings')).not.toContain('<details>');
    const past = reporters.markdown(createCheckResult({ findings: createManyFindings(MARKDOWN_COLLAPSE_THRESHOLD + 1) }), options);
    expect(getSection(past, 'Findings').match(/<details>/g)).toHaveLength(6);
    expect(getSection(past, 'Findings').match(/<\/details>/g)).toHaveLength(6);
    expect(past).toContain('<details>\n<summary><code>services/catalog/src/clients/client-0000.ts</code> (6 errors, 4 warnings)</summary>\n\n| Line | Severity | Rule | Message |');
    expect(past).toContain('<summary><code>services/catalog/src/clients/client-0005.ts</code> (1 error)</summary>');
    expect(past.match(/^\| \d+:\d+ \|/gm)).toHaveLength(MARKDOWN_COLLAPSE_THRESHOLD + 1);
  });

  it('stays under the comment limit, says how much it left out, and keeps the sections after the findings', () => {
    const total = 2_000;
    const truncated = reporters.markdown(createCheckResult({ findings: createManyFindings(total) }), options);
    expect(truncated.length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    const shown = truncated.match(/^\| \d+:\d+ \|/gm)!.length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(total);
    const hiddenFiles = new Set(createManyFindings(total).slice(shown).map((finding) => finding.file)).size;
    expect(truncated).toContain(`> **Truncated:** ${total - shown} more findings in ${hiddenFiles} files not shown`);
    expect(truncated.match(/<details>/g)!.length).toBe(truncated.match(/<\/details>/g)!.length);
    expect(truncated).toContain('### Files that could not be checked');
    expect(truncated).toContain('| Retry policies | 2 | axios-retry (1), p-retry (1) |\n');
    expect(truncated.endsWith('| `services/payments/src/handlers/charge.ts:10` | payments | p-retry | 3 | exponential | yes |  |\n\n</details>\n')).toBe(true);
  });

  it('caps one very long message instead of letting it fill the comment', () => {
    const long = createFinding('require-http-timeout', 'error', 'src/a.ts', 1, 1, 'a', `fetch(${'x'.repeat(100_000)})`);
    const markdown = reporters.markdown(createCheckResult({ findings: [long] }), options);
    expect(markdown.length).toBeLessThan(5_000);
    expect(markdown).toMatch(/x… \|\n/);
  });

  it('does not depend on the order of the input', () => {
    expect(reporters.markdown(reverseLists(createCheckResult()), options)).toBe(output);
  });
});
