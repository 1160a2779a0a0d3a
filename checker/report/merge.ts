/**
 * Merges the results of several runs (the shards of one project) into one: findings, inventory, problems,
 * excluded files and notes together, each once, in the model's order; the rules that ran in any shard.
 */
import {
  compareFindings,
  compareInventory,
  compareText,
  SCHEMA_VERSION,
  type CheckResult,
  type ExcludedFile,
  type FileProblem,
  type Finding,
  type InventoryEntry,
  type RuleDescriptor,
} from './model.js';

export function mergeResults(results: readonly CheckResult[]): CheckResult {
  const findings = uniqueSorted<Finding>(results.flatMap((result) => result.findings), compareFindings, (finding) => JSON.stringify(finding));
  const inventory = uniqueSorted<InventoryEntry>(results.flatMap((result) => result.inventory), compareInventory, (entry) => JSON.stringify(entry));
  const byFileAndMessage = (left: FileProblem, right: FileProblem): number => compareText(left.file, right.file) || compareText(left.message, right.message);
  const problems = uniqueSorted<FileProblem>(results.flatMap((result) => result.problems), byFileAndMessage, (problem) => `${problem.file}\0${problem.message}`);
  const notes = uniqueSorted<FileProblem>(results.flatMap((result) => result.notes), byFileAndMessage, (note) => `${note.file}\0${note.message}`);
  // Every shard lists the same excluded files (they are left out before the files are split).
  const excluded = uniqueSorted<ExcludedFile>(
    results.flatMap((result) => result.excluded),
    (left, right) => compareText(left.file, right.file) || compareText(left.reason, right.reason),
    (entry) => `${entry.file}\0${entry.reason}`,
  );
  const rules = new Map<string, RuleDescriptor>();
  for (const result of results) for (const rule of result.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: results[0]?.tool ?? { name: 'policy-check', version: '0.0.0' },
    fileCount: results.reduce((sum, result) => sum + result.fileCount, 0),
    findings,
    inventory,
    problems,
    excluded,
    notes,
    rules: [...rules.values()].sort((left, right) => compareText(left.id, right.id)),
  };
}

function uniqueSorted<Item>(items: readonly Item[], compare: (left: Item, right: Item) => number, keyOf: (item: Item) => string): Item[] {
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(compare);
}
