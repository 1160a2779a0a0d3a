import { describe, expect, it } from 'vitest';

import { BROWSER_PATHS, findBrowser, isBrowserRequired } from './find-browser.js';

const places = (env: Record<string, string>, existing: readonly string[], playwright?: string) => ({
  env,
  paths: BROWSER_PATHS,
  exists: (file: string) => existing.includes(file),
  playwrightPath: () => playwright,
});

describe('findBrowser', () => {
  it('takes the browser an environment variable names, CHROMIUM_PATH first', () => {
    const env = { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/pw/chrome', CHROMIUM_PATH: '/opt/chromium/chrome' };
    expect(findBrowser(places(env, ['/opt/pw/chrome', '/opt/chromium/chrome', '/usr/bin/chromium']))).toEqual({
      found: true,
      executablePath: '/opt/chromium/chrome',
      source: 'CHROMIUM_PATH',
    });
    expect(findBrowser(places({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/pw/chrome' }, ['/opt/pw/chrome', '/usr/bin/chromium']))).toMatchObject({
      executablePath: '/opt/pw/chrome',
    });
  });

  it('says so when the named browser is not there, rather than quietly taking another', () => {
    expect(findBrowser(places({ CHROMIUM_PATH: '/nowhere/chrome' }, ['/usr/bin/chromium']))).toEqual({ found: false, reason: 'CHROMIUM_PATH=/nowhere/chrome does not exist' });
  });

  it('looks in the usual install paths in order, then for the browser Playwright downloaded', () => {
    expect(findBrowser(places({}, ['/usr/bin/google-chrome', '/usr/bin/chromium-browser']))).toMatchObject({ executablePath: '/usr/bin/chromium-browser' });
    expect(findBrowser(places({}, ['/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome'], '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome'))).toMatchObject({
      executablePath: '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome',
      source: 'playwright',
    });
  });

  it('explains how to get one when there is none', () => {
    const search = findBrowser(places({}, [], '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome'));
    expect(search).toEqual({ found: false, reason: expect.stringMatching(/^no Chromium found: set CHROMIUM_PATH, or install one/) });
  });

  it('requires a browser only when REQUIRE_BROWSER is set', () => {
    expect([isBrowserRequired({}), isBrowserRequired({ REQUIRE_BROWSER: '1' }), isBrowserRequired({ REQUIRE_BROWSER: 'true' }), isBrowserRequired({ REQUIRE_BROWSER: '0' })]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
