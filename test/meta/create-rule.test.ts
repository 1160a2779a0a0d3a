/**
 * What every rule gets from createRule: suppressions that need a reason, and options from the policy
 * file when eslint.config.js gives none.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import { createRule } from '../../rules/create-rule.js';

const probeRule = createRule<[{ label: string }], 'found'>({
  name: 'probe-rule',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow calls to `probe()`.' },
    messages: { found: 'probe() called ({{label}}).' },
    schema: [{ type: 'object', properties: { label: { type: 'string', description: 'Label.' } }, additionalProperties: false }],
    defaultOptions: [{ label: 'default' }],
  },
  create(context, [{ label }]) {
    return {
      'CallExpression[callee.name="probe"]'(node: import('@typescript-eslint/utils').TSESTree.CallExpression) {
        context.report({ node, messageId: 'found', data: { label } });
      },
    };
  },
});

const projectWithPolicy = mkdtempSync(path.join(os.tmpdir(), 'service-policy-policy-'));
mkdirSync(path.join(projectWithPolicy, 'src'));
writeFileSync(
  path.join(projectWithPolicy, '.policy-checkrc.json'),
  JSON.stringify({ rules: { 'probe-rule': ['error', { label: 'from policy' }] } }),
);
const fileUnderPolicy = path.join(projectWithPolicy, 'src', 'client.ts');

new RuleTester().run('probe-rule', probeRule, {
  valid: [
    { code: '// policy-check-ignore probe-rule -- probing is the point of this module\nprobe();' },
    { code: 'probe(); // policy-check-ignore service-policy/probe-rule -- full rule ids work too' },
    { code: '// policy-check-ignore other-rule, probe-rule -- several rules in one comment\nprobe();' },
  ],
  invalid: [
    {
      code: '// policy-check-ignore probe-rule\nprobe();',
      errors: [{ messageId: 'found', line: 2, column: 1, data: { label: 'default' } }],
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
      errors: [{ messageId: 'found', data: { label: 'from policy' } }],
    },
    {
      code: 'probe();',
      filename: fileUnderPolicy,
      options: [{ label: 'from eslint.config.js' }],
      errors: [{ messageId: 'found', data: { label: 'from eslint.config.js' } }],
    },
  ],
});
