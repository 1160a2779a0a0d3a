/**
 * Precision and recall of the rules on the evaluation corpus (fixtures/evaluation): realistic snippets
 * modelled on public code and library docs, labelled with `// expect: <rule>` comments.
 *
 * A finding counts for a label of the same rule when it is on the label's line, when its range spans the
 * label's line, or when the two sit in the same statement (the statement one line stands for holds
 * the other line). Exact-line matches are made first; each label and each finding is matched once.
 * Rules may report a whole call or one option of it; what is measured is whether the mistake is found.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';

import { rules } from '../../rules/index.js';
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { compareFindings, formatFinding, readExpectations, type Finding } from '../fixtures/expected-findings.js';
import { lintProject, listSourceFiles, type ReportedFinding } from '../fixtures/lint-project.js';

export const CORPUS_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/evaluation');
export const RESULTS_FILE = path.join(CORPUS_ROOT, 'RESULTS.md');

export const MIN_PRECISION = 0.95;
export const MIN_RECALL = 0.9;

export interface RuleScore {
  readonly rule: string;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
}

export interface Evaluation {
  readonly files: readonly string[];
  readonly labelledFiles: number;
  readonly labels: number;
  readonly perRule: readonly RuleScore[];
  readonly overall: RuleScore;
  readonly falsePositives: readonly ReportedFinding[];
  readonly falseNegatives: readonly Finding[];
  readonly fatal: readonly string[];
  readonly crashed: readonly string[];
}

/** Lints the corpus with every rule of the plugin on and scores the findings against the labels. */
export async function evaluateCorpus(root = CORPUS_ROOT): Promise<Evaluation> {
  const files = listSourceFiles(root);
  const labels = readExpectations(root, files);
  const { findings, fatal, crashed } = await lintProject(root, files, { allRules: true });
  const statements = new StatementIndex(root);

  const falsePositives: ReportedFinding[] = [];
  const falseNegatives: Finding[] = [];
  const truePositivesByRule = new Map<string, number>();
  for (const file of files) {
    for (const ruleId of ruleIds()) {
      const fileLabels = labels.filter((label) => label.file === file && label.ruleId === ruleId);
      const fileFindings = findings.filter((finding) => finding.file === file && finding.ruleId === ruleId);
      const matching = matchFindings(fileLabels, fileFindings, (line) => statements.statementAt(file, line));
      truePositivesByRule.set(ruleId, (truePositivesByRule.get(ruleId) ?? 0) + matching.matched);
      falsePositives.push(...matching.unmatchedFindings);
      falseNegatives.push(...matching.unmatchedLabels);
    }
  }

  const perRule = ruleIds().map((ruleId) =>
    score(
      ruleId.slice(PLUGIN_NAME.length + 1),
      truePositivesByRule.get(ruleId) ?? 0,
      falsePositives.filter((finding) => finding.ruleId === ruleId).length,
      falseNegatives.filter((label) => label.ruleId === ruleId).length,
    ),
  );
  const overall = score(
    'overall',
    sum(perRule.map((rule) => rule.truePositives)),
    sum(perRule.map((rule) => rule.falsePositives)),
    sum(perRule.map((rule) => rule.falseNegatives)),
  );
  return {
    files,
    labelledFiles: new Set(labels.map((label) => label.file)).size,
    labels: labels.length,
    perRule,
    overall,
    falsePositives: falsePositives.sort(compareFindings),
    falseNegatives: falseNegatives.sort(compareFindings),
    fatal,
    crashed,
  };
}

/** The five retry and timeout rules, as full rule ids. */
function ruleIds(): string[] {
  return Object.keys(rules)
    .sort()
    .map((name) => `${PLUGIN_NAME}/${name}`);
}

interface LineSpan {
  readonly start: number;
  readonly end: number;
}

interface Matching {
  readonly matched: number;
  readonly unmatchedLabels: Finding[];
  readonly unmatchedFindings: ReportedFinding[];
}

/** One-to-one matching of one rule's labels and findings in one file, strictest criterion first. */
export function matchFindings(
  labels: readonly Finding[],
  findings: readonly ReportedFinding[],
  statementAt: (line: number) => LineSpan | undefined,
): Matching {
  const openLabels = [...labels];
  const openFindings = [...findings];
  const within = (line: number, span: LineSpan | undefined): boolean => span !== undefined && span.start <= line && line <= span.end;
  const criteria: Array<(label: Finding, finding: ReportedFinding) => boolean> = [
    (label, finding) => label.line === finding.line,
    (label, finding) => finding.line <= label.line && label.line <= finding.endLine,
    (label, finding) => within(finding.line, statementAt(label.line)) || within(label.line, statementAt(finding.line)),
  ];
  let matched = 0;
  for (const isMatch of criteria) {
    for (const label of [...openLabels]) {
      const index = openFindings.findIndex((finding) => isMatch(label, finding));
      if (index === -1) continue;
      openFindings.splice(index, 1);
      openLabels.splice(openLabels.indexOf(label), 1);
      matched += 1;
    }
  }
  return { matched, unmatchedLabels: openLabels, unmatchedFindings: openFindings };
}

