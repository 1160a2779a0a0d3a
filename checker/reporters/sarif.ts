import { createHash } from 'node:crypto';

import type { CheckResult, Finding, RuleDescriptor } from '../report/model.js';
import { getUniqueRules, normalizeResult } from './normalize-result.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DRIVER_NAME = 'policy-check';
const INFORMATION_URI = 'https://github.com/service-policy/eslint-plugin-service-policy';
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'policyCheck/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run, rules from the result's rule
 * descriptors, URIs relative to `%SRCROOT%`, files that could not be checked as tool notifications.
 */
export function formatSarif(input: CheckResult): string {
  const result = normalizeResult(input);
  const rules = getRules(result);
  const ruleIndexes = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = getFingerprints(result.findings);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: DRIVER_NAME,
            version: result.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description || rule.id },
              helpUri: rule.helpUrl,
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...result.problems.map((problem) => ({ level: 'error', file: problem.file, message: problem.message })),
              ...result.notes.map((note) => ({ level: 'note', file: note.file, message: note.message })),
            ].map((notification) => ({
              level: notification.level,
              message: { text: notification.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: toRelativeUri(notification.file), uriBaseId: SOURCE_ROOT } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding, index) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndexes.get(finding.ruleId),
          level: finding.severity,
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toRelativeUri(finding.file), uriBaseId: SOURCE_ROOT },
                region: getRegion(finding),
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The result's rules, plus any rule a finding names that the result does not describe, so every result has a ruleIndex. */
function getRules(result: CheckResult): RuleDescriptor[] {
  const known = new Set(result.rules.map((rule) => rule.id));
  const missing = new Map<string, RuleDescriptor>();
  for (const finding of result.findings) {
    if (!known.has(finding.ruleId) && !missing.has(finding.ruleId)) {
      missing.set(finding.ruleId, { id: finding.ruleId, description: finding.ruleId, helpUrl: finding.helpUrl });
    }
  }
  return getUniqueRules([...result.rules, ...missing.values()]);
}

/** SARIF regions are 1-based with an exclusive end column; an end before the start collapses onto it. */
function getRegion(finding: Finding) {
  const startLine = Math.max(finding.line, 1);
  const startColumn = Math.max(finding.column, 1);
  const endLine = Math.max(finding.endLine, startLine);
  const endColumn = endLine === startLine ? Math.max(finding.endColumn, startColumn) : Math.max(finding.endColumn, 1);
  return { startLine, startColumn, endLine, endColumn };
}

/**
 * A fingerprint that survives edits elsewhere in the file: rule, file, message and the finding's rank
 * among identical ones, never its line.
 */
function getFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = [finding.ruleId, finding.file, finding.message].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

/** A relative URI reference: POSIX segments, percent-encoded, never rooted. */
function toRelativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/|\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
