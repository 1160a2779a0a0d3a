import type { CheckResult, ExcludedFile, FileProblem, Finding, InventoryEntry, RuleDescriptor } from '../report/model.js';
import { compareFindings, compareInventory, compareText } from '../report/model.js';

/**
 * The result in report order whatever order it arrived in (merged shards, hand-written baselines): every
 * list sorted with full tie-breaks, rule descriptors unique by id. Reporters read only this.
 */
export function normalizeResult(result: CheckResult): CheckResult {
  return {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    fileCount: result.fileCount,
    findings: [...result.findings].sort(compareFindingsFully),
    inventory: [...result.inventory].sort(compareInventoryFully),
    problems: [...result.problems].sort(compareProblems),
    excluded: [...result.excluded].sort(compareExcluded),
    notes: [...result.notes].sort(compareProblems),
    rules: getUniqueRules(result.rules),
  };
}

function compareFindingsFully(left: Finding, right: Finding): number {
  return (
    compareFindings(left, right) ||
    compareText(left.severity, right.severity) ||
    left.endLine - right.endLine ||
    left.endColumn - right.endColumn ||
    compareText(left.service, right.service) ||
    compareText(left.helpUrl, right.helpUrl)
  );
}

function compareInventoryFully(left: InventoryEntry, right: InventoryEntry): number {
  return (
    compareInventory(left, right) ||
    compareText(left.library, right.library) ||
    compareText(left.service, right.service) ||
    compareText(serializeProperties(left), serializeProperties(right))
  );
}

function compareExcluded(left: ExcludedFile, right: ExcludedFile): number {
  return compareText(left.file, right.file) || compareText(left.reason, right.reason);
}

function compareProblems(left: FileProblem, right: FileProblem): number {
  return compareText(left.file, right.file) || compareText(left.message, right.message);
}

/** Rules by id, one descriptor per id. */
export function getUniqueRules(rules: readonly RuleDescriptor[]): RuleDescriptor[] {
  const sorted = [...rules].sort(
    (left, right) => compareText(left.id, right.id) || compareText(left.description, right.description) || compareText(left.helpUrl, right.helpUrl),
  );
  return sorted.filter((rule, index) => index === 0 || sorted[index - 1].id !== rule.id);
}

function serializeProperties(entry: InventoryEntry): string {
  return JSON.stringify(getSortedProperties(entry));
}

/** An entry's properties as [key, value] pairs in key order. */
export function getSortedProperties(entry: InventoryEntry): [string, string | number | boolean | null][] {
  return Object.entries(entry.properties).sort(([left], [right]) => compareText(left, right));
}
