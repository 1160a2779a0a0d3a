import type { ExcludedFile, ExclusionReason, FileProblem, Finding, FixGroup, InventoryEntry } from '../report/model.js';
import { compareText, groupByFixLocation } from '../report/model.js';

export interface FindingCounts {
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  /** Files with at least one finding. */
  readonly files: number;
}

/** Findings counted per rule or per service. */
export interface FindingTally {
  readonly key: string;
  readonly errors: number;
  readonly warnings: number;
  readonly total: number;
  /** The first help URL seen for the key (per rule: the rule's docs). */
  readonly helpUrl: string;
}

/** One place to start: a shared logger fixed once for all its findings, or a rule's findings elsewhere. */
export type FixItem =
  | { readonly kind: 'fix-location'; readonly group: FixGroup; readonly errors: number; readonly total: number }
  | { readonly kind: 'rule'; readonly ruleId: string; readonly helpUrl: string; readonly errors: number; readonly total: number; readonly services: readonly string[] };

/** A piece of a message: prose, or the text of a code span (`Idempotency-Key`). */
export interface MessagePart {
  readonly code: boolean;
  /** What it reads: a code span without its backticks. */
  readonly text: string;
  /** As written in the message, backticks included. */
  readonly source: string;
}

/** A Markdown code span: a run of backticks, text with no run of that length, the same run; never empty. */
const CODE_SPAN = /(?<!`)(`+)(?!`)(?=[^`])[^]*?(?<!`)\1(?!`)/g;

/** How an inventory kind reads in prose; other kinds read as their words (`cache-write` → cache writes). */
const KIND_LABELS = new Map<string, readonly [singular: string, plural: string]>([
  ['retry-policy', ['retry policy', 'retry policies']],
  ['http-client', ['HTTP client', 'HTTP clients']],
  ['logger', ['logger', 'loggers']],
  ['consumer', ['consumer', 'consumers']],
  ['producer', ['producer', 'producers']],
  ['cache-write', ['cache write', 'cache writes']],
  ['token', ['token setting', 'token settings']],
  ['outbound-client', ['outbound client', 'outbound clients']],
  ['tracing-setup', ['tracing setup', 'tracing setups']],
  ['http-server', ['HTTP server', 'HTTP servers']],
  ['access-log', ['access log', 'access logs']],
]);

/**
 * The properties of a kind in the order a reader wants them (what it is, then what it lacks); properties
 * not named here follow in name order.
 */
const INVENTORY_COLUMNS = new Map<string, readonly string[]>([
  ['retry-policy', ['bound', 'backoff', 'jitter', 'condition', 'methods']],
  ['http-client', ['timeout']],
  ['logger', ['name', 'fields', 'fieldsFrom', 'mayAddFields', 'root']],
  ['outbound-client', ['propagates', 'via', 'handler', 'host']],
  ['tracing-setup', ['setup', 'instruments']],
  ['access-log', ['duration']],
]);

/** How a property reads as a column heading; others read as their words (`mayAddFields` → may add fields). */
const PROPERTY_LABELS = new Map<string, string>([
  ['fields', 'bound fields'],
  ['fieldsFrom', 'fields from'],
  ['propagates', 'propagates trace context'],
  ['root', 'child of'],
]);

/**
 * The families of rules, for "where": matched on the rule name, in this order. A project check matched by
 * none is a project check; a rule matched by none is `other`.
 */
const RULE_FAMILIES: readonly (readonly [family: string, pattern: RegExp])[] = [
  ['retry', /retry|idempotency|circuit-breaker|backoff/],
  ['http', /http/],
  ['logging', /log-fields|logger|logging/],
  ['tracing', /trace|tracing|access-log/],
];

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { total: findings.length, errors, warnings: findings.length - errors, files: new Set(findings.map((finding) => finding.file)).size };
}

