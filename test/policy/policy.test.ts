import { describe, expect, it } from 'vitest';

import { DEFAULT_POLICY, NO_POLICY_INPUT, PolicyError, readPolicy, resolvePolicy, validatePolicy } from '../../policy/policy.js';
import { DEFAULT_TEST_PATTERNS, isTestFile } from '../../policy/test-files.js';

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
    [{ tests: true }, 'policy.json: "tests" must be an array of glob patterns, or false to check test code too'],
    [{ tests: ['**/*.test.ts', 3] }, 'policy.json: "tests" must be an array of glob patterns, or false to check test code too'],
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

describe('test scope', () => {
  it('leaves test code out by default, and takes patterns or false from the policy', () => {
    expect(resolvePolicy(undefined).tests).toBe(DEFAULT_TEST_PATTERNS);
    expect(resolvePolicy({ tests: false }).tests).toBe(false);
    expect(resolvePolicy({ tests: ['qa/**'] }).tests).toEqual(['qa/**']);
    expect(validatePolicy({ tests: false }, 'policy.json')).toEqual({ tests: false });
  });

  it.each([
    'src/orders/orders.service.test.ts',
    'src/orders/orders.service.spec.js',
    'src/features/frontend-api/frontend-api.concurrency.e2e.test.ts',
    'test/space.e2e-spec.ts',
    'apps/api/e2e/checkout.ts',
    'test/helpers/server.ts',
    'packages/cart/integration-tests/__tests__/cart.ts',
    'src/__mocks__/ioredis.ts',
    'src/__fixtures__/orders.ts',
    'src/test-utils/create-app.ts',
    'src/payments/stripe.mock.ts',
    'jest.config.ts',
    'packages/core/setupTests.js',
  ])('names %s as test code', (file) => {
    expect(isTestFile(DEFAULT_TEST_PATTERNS, file)).toBe(true);
  });

  it.each([
    // production code whose names only look like tests
    'src/lib/openapi/spec/feature-schema.ts',
    'src/features/ab-testing/experiment.service.ts',
    'src/testing/variant-assignment.ts',
    'src/contest/leaderboard.ts',
    'src/latest-version.ts',
    'src/fixtures/seed-plans.ts',
    'src/attestation.ts',
  ])('keeps %s in scope', (file) => {
    expect(isTestFile(DEFAULT_TEST_PATTERNS, file)).toBe(false);
  });

  it('checks everything with false or an empty list', () => {
    expect(isTestFile(false, 'src/orders.test.ts')).toBe(false);
    expect(isTestFile([], 'src/orders.test.ts')).toBe(false);
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
