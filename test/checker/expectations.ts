/**
 * Reads the findings a fixture expects, written beside the code: `// expect: rule-a, rule-b` on the
 * reported line, or `// expect-next-line: rule` on the line above it. `// expect-across-modules: rule`
 * marks a finding only the cross-module view reports; policy-check expects it like any other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ExpectedFinding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const EXPECT = /\/\/\s*expect(-next-line|-across-modules)?:\s*([\w\s,/-]+?)\s*$/;

export function readExpectations(root: string): ExpectedFinding[] {
  const expected: ExpectedFinding[] = [];
  for (const file of listSources(root)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((text, index) => {
        const match = EXPECT.exec(text);
        if (!match) return;
        const line = index + 1 + (match[1] === '-next-line' ? 1 : 0);
        for (const name of match[2]!.split(',').map((rule) => rule.trim()).filter(Boolean)) {
          expected.push({ file: relative, line, ruleId: name.includes('/') ? name : `service-policy/${name}` });
        }
      });
  }
  return expected;
}

/** One comparable line per finding: `file:line rule`. */
export function describeFindings(findings: readonly { file: string; line: number; ruleId: string }[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();
}

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}