/** Groups in the order their first item appears, so sorted input gives sorted groups. */
export function groupBy<Item>(items: readonly Item[], getKey: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = getKey(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Tallies by key, most findings first, then by key. */
export function tallyFindings(findings: readonly Finding[], getKey: (finding: Finding) => string): FindingTally[] {
  return [...groupBy(findings, getKey)]
    .map(([key, group]) => {
      const errors = group.filter((finding) => finding.severity === 'error').length;
      return { key, errors, warnings: group.length - errors, total: group.length, helpUrl: group[0].helpUrl };
    })
    .sort((left, right) => right.total - left.total || compareText(left.key, right.key));
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `retry-policy`, 2 → `retry policies`. */
export function getKindLabel(kind: string, count: number): string {
  const [singular, plural] = KIND_LABELS.get(kind) ?? getGenericKindLabels(kind);
  return count === 1 ? singular : plural;
}

/** The columns of a kind's inventory table: its known properties in reading order, then any other in name order. */
export function getInventoryColumns(kind: string, entries: readonly InventoryEntry[]): string[] {
  const present = new Set(entries.flatMap((entry) => Object.keys(entry.properties)));
  const known = (INVENTORY_COLUMNS.get(kind) ?? []).filter((key) => present.has(key));
  return [...known, ...[...present].filter((key) => !known.includes(key)).sort(compareText)];
}

/** `mayAddFields` → `may add fields`, `propagates` → `propagates trace context`. */
export function getPropertyLabel(key: string): string {
  return PROPERTY_LABELS.get(key) ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * A property value as a cell reads it: `yes`/`no`, numbers and text as they are, `—` for null (which
 * means "none" for some properties, a root logger's parent, and "cannot be told" for others).
 */
export function formatPropertyValue(value: string | number | boolean | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** `service-policy/require-retry-backoff` → `retry`; a check of no family (`invalid-suppression`) → `project checks`. */
export function getRuleFamily(ruleId: string, helpUrl = ''): string {
  const name = getShortRuleName(ruleId);
  const family = RULE_FAMILIES.find(([, pattern]) => pattern.test(name));
  if (family) return family[0];
  return /\/docs\/checks\//.test(helpUrl) ? 'project checks' : 'other';
}

/** `2 errors, 1 warning`, `3 warnings`: the severities there are, none named when it is zero. */
export function describeSeverities({ errors, warnings }: { readonly errors: number; readonly warnings: number }): string {
  return [errors > 0 ? pluralize(errors, 'error') : '', warnings > 0 ? pluralize(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** `retry-policy`, 2 → `Retry policies`, for headings and table cells. */
export function getKindTitle(kind: string, count: number): string {
  const label = getKindLabel(kind, count);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/** `12 retry policies, 7 HTTP clients`, kinds in name order; `nothing recorded` when empty. */
export function describeInventory(inventory: readonly InventoryEntry[]): string {
  const kinds = [...groupBy(inventory, (entry) => entry.kind)].sort(([left], [right]) => compareText(left, right));
  if (kinds.length === 0) return 'nothing recorded';
  return kinds.map(([kind, entries]) => `${entries.length} ${getKindLabel(kind, entries.length)}`).join(', ');
}

const EXCLUSION_LABELS: Readonly<Record<ExclusionReason, (count: number) => string>> = {
  test: (count) => `${pluralize(count, 'test file')}`,
  ignored: (count) => `${pluralize(count, 'file')} ignored by the policy`,
  'not-included': (count) => `${pluralize(count, 'file')} outside the policy's include`,
  'compiled-output': (count) => `${pluralize(count, 'compiled file')} beside ${count === 1 ? 'its source' : 'their sources'}`,
};

/** `412 test files, 3 files ignored by the policy`, reasons in a fixed order; '' when nothing was left out. */
export function describeExcluded(excluded: readonly ExcludedFile[]): string {
  const counts = new Map<ExclusionReason, number>();
  for (const entry of excluded) counts.set(entry.reason, (counts.get(entry.reason) ?? 0) + 1);
  return (Object.keys(EXCLUSION_LABELS) as ExclusionReason[])
    .filter((reason) => counts.has(reason))
    .map((reason) => EXCLUSION_LABELS[reason](counts.get(reason)!))
    .join(', ');
}

/**
 * Where to start: each shared fix location with its findings, and each rule with its findings outside
 * those, most errors first, then most findings, then by name. A fix location counts once however many
 * lines it is reported on.
 */
export function rankFixes(findings: readonly Finding[]): FixItem[] {
  const groups: FixItem[] = groupByFixLocation(findings).map((group) => ({ kind: 'fix-location', group, ...countSeverities(group.findings) }));
  const rules: FixItem[] = [...groupBy(findings.filter((finding) => !finding.fixLocation), (finding) => finding.ruleId)].map(([ruleId, group]) => ({
    kind: 'rule',
    ruleId,
    helpUrl: group[0]!.helpUrl,
    services: [...new Set(group.map((finding) => finding.service))].sort(compareText),
    ...countSeverities(group),
  }));
  return [...groups, ...rules].sort((left, right) => right.errors - left.errors || right.total - left.total || compareText(getFixKey(left), getFixKey(right)));
}

/**
 * A message cut into prose and code spans, read as CommonMark reads them: a backtick that opens no span
 * stays prose; one space is stripped from each end of a span that has one at both.
 */
export function splitCodeSpans(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    if (match.index > last) parts.push(createProse(text.slice(last, match.index)));
    const inner = match[0].slice(match[1]!.length, -match[1]!.length);
    parts.push({ code: true, text: /^ .*[^ ].* $/s.test(inner) ? inner.slice(1, -1) : inner, source: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(createProse(text.slice(last)));
  return parts;
}

/** `service-policy/require-http-timeout` → `require-http-timeout`. */
export function getShortRuleName(ruleId: string): string {
  return ruleId.slice(ruleId.lastIndexOf('/') + 1);
}

/**
 * `✖ 5 problems (3 errors, 2 warnings) in 2 files`, `✔ No problems in 12 files`, and `✖ 1 file could not be
 * checked` (after the findings, if any) whenever a file could not be read or parsed: that file was not
 * checked, so the run is never called clean, as its exit code says.
 */
export function describeFindings(counts: FindingCounts, fileCount: number, problems: readonly FileProblem[] = []): string {
  const unchecked = new Set(problems.map((problem) => problem.file)).size;
  const notChecked = unchecked > 0 ? `${pluralize(unchecked, 'file')} could not be checked` : '';
  if (counts.total === 0) return notChecked ? `✖ ${notChecked}` : `✔ No problems in ${pluralize(fileCount, 'file')}`;
  const found = `✖ ${pluralize(counts.total, 'problem')} (${pluralize(counts.errors, 'error')}, ${pluralize(counts.warnings, 'warning')}) in ${pluralize(counts.files, 'file')}`;
  return notChecked ? `${found}; ${notChecked}` : found;
}

/** Whitespace and control characters (which could drive a terminal or break a table row) become one space. */
export function toSingleLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

function createProse(text: string): MessagePart {
  return { code: false, text, source: text };
}

function countSeverities(findings: readonly Finding[]): { readonly errors: number; readonly total: number } {
  return { errors: findings.filter((finding) => finding.severity === 'error').length, total: findings.length };
}

function getFixKey(item: FixItem): string {
  return item.kind === 'rule' ? `rule\0${item.ruleId}` : `fix\0${item.group.fixLocation.file}\0${String(item.group.fixLocation.line).padStart(9, '0')}\0${item.group.ruleId}`;
}

function getGenericKindLabels(kind: string): readonly [string, string] {
  const singular = kind.split(/[-_\s]+/).filter(Boolean).join(' ') || kind;
  if (/[^aeiou]y$/.test(singular)) return [singular, `${singular.slice(0, -1)}ies`];
  if (/(s|x|z|ch|sh)$/.test(singular)) return [singular, `${singular}es`];
  return [singular, `${singular}s`];
}
