/**
 * The shape of a project-wide check: what one file cannot see (a breaker in one module around a client made
 * in another, a comment that suppresses nothing). Checks read the program and the inventory the rules
 * recorded; they never re-implement a rule.
 */
import type { Project, ts } from 'ts-morph';

import type { Policy } from '../../policy/policy.js';
import { REPOSITORY_URL } from '../../rules/create-rule.js';
import type { InventoryFact } from '../../rules/inventory/facts.js';
import type { Suppression } from '../../policy/suppressions.js';
import type { Finding, InventoryEntry } from '../report/model.js';

/**
 * An inventory fact as the checks read it: the rules' typed fact, located as the report locates it
 * (relative file, 1-based line and column, service), with its node in the program the rules ran on.
 */
export type CheckedFact = InventoryFact & Pick<InventoryEntry, 'file' | 'line' | 'column' | 'service'> & { readonly programNode: ts.Node | undefined };

/** 1-based line and column of a finding's start and end. */
export interface FindingLocation {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface CheckedProject {
  /** Absolute project root. */
  readonly root: string;
  readonly project: Project;
  readonly program: ts.Program;
  /** Absolute paths of the files being checked (a subset of the program with --changed-since or --shard). */
  readonly files: readonly string[];
  readonly policy: Policy;
  /** Absolute path of an inventory entry's or finding's relative file. */
  resolve(file: string): string;
  /** `policy-check-ignore` comments by absolute file name (files without any are absent). */
  readonly suppressions: ReadonlyMap<string, readonly Suppression[]>;
  /** Every rule and check id that can be named in a suppression or in the policy. */
  readonly knownRuleIds: ReadonlySet<string>;
  /** A finding of `checkId` at `where` (a node of the program or a location) in the absolute `file`. */
  createFinding(checkId: string, file: string, where: ts.Node | FindingLocation, message: string): Finding;
}

/**
 * A project-wide check. One whose id is a rule's is that rule's project-wide part: it runs under the rule's
 * severity, and besides adding findings it may settle the rule's own (a fact elsewhere in the service shows
 * them satisfied, as OpenTelemetry started in one module carries the trace context of every call).
 */
export interface ProjectCheck {
  /** Full id, `service-policy/<name>`. */
  readonly id: string;
  readonly description: string;
  readonly helpUrl: string;
  /** Severity when the policy file does not name the check. */
  readonly defaultSeverity: 'off' | 'warn' | 'error';
  /** `facts`: what the rules recorded, in report order, each with its node in the program (`programNode`). */
  run(project: CheckedProject, facts: readonly CheckedFact[]): Finding[];
  /** Findings of the rules that project-wide facts show satisfied; they are left out of the report. */
  settle?(project: CheckedProject, facts: readonly CheckedFact[], findings: readonly Finding[]): ReadonlySet<Finding>;
}

export const checkDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/checks/${name}.md`;
