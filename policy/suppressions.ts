/**
 * Inline suppressions: `// policy-check-ignore <rule>[, <rule>…] -- <reason>` on the reported line or the
 * line above. A comment without a reason suppresses nothing (policy-check reports it).
 */
/** What a suppression scan needs of a source file: its comments and where they are (ESLint's SourceCode has it). */
export interface CommentSource {
  getAllComments(): readonly { readonly value: string; readonly loc: { readonly start: { line: number; column: number }; readonly end: { line: number } } }[];
}

export interface Suppression {
  readonly rules: readonly string[];
  readonly reason: string;
  /** Line the comment ends on. */
  readonly line: number;
  /** Line the comment starts on. */
  readonly startLine: number;
  readonly column: number;
}

/** The word every suppression comment starts with. */
export const SUPPRESSION_MARKER = 'policy-check-ignore';

const SUPPRESSION_PATTERN = /^\s*policy-check-ignore\s+([^\s].*?)\s*(?:--\s*(.*?))?\s*$/;

/** Parses one comment's text; undefined when it is not a suppression. */
export function parseSuppression(text: string): { rules: string[]; reason: string } | undefined {
  const match = SUPPRESSION_PATTERN.exec(text.replace(/\*\/$/, ''));
  if (!match) return undefined;
  const rules = match[1]!.split(/[\s,]+/).filter(Boolean);
  return { rules, reason: (match[2] ?? '').trim() };
}

export function findSuppressions(sourceCode: CommentSource): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of sourceCode.getAllComments()) {
    if (!comment.value.includes(SUPPRESSION_MARKER)) continue;
    const parsed = parseSuppression(comment.value);
    if (!parsed) continue;
    found.push({ ...parsed, line: comment.loc.end.line, startLine: comment.loc.start.line, column: comment.loc.start.column + 1 });
  }
  return found;
}

/** Whether a report of `ruleName` on `line` is covered by a suppression that gives a reason. */
export function isSuppressed(suppressions: readonly Suppression[], ruleName: string, line: number): boolean {
  return suppressions.some(
    (suppression) =>
      suppression.reason !== '' &&
      (suppression.line === line || suppression.line === line - 1) &&
      suppression.rules.some((rule) => rule === ruleName || rule === `service-policy/${ruleName}`),
  );
}
