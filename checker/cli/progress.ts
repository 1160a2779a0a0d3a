/** A one-line progress bar on a terminal's standard error, for projects large enough to wait for. */
export const PROGRESS_MIN_FILES = 300;

const WIDTH = 30;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar, leaving the terminal as it was. */
  finish(): void;
}

export function createProgressBar(stream: { write(text: string): unknown }): ProgressBar {
  let drawn = -1;
  let visible = false;
  return {
    update(done, total) {
      if (total <= PROGRESS_MIN_FILES) return;
      const filled = Math.floor((done / total) * WIDTH);
      if (filled === drawn && done !== total) return;
      drawn = filled;
      visible = true;
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} files`);
    },
    finish() {
      if (visible) stream.write('\r\u001b[2K');
      visible = false;
    },
  };
}
