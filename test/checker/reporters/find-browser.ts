/**
 * The Chromium the HTML report's browser test drives: the one an environment variable names, else the
 * first of the usual install paths, else the one Playwright downloaded. Where there is none the test is
 * skipped with a line that says why, unless REQUIRE_BROWSER=1 (CI) makes that a failure.
 */
import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';

export const BROWSER_VARIABLES = ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

export const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export type BrowserSearch =
  | { readonly found: true; readonly executablePath: string; readonly source: string }
  | { readonly found: false; readonly reason: string };

interface SearchPlaces {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly paths: readonly string[];
  readonly exists: (file: string) => boolean;
  /** Where Playwright keeps the browser it downloads (`npx playwright-core install chromium`). */
  readonly playwrightPath: () => string | undefined;
}

const DEFAULT_PLACES: SearchPlaces = {
  env: process.env,
  paths: BROWSER_PATHS,
  exists: existsSync,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
};

export function findBrowser(places: SearchPlaces = DEFAULT_PLACES): BrowserSearch {
  for (const variable of BROWSER_VARIABLES) {
    const value = places.env[variable];
    if (!value) continue;
    // A browser asked for by name and not there is a mistake to report, not a reason to look elsewhere.
    if (!places.exists(value)) return { found: false, reason: `${variable}=${value} does not exist` };
    return { found: true, executablePath: value, source: variable };
  }
  const installed = places.paths.find((file) => places.exists(file));
  if (installed) return { found: true, executablePath: installed, source: installed };
  const downloaded = places.playwrightPath();
  if (downloaded && places.exists(downloaded)) return { found: true, executablePath: downloaded, source: 'playwright' };
  return {
    found: false,
    reason: `no Chromium found: set ${BROWSER_VARIABLES[0]}, or install one (apt-get install chromium, or npx playwright-core install chromium)`,
  };
}

/** CI sets REQUIRE_BROWSER=1: there a missing browser fails the run instead of skipping the test. */
export function isBrowserRequired(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.REQUIRE_BROWSER === '1' || env.REQUIRE_BROWSER === 'true';
}
