import type { CheckResult } from '../report/model.js';
import type { LineReader } from './source-excerpt.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'html';

export interface ReporterOptions {
  /** Write ANSI colours (text only; the CLI decides from the terminal, `NO_COLOR` and CI). */
  readonly color: boolean;
  /**
   * The lines of a reported file, for the code shown around each finding (html); the report leaves the
   * code out where it is absent or gives undefined.
   */
  readonly readLines?: LineReader;
}

/** A pure function from the result model to the whole report, deterministic to the byte. */
export type Reporter = (result: CheckResult, options: ReporterOptions) => string;
