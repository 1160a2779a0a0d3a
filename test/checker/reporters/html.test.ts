import { describe, expect, it } from 'vitest';

import type { Finding } from '../../../checker/report/model.js';
import { HTML_CHART_ROWS } from '../../../checker/reporters/html.js';
import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, createFinding, OBSERVABILITY_INVENTORY, reverseLists, XSS_MESSAGE, XSS_PROBLEM, XSS_PROPERTY } from './check-result-fixture.js';

const DOCS = 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs';
const options = { color: false };
/** Numbered lines, so the code shown around a finding can be checked by number. */
const readLines = (file: string): string[] | undefined => (file.includes('broken') ? undefined : Array.from({ length: 40 }, (_, index) => `line ${index + 1} of ${file}`));

function getElements(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}

function onLogger(file: string, line: number, service: string): Finding {
  const message = 'Log line with no `traceId`: the pino logger `logger` made at services/orders/src/logger.ts:7 does not bind it.';
  return { ...createFinding('require-log-fields', 'error', file, line, 5, service, message), fixLocation: { label: 'pino logger `logger`', file: 'services/orders/src/logger.ts', line: 7 } };
}

describe('html reporter', () => {
  const output = reporters.html(createCheckResult(), options);

  it('is one self-contained page: no external resources, one inline script, a policy that forbids loading anything', () => {
    expect(output.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(output).not.toMatch(/<(link|iframe|img|object|embed|audio|video)\b|<[^>]*\s(src|srcset|background)=|@import|url\(|\sstyle=/i);
    expect(output.match(/<script/g)).toHaveLength(1);
    expect(output.match(/<style/g)).toHaveLength(1);
    expect(output).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    expect(output).toContain('@media print {');
    const external = getElements(output, /href="([^"#][^"]*)"/g);
    expect(external.length).toBeGreaterThan(8);
    for (const href of external) expect(href).toMatch(/^https:\/\/github\.com\/service-policy\/eslint-plugin-service-policy\/blob\/main\/docs\/(rules|checks)\/[a-z-]+\.md$/);
    for (const anchor of getElements(output, /href="#([^"]+)"/g)) expect(output).toContain(` id="${anchor}"`);
  });

  it('answers how bad: counts by severity, files and services', () => {
    expect(output).toContain('<p class="verdict failed" id="summary">✖ 8 problems (5 errors, 3 warnings) in 5 files; 1 file could not be checked</p>');
    expect(getElements(output, /<div class="card [^"]+"><span class="card-value">(\d+<\/span><span class="card-label">[^<]+)<\/span>/g)).toEqual([
      '5</span><span class="card-label">errors',
      '3</span><span class="card-label">warnings',
      '5</span><span class="card-label">of 14 files with findings',
      '4</span><span class="card-label">services with findings',
      '1</span><span class="card-label">file not checked',
    ]);
  });

  it('answers where: bars by rule family, service and rule, sized by their counts, labels as page text', () => {
    const chart = (id: string): string[] => getElements(output.slice(output.indexOf(`id="chart-${id}"`), output.indexOf('</figure>', output.indexOf(`id="chart-${id}"`))), /<li class="bar-row" data-key="([^"]+" data-total="\d+)"/g);
    expect(chart('family')).toEqual(['retry" data-total="5', 'http" data-total="3']);
    expect(chart('service')).toEqual(['orders" data-total="5', 'payments" data-total="1', 'shared" data-total="1', 'shipping" data-total="1']);
    expect(chart('rule')[0]).toBe('service-policy/require-http-timeout" data-total="3');
    expect(output).toContain(
      '<li class="bar-row" data-key="orders" data-total="5" title="orders: 4 errors, 1 warning"><span class="bar-label">orders</span><svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect class="error" width="80" height="1"></rect><rect class="warning" x="80" width="20" height="1"></rect></svg><span class="bar-count">5</span></li>',
    );
    expect(output).not.toMatch(/<text\b/);
  });

  it('caps a chart and says how much it left out', () => {
    const findings = Array.from({ length: HTML_CHART_ROWS + 3 }, (_, index) => createFinding('require-http-timeout', 'error', `services/s${index}/a.ts`, 1, 1, `service-${String(index).padStart(2, '0')}`, 'x'));
    const html = reporters.html(createCheckResult({ findings }), options);
    const serviceChart = html.slice(html.indexOf('id="chart-service"'), html.indexOf('</figure>', html.indexOf('id="chart-service"')));
    expect(serviceChart.match(/class="bar-row"/g)).toHaveLength(HTML_CHART_ROWS);
    expect(serviceChart).toContain('<p class="more">…and 3 more with 3 findings.</p>');
  });

  it('answers what first: shared loggers and rules, most errors first, each with its count and where', () => {
    const findings = [...createCheckResult().findings, onLogger('services/orders/src/a.ts', 3, 'orders'), onLogger('services/orders/src/b.ts', 9, 'orders'), onLogger('services/orders/src/b.ts', 12, 'orders'), onLogger('services/orders/src/c.ts', 1, 'orders')];
    const html = reporters.html(createCheckResult({ findings }), options);
    const first = html.slice(html.indexOf('<div class="first"'), html.indexOf('</div>', html.indexOf('<div class="first"')));
    expect(first.match(/<li>.*<\/li>/g)).toEqual([
      expect.stringMatching(/^<li><a href="#fix-[0-9a-f]{12}">pino logger <code>logger<\/code><\/a> at <span class="path">.*logger\.ts<\/span><\/span>:7: one fix for 4 findings \(4 errors\) in 3 files<\/li>$/),
      `<li><a class="rule" href="${DOCS}/rules/require-http-timeout.md" rel="noopener noreferrer">require-http-timeout</a>: 2 errors, 1 warning in orders, payments, shipping</li>`,
      `<li><a class="rule" href="${DOCS}/rules/no-unbounded-retry.md" rel="noopener noreferrer">no-unbounded-retry</a>: 2 errors in orders</li>`,
      `<li><a class="rule" href="${DOCS}/rules/require-idempotency-key.md" rel="noopener noreferrer">require-idempotency-key</a>: 1 error in orders</li>`,
      `<li><a class="rule" href="${DOCS}/checks/require-circuit-breaker.md" rel="noopener noreferrer">require-circuit-breaker</a>: 1 warning in shared</li>`,
    ]);
    expect(first).toContain('<p class="more">…and 1 more in the findings below.</p>');
  });

  it('groups the findings by service, then by file, each with its rule, linked docs and message', () => {
    const services = getElements(output, /<section class="service" data-service="([^"]*)"/g);
    expect(services).toEqual(['orders', 'payments', 'shared', 'shipping']);
    const orders = output.slice(output.indexOf('<section class="service" data-service="orders"'), output.indexOf('<section class="service" data-service="payments"'));
    expect(getElements(orders, /<article class="file" data-file="([^"]+)"/g)).toEqual(['services/orders/src/payments-client.ts', 'services/orders/src/retry.ts']);
    expect(orders).toContain('<h4 class="service-head">orders <span class="counts">4 errors, 1 warning</span></h4>');
    expect(orders).toContain(
      [
        '<div class="finding" data-severity="error" data-rule="service-policy/require-idempotency-key" data-service="orders" data-file="services/orders/src/payments-client.ts">',
        `<p class="finding-head"><span class="badge error">error</span> <span class="position">31:10</span> <a class="rule" href="${DOCS}/rules/require-idempotency-key.md" rel="noopener noreferrer">require-idempotency-key</a></p>`,
        '<p class="message">POST /charges is retried without an Idempotency-Key header: a retry can charge the customer twice.</p>',
        '</div>',
      ].join('\n'),
    );
    expect(output.match(/<div class="finding" /g)).toHaveLength(8);
  });

  it('writes paths so they wrap only after a `/`: every part kept whole, a break opportunity after each slash', () => {
    expect(output).toContain(
      '<h5 class="path"><span class="part">services/</span><wbr><span class="part">orders/</span><wbr><span class="part">src/</span><wbr><span class="part">payments-client.ts</span></h5>',
    );
    expect(output).not.toMatch(/overflow-wrap: anywhere|word-break: break-all/);
  });

  it('renders the code spans of a message as <code>, after escaping everything else', () => {
    const message = 'send the `Idempotency-Key` header; <b>bold</b> stays text, and so does `<i>code</i>`; one stray ` backtick';
    const html = reporters.html(createCheckResult({ findings: [createFinding('require-idempotency-key', 'error', 'src/a.ts', 1, 1, 'a', message)] }), options);
    expect(html).toContain(
      '<p class="message">send the <code>Idempotency-Key</code> header; &lt;b&gt;bold&lt;/b&gt; stays text, and so does <code>&lt;i&gt;code&lt;/i&gt;</code>; one stray ` backtick</p>',
    );
  });

  it('shows the lines around each finding with its own lines marked, when the file can be read', () => {
    const html = reporters.html(createCheckResult(), { ...options, readLines });
    expect(html).toContain(
      '<pre class="source"><code><span class="line"><span class="line-number">6</span>line 6 of services/orders/src/payments-client.ts</span><span class="line"><span class="line-number">7</span>line 7 of services/orders/src/payments-client.ts</span><span class="line marked"><span class="line-number">8</span>line 8 of services/orders/src/payments-client.ts</span><span class="line"><span class="line-number">9</span>line 9 of services/orders/src/payments-client.ts</span><span class="line"><span class="line-number">10</span>line 10 of services/orders/src/payments-client.ts</span></code></pre>',
    );
    expect(html.match(/<pre class="source">/g)).toHaveLength(8);
    expect(output).not.toContain('<pre class="source">');
    const hostile = reporters.html(createCheckResult(), { ...options, readLines: () => Array.from({ length: 40 }, () => '<script>window.__pwned = true</script>') });
    expect(hostile).toContain('<span class="line marked"><span class="line-number">4</span>&lt;script&gt;window.__pwned = true&lt;/script&gt;</span>');
  });

  it('lists the findings on one shared logger under that logger, once, with their count', () => {
    const findings = [onLogger('services/orders/src/a.ts', 3, 'orders'), onLogger('services/orders/src/b.ts', 9, 'orders'), onLogger('services/payments/src/c.ts', 1, 'payments'), createFinding('require-http-timeout', 'error', 'services/orders/src/a.ts', 8, 2, 'orders', 'x')];
    const html = reporters.html(createCheckResult({ findings }), { ...options, readLines });
    const group = html.slice(html.indexOf('<section id="fix-once">'), html.indexOf('</section>', html.indexOf('<section id="fix-once">')));
    expect(group).toContain('<h4>pino logger <code>logger</code></h4>');
    expect(group).toMatch(/<p>made at <span class="path">.*<span class="part">logger\.ts<\/span><\/span>:7 · <a class="rule" href="[^"]+require-log-fields\.md" rel="noopener noreferrer">require-log-fields<\/a> · 3 findings in 3 files<\/p>/);
    expect(group).toContain('<span class="line marked"><span class="line-number">7</span>line 7 of services/orders/src/logger.ts</span>');
    expect(group).toContain('<details><summary>3 lines written through it</summary>');
    expect(group.match(/<li class="finding" data-severity="error" data-rule="service-policy\/require-log-fields"/g)).toHaveLength(3);
    expect(group).toContain(':3:5</span> <code>line 3 of services/orders/src/a.ts</code></li>');
    expect(html.match(/class="finding"/g)).toHaveLength(4);
    expect(getElements(html, /<article class="file" data-file="([^"]+)"/g)).toEqual(['services/orders/src/a.ts']);
    expect(output).not.toContain('id="fix-once"');
  });

  it('offers filters by severity, rule, service and text over every finding', () => {
    expect(output).toContain('<select id="severity-filter"><option value="">All</option><option value="error">Errors</option><option value="warning">Warnings</option></select>');
    expect(getElements(output, /<select id="rule-filter">(.*?)<\/select>/g)[0]).toBe(
      '<option value="">All</option><option value="service-policy/no-unbounded-retry">no-unbounded-retry</option><option value="service-policy/require-circuit-breaker">require-circuit-breaker</option><option value="service-policy/require-http-timeout">require-http-timeout</option><option value="service-policy/require-idempotency-key">require-idempotency-key</option><option value="service-policy/require-retry-backoff">require-retry-backoff</option>',
    );
    expect(getElements(output, /<select id="service-filter">(.*?)<\/select>/g)[0]).toBe(
      '<option value="">All</option><option value="orders">orders</option><option value="payments">payments</option><option value="shared">shared</option><option value="shipping">shipping</option>',
    );
    expect(output).toContain('<input type="search" id="text-filter"');
    expect(output).toContain('<output id="filter-status" aria-live="polite">8 of 8 findings shown</output>');
  });

  it('tables the inventory by kind, sortable, properties in reading order', () => {
    const html = reporters.html(createCheckResult({ inventory: OBSERVABILITY_INVENTORY }), options);
    expect(getElements(html, /<table id="inventory-[^"]+" class="inventory-table sortable" data-kind="([^"]+)"/g)).toEqual(['access-log', 'http-server', 'logger', 'outbound-client', 'tracing-setup']);
    expect(getElements(html, /<h3 id="inventory-[^"]+">([^<]+)<\/h3>/g)).toEqual(['Access log (1)', 'HTTP server (1)', 'Loggers (2)', 'Outbound clients (2)', 'Tracing setup (1)']);
    const loggers = html.slice(html.indexOf('data-kind="logger"'), html.indexOf('</table>', html.indexOf('data-kind="logger"')));
    expect(getElements(loggers, /<th scope="col"><button type="button">([^<]+)<\/button><\/th>/g)).toEqual(['Where', 'Service', 'Library', 'name', 'bound fields', 'fields from', 'may add fields', 'child of']);
    expect(loggers).toContain(
      '<tr><td data-sort="services/orders/src/routes/carts.ts:000000028"><span class="path"><span class="part">services/</span><wbr><span class="part">orders/</span><wbr><span class="part">src/</span><wbr><span class="part">routes/</span><wbr><span class="part">carts.ts</span></span>:28</td><td class="name">orders</td><td class="name">pino</td><td>log</td><td>cartId, traceId</td><td class="muted">—</td><td>yes</td><td>services/orders/src/logger.ts:7</td></tr>',
    );
    const outbound = html.slice(html.indexOf('data-kind="outbound-client"'), html.indexOf('</table>', html.indexOf('data-kind="outbound-client"')));
    expect(getElements(outbound, /<button type="button">([^<]+)<\/button>/g)).toEqual(['Where', 'Service', 'Library', 'propagates trace context', 'via', 'handler', 'host']);
    expect(outbound).toContain('<td class="name">fetch</td><td>yes</td><td>traceparent</td><td>express route handler</td><td>rates.internal</td>');
    expect(reporters.html(createCheckResult(), options)).toContain('<td class="number" data-sort="Infinity">Infinity</td>');
  });

  it('escapes every string from the result', () => {
    expect(output).not.toContain('<script>window');
    expect(output).not.toContain(XSS_PROPERTY);
    expect(output).not.toContain(XSS_MESSAGE);
    expect(output).not.toContain(XSS_PROBLEM);
    expect(output).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt; &quot;a slow billing API&quot;');
    expect(output).toContain('&lt;img src=&quot;x&quot; onerror=&quot;window.__pwned = true&quot;&gt;');
    const hostile = createFinding('require-http-timeout', 'error', 'src/"><svg onload=alert(1)>.ts', 1, 1, '"><b>svc</b>', 'x');
    const page = reporters.html(createCheckResult({ findings: [{ ...hostile, ruleId: 'a"><script>alert(1)</script>', helpUrl: 'javascript:alert(1)', fixLocation: { label: '<img src=x>', file: '"><i>', line: 1 } }] }), options);
    expect(page).not.toMatch(/<svg onload|<b>svc|<script>alert|javascript:|<img src=x>|"><i>/);
  });

  it('is deterministic and does not depend on the order of the input', () => {
    expect(reporters.html(createCheckResult(), options)).toBe(output);
    expect(reporters.html(reverseLists(createCheckResult()), options)).toBe(output);
  });
});
