/**
 * The audit report (`policy-check --audit`): every finding with the code around it, grouped by rule, each
 * with a line to mark it true, false or arguable, so a person can judge a rule on code nobody here wrote.
 * Past `sample` findings for one rule, a seeded random sample of that many is shown: the same seed picks the
 * same findings on every machine. Pure: the caller hands in the source lines.
 */
import { compareText, type CheckResult, type Finding } from '../report/model.js';
import { normalizeResult } from './normalize-result.js';
import { getSourceExcerpt, type LineReader } from './source-excerpt.js';
import { getShortRuleName, groupBy, pluralize, toSingleLine } from './summary.js';

export interface AuditOptions {
  readonly readLines: LineReader;
  /** Show at most this many findings per rule, picked at random with `seed`; all when undefined. */
  readonly sample?: number;
  readonly seed: number;
  /** Lines of code shown before and after the reported lines. */
  readonly context: number;
}

export const DEFAULT_AUDIT_CONTEXT = 3;
export const DEFAULT_AUDIT_SEED = 1;

export function formatAudit(input: CheckResult, options: AuditOptions): string {
  const result = normalizeResult(input);
  const groups = [...groupBy(result.findings, (finding) => finding.ruleId)].sort(([left], [right]) => compareText(left, right));
  const sampling = options.sample === undefined ? '' : `, at most ${options.sample} per rule picked with seed ${options.seed}`;
  const lines = [
    `# policy-check audit`,
    '',
    `${pluralize(result.findings.length, 'finding')} of ${pluralize(groups.length, 'rule')} in ${pluralize(result.fileCount, 'file')} checked${sampling}.`,
    'Mark each: **true** (an experienced engineer would change the code), **false** (the code is fine, or the',
    'explanation is wrong: say which) or **arguable** (reasonable people differ), with a one-line reason.',
  ];
  for (const [ruleId, findings] of groups) {
    const shown = pickSample(findings, options.sample, `${options.seed}:${ruleId}`);
    const count = shown.length === findings.length ? pluralize(findings.length, 'finding') : `${shown.length} of ${findings.length} findings`;
    lines.push('', `## ${getShortRuleName(ruleId)} (${count})`);
    shown.forEach((finding, index) => lines.push('', ...formatFinding(finding, index + 1, options)));
  }
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: Finding, number: number, options: AuditOptions): string[] {
  const head = [
    `### ${number}. ${toSingleLine(finding.file)}:${finding.line}:${finding.column}`,
    '',
    toSingleLine(finding.message),
    '',
    'verdict: [ ] true  [ ] false  [ ] arguable  reason:',
  ];
  const source = options.readLines(finding.file);
  if (!source) return [...head, '', '(the file cannot be read)'];
  const excerpt = getSourceExcerpt(source, finding.line, finding.endLine, options.context);
  const width = String(excerpt.at(-1)?.number ?? 0).length;
  const code = excerpt.map((line) => `${line.marked ? '>' : ' '} ${String(line.number).padStart(width)} | ${line.text}`);
  return [...head, '', '```', ...code, '```'];
}

/** The first `size` of a seeded shuffle, back in report order; everything when it is no larger. */
export function pickSample<Item>(items: readonly Item[], size: number | undefined, seed: string): Item[] {
  if (size === undefined || items.length <= size) return [...items];
  const random = createRandom(hashSeed(seed));
  const indexes = items.map((_, index) => index);
  for (let index = indexes.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [indexes[index], indexes[other]] = [indexes[other]!, indexes[index]!];
  }
  return indexes
    .slice(0, size)
    .sort((left, right) => left - right)
    .map((index) => items[index]!);
}

/** mulberry32: a small, well-mixed 32-bit generator, the same on every platform. */
function createRandom(state: number): () => number {
  let current = state >>> 0;
  return () => {
    current = (current + 0x6d2b79f5) >>> 0;
    let mixed = current;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a over the seed text, so each rule draws its own sample from one seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (const character of text) {
    hash ^= character.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
