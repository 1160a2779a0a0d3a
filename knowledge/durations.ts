/**
 * Duration parsing shared by every option that takes a time: numbers in a given unit and vercel/ms style
 * strings ('30d', '12h', '1.5 hours'). A unitless string is read in `unitlessStringUnit`, which is how
 * jsonwebtoken reads it (milliseconds, through vercel/ms).
 */

const MILLISECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 1, msec: 1, msecs: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  y: 31_557_600_000, yr: 31_557_600_000, yrs: 31_557_600_000, year: 31_557_600_000, years: 31_557_600_000,
};

const DURATION_PATTERN = /^(-?(?:\d+)?\.?\d+)\s*([a-z]+)?$/i;

export type DurationUnit = 'milliseconds' | 'seconds';

/**
 * Converts a duration to milliseconds, or returns undefined when it cannot be read.
 * Numbers are in `numberUnit`; strings without a unit are in `unitlessStringUnit`.
 */
export function toMilliseconds(
  value: unknown,
  numberUnit: DurationUnit,
  unitlessStringUnit: DurationUnit = 'milliseconds',
): number | undefined {
  if (typeof value === 'number') {
    return Number.isNaN(value) ? undefined : value * (numberUnit === 'seconds' ? 1000 : 1);
  }
  if (typeof value !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const amount = Number.parseFloat(match[1]!);
  const unit = match[2]?.toLowerCase();
  if (unit === undefined) return amount * (unitlessStringUnit === 'seconds' ? 1000 : 1);
  const factor = MILLISECONDS_PER_UNIT[unit];
  return factor === undefined ? undefined : amount * factor;
}

/** Renders milliseconds the way a person reads them: '250 ms', '30 s', '12 h', '30 d'. */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return 'forever';
  const steps: Array<[number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, label] of steps) {
    if (milliseconds >= size && milliseconds % size === 0) return `${milliseconds / size} ${label}`;
  }
  if (milliseconds >= 1000) return `${milliseconds / 1000} s`;
  return `${milliseconds} ms`;
}
