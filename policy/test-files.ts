/**
 * Test code is out of scope by default: a test that calls a local server with no timeout, or retries a
 * fixture in a loop, is not a production incident. These patterns name test code in general (test and spec
 * files, test folders, mocks, fixtures and test helpers, test-runner setup), not one project's layout. The
 * policy's `tests` key replaces them, or turns them off with `false`; the ESLint rules and policy-check read
 * the same key.
 */
import picomatch from 'picomatch';

export const DEFAULT_TEST_PATTERNS: readonly string[] = [
  // `orders.test.ts`, `orders.spec.ts`, `orders.e2e.ts`, `orders.e2e.test.ts`, NestJS's `app.e2e-spec.ts`
  '**/*.{test,spec,e2e,e2e-spec}.*',
  // test suites and their helpers, by folder
  '**/{test,tests,__tests__,e2e,integration-tests,__mocks__,__fixtures__,test-utils,test-helpers}/**',
  // hand-written mocks beside the code they replace
  '**/*.{mock,mocks}.*',
  // test-runner configuration and setup
  '**/{jest,vitest,playwright,cypress}.config.*',
  '**/{jest,vitest}.setup.*',
  '**/{setupTests,setup-tests,test-setup,setup-test}.*',
];

export type TestScope = readonly string[] | false;

const matchers = new WeakMap<readonly string[], (relativePath: string) => boolean>();

/**
 * Whether a path (relative POSIX path from the project root) is test code under `tests`; never with
 * `false`. Matchers are compiled once per pattern list.
 */
export function isTestFile(tests: TestScope, relativePath: string): boolean {
  if (tests === false || tests.length === 0) return false;
  let matcher = matchers.get(tests);
  if (!matcher) {
    // One regular expression for the whole list: asked once per linted file, it is cheaper than a matcher per pattern.
    const combined = new RegExp(tests.map((pattern) => `(?:${picomatch.makeRe(pattern, { dot: true }).source})`).join('|'));
    matcher = (candidate) => combined.test(candidate);
    matchers.set(tests, matcher);
  }
  return matcher(relativePath);
}
