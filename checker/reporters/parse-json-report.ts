import type { CheckResult, ExcludedFile, FileProblem, Finding, FixLocation, InventoryEntry, RuleDescriptor } from '../report/model.js';
import { EXCLUSION_REASONS, SCHEMA_VERSION } from '../report/model.js';

type JsonObject = Record<string, unknown>;

const FINDING_KEYS = ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'helpUrl', 'service'];
const INVENTORY_KEYS = ['kind', 'library', 'file', 'line', 'column', 'service', 'properties'];

/**
 * Reads a report written by the json reporter (for `policy-check merge` and baselines). Checks the
 * schemaVersion and the whole shape; throws an Error with one line naming the first thing wrong.
 */
export function parseJsonReport(text: string): CheckResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw createError(`Not a policy-check JSON report: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(document)) throw createError('Not a policy-check JSON report: expected an object at the top level.');
  if (!Object.hasOwn(document, 'schemaVersion')) throw createError('Not a policy-check JSON report: it has no schemaVersion.');
  if (document.schemaVersion !== SCHEMA_VERSION) {
    throw createError(`Unsupported policy-check report schemaVersion ${JSON.stringify(document.schemaVersion)}: expected ${SCHEMA_VERSION}.`);
  }
  const report = readObject(document, '', ['schemaVersion', 'tool', 'fileCount', 'findings', 'inventory', 'problems', 'excluded', 'notes', 'rules']);
  const tool = readObject(report.tool, 'tool', ['name', 'version']);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: readString(tool, 'name', 'tool'), version: readString(tool, 'version', 'tool') },
    fileCount: readInteger(report, 'fileCount', '', 0),
    findings: readArray(report, 'findings', readFinding),
    inventory: readArray(report, 'inventory', readInventoryEntry),
    problems: readArray(report, 'problems', readProblem),
    excluded: readArray(report, 'excluded', readExcluded),
    notes: readArray(report, 'notes', readProblem),
    rules: readArray(report, 'rules', readRule),
  };
}

function readFinding(value: unknown, path: string): Finding {
  const finding = readObject(value, path, FINDING_KEYS, ['fixLocation']);
  const severity = readString(finding, 'severity', path);
  if (severity !== 'error' && severity !== 'warning') fail(`${path}.severity must be "error" or "warning", got ${JSON.stringify(severity)}`);
  return {
    ruleId: readString(finding, 'ruleId', path),
    severity,
    file: readString(finding, 'file', path),
    line: readInteger(finding, 'line', path, 1),
    column: readInteger(finding, 'column', path, 1),
    endLine: readInteger(finding, 'endLine', path, 1),
    endColumn: readInteger(finding, 'endColumn', path, 1),
    message: readString(finding, 'message', path),
    helpUrl: readString(finding, 'helpUrl', path),
    service: readString(finding, 'service', path),
    ...(Object.hasOwn(finding, 'fixLocation') ? { fixLocation: readFixLocation(finding.fixLocation, `${path}.fixLocation`) } : {}),
  };
}

function readFixLocation(value: unknown, path: string): FixLocation {
  const location = readObject(value, path, ['label', 'file', 'line']);
  return { label: readString(location, 'label', path), file: readString(location, 'file', path), line: readInteger(location, 'line', path, 1) };
}

function readInventoryEntry(value: unknown, path: string): InventoryEntry {
  const entry = readObject(value, path, INVENTORY_KEYS);
  const properties = readObject(entry.properties, `${path}.properties`);
  for (const [key, property] of Object.entries(properties)) {
    if (property !== null && !['string', 'number', 'boolean'].includes(typeof property)) {
      fail(`${path}.properties.${key} must be a string, number, boolean or null`);
    }
  }
  return {
    kind: readString(entry, 'kind', path),
    library: readString(entry, 'library', path),
    file: readString(entry, 'file', path),
    line: readInteger(entry, 'line', path, 1),
    column: readInteger(entry, 'column', path, 1),
    service: readString(entry, 'service', path),
    properties: properties as InventoryEntry['properties'],
  };
}

function readProblem(value: unknown, path: string): FileProblem {
  const problem = readObject(value, path, ['file', 'message']);
  return { file: readString(problem, 'file', path), message: readString(problem, 'message', path) };
}

function readExcluded(value: unknown, path: string): ExcludedFile {
  const entry = readObject(value, path, ['file', 'reason']);
  const reason = readString(entry, 'reason', path);
  if (!(EXCLUSION_REASONS as readonly string[]).includes(reason)) fail(`${path}.reason must be one of ${EXCLUSION_REASONS.map((known) => JSON.stringify(known)).join(', ')}, got ${JSON.stringify(reason)}`);
  return { file: readString(entry, 'file', path), reason: reason as ExcludedFile['reason'] };
}

function readRule(value: unknown, path: string): RuleDescriptor {
  const rule = readObject(value, path, ['id', 'description', 'helpUrl']);
  return { id: readString(rule, 'id', path), description: readString(rule, 'description', path), helpUrl: readString(rule, 'helpUrl', path) };
}

/** An object; with `keys`, exactly those keys (and any of `optional`). */
function readObject(value: unknown, path: string, keys?: readonly string[], optional: readonly string[] = []): JsonObject {
  const name = path || 'the report';
  if (!isObject(value)) fail(`${name} must be an object`);
  if (keys) {
    const missing = keys.find((key) => !Object.hasOwn(value, key));
    if (missing !== undefined) fail(`${name} has no ${missing}`);
    const unknown = Object.keys(value).find((key) => !keys.includes(key) && !optional.includes(key));
    if (unknown !== undefined) fail(`${name} has an unknown key ${JSON.stringify(unknown)}`);
  }
  return value;
}

function readArray<Item>(parent: JsonObject, key: string, readItem: (value: unknown, path: string) => Item): Item[] {
  const value = parent[key];
  if (!Array.isArray(value)) fail(`${key} must be an array`);
  return value.map((item, index) => readItem(item, `${key}[${index}]`));
}

function readString(parent: JsonObject, key: string, path: string): string {
  const value = parent[key];
  if (typeof value !== 'string') fail(`${join(path, key)} must be a string`);
  return value;
}

function readInteger(parent: JsonObject, key: string, path: string, minimum: number): number {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    fail(`${join(path, key)} must be an integer of at least ${minimum}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function fail(reason: string): never {
  throw createError(`Invalid policy-check report: ${reason}.`);
}

/** One line, whatever the parser's message held. */
function createError(message: string): Error {
  return new Error(message.replace(/\s+/g, ' ').trim());
}
