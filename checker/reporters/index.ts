/**
 * The reporters: pure functions from the result model to the whole report, registered by format name.
 * The CLI picks one, writes its string and sets the exit code; nothing here prints.
 */
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { ReportFormat, Reporter } from './types.js';

export type { ReportFormat, Reporter, ReporterOptions } from './types.js';
export { parseJsonReport } from './parse-json-report.js';

export const reporters: Readonly<Record<ReportFormat, Reporter>> = Object.freeze({
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  html: formatHtml,
});

export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(['text', 'json', 'sarif', 'markdown', 'html'] as const);
