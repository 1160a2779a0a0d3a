// Lints this repository: TypeScript, the rule files as ESLint rules, and the one-way layering
// knowledge ← rules ← checker (reporters see only the report model; only cli prints).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const restrict = (...patterns) => ['error', { patterns }];
const group = (group, message) => ({ group, message });
// The checker runs the plugin and reads its inventory: it imports rules/*.ts (the plugin, the rule factory),
// the inventory types (rules/inventory/) and the type-checker helpers shared with the rules (rules/typed/), never a family's internals.
const checkerUsesOfRules = group(['**/rules/*/**', '!**/rules/typed/**', '!**/rules/inventory/**'], 'the checker imports the plugin, rules/create-rule, rules/inventory/ and rules/typed/ only.');

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', 'bench/corpus/**', 'bench/.cache/**', 'coverage/**', 'test/**/fixture-project/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/*.ts'],
    ignores: ['rules/index.ts', 'rules/create-rule.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        group(['**/rules/**', '**/checker/**', '**/policy/**'], 'knowledge/ is pure data: it imports neither rules, policy nor checker.'),
        group(['eslint', '@typescript-eslint/*', 'typescript-eslint', 'ts-morph', 'typescript'], 'knowledge/ imports neither ESLint nor ts-morph.'),
      ),
    },
  },
  {
    files: ['policy/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        group(['**/rules/**', '**/checker/**'], 'policy/ is read by rules and checker; it imports neither.'),
        group(['eslint', '@typescript-eslint/*', 'typescript-eslint', 'ts-morph', 'typescript'], 'policy/ imports neither ESLint nor ts-morph.'),
      ),
    },
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        group(['**/checker/**'], 'rules/ must not depend on the checker.'),
        group(['ts-morph'], 'rules/ work on ESTree and the TypeScript program ESLint hands them, never ts-morph.'),
      ),
    },
  },
  {
    files: ['checker/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(checkerUsesOfRules) },
  },
  {
    files: ['checker/reporters/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        group(['**/core/**', '**/config/**', '**/cli/**', '**/checks/**', '**/rules/**', 'ts-morph', 'eslint'], 'reporters are pure functions of the report model.'),
      ),
    },
  },
  {
    files: ['checker/core/**/*.ts', 'checker/checks/**/*.ts', 'checker/config/**/*.ts', 'checker/report/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(group(['**/cli/**', '**/reporters/**'], 'only the CLI prints and picks reporters.'), checkerUsesOfRules),
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'only the CLI sets the exit code.' },
        { object: 'process', property: 'stdout', message: 'only the CLI writes output.' },
        { object: 'process', property: 'stderr', message: 'only the CLI writes output.' },
      ],
    },
  },
);
