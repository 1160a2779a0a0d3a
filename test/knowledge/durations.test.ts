import { describe, expect, it } from 'vitest';

import { formatDuration, toMilliseconds } from '../../knowledge/durations.js';

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
