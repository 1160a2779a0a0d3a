/**
 * The precedence of a rule's options: eslint.config.js > the policy file's `rules` entry > the policy's
 * sections > `meta.defaultOptions`, decided one option at a time. `configured` is what ESLint hands the
 * rule: the eslint.config.js options already merged over the defaults.
 */
import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY, resolvePolicy } from '../../policy/policy.js';
import { getPolicyRuleOptions, resolveRuleOptions } from '../../policy/rule-options.js';

/** A rule with a policy-fed option (`headers`, no default of its own) and an ordinary one (`allowDefault`). */
const defaults = [{ allowDefault: true }];
const sections = [{ headers: ['Idempotency-Key'] }];
const merged = (given: Record<string, unknown>): unknown[] => [{ ...defaults[0], ...given }];

describe('resolveRuleOptions', () => {
  it.each([
    // eslint.config.js        policy `rules` entry                    expected
    [{}, undefined, { allowDefault: true, headers: ['Idempotency-Key'] }],
    [{}, [{ headers: ['X-Request-Key'] }], { allowDefault: true, headers: ['X-Request-Key'] }],
    [{ headers: ['X-Config-Key'] }, [{ headers: ['X-Request-Key'] }], { allowDefault: true, headers: ['X-Config-Key'] }],
    [{}, [{ allowDefault: false }], { allowDefault: false, headers: ['Idempotency-Key'] }],
    [{ allowDefault: false }, [{ allowDefault: true }], { allowDefault: false, headers: ['Idempotency-Key'] }],
    [{ allowDefault: false }, [{ headers: ['X-Request-Key'] }], { allowDefault: false, headers: ['X-Request-Key'] }],
    [{ headers: ['X-Config-Key'] }, [{ allowDefault: false }], { allowDefault: false, headers: ['X-Config-Key'] }],
  ] as const)('eslint.config.js %j, policy entry %j → %j', (given, policyEntry, expected) => {
    expect(resolveRuleOptions({ defaults, configured: merged(given), policyEntry, sections })).toEqual([expected]);
  });

  it('falls back to the defaults, and to nothing for an option with no default and no section', () => {
    expect(resolveRuleOptions({ defaults, configured: merged({}), policyEntry: undefined, sections: undefined })).toEqual([{ allowDefault: true }]);
    expect(resolveRuleOptions({ defaults: [{}], configured: [{}], policyEntry: undefined, sections: undefined })).toEqual([{}]);
  });

  it('lets the policy file win where eslint.config.js restates a default, which ESLint does not let a rule tell apart', () => {
    expect(resolveRuleOptions({ defaults, configured: merged({ allowDefault: true }), policyEntry: [{ allowDefault: false }], sections })).toEqual([
      { allowDefault: false, headers: ['Idempotency-Key'] },
    ]);
  });

  it('takes an option whose value is an array or an object whole from one layer', () => {
    const nested = [{ limits: { retries: 3, delay: 100 } }];
    expect(resolveRuleOptions({ defaults: nested, configured: nested, policyEntry: [{ limits: { retries: 5 } }], sections: undefined })).toEqual([{ limits: { retries: 5 } }]);
    expect(resolveRuleOptions({ defaults, configured: merged({}), policyEntry: [{ headers: [] }], sections })).toEqual([{ allowDefault: true, headers: [] }]);
  });

  it('compares options that are not objects as a whole', () => {
    expect(resolveRuleOptions({ defaults: ['always'], configured: ['always'], policyEntry: ['never'], sections: undefined })).toEqual(['never']);
    expect(resolveRuleOptions({ defaults: ['always'], configured: ['sometimes'], policyEntry: ['never'], sections: undefined })).toEqual(['sometimes']);
    expect(resolveRuleOptions({ defaults: [], configured: [], policyEntry: undefined, sections: undefined })).toEqual([]);
  });
});

describe('getPolicyRuleOptions', () => {
  it('reads the options of a rules entry by short or full id, and none from a bare severity', () => {
    const policy = resolvePolicy({
      rules: { 'require-idempotency-key': ['warn', { headers: ['X-Key'] }], 'service-policy/require-http-timeout': [1, { allowDefaultTimeout: false }], 'no-unbounded-retry': 'error' },
    });
    expect(getPolicyRuleOptions(policy, 'require-idempotency-key')).toEqual([{ headers: ['X-Key'] }]);
    expect(getPolicyRuleOptions(policy, 'require-http-timeout')).toEqual([{ allowDefaultTimeout: false }]);
    expect(getPolicyRuleOptions(policy, 'no-unbounded-retry')).toBeUndefined();
    expect(getPolicyRuleOptions(DEFAULT_POLICY, 'no-unbounded-retry')).toBeUndefined();
  });
});
