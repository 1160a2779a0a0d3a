/**
 * What every rule gets from createRule: suppressions that need a reason, its options by one precedence
 * (eslint.config.js > the policy file's `rules` entry > the policy's sections > `meta.defaultOptions`), and
 * test code left out by the policy's `tests` patterns.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../rules/create-rule.js';

const probeRule = createRule<[{ label?: string; headers?: string[] }], 'found'>({
  name: 'probe-rule',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow calls to `probe()`.' },
    messages: { found: 'probe() called ({{label}}; {{headers}}).' },
    schema: [
      {
        type: 'object',
        properties: { label: { type: 'string', description: 'Label.' }, headers: { type: 'array', items: { type: 'string' }, description: 'Headers.' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ label: 'default' }],
  },
  optionsFromPolicy: (policy) => [{ headers: [...policy.idempotency.headers] }],
  create(context, [{ label, headers }]) {
    return {
      'CallExpression[callee.name="probe"]'(node: import('@typescript-eslint/utils').TSESTree.CallExpression) {
        context.report({ node, messageId: 'found', data: { label, headers: headers?.join(',') } });
      },
    };
  },
});

function fileUnder(policy: object): string {
  const project = mkdtempSync(path.join(os.tmpdir(), 'service-policy-policy-'));
  mkdirSync(path.join(project, 'src'));
  writeFileSync(path.join(project, '.policy-checkrc.json'), JSON.stringify(policy));
  return path.join(project, 'src', 'client.ts');
}

const fileUnderPolicy = fileUnder({ rules: { 'probe-rule': ['error', { label: 'from policy' }] } });
const fileUnderSections = fileUnder({ idempotency: { headers: ['X-Section-Key'] } });
const fileUnderBoth = fileUnder({ rules: { 'service-policy/probe-rule': ['warn', { headers: ['X-Entry-Key'] }] }, idempotency: { headers: ['X-Section-Key'] } });
const DEFAULT_HEADERS = 'Idempotency-Key,X-Idempotency-Key';

const projectWithTests = mkdtempSync(path.join(os.tmpdir(), 'service-policy-tests-'));
writeFileSync(path.join(projectWithTests, '.policy-checkrc.json'), JSON.stringify({ tests: ['qa/**'] }));
const projectCheckingTests = mkdtempSync(path.join(os.tmpdir(), 'service-policy-tests-'));
writeFileSync(path.join(projectCheckingTests, '.policy-checkrc.json'), JSON.stringify({ tests: false }));
/** A project whose own folder is called `test`: patterns match from the policy file's folder, not above it. */
const projectInTestFolder = path.join(mkdtempSync(path.join(os.tmpdir(), 'service-policy-tests-')), 'test');
mkdirSync(projectInTestFolder);
writeFileSync(path.join(projectInTestFolder, 'package.json'), JSON.stringify({ name: 'orders', 'policy-check': {} }));

