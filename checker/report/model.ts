/**
 * The result model of policy-check: what checkProject returns and every reporter reads. Paths are
 * relative POSIX paths from the project root; everything is sorted (file, line, column, rule) so the
 * same input gives byte-identical reports.
 */

export const SCHEMA_VERSION = 1;

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

export interface RuleDescriptor {
  readonly id: string;
  readonly description: string;
  readonly helpUrl: string;
}

export interface CheckResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  /** Number of files checked. */
  readonly fileCount: number;
  readonly findings: readonly Finding[];
  readonly inventory: readonly InventoryEntry[];
  readonly problems: readonly FileProblem[];
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

export function compareInventory(left: InventoryEntry, right: InventoryEntry): number {
  return compareText(left.file, right.file) || left.line - right.line || left.column - right.column || compareText(left.kind, right.kind);
}

/** Locale-independent string order, so reports do not depend on the machine's locale. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
