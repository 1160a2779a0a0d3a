/**
 * The result model of policy-check: what checkProject returns and every reporter reads. Paths are
 * relative POSIX paths from the project root; everything is sorted (file, line, column, rule) so the
 * same input gives byte-identical reports.
 */

export const SCHEMA_VERSION = 2;

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  /** Full rule id, `service-policy/<name>`. */
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  /** Relative POSIX path from the project root. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly helpUrl: string;
  /** The service (workspace package or top-level folder) the file belongs to. */
  readonly service: string;
  /**
   * Where the fix belongs when that is not the reported line: the shared logger a log line is written
   * through. Findings with the same fix location are one fix, however many lines they are on.
   */
  readonly fixLocation?: FixLocation;
}

export interface FixLocation {
  /** What is fixed there: "pino logger `logger`". */
  readonly label: string;
  /** Relative POSIX path from the project root. */
  readonly file: string;
  readonly line: number;
}

/** The findings that share one fix location. */
export interface FixGroup {
  readonly ruleId: string;
  readonly fixLocation: FixLocation;
  readonly findings: readonly Finding[];
  /** Distinct files the findings are in. */
  readonly fileCount: number;
}

export interface InventoryEntry {
  /** `retry-policy`, `http-client`, and later `logger`, `consumer`, `producer`, `cache-write`, `token`. */
  readonly kind: string;
  readonly library: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly service: string;
  readonly properties: Readonly<Record<string, string | number | boolean | null>>;
}

/** A file that could not be read or parsed: reported once, the run goes on. */
export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

/** Why a file under the paths given was not checked, though it could have been. */
export type ExclusionReason =
  /** It matches the policy's `tests` patterns. */
  | 'test'
  /** It matches the policy's `ignore` patterns or `--ignore`. */
  | 'ignored'
  /** The policy has `include` patterns and it matches none. */
  | 'not-included'
  /** It is what TypeScript compiled from the source beside it (`x.js` next to `x.ts`). */
  | 'compiled-output';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['test', 'ignored', 'not-included', 'compiled-output'];

/** A file left out on purpose: listed, so no file under the paths given vanishes without a word. */
export interface ExcludedFile {
  readonly file: string;
  readonly reason: ExclusionReason;
}

/** Something the reader should know about how the project was loaded; it does not fail the gate. */
export interface Note {
  /** The file it is about (a tsconfig), relative. */
  readonly file: string;
  readonly message: string;
}

export interface RuleDescriptor {
  readonly id: string;
  readonly description: string;
  readonly helpUrl: string;
}

export interface CheckResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** Number of files checked: the files selected, less those listed in `problems` that the rules could not run on. */
  readonly fileCount: number;
  readonly findings: readonly Finding[];
  readonly inventory: readonly InventoryEntry[];
  readonly problems: readonly FileProblem[];
  /** Files under the paths given that the policy left out, sorted by file. */
  readonly excluded: readonly ExcludedFile[];
  /** How the project was loaded, where it differs from what its configuration says; sorted by file. */
  readonly notes: readonly Note[];
  /** Every rule and check that ran, for SARIF `tool.driver.rules` and help links. */
  readonly rules: readonly RuleDescriptor[];
}

export function compareFindings(left: Finding, right: Finding): number {
  return (
    compareText(left.file, right.file) ||
    left.line - right.line ||
    left.column - right.column ||
    compareText(left.ruleId, right.ruleId) ||
    compareText(left.message, right.message)
  );
}

/** Findings grouped by rule and fix location, largest group first (then by place), for "fix it once" summaries. */
export function groupByFixLocation(findings: readonly Finding[]): FixGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.fixLocation) continue;
    const key = `${finding.ruleId}\0${finding.fixLocation.file}\0${finding.fixLocation.line}\0${finding.fixLocation.label}`;
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return [...groups.values()]
    .map((group) => ({ ruleId: group[0]!.ruleId, fixLocation: group[0]!.fixLocation!, findings: group, fileCount: new Set(group.map((finding) => finding.file)).size }))
    .sort(
      (left, right) =>
        right.findings.length - left.findings.length ||
        compareText(left.fixLocation.file, right.fixLocation.file) ||
        left.fixLocation.line - right.fixLocation.line ||
        compareText(left.ruleId, right.ruleId) ||
        compareText(left.fixLocation.label, right.fixLocation.label),
    );
}

export function compareInventory(left: InventoryEntry, right: InventoryEntry): number {
  return compareText(left.file, right.file) || left.line - right.line || left.column - right.column || compareText(left.kind, right.kind);
}

/** Locale-independent string order, so reports do not depend on the machine's locale. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
