import type { CheckResult, Finding, InventoryEntry } from '../report/model.js';
import { compareText, groupByFixLocation } from '../report/model.js';
import { escapeHtml, getSafeUrl } from './escape-html.js';
import { normalizeResult } from './normalize-result.js';
import {
  countFindings,
  describeExcluded,
  describeFindings,
  describeSeverities,
  formatPropertyValue,
  getInventoryColumns,
  getKindTitle,
  getPropertyLabel,
  getShortRuleName,
  groupBy,
  pluralize,
  splitCodeSpans,
  tallyFindings,
  toSingleLine,
} from './summary.js';

/** GitHub refuses comments over 65 536 characters; stay well under. */
export const MARKDOWN_MAX_LENGTH = 60_000;
/** Past this many findings, each file's table is collapsed. */
export const MARKDOWN_COLLAPSE_THRESHOLD = 50;
/** The inventory's entry tables share at most this much of the comment; the findings come first. */
export const MARKDOWN_INVENTORY_MAX_LENGTH = 12_000;
const MAX_CELL_LENGTH = 500;
/** Positions listed in a row the findings on one shared logger share; the rest are counted. */
const MAX_SHARED_POSITIONS = 8;
const MAX_PROBLEMS = 20;
/** Room kept for the truncation note. */
const NOTE_RESERVE = 400;
const SEVERITY_LABELS = { error: '❌ error', warning: '⚠️ warning' } as const;
const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const TABLE_HEADER = '| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n';

/**
 * A pull-request comment: the summary, a table by rule, findings by file (collapsed when there are many),
 * the files that could not be checked and the inventory by kind; cut short with a note before it grows
 * past what a comment holds.
 */
export function formatMarkdown(input: CheckResult): string {
  const result = normalizeResult(input);
  const head = [formatHeading(result), formatRuleTable(result.findings), formatFixGroups(result.findings)].filter(Boolean).join('\n\n');
  const tail = [formatProblems(result), formatNotes(result), formatInventory(result)].filter(Boolean).join('\n\n');
  const budget = MARKDOWN_MAX_LENGTH - head.length - tail.length - NOTE_RESERVE;
  const findings = formatFindings(result.findings, budget);
  const report = `${[head, findings, tail].filter(Boolean).join('\n\n')}\n`;
  return report.length <= MARKDOWN_MAX_LENGTH ? report : cutAtLine(report);
}

function formatHeading(result: CheckResult): string {
  const counts = countFindings(result.findings);
  const details = [`${pluralize(result.fileCount, 'file')} checked`];
  const excluded = describeExcluded(result.excluded);
  if (excluded) details.push(`left out: ${excluded}`);
  return `## policy-check\n\n**${describeFindings(counts, result.fileCount, result.problems)}** · ${details.join(' · ')}`;
}

function formatRuleTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const rows = tallyFindings(findings, (finding) => finding.ruleId).map((tally) => {
    const severities = [tally.errors > 0 ? 'error' : '', tally.warnings > 0 ? 'warning' : ''].filter(Boolean).join(', ');
    return `| ${formatRuleLink(tally.key, tally.helpUrl)} | ${severities} | ${tally.total} |`;
  });
  return ['| Rule | Severity | Findings |', '| --- | --- | ---: |', ...rows].join('\n');
}

/** Findings that share one fix (the logger they are written through), largest first: one row per place to fix. */
function formatFixGroups(findings: readonly Finding[]): string {
  const groups = groupByFixLocation(findings);
  if (groups.length === 0) return '';
  const rows = groups
    .slice(0, MAX_PROBLEMS)
    .map((group) => `| ${formatCodeSpan(`${group.fixLocation.file}:${group.fixLocation.line}`, { inTable: true })} | ${formatMessage(group.fixLocation.label)} | ${formatRuleLink(group.ruleId, group.findings[0]!.helpUrl)} | ${group.findings.length} | ${group.fileCount} |`);
  const more = groups.length > MAX_PROBLEMS ? [`\n…and ${pluralize(groups.length - MAX_PROBLEMS, 'more place')}.`] : [];
  return ['### Fix once, where it is made', '', '| Where | What | Rule | Findings | Files |', '| --- | --- | --- | ---: | ---: |', ...rows, ...more].join('\n');
}

