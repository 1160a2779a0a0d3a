import { describe, expect, it } from 'vitest';

import { formatDuration, toMilliseconds } from '../../knowledge/durations.js';
import { DEFAULT_POLICY, PolicyError, resolvePolicy, validatePolicy } from '../../policy/policy.js';

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
    expect(policy.jwt.maxLifetime).toBe('15m');
    expect(policy.logging.requiredFields).toEqual(['traceId', 'service']);
    expect(policy.logging.fieldAliases.service).toEqual(['svc']);
    expect(policy.logging.fieldAliases.traceId).toContain('trace_id');
  });
});

describe('durations', () => {
  it.each([
    [3600, 'seconds', 'milliseconds', 3_600_000],
    ['30d', 'seconds', 'milliseconds', 2_592_000_000],
    ['12h', 'seconds', 'milliseconds', 43_200_000],
    ['1.5 hours', 'seconds', 'milliseconds', 5_400_000],
    ['120', 'seconds', 'milliseconds', 120],
    ['120', 'seconds', 'seconds', 120_000],
    [250, 'milliseconds', 'milliseconds', 250],
  ] as const)('reads %j (numbers in %s, unitless strings in %s) as %d ms', (value, numberUnit, stringUnit, expected) => {
    expect(toMilliseconds(value, numberUnit, stringUnit)).toBe(expected);
  });

  it('returns undefined for what is not a duration', () => {
    expect(toMilliseconds('soon', 'seconds')).toBeUndefined();
    expect(toMilliseconds({}, 'seconds')).toBeUndefined();
    expect(toMilliseconds(Number.NaN, 'seconds')).toBeUndefined();
  });

  it('formats durations for messages', () => {
    expect(formatDuration(2_592_000_000)).toBe('30 d');
    expect(formatDuration(90_000)).toBe('90 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('forever');
  });
});