new RuleTester().run('probe-rule', probeRule, {
  valid: [
    { code: '// policy-check-ignore probe-rule -- probing is the point of this module\nprobe();' },
    { code: 'probe(); // policy-check-ignore service-policy/probe-rule -- full rule ids work too' },
    { code: '// policy-check-ignore other-rule, probe-rule -- several rules in one comment\nprobe();' },
    // Test code is out of scope by default: the rule does not run on it.
    { code: 'probe();', filename: 'src/orders.service.test.ts' },
    { code: 'probe();', filename: 'test/helpers/start-server.ts' },
    { code: 'probe();', filename: path.join(path.dirname(fileUnderPolicy), '__mocks__', 'ledger.ts') },
    // The policy's own patterns replace the defaults.
    { code: 'probe();', filename: path.join(projectWithTests, 'qa', 'smoke.ts') },
    // policy-check hands its policy over in the settings.
    { code: 'probe();', filename: 'e2e/checkout.ts', settings: { 'service-policy': { policy: { tests: ['e2e/**'] } } } },
  ],
  invalid: [
    {
      code: '// policy-check-ignore probe-rule\nprobe();',
      errors: [{ messageId: 'found', line: 2, column: 1, data: { label: 'default', headers: DEFAULT_HEADERS } }],
    },
    {
      code: '// policy-check-ignore other-rule -- not this rule\nprobe();',
      errors: [{ messageId: 'found', line: 2 }],
    },
    {
      code: '// policy-check-ignore probe-rule -- too far above\n\nprobe();',
      errors: [{ messageId: 'found', line: 3 }],
    },
    {
      code: 'probe();',
      filename: fileUnderPolicy,
      errors: [{ messageId: 'found', data: { label: 'from policy', headers: DEFAULT_HEADERS } }],
    },
    {
      // Patterns replaced by the policy: a spec file is in scope again.
      code: 'probe();',
      filename: path.join(projectWithTests, 'src', 'orders.spec.ts'),
      errors: [{ messageId: 'found' }],
    },
    {
      code: 'probe();',
      filename: path.join(projectCheckingTests, 'src', 'orders.test.ts'),
      errors: [{ messageId: 'found' }],
    },
    {
      code: 'probe();',
      filename: path.join(projectInTestFolder, 'src', 'orders.ts'),
      errors: [{ messageId: 'found' }],
    },
    {
      code: 'probe();',
      filename: 'test/helpers/start-server.ts',
      settings: { 'service-policy': { policy: { tests: false } } },
      errors: [{ messageId: 'found' }],
    },
    {
      code: 'probe();',
      filename: fileUnderPolicy,
      options: [{ label: 'from eslint.config.js' }],
      errors: [{ messageId: 'found', data: { label: 'from eslint.config.js', headers: DEFAULT_HEADERS } }],
    },
    {
      code: 'probe();',
      filename: fileUnderSections,
      errors: [{ messageId: 'found', data: { label: 'default', headers: 'X-Section-Key' } }],
    },
    {
      code: 'probe();',
      filename: fileUnderBoth,
      errors: [{ messageId: 'found', data: { label: 'default', headers: 'X-Entry-Key' } }],
    },
    {
      code: 'probe();',
      filename: fileUnderBoth,
      options: [{ headers: ['X-Config-Key'] }],
      errors: [{ messageId: 'found', data: { label: 'default', headers: 'X-Config-Key' } }],
    },
    {
      code: 'probe();',
      filename: fileUnderBoth,
      options: [{ label: 'from eslint.config.js' }],
      errors: [{ messageId: 'found', data: { label: 'from eslint.config.js', headers: 'X-Entry-Key' } }],
    },
    {
      code: 'probe();',
      settings: { 'service-policy': { policy: { idempotency: { headers: ['X-Settings-Key'] } } } },
      errors: [{ messageId: 'found', data: { label: 'default', headers: 'X-Settings-Key' } }],
    },
  ],
});

describe('a file linted again, as an editor does on each change', () => {
  const plugin = { rules: { 'probe-rule': probeRule } } as unknown as ESLint.Plugin;
  const lint = (code: string, options: unknown[] = []): string[] =>
    new Linter({ configType: 'flat', cwd: path.dirname(path.dirname(fileUnderSections)) })
      .verify(code, [{ files: ['**/*.ts'], plugins: { 'service-policy': plugin }, rules: { 'service-policy/probe-rule': ['error', ...options] } as Linter.RulesRecord }], { filename: fileUnderSections })
      .map((message) => message.message);

  it('honours a suppression added since the last lint of the same file', () => {
    const reported = ['probe() called (default; X-Section-Key).'];
    expect(lint('probe();')).toEqual(reported);
    expect(lint('// policy-check-ignore probe-rule -- checked by hand\nprobe();')).toEqual([]);
    expect(lint('probe();')).toEqual(reported);
  });

  it('takes options changed between two lints of the same file', () => {
    expect(lint('probe();', [{ label: 'first' }])).toEqual(['probe() called (first; X-Section-Key).']);
    expect(lint('probe();', [{ label: 'second' }])).toEqual(['probe() called (second; X-Section-Key).']);
    expect(lint('probe();')).toEqual(['probe() called (default; X-Section-Key).']);
  });
});
