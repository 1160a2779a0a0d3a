import type { CheckResult, InventoryEntry } from '../report/model.js';
import { getSortedProperties, normalizeResult } from './normalize-result.js';

type JsonScalar = string | number | boolean | null;

/**
 * The machine-readable report: the result model itself, keys in a fixed order with `schemaVersion` first,
 * two-space indent. Documented in docs/report-schema.md and docs/report.schema.json.
 */
export function formatJson(input: CheckResult): string {
  const result = normalizeResult(input);
  const document = {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    fileCount: result.fileCount,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      message: finding.message,
      helpUrl: finding.helpUrl,
      service: finding.service,
      ...(finding.fixLocation ? { fixLocation: { label: finding.fixLocation.label, file: finding.fixLocation.file, line: finding.fixLocation.line } } : {}),
    })),
    inventory: result.inventory.map((entry) => ({
      kind: entry.kind,
      library: entry.library,
      file: entry.file,
      line: entry.line,
      column: entry.column,
      service: entry.service,
      properties: toJsonProperties(entry),
    })),
    problems: result.problems.map((problem) => ({ file: problem.file, message: problem.message })),
    excluded: result.excluded.map((entry) => ({ file: entry.file, reason: entry.reason })),
    notes: result.notes.map((note) => ({ file: note.file, message: note.message })),
    rules: result.rules.map((rule) => ({ id: rule.id, description: rule.description, helpUrl: rule.helpUrl })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Keys in order; JSON has no Infinity or NaN, so those are written as the strings `"Infinity"`, `"-Infinity"`, `"NaN"`. */
function toJsonProperties(entry: InventoryEntry): Record<string, JsonScalar> {
  const properties: Record<string, JsonScalar> = {};
  for (const [key, value] of getSortedProperties(entry)) {
    properties[key] = typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  }
  return properties;
}
