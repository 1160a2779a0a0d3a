import { describe, expect, it } from 'vitest';

import { REPORT_FORMATS, reporters } from '../../../checker/reporters/index.js';
import { createCheckResult } from './check-result-fixture.js';

describe('reporters', () => {
  it('registers one reporter per format', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'sarif', 'markdown', 'html']);
    expect(Object.keys(reporters).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(Object.isFrozen(reporters)).toBe(true);
  });

  it.each(['text', 'json', 'sarif', 'markdown', 'html'] as const)('%s writes the same bytes for the same result, ending in a newline', (format) => {
    const first = reporters[format](createCheckResult(), { color: false });
    expect(first.endsWith('\n')).toBe(true);
    expect(reporters[format](createCheckResult(), { color: false })).toBe(first);
  });

  it.each(['json', 'sarif', 'markdown', 'html'] as const)('%s ignores the colour option', (format) => {
    expect(reporters[format](createCheckResult(), { color: true })).toBe(reporters[format](createCheckResult(), { color: false }));
  });
});
