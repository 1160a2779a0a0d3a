/**
 * The code around a finding, read from the caller's lines: the audit report prints it as text, the HTML
 * report as a marked block. Pure: reporters never read files themselves.
 */

/** The lines of a file of the report (relative path), or undefined when it cannot be read. */
export type LineReader = (file: string) => readonly string[] | undefined;

export interface SourceLine {
  /** 1-based. */
  readonly number: number;
  /** Tabs as two spaces, trailing space trimmed. */
  readonly text: string;
  /** Whether the finding is on this line. */
  readonly marked: boolean;
}

/** Lines `first`..`last` marked, with `context` lines either side, clipped to the file; [] when `first` is past its end. */
export function getSourceExcerpt(lines: readonly string[], first: number, last: number, context: number): SourceLine[] {
  const start = Math.max(1, first - context);
  const end = Math.min(lines.length, Math.max(first, last) + context);
  const excerpt: SourceLine[] = [];
  for (let number = start; number <= end; number += 1) {
    excerpt.push({ number, text: lines[number - 1]!.replace(/\t/g, '  ').trimEnd(), marked: number >= first && number <= last });
  }
  return excerpt;
}