/** File after file, row after row, until the budget is spent; then a note says what was left out. */
function formatFindings(findings: readonly Finding[], budget: number): string {
  if (findings.length === 0) return '';
  const collapse = findings.length > MARKDOWN_COLLAPSE_THRESHOLD;
  let output = '### Findings\n';
  const shown = new Set<Finding>();
  for (const [file, group] of groupBy(findings, (finding) => finding.file)) {
    const open = collapse
      ? `\n<details>\n<summary><code>${escapeHtml(toSingleLine(file))}</code> (${describeSeverities(countFindings(group))})</summary>\n\n`
      : `\n#### ${formatCodeSpan(file)}\n\n`;
    const close = collapse ? '\n</details>\n' : '';
    const rows: string[] = [];
    let length = output.length + open.length + TABLE_HEADER.length + close.length;
    const fileRows = getFileRows(group);
    for (const row of fileRows) {
      if (length + row.text.length > budget) break;
      rows.push(row.text);
      length += row.text.length;
      for (const finding of row.findings) shown.add(finding);
    }
    if (rows.length > 0) output += `${open}${TABLE_HEADER}${rows.join('')}${close}`;
    if (rows.length < fileRows.length) break;
  }
  const hidden = findings.filter((finding) => !shown.has(finding));
  if (hidden.length === 0) return output.trimEnd();
  const hiddenFiles = new Set(hidden.map((finding) => finding.file)).size;
  return `${output.trimEnd()}\n\n> **Truncated:** ${pluralize(hidden.length, 'more finding')} in ${pluralize(hiddenFiles, 'file')} not shown, to keep this comment within the size a pull-request comment allows. The json, sarif and html reports list every finding.`;
}

/**
 * A file's table rows in order: one per finding, except that the findings of one rule fixed once at the
 * same place (lines written through one shared logger) share a row, at the first of them.
 */
function getFileRows(findings: readonly Finding[]): { readonly findings: readonly Finding[]; readonly text: string }[] {
  const rows = new Map<string, Finding[]>();
  findings.forEach((finding, index) => {
    const key = finding.fixLocation ? `${finding.ruleId}\0${finding.fixLocation.file}\0${finding.fixLocation.line}\0${finding.fixLocation.label}` : String(index);
    const row = rows.get(key);
    if (row) row.push(finding);
    else rows.set(key, [finding]);
  });
  return [...rows.values()].map((row) => ({ findings: row, text: row.length === 1 ? formatFindingRow(row[0]!) : formatSharedRow(row) }));
}

