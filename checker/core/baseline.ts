/**
 * The baseline: findings accepted on existing code, so only new ones fail the gate. An entry is keyed by rule,
 * file, message and a hash of the reported line's text, not by line number, so edits above a finding do not
 * invalidate it; the same finding twice on identical lines needs two entries (`count`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { CheckResult, Finding } from '../report/model.js';
import { compareText } from '../report/model.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly ruleId: string;
  readonly file: string;
  readonly message: string;
  /** First 16 hex digits of the SHA-256 of the reported line, whitespace collapsed. */
  readonly lineHash: string;
  readonly count: number;
}

export interface Baseline {
  readonly baselineVersion: typeof BASELINE_VERSION;
  readonly entries: readonly BaselineEntry[];
}

/** Reads line `line` (1-based) of a file relative to the root; '' when it cannot be read. */
export type LineReader = (file: string, line: number) => string;

export function createLineReader(root: string): LineReader {
  const cache = new Map<string, readonly string[]>();
  return (file, line) => {
    let lines = cache.get(file);
    if (!lines) {
      try {
        lines = readFileSync(path.resolve(root, file), 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
      cache.set(file, lines);
    }
    return lines[line - 1] ?? '';
  };
}

export function createBaseline(findings: readonly Finding[], readLine: LineReader): Baseline {
  const counts = new Map<string, { entry: Omit<BaselineEntry, 'count'>; count: number }>();
  for (const finding of findings) {
    const entry = { ruleId: finding.ruleId, file: finding.file, message: finding.message, lineHash: hashLine(readLine(finding.file, finding.line)) };
    const key = keyOf(entry);
    const existing = counts.get(key);
    if (existing) existing.count += 1;
    else counts.set(key, { entry, count: 1 });
  }
  const entries = [...counts.values()]
    .map(({ entry, count }) => ({ ...entry, count }))
    .sort((left, right) => compareText(left.file, right.file) || compareText(left.ruleId, right.ruleId) || compareText(left.message, right.message) || compareText(left.lineHash, right.lineHash));
  return { baselineVersion: BASELINE_VERSION, entries };
}

/** The result without the findings the baseline accepts. */
export function applyBaseline(result: CheckResult, baseline: Baseline, readLine: LineReader): CheckResult {
  const remaining = new Map<string, number>();
  for (const entry of baseline.entries) remaining.set(keyOf(entry), (remaining.get(keyOf(entry)) ?? 0) + entry.count);
  const findings = result.findings.filter((finding) => {
    const key = keyOf({ ruleId: finding.ruleId, file: finding.file, message: finding.message, lineHash: hashLine(readLine(finding.file, finding.line)) });
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
  return { ...result, findings };
}

/** Parses a baseline file's text; throws an Error whose message says what is wrong. */
export function parseBaseline(text: string): Baseline {
  const parsed = JSON.parse(text) as Partial<Baseline> | null;
  if (parsed?.baselineVersion !== BASELINE_VERSION || !Array.isArray(parsed.entries)) {
    throw new Error(`expected a policy-check baseline (baselineVersion ${BASELINE_VERSION} and entries)`);
  }
  for (const entry of parsed.entries) {
    const valid =
      typeof entry?.ruleId === 'string' && typeof entry.file === 'string' && typeof entry.message === 'string' && typeof entry.lineHash === 'string' && Number.isInteger(entry.count);
    if (!valid) throw new Error('every entry needs ruleId, file, message, lineHash and count');
  }
  return parsed as Baseline;
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function hashLine(text: string): string {
  return createHash('sha256').update(text.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
}

function keyOf(entry: Omit<BaselineEntry, 'count'>): string {
  return `${entry.ruleId}\0${entry.file}\0${entry.message}\0${entry.lineHash}`;
}
