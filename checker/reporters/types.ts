import type { CheckResult } from '../report/model.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'html';

export interface ReporterOptions {
  /** Write ANSI colours (text only; the CLI decides from the terminal, `NO_COLOR` and CI). */
  readonly color: boolean;
}

/** A pure function from the result model to the whole report, deterministic to the byte. */
export type Reporter = (result: CheckResult, options: ReporterOptions) => string;
