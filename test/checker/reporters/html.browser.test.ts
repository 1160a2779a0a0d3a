/**
 * The HTML report in a real Chromium (see find-browser.ts for which one): it renders without errors or
 * requests, draws its charts, lists the findings and the inventory, and filters. Without a browser the
 * tests are skipped with a line that says why, unless REQUIRE_BROWSER=1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, XSS_MESSAGE, XSS_PROBLEM, XSS_PROPERTY } from './check-result-fixture.js';
import { findBrowser, isBrowserRequired } from './find-browser.js';

const options = { color: false };
const browserSearch = findBrowser();
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

if (!browserSearch.found) {
  if (isBrowserRequired()) {
    describe('html reporter in a browser', () => {
      it('has a browser to run in (REQUIRE_BROWSER=1)', () => {
        throw new Error(`REQUIRE_BROWSER=1 and ${browserSearch.reason}`);
      });
    });
  } else {
    console.warn(`Skipping the HTML report's browser test: ${browserSearch.reason}.`);
  }
}

describe.runIf(browserSearch.found)('html reporter in a browser', () => {
  let browser: Browser;
  let page: Page;
  let directory: string;
  let pageUrl: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'policy-check-html-'));
    const file = path.join(directory, 'report.html');
    writeFileSync(file, reporters.html(createCheckResult(), options));
    browser = await chromium.launch({ executablePath: browserSearch.found ? browserSearch.executablePath : undefined, args: LAUNCH_ARGS });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    pageUrl = pathToFileURL(file).href;
    await page.goto(pageUrl);
  });

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('renders without console errors, without requests, and without running text from the result', async () => {
    expect(await page.title()).toBe('policy-check report');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('#findings-table tbody tr').nth(6).locator('td').last().textContent()).toBe(XSS_MESSAGE);
  });

  it('draws a bar per rule and per service, sized by the counts', async () => {
    const ruleBars = page.locator('#chart-rule g.bar');
    expect(await ruleBars.count()).toBe(5);
    expect(await ruleBars.first().getAttribute('data-key')).toBe('service-policy/require-http-timeout');
    expect(await ruleBars.first().locator('text').first().textContent()).toBe('require-http-timeout');
    const serviceBars = page.locator('#chart-service g.bar');
    expect(await serviceBars.evaluateAll((bars) => bars.map((bar) => `${bar.getAttribute('data-key')}=${bar.getAttribute('data-total')}`))).toEqual([
      'orders=5',
      'payments=1',
      'shared=1',
      'shipping=1',
    ]);
    const orders = await serviceBars.first().locator('rect').evaluateAll((rects) => rects.map((rect) => (rect as unknown as { getBBox(): { width: number } }).getBBox().width));
    const payments = await serviceBars.nth(1).locator('rect').evaluateAll((rects) => rects.map((rect) => (rect as unknown as { getBBox(): { width: number } }).getBBox().width));
    expect(orders).toHaveLength(2);
    expect(orders[0] + orders[1]).toBeCloseTo(payments[0] * 5, 1);
    const box = await page.locator('#chart-rule').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(50);
  });

  it('lists every finding with a link to its rule docs, the files it could not check and the inventory by kind', async () => {
    const rows = page.locator('#findings-table tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      'packages/shared/src/http.ts',
      '4:14',
      'service-policy/require-circuit-breaker',
      'warning',
      'shared',
      'got retries calls to "inventory" with no circuit breaker: a sick dependency never gets time to recover. Wrap it with opossum.',
    ]);
    expect(await rows.first().locator('a').getAttribute('href')).toBe(
      'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/checks/require-circuit-breaker.md',
    );
    expect(await page.locator('#problems-table tbody td').allTextContents()).toEqual(['services/payments/src/broken.ts', XSS_PROBLEM]);
    const inventory = page.locator('table.inventory-table');
    expect(await inventory.evaluateAll((tables) => tables.map((table) => table.getAttribute('data-kind')))).toEqual(['http-client', 'logger', 'retry-policy']);
    expect(await page.locator('#inventory h3').allTextContents()).toEqual(['HTTP clients (3)', 'Logger (1)', 'Retry policies (2)']);
    const retry = page.locator('table[data-kind="retry-policy"]');
    expect(await retry.locator('th').allTextContents()).toEqual(['File', 'Line', 'Service', 'Library', 'backoff', 'bound', 'jitter', 'methods']);
    expect(await retry.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
      'services/orders/src/retry.ts',
      '9:5',
      'orders',
      'axios-retry',
      'none',
      'Infinity',
      'false',
      'GET,HEAD,OPTIONS,PUT,DELETE',
    ]);
    expect(await page.locator('table[data-kind="http-client"] tbody tr').last().locator('td').last().textContent()).toBe(XSS_PROPERTY);
  });

  it('filters the findings by text and by severity', async () => {
    const visibleRows = page.locator('#findings-table tbody tr:visible');
    const status = page.locator('#filter-status');
    expect(await status.textContent()).toBe('8 of 8 findings shown');
    await page.fill('#finding-filter', 'ORDERS');
    expect(await visibleRows.count()).toBe(5);
    expect(await status.textContent()).toBe('5 of 8 findings shown');
    await page.selectOption('#severity-filter', 'warning');
    expect(await visibleRows.count()).toBe(1);
    expect(await visibleRows.locator('td').nth(2).textContent()).toBe('service-policy/require-retry-backoff');
    await page.fill('#finding-filter', '');
    expect(await visibleRows.count()).toBe(3);
    await page.fill('#finding-filter', 'no such thing');
    expect(await status.textContent()).toBe('0 of 8 findings shown');
    await page.fill('#finding-filter', '');
    await page.selectOption('#severity-filter', '');
    expect(await visibleRows.count()).toBe(8);
    expect(consoleErrors).toEqual([]);
  });

  it('renders a clean run too', async () => {
    const clean = await browser.newPage();
    const errors: string[] = [];
    clean.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    clean.on('pageerror', (error) => errors.push(error.message));
    await clean.setContent(reporters.html(createCheckResult({ findings: [], problems: [], inventory: [] }), options));
    expect(await clean.locator('#summary').textContent()).toBe('✔ No problems in 14 files');
    expect(await clean.locator('svg.chart').count()).toBe(0);
    expect(await clean.locator('#findings .empty').textContent()).toBe('No findings.');
    expect(errors).toEqual([]);
    await clean.close();
  });
});
