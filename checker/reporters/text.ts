import { groupByFixLocation, type CheckResult, type Finding } from '../report/model.js';
import { normalizeResult } from './normalize-result.js';
import { countFindings, describeExcluded, describeFindings, describeInventory, groupBy, pluralize, toSingleLine } from './summary.js';
import type { ReporterOptions } from './types.js';

type Paint = (text: string) => string;

interface Palette {
  readonly file: Paint;
  readonly position: Paint;
  readonly error: Paint;
  readonly warning: Paint;
  readonly ruleId: Paint;
  readonly heading: Paint;
  readonly failure: Paint;
  readonly caution: Paint;
  readonly success: Paint;
}

/** ANSI SGR codes: [open, close]. */
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
} as const;

/**
 * The terminal report: findings grouped by file in aligned columns, where the fix of findings on a shared
 * logger belongs, the files that could not be checked, notes on how the project was loaded, a summary line,
 * the files left out by reason and the inventory counts.
 */
export function formatText(input: CheckResult, options: ReporterOptions): string {
  const result = normalizeResult(input);
  const palette = createPalette(options.color);
  const lines: string[] = [];
  for (const [file, findings] of groupBy(result.findings, (finding) => finding.file)) {
    lines.push(palette.file(toSingleLine(file)), ...formatRows(findings, palette), '');
  }
  const groups = groupByFixLocation(result.findings);
  if (groups.length > 0) {
    lines.push(palette.heading('Fix once, where it is made:'));
    for (const group of groups) {
      const where = `${group.fixLocation.file}:${group.fixLocation.line}`;
      lines.push(`  ${palette.file(toSingleLine(where))}  ${toSingleLine(group.fixLocation.label)}: ${pluralize(group.findings.length, 'finding')} in ${pluralize(group.fileCount, 'file')}  ${palette.ruleId(group.ruleId)}`);
    }
    lines.push('');
  }
  if (result.problems.length > 0) {
    lines.push(palette.heading(`Could not check ${pluralize(result.problems.length, 'file')}:`));
    for (const problem of result.problems) lines.push(`  ${toSingleLine(problem.file)}  ${toSingleLine(problem.message)}`);
    lines.push('');
  }
  if (result.notes.length > 0) {
    lines.push(palette.heading('Notes:'));
    for (const note of result.notes) lines.push(`  ${toSingleLine(note.file)}  ${toSingleLine(note.message)}`);
    lines.push('');
  }
  lines.push(formatSummary(result, palette));
  const excluded = describeExcluded(result.excluded);
  if (excluded) lines.push(`Left out: ${excluded} (listed in the json report)`);
  lines.push(`Inventory: ${describeInventory(result.inventory)}`);
  return `${lines.join('\n')}\n`;
}

/** `  12:5   error    message  rule-id`, padded on the plain text so colours do not shift the columns. */
function formatRows(findings: readonly Finding[], palette: Palette): string[] {
  const rows = findings.map((finding) => ({
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: toSingleLine(finding.message),
    ruleId: toSingleLine(finding.ruleId),
  }));
  const positionWidth = Math.max(...rows.map((row) => row.position.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.length));
  const messageWidth = Math.max(...rows.map((row) => row.message.length));
  return rows.map((row) => {
    const severity = palette[row.severity](row.severity.padEnd(severityWidth));
    return `  ${palette.position(row.position.padEnd(positionWidth))}  ${severity}  ${row.message.padEnd(messageWidth)}  ${palette.ruleId(row.ruleId)}`;
  });
}

function formatSummary(result: CheckResult, palette: Palette): string {
  const counts = countFindings(result.findings);
  const summary = describeFindings(counts, result.fileCount, result.problems);
  if (counts.errors > 0 || result.problems.length > 0) return palette.failure(summary);
  return counts.warnings > 0 ? palette.caution(summary) : palette.success(summary);
}

function createPalette(color: boolean): Palette {
  const paint =
    (...styles: (keyof typeof STYLES)[]): Paint =>
    (text) =>
      color ? styles.reduceRight((painted, style) => `\u001b[${STYLES[style][0]}m${painted}\u001b[${STYLES[style][1]}m`, text) : text;
  return {
    file: paint('underline'),
    position: paint('dim'),
    error: paint('red'),
    warning: paint('yellow'),
    ruleId: paint('dim'),
    heading: paint('bold'),
    failure: paint('bold', 'red'),
    caution: paint('bold', 'yellow'),
    success: paint('green'),
  };
}
