import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY, NO_POLICY_INPUT, PolicyError, readPolicy, resolvePolicy, validatePolicy } from '../../policy/policy.js';

describe('validatePolicy', () => {
  it('accepts the documented shape', () => {
    const input = {
      rules: { 'no-cache-stampede': 'warn', 'require-log-fields': ['error', { requiredFields: ['traceId'] }] },
      jwt: { maxLifetime: '1h' },
      logging: { requiredFields: ['traceId', 'service'], fieldAliases: { traceId: ['trace_id'] } },
      tracing: { headers: ['traceparent'] },
      ordering: { topics: ['customer-updated', '*.ordered'], queues: ['*.ordered'] },
      idempotency: { headers: ['Idempotency-Key'] },
      include: ['src/**'],
      ignore: ['**/*.test.ts'],
    };
    expect(validatePolicy(input, 'policy.json')).toBe(input);
  });

  it.each([
    [{ jwt: { maxLifetime: true } }, 'policy.json: "jwt.maxLifetime" must be a duration'],
    [{ jwt: { maxLifetime: 'soon' } }, 'policy.json: "jwt.maxLifetime" must be a duration such as "1h", "30m" or a number of seconds'],
    [{ jwt: { maxLifetime: '5 fortnights' } }, 'policy.json: "jwt.maxLifetime" must be a duration such as "1h", "30m" or a number of seconds'],
    [{ libraries: { retryWrappers: [{ package: '@acme/retry', name: 'withRetry' }] } }, 'policy.json: "libraries.retryWrappers" is not a known key'],
    [{ logging: { requiredFields: 'traceId' } }, 'policy.json: "logging.requiredFields" must be array'],
    [{ tracing: { header: ['traceparent'] } }, 'policy.json: "tracing.header" is not a known key'],
    [{ colour: 'blue' }, 'policy.json: "colour" is not a known key'],
    [{ rules: { 'no-unbounded-retry': 'loud' } }, 'policy.json: "rules.no-unbounded-retry" must be "off", "warn", "error"'],
  ])('names the file, the key and what was expected for %j', (input, message) => {
    expect(() => validatePolicy(input, 'policy.json')).toThrow(PolicyError);
    expect(() => validatePolicy(input, 'policy.json')).toThrow(message);
  });
});

describe('resolvePolicy', () => {
  it('gives the defaults for a missing file', () => {
    expect(resolvePolicy(undefined)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.idempotency.headers).toEqual(['Idempotency-Key', 'X-Idempotency-Key']);
    expect(DEFAULT_POLICY.logging.requiredFields).toEqual(['traceId', 'service']);
  });

  it('merges a partial file over the defaults, one level deep', () => {
    const policy = resolvePolicy({ jwt: { maxLifetime: '15m' }, logging: { fieldAliases: { service: ['svc'] } } });
    expect(policy.jwt).toEqual({ maxLifetime: '15m', maxLifetimeMilliseconds: 900_000 });
    expect(policy.logging.requiredFields).toEqual(['traceId', 'service']);
    expect(policy.logging.fieldAliases.service).toEqual(['svc']);
    expect(policy.logging.fieldAliases.traceId).toContain('trace_id');
  });
});

describe('jwt.maxLifetime', () => {
  it.each([
    ['1h', 3_600_000],
    ['30 m', 1_800_000],
    ['7d', 604_800_000],
    [900, 900_000],
    ['900', 900_000],
  ] as const)('reads %j as %d ms (numbers and unitless strings are seconds)', (maxLifetime, milliseconds) => {
    expect(resolvePolicy(validatePolicy({ jwt: { maxLifetime } }, 'policy.json')).jwt.maxLifetimeMilliseconds).toBe(milliseconds);
  });

  it('defaults to one hour', () => {
    expect(DEFAULT_POLICY.jwt).toEqual({ maxLifetime: '1h', maxLifetimeMilliseconds: 3_600_000 });
  });
});

describe('readPolicy', () => {
  it('validates and resolves one object once: the checker and the rules it runs share the policy', () => {
    const input = { idempotency: { headers: ['Idempotency-Token'] } };
    const first = readPolicy(input, 'policy.json');
    expect(first.idempotency.headers).toEqual(['Idempotency-Token']);
    expect(readPolicy(input, 'policy.json')).toBe(first);
    expect(readPolicy({ ...input }, 'policy.json')).not.toBe(first);
  });

  it('reads the empty input as the defaults, and throws on an invalid object every time it is read', () => {
    expect(readPolicy(NO_POLICY_INPUT, 'policy')).toBe(DEFAULT_POLICY);
    const invalid = { colour: 'blue' };
    expect(() => readPolicy(invalid, 'policy.json')).toThrow('policy.json: "colour" is not a known key');
    expect(() => readPolicy(invalid, 'policy.json')).toThrow(PolicyError);
  });
});
