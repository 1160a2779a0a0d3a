import { defineConfig } from 'vitest/config';

/**
 * Tests that build the package, spawn the CLI, generate or lint large corpora, load whole TypeScript
 * projects, or drive a browser: the full `npm test` runs them, the inner loop (`npm run test:unit`) does not.
 * Every other test file is a unit test.
 */
export const SLOW_TESTS = [
  'test/cli/policy-check.test.ts',
  'test/bench/generate-corpus.test.ts',
  'test/bench/never-crash.test.ts',
  'test/checker/checks/**/*.test.ts',
  'test/checker/monorepo.test.ts',
  'test/checker/program-reuse.test.ts',
  'test/checker/robustness.test.ts',
  'test/checker/run-rules.test.ts',
  'test/checker/reporters/html.browser.test.ts',
  'test/meta/package-contents.test.ts',
];

export default defineConfig({
  test: {
    setupFiles: ['test/setup-rule-tester.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SLOW_TESTS, isolate: false } },
      // A CLI test spawns the checker several times in a row: give it room on a busy two-core machine.
      { extends: true, test: { name: 'slow', include: SLOW_TESTS, testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
