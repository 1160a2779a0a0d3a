/// <reference lib="dom" />
/**
 * The HTML report in a real Chromium (see find-browser.ts for which one), on a realistic report (two
 * fixture projects, with the code around every finding) at a phone width and a desktop width: text is
 * never under 12 px, boxes do not overlap, the page never scrolls sideways, paths wrap only after a `/`,
 * the filters hide what does not match and the inventory tables sort. A report full of hostile text runs
 * none of it. Without a browser the tests are skipped with a line that says why, unless REQUIRE_BROWSER=1.
 *
 * `npm run report:screenshot` (UPDATE_SCREENSHOTS=1) also writes docs/report-desktop.png and
 * docs/report-phone.png from this page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reporters } from '../../../checker/reporters/index.js';
import { createCheckResult, XSS_MESSAGE, XSS_PROBLEM, XSS_PROPERTY } from './check-result-fixture.js';
import { findBrowser, isBrowserRequired } from './find-browser.js';
import { createRealisticReport } from './realistic-report.js';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');
const browserSearch = findBrowser();
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WIDTHS = [
  { name: 'phone', width: 375, height: 800, scale: 2 },
  { name: 'desktop', width: 1280, height: 900, scale: 1 },
] as const;
/** What the screenshots show: the top of the page, summary and first findings. */
const SCREENSHOT_HEIGHT = { phone: 1500, desktop: 1500 } as const;

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
  let directory: string;
  let realisticUrl: string;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'policy-check-html-'));
    const { result, readLines } = await createRealisticReport();
    const file = path.join(directory, 'report.html');
    writeFileSync(file, reporters.html(result, { color: false, readLines }));
    realisticUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: browserSearch.found ? browserSearch.executablePath : undefined, args: LAUNCH_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  describe.each(WIDTHS)('at $width px ($name)', ({ name, width, height, scale }) => {
    let page: Page;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
      page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(realisticUrl);
    });

    afterAll(() => page?.close());

    it('renders the realistic report without console errors and without loading anything', async () => {
      expect(await page.title()).toBe('policy-check report');
      expect(errors).toEqual([]);
      expect(requests).toEqual([realisticUrl]);
      expect(await page.locator('.finding').count()).toBe(23);
      expect(await page.locator('#fix-once .group').count()).toBe(2);
      expect(await page.locator('.finding .source .line.marked').count()).toBeGreaterThan(10);
    });

    it('writes no text smaller than 12 px: body text, chart labels, tables, code', async () => {
      const sizes = await page.evaluate(() => {
        const found: Array<{ text: string; size: number }> = [];
        for (const element of document.querySelectorAll('body *')) {
          const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent!.trim()).join('');
          if (!ownText || !element.checkVisibility()) continue;
          found.push({ text: `${element.tagName.toLowerCase()}.${element.className}: ${ownText.slice(0, 30)}`, size: Number.parseFloat(getComputedStyle(element).fontSize) });
        }
        return found;
      });
      expect(sizes.length).toBeGreaterThan(200);
      expect(sizes.filter((entry) => entry.size < 12)).toEqual([]);
      for (const selector of ['.message', '.bar-label', '.bar-count', 'figcaption', 'td', 'th button', '.line', '.badge']) {
        const size = await page.locator(selector).first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
        expect(size, selector).toBeGreaterThanOrEqual(12);
      }
    });

    it('does not scroll sideways and keeps every box inside the page', async () => {
      const overflow = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        outside: [...document.querySelectorAll('main, .card, .chart, .first, .filters, .file, .group, .table-wrap')]
          .filter((element) => element.checkVisibility())
          .map((element) => element.getBoundingClientRect())
          .filter((rect) => rect.width > 0 && (rect.left < -0.5 || rect.right > document.documentElement.clientWidth + 0.5)).length,
      }));
      expect(overflow.scroll).toBe(width);
      expect(overflow.client).toBe(width);
      expect(overflow.outside).toBe(0);
    });

    it('lays out summary cards, charts, bars and finding cards without overlaps', async () => {
      const overlaps = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll('.card, .first, .chart, .bar-label, .bar, .bar-count, .filters, .group, .file, .finding, .file-head')]
          .filter((element) => element.checkVisibility())
          .map((element) => ({ element, rect: element.getBoundingClientRect() }))
          .filter(({ rect }) => rect.width > 0 && rect.height > 0);
        const found: string[] = [];
        for (const [index, left] of boxes.entries()) {
          for (const right of boxes.slice(index + 1)) {
            if (left.element.contains(right.element) || right.element.contains(left.element)) continue;
            const x = Math.min(left.rect.right, right.rect.right) - Math.max(left.rect.left, right.rect.left);
            const y = Math.min(left.rect.bottom, right.rect.bottom) - Math.max(left.rect.top, right.rect.top);
            if (x > 0.5 && y > 0.5) found.push(`${left.element.className} × ${right.element.className}`);
          }
        }
        return { count: boxes.length, found };
      });
      expect(overlaps.count).toBeGreaterThan(60);
      expect(overlaps.found).toEqual([]);
    });

    it('breaks paths only after a `/`, never inside a name', async () => {
      const breaks = await page.evaluate(() => {
        const before: string[] = [];
        for (const element of document.querySelectorAll('.path')) {
          if (!element.checkVisibility()) continue;
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          let previous: { character: string; top: number } | undefined;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let offset = 0; offset < node.textContent!.length; offset += 1) {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + 1);
              const top = range.getBoundingClientRect().top;
              if (previous && top > previous.top + 2) before.push(`${previous.character}|${node.textContent!.slice(offset)}`);
              previous = { character: node.textContent![offset]!, top };
            }
          }
        }
        return before;
      });
      expect(breaks.filter((entry) => !entry.startsWith('/|'))).toEqual([]);
      // At a phone width long paths do wrap, so the check above has breaks to look at.
      if (name === 'phone') expect(breaks.length).toBeGreaterThan(0);
    });

    it('filters by severity, rule, service and text, hiding what does not match', async () => {
      const visible = page.locator('.finding:visible');
      const status = page.locator('#filter-status');
      expect(await status.textContent()).toBe('23 of 23 findings shown');
      await page.selectOption('#rule-filter', 'service-policy/require-log-fields');
      expect(await page.locator('.finding:not([hidden])').count()).toBe(8);
      expect(await page.locator('.finding:not([hidden])').evaluateAll((found) => found.every((finding) => (finding as HTMLElement).dataset.rule === 'service-policy/require-log-fields'))).toBe(true);
      expect(await page.locator('section.service:not([hidden])').evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.service))).toEqual(['checkout-service']);
      await page.selectOption('#rule-filter', '');
      await page.selectOption('#service-filter', 'billing');
      expect(await status.textContent()).toBe('7 of 23 findings shown');
      await page.selectOption('#severity-filter', 'warning');
      expect(await visible.count()).toBe(2);
      expect(await page.locator('#fix-once').locator('.group:visible').count()).toBe(0);
      await page.selectOption('#severity-filter', '');
      await page.selectOption('#service-filter', '');
      // The text filter runs once typing pauses.
      await page.fill('#text-filter', 'EXHAUSTS ITS SOCKETS');
      await expect.poll(() => status.textContent()).toBe('1 of 23 findings shown');
      expect(await visible.count()).toBe(1);
      expect(await visible.first().locator('.rule').textContent()).toBe('no-unbounded-retry');
      await page.fill('#text-filter', 'no such thing');
      await expect.poll(() => status.textContent()).toBe('0 of 23 findings shown');
      expect(await page.locator('.file:visible').count()).toBe(0);
      await page.fill('#text-filter', '');
      await expect.poll(() => status.textContent()).toBe('23 of 23 findings shown');
      expect(errors).toEqual([]);
    });

    it('sorts an inventory table by the column clicked, both ways', async () => {
      const table = page.locator('table[data-kind="outbound-client"]');
      const column = async (index: number): Promise<string[]> => table.locator(`tbody tr td:nth-child(${index})`).allTextContents();
      const services = await column(2);
      expect(new Set(services).size).toBeGreaterThan(2);
      await table.locator('th button', { hasText: 'Service' }).click();
      expect(await column(2)).toEqual([...services].sort((left, right) => left.localeCompare(right, 'en', { sensitivity: 'base' })));
      expect(await table.locator('th').nth(1).getAttribute('aria-sort')).toBe('ascending');
      await table.locator('th button', { hasText: 'Service' }).click();
      expect(await column(2)).toEqual([...services].sort((left, right) => left.localeCompare(right, 'en', { sensitivity: 'base' })).reverse());
      await table.locator('th button', { hasText: 'propagates trace context' }).click();
      const propagates = await column(4);
      expect(propagates.indexOf('yes')).toBeGreaterThan(propagates.lastIndexOf('no'));
      expect(await table.locator('th').nth(1).getAttribute('aria-sort')).toBeNull();
    });

    it('takes a screenshot of the page', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const screenshot = await page.screenshot({ clip: { x: 0, y: 0, width, height: SCREENSHOT_HEIGHT[name] }, fullPage: true });
      expect(screenshot.subarray(1, 4).toString()).toBe('PNG');
      if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(path.join(DOCS, `report-${name}.png`), screenshot);
      else expect(readFileSync(path.join(DOCS, `report-${name}.png`)).subarray(1, 4).toString()).toBe('PNG');
    });
  });

  it('prints in light colours without the filters and with every collapsed list open', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await page.goto(realisticUrl);
    expect(await page.locator('body').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(1, 4, 9)');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').evaluate((element) => getComputedStyle(element).display)).toBe('none');
    expect(await page.locator('body').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('.badge.error').first().evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 235, 233)');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details:not([open])').count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details:not([open])').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('runs none of the hostile text in a report and shows it as text', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(reporters.html(createCheckResult(), { color: false }));
    expect(await page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('.finding .message').allTextContents()).toContain(XSS_MESSAGE);
    expect(await page.locator('#problems-table tbody td').allTextContents()).toEqual(['services/payments/src/broken.ts', XSS_PROBLEM]);
    expect(await page.locator('table[data-kind="http-client"] tbody td').allTextContents()).toContain(XSS_PROPERTY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a clean run too', async () => {
    const clean = await browser.newPage();
    const errors: string[] = [];
    clean.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    clean.on('pageerror', (error) => errors.push(error.message));
    await clean.setContent(reporters.html(createCheckResult({ findings: [], problems: [], inventory: [] }), { color: false }));
    expect(await clean.locator('#summary').textContent()).toBe('✔ No problems in 14 files');
    expect(await clean.locator('.chart').count()).toBe(0);
    expect(await clean.locator('#findings .muted').textContent()).toBe('No findings.');
    expect(errors).toEqual([]);
    await clean.close();
  });
});
