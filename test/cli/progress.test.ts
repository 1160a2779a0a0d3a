import { describe, expect, it } from 'vitest';

import { createProgressBar, PROGRESS_MIN_FILES } from '../../checker/cli/progress.js';

describe('createProgressBar', () => {
  it('stays silent for projects of up to 300 files', () => {
    const written: string[] = [];
    const bar = createProgressBar({ write: (text) => written.push(text) });
    for (let done = 1; done <= PROGRESS_MIN_FILES; done += 1) bar.update(done, PROGRESS_MIN_FILES);
    bar.finish();
    expect(written).toEqual([]);
  });

  it('redraws one line only when the bar grows, and clears it at the end', () => {
    const written: string[] = [];
    const bar = createProgressBar({ write: (text) => written.push(text) });
    for (let done = 1; done <= 600; done += 1) bar.update(done, 600);
    bar.finish();
    expect(written).toHaveLength(32);
    expect(written[0]).toBe(`\r[${' '.repeat(30)}] 1/600 files`);
    expect(written[30]).toBe(`\r[${'#'.repeat(30)}] 600/600 files`);
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });
});
