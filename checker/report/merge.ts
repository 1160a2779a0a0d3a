/**
 * Merges the results of several runs (the shards of one project) into one: findings, inventory and problems
 * together, each once, in the model's order; the rules that ran in any shard.
 */
import { compareFindings, compareInventory, compareText, SCHEMA_VERSION, type CheckResult, type FileProblem, type Finding, type InventoryEntry, type RuleDescriptor } from './model.js';

export function mergeResults(results: readonly CheckResult[]): CheckResult {
  const findings = uniqueSorted<Finding>(results.flatMap((result) => result.findings), compareFindings, (finding) => JSON.stringify(finding));
  const inventory = uniqueSorted<InventoryEntry>(results.flatMap((result) => result.inventory), compareInventory, (entry) => JSON.stringify(entry));
  const problems = uniqueSorted<FileProblem>(
    results.flatMap((result) => result.problems),
    (left, right) => compareText(left.file, right.file) || compareText(left.message, right.message),
    (problem) => `${problem.file}\0${problem.message}`,
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