/** For each file, the statement (or declaration) a line stands for. */
class StatementIndex {
  private readonly spansByFile = new Map<string, LineSpan[]>();

  constructor(private readonly root: string) {}

  /**
   * The statement a line stands for: the outermost statement that starts on it (a `for` line stands for
   * the loop, not for its `let i = 0`), else the innermost statement around it.
   */
  statementAt(file: string, line: number): LineSpan | undefined {
    const around = this.spans(file).filter((span) => span.start <= line && line <= span.end);
    const startingHere = around.filter((span) => span.start === line);
    const size = (span: LineSpan): number => span.end - span.start;
    if (startingHere.length > 0) return startingHere.reduce((best, span) => (size(span) > size(best) ? span : best));
    return around.reduce<LineSpan | undefined>((best, span) => (!best || size(span) < size(best) ? span : best), undefined);
  }

  private spans(file: string): LineSpan[] {
    let spans = this.spansByFile.get(file);
    if (!spans) {
      spans = [];
      try {
        const program = parse(readFileSync(path.join(this.root, file), 'utf8'), { loc: true, range: true, sourceType: 'module' });
        collectStatementSpans(program, spans);
      } catch {
        // unparsable files show up as fatal lint results
      }
      this.spansByFile.set(file, spans);
    }
    return spans;
  }
}

function collectStatementSpans(node: TSESTree.Node, spans: LineSpan[]): void {
  if (/(?:Statement|Declaration|Definition)$/.test(node.type) && node.type !== 'BlockStatement') {
    spans.push({ start: node.loc.start.line, end: node.loc.end.line });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string' && 'loc' in child) {
        collectStatementSpans(child as TSESTree.Node, spans);
      }
    }
  }
}

function score(rule: string, truePositives: number, falsePositives: number, falseNegatives: number): RuleScore {
  const reported = truePositives + falsePositives;
  const labelled = truePositives + falseNegatives;
  return {
    rule,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: reported === 0 ? 1 : truePositives / reported,
    recall: labelled === 0 ? 1 : truePositives / labelled,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const percent = (value: number): string => value.toFixed(3);

/** The score table, as Markdown. */
export function formatTable(evaluation: Evaluation): string {
  const rows = [...evaluation.perRule, evaluation.overall].map(
    (row) => `| ${row.rule} | ${row.truePositives} | ${row.falsePositives} | ${row.falseNegatives} | ${percent(row.precision)} | ${percent(row.recall)} |`,
  );
  return ['| rule | TP | FP | FN | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

/** RESULTS.md: how the corpus was scored, the table, and every miss and false alarm. */
export function formatResults(evaluation: Evaluation): string {
  const { overall } = evaluation;
  const verdict = overall.precision >= MIN_PRECISION && overall.recall >= MIN_RECALL ? 'meet' : 'do not meet';
  const list = (items: readonly string[]): string[] => (items.length === 0 ? ['none'] : items.map((item) => `- \`${item}\``));
  return [
    '# Evaluation results',
    '',
    '<!-- Written by test/evaluation/precision-recall.test.ts (`npx vitest run test/evaluation/`); do not edit by hand. -->',
    '',
    `${evaluation.files.length} files, ${evaluation.labelledFiles} with at least one mistake, ${evaluation.labels} labelled findings.`,
    'Every rule of the plugin is on; TypeScript is parsed with typescript-eslint (no type information), JavaScript with espree.',
    'A finding matches a label of the same rule on the same line, or within the same statement.',
    '',
    formatTable(evaluation),
    '',
    `Overall the rules ${verdict} the bar (precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}).`,
    '',
    '## False positives (reported, not labelled)',
    '',
    ...list(evaluation.falsePositives.map((finding) => `${formatFinding(finding)}: ${finding.message}`)),
    '',
    '## False negatives (labelled, not reported)',
    '',
    ...list(evaluation.falseNegatives.map(formatFinding)),
    '',
    ...(evaluation.fatal.length > 0 ? ['## Files that did not parse', '', ...list(evaluation.fatal), ''] : []),
    ...(evaluation.crashed.length > 0 ? ['## Files on which a rule threw (scored as no findings)', '', ...list(evaluation.crashed), ''] : []),
  ].join('\n');
}

export function writeResults(evaluation: Evaluation, file = RESULTS_FILE): void {
  writeFileSync(file, formatResults(evaluation));
}