/** `| 12:5, 30:5 | ❌ error | rule | 2 lines through pino logger `logger`, fixed once where it is made: message |` */
function formatSharedRow(findings: readonly Finding[]): string {
  const first = findings[0]!;
  const positions = findings.slice(0, MAX_SHARED_POSITIONS).map((finding) => `${finding.line}:${finding.column}`);
  if (findings.length > MAX_SHARED_POSITIONS) positions.push(`+${findings.length - MAX_SHARED_POSITIONS}`);
  const cells = [
    positions.join(', '),
    SEVERITY_LABELS[findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning'],
    formatRuleLink(first.ruleId, first.helpUrl),
    `${findings.length} lines through ${formatMessage(first.fixLocation!.label)}, fixed once where it is made (see above): ${formatMessage(first.message)}`,
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function formatFindingRow(finding: Finding): string {
  const cells = [
    `${finding.line}:${finding.column}`,
    SEVERITY_LABELS[finding.severity],
    formatRuleLink(finding.ruleId, finding.helpUrl),
    formatMessage(finding.message),
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function formatProblems(result: CheckResult): string {
  if (result.problems.length === 0) return '';
  const rows = result.problems
    .slice(0, MAX_PROBLEMS)
    .map((problem) => `| ${formatCodeSpan(problem.file, { inTable: true })} | ${escapeMarkdown(problem.message)} |`);
  const more = result.problems.length > MAX_PROBLEMS ? [`\n…and ${pluralize(result.problems.length - MAX_PROBLEMS, 'more file')}.`] : [];
  return ['### Files that could not be checked', '', '| File | Problem |', '| --- | --- |', ...rows, ...more].join('\n');
}

function formatNotes(result: CheckResult): string {
  if (result.notes.length === 0) return '';
  const rows = result.notes.map((note) => `| ${formatCodeSpan(note.file, { inTable: true })} | ${escapeMarkdown(note.message)} |`);
  return ['### Notes', '', '| File | Note |', '| --- | --- |', ...rows].join('\n');
}

/**
 * One row per kind (how many, from which libraries), then each kind's entries in a collapsed table with
 * its properties (a logger's bound fields, whether an outbound client forwards the trace context), row
 * after row until the inventory's share of the comment is spent.
 */
function formatInventory(result: CheckResult): string {
  if (result.inventory.length === 0) return '';
  const kinds = [...groupBy(result.inventory, (entry) => entry.kind)].sort(([left], [right]) => compareText(left, right));
  const rows = kinds.map(([kind, entries]) => {
    const libraries = [...groupBy(entries, (entry) => entry.library)]
      .sort(([left], [right]) => compareText(left, right))
      .map(([library, uses]) => `${escapeMarkdown(library)} (${uses.length})`)
      .join(', ');
    return `| ${escapeMarkdown(getKindTitle(kind, entries.length))} | ${entries.length} | ${libraries} |`;
  });
  const summary = ['### Inventory', '', '| Kind | Count | Libraries |', '| --- | ---: | --- |', ...rows].join('\n');
  let budget = MARKDOWN_INVENTORY_MAX_LENGTH;
  let hidden = 0;
  const tables: string[] = [];
  for (const [kind, entries] of kinds) {
    const table = formatInventoryTable(kind, entries, budget);
    hidden += entries.length - table.shown;
    if (table.shown === 0) continue;
    tables.push(table.text);
    budget -= table.text.length;
  }
  const more = hidden > 0 ? [`> ${pluralize(hidden, 'more inventory entry', 'more inventory entries')} not shown; the json and html reports list every entry.`] : [];
  return [summary, ...tables, ...more].join('\n\n');
}

/** One kind's entries as a collapsed table: where, service, library, then its properties in reading order. */
function formatInventoryTable(kind: string, entries: readonly InventoryEntry[], budget: number): { readonly text: string; readonly shown: number } {
  const columns = getInventoryColumns(kind, entries);
  const open = `<details>\n<summary>${escapeHtml(getKindTitle(kind, entries.length))} (${entries.length})</summary>\n\n`;
  const header = `| Where | Service | Library |${columns.map((key) => ` ${escapeMarkdown(getPropertyLabel(key))} |`).join('')}\n| --- | --- | --- |${' --- |'.repeat(columns.length)}\n`;
  const close = '\n\n</details>';
  let length = open.length + header.length + close.length;
  const rows: string[] = [];
  for (const entry of entries) {
    const cells = [
      formatCodeSpan(`${entry.file}:${entry.line}`, { inTable: true }),
      escapeMarkdown(entry.service),
      escapeMarkdown(entry.library),
      ...columns.map((key) => formatMessage(formatPropertyValue(entry.properties[key]))),
    ];
    const row = `| ${cells.join(' | ')} |\n`;
    if (length + row.length > budget) break;
    rows.push(row);
    length += row.length;
  }
  if (rows.length === 0) return { text: '', shown: 0 };
  return { text: `${open}${header}${rows.join('').trimEnd()}${close}`, shown: rows.length };
}

/** `[require-http-timeout](url)`; plain text when the URL is not an http(s) link. */
function formatRuleLink(ruleId: string, helpUrl: string): string {
  const name = escapeMarkdown(getShortRuleName(ruleId));
  const url = getSafeUrl(helpUrl);
  return url ? `[${name}](${url.replace(/[()<>|]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)})` : name;
}

/**
 * Text from user code made inert in a table cell: one line, capped, HTML as entities, Markdown
 * punctuation and table pipes escaped.
 */
function escapeMarkdown(text: string): string {
  return escapeProse(capCell(text));
}

/**
 * A message in a table cell: its code spans (`Idempotency-Key`, ``sleep(`${ms}`)``) stay code spans, shown
 * as code, with only the table pipes escaped; the text around them, and a backtick that opens no span, is
 * escaped like any other text.
 */
function formatMessage(text: string): string {
  return splitCodeSpans(capCell(text))
    .map((part) => (part.code ? part.source.replace(/\|/g, '\\|') : escapeProse(part.source)))
    .join('');
}

function capCell(text: string): string {
  const line = toSingleLine(text);
  return line.length > MAX_CELL_LENGTH ? `${line.slice(0, MAX_CELL_LENGTH - 1)}…` : line;
}

function escapeProse(text: string): string {
  return text.replace(/[\\`*_[\]|~#@]/g, (character) => `\\${character}`).replace(/[&<>]/g, (character) => MARKDOWN_ENTITIES[character]);
}

/** A code span whose fence is longer than any backtick run inside; in a table, pipes escaped. */
function formatCodeSpan(text: string, { inTable = false } = {}): string {
  const line = toSingleLine(text);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${inTable ? line.replace(/\|/g, '\\|') : line}${padding}${fence}`;
}

/** Last resort when the fixed sections alone are too long: cut at a line break and say so. */
function cutAtLine(report: string): string {
  const note = '\n\n> **Truncated:** the report is longer than a pull-request comment allows.\n';
  const cut = report.lastIndexOf('\n', MARKDOWN_MAX_LENGTH - note.length);
  return `${report.slice(0, Math.max(cut, 0))}${note}`;
}
