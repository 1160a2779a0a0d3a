/**
 * RuleTesters for rule tests: untyped with the typescript-eslint parser (the default ESLint setup for TS),
 * untyped with espree (plain JavaScript projects), and typed, with a real program whose files can import
 * the real libraries from node_modules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester, type TestLanguageOptions } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

export const FIXTURE_PROJECT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture-project');

/** typescript-eslint parser, no type information. */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

/** espree, as ESLint parses plain JavaScript by default. */
export function createEspreeRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parser: espree as never,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
  });
}

/** typescript-eslint parser with the type checker (projectService over test/rules/fixture-project). */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: FIXTURE_PROJECT,
      },
    },
  });
}

/** Where typed test cases live, so imports of real packages resolve. */
export const TYPED_FILENAME = path.join(FIXTURE_PROJECT, 'file.ts');

/**
 * ESLint's `languageOptions.sourceType: 'commonjs'` (function scope for the module, `require` and
 * `module` in scope). The tester passes it through to ESLint, though its type does not list it.
 */
export const COMMONJS = { sourceType: 'commonjs' } as unknown as TestLanguageOptions;
