/**
 * End-to-end: the built policy-check on fixture projects. Reports are compared with golden files in
 * test/cli/golden/, which change only on purpose: `UPDATE_GOLDEN=1` rewrites them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, REPOSITORY, runCli, type CliRun } from './run-cli.js';

const MONOREPO = path.join(REPOSITORY, 'fixtures/monorepo');
const BROKEN = path.join(REPOSITORY, 'fixtures/broken');
const GOLDEN = path.join(REPOSITORY, 'test/cli/golden');
const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
const EXTENSIONS: Record<(typeof FORMATS)[number], string> = { text: 'txt', json: 'json', sarif: 'sarif', markdown: 'md', html: 'html' };

const temporary = mkdtempSync(path.join(tmpdir(), 'policy-check-cli-'));
const reports = new Map<string, CliRun>();

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${name} has no golden file: run with UPDATE_GOLDEN=1 to create it`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function project(name: string, files: Record<string, string>): string {
  const root = path.join(temporary, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const UNBOUNDED_FETCH = "export const ping = () => fetch('http://health.internal/ready');\n";
const BOUNDED_FETCH = "export const ping = () => fetch('http://health.internal/ready', { signal: AbortSignal.timeout(500) });\n";

beforeAll(async () => {
  ensureBuilt();
  // The check runs on the monorepo, two at a time; the other formats render the JSON report through
  // `merge`, which reads it back unchanged. The tests below read these runs.
  const runs: Array<[string, string[]]> = [
    ['text', []],
    ['json', ['--format', 'json']],
    ['shard-1', ['--format', 'json', '--shard', '1/2']],
    ['shard-2', ['--format', 'json', '--shard', '2/2']],
  ];
  for (let index = 0; index < runs.length; index += 2) {
    const pair = runs.slice(index, index + 2);
    const done = await Promise.all(pair.map(([, args]) => runCli(args, MONOREPO)));
    pair.forEach(([name], position) => reports.set(name, done[position]!));
  }
  const json = path.join(temporary, 'monorepo.json');
  writeFileSync(json, reports.get('json')!.stdout);
  // Rendered from the project root, as in CI: the HTML report reads the reported files there for the code around each finding.
  const rendered = await Promise.all(['sarif', 'markdown', 'html'].map((format) => runCli(['merge', json, '--format', format], MONOREPO)));
  ['sarif', 'markdown', 'html'].forEach((format, position) => reports.set(format, rendered[position]!));
}, 120_000);

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('policy-check on fixtures/monorepo', () => {
  it.each(FORMATS)('writes the %s report of the golden file and fails the gate', (format) => {
    const run = reports.get(format)!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expectGolden(`monorepo.${EXTENSIONS[format]}`, run.stdout);
  });

  it('merges JSON shard reports into the report of the whole run, in any format', async () => {
    const shards = ['shard-1', 'shard-2'].map((name) => {
      const run = reports.get(name)!;
      expect(run.stderr).toBe('');
      const file = path.join(temporary, `${name}.json`);
      writeFileSync(file, run.stdout);
      return file;
    });
    const first = JSON.parse(reports.get('shard-1')!.stdout) as { fileCount: number };
    const second = JSON.parse(reports.get('shard-2')!.stdout) as { fileCount: number };
    expect(first.fileCount).toBeGreaterThan(0);
    expect(second.fileCount).toBeGreaterThan(0);
    const [json, text] = await Promise.all([runCli(['merge', ...shards, '--format', 'json'], temporary), runCli(['merge', ...shards], temporary)]);
    expect(json.stdout).toBe(reports.get('json')!.stdout);
    expect(text.stdout).toBe(reports.get('text')!.stdout);
    expect([json.code, text.code]).toEqual([1, 1]);
  });

  it('prints the audit report: findings by rule with the code around them, or a seeded sample of them', async () => {
    const all = await runCli(['--audit'], MONOREPO);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^# policy-check audit\n\n13 findings of 7 rules in 13 files checked\.\n/);
    expect(all.stdout).toContain('## require-http-timeout (4 findings)');
    expect(all.stdout).toContain('> 5 |   const response = await fetch(`https://rates.example.com/v1/latest?base=${currency}`); // expect: require-http-timeout');
    const sample = await runCli(['--audit', '--audit-sample', '2', '--seed', '7', '--audit-context', '1'], MONOREPO);
    expect(sample.stdout).toContain('## require-http-timeout (2 of 4 findings)');
    expect(sample.stdout).toContain('at most 2 per rule picked with seed 7.');
  }, 180_000);

  it('writes the report to --output and nothing to standard output', async () => {
    const output = path.join(temporary, 'report.md');
    const run = await runCli(['--format', 'markdown', '--output', output, 'services/billing'], MONOREPO);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(output, 'utf8')).toContain('services/billing/src/invoices.ts');
    expect(readFileSync(output, 'utf8')).not.toContain('services/orders/');
  });
});

describe('exit codes', () => {
  it('exits 0 on a clean project and 1 on an error', async () => {
    const clean = project('clean', { 'src/health.ts': BOUNDED_FETCH });
    const failing = project('failing', { 'src/health.ts': UNBOUNDED_FETCH });
    const [ok, bad] = await Promise.all([runCli([], clean), runCli([], failing)]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(bad).toMatchObject({ code: 1, stderr: '' });
    expect(bad.stdout).toContain('src/health.ts');
  });

  it('passes warnings unless there are more than --max-warnings', async () => {
    const root = project('warnings', { 'src/health.ts': UNBOUNDED_FETCH, '.policy-checkrc.json': '{ "rules": { "require-http-timeout": "warn" } }' });
    const [unlimited, allowed, exceeded] = await Promise.all([runCli([], root), runCli(['--max-warnings', '1'], root), runCli(['--max-warnings', '0'], root)]);
    expect([unlimited.code, allowed.code, exceeded.code]).toEqual([0, 0, 1]);
  });

  it('fails the gate when a file cannot be parsed, and still reports the others', async () => {
    const run = await runCli(['--format', 'json'], path.join(BROKEN, 'parse-error'));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { problems: unknown[]; findings: Array<{ file: string }> };
    expect(report.problems).toHaveLength(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/client.ts']);
  });

  it('says a file that does not parse, checked alone, could not be checked, and fails the gate', async () => {
    const run = await runCli(['src/half-merged.ts'], path.join(BROKEN, 'parse-error'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Could not check 1 file:\n {2}src\/half-merged\.ts {2}2:1: Parsing error: .*\n\n✖ 1 file could not be checked\n/);
    expect(run.stdout).not.toContain('No problems');
  });

  it.each([
    [['--bogus'], 'policy-check: unknown option --bogus (see --help)'],
    [['--format', 'pdf'], 'policy-check: --format pdf: expected one of text, json, sarif, markdown, html'],
    [['--max-warnings', 'many'], 'policy-check: --max-warnings many: expected a whole number of warnings, 0 or more'],
    [['--shard', '3/2'], 'policy-check: --shard 3/2: expected i/n with 1 ≤ i ≤ n, such as 2/4'],
    [['--update-baseline'], 'policy-check: --update-baseline needs --baseline <file>'],
    [['no/such/path'], 'policy-check: no/such/path: no such file or directory'],
    [['--config', 'missing.json'], 'policy-check: missing.json: no such policy file'],
    [['merge'], 'policy-check: merge needs at least one JSON report'],
    [['--audit-sample', '40'], 'policy-check: --audit-sample needs --audit'],
    [['--audit', '--format', 'json'], 'policy-check: --audit writes its own report; leave out --format'],
    [['--audit', '--audit-sample', '0'], 'policy-check: --audit-sample 0: expected a whole number, 1 or more'],
    [['--audit', '--seed', 'x'], 'policy-check: --seed x: expected a whole number, 0 or more'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const run = await runCli(args, path.join(BROKEN, 'empty'));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it.each([
    ['bad-policy-schema', 'policy-check: .policy-checkrc.json: "jwt.maxLifetime" must be a duration such as "1h", "30m" or a number of seconds\n'],
    ['unknown-rule', 'policy-check: .policy-checkrc.json: "rules.require-http-timeouts" is not a known rule or check\n'],
  ])('exits 2 with one line on the malformed policy file in %s', async (name, stderr) => {
    expect(await runCli([], path.join(BROKEN, name))).toEqual({ code: 2, stdout: '', stderr });
  });

  it('exits 2 with one line, no stack trace, on a policy file that is not valid JSON', async () => {
    const run = await runCli([], path.join(BROKEN, 'bad-policy-syntax'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^policy-check: \.policy-checkrc\.json: cannot be read: [^\n]+\n$/);
  });

  it('exits 2 with one line naming package.json when it is not valid JSON (the policy may live in it)', async () => {
    const run = await runCli([], project('broken-manifest', { 'package.json': '{ "name": "orders",\n', 'src/health.ts': BOUNDED_FETCH }));
    expect(run).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^policy-check: package\.json: cannot be read: [^\n]+\n$/) });
  });

  it('exits 2 on a merge input that is not a JSON report', async () => {
    const file = path.join(temporary, 'not-a-report.json');
    writeFileSync(file, '{"hello": "world"}');
    const run = await runCli(['merge', file], temporary);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^policy-check: [^\n]*not-a-report\.json: not a policy-check JSON report: [^\n]+\n$/);
  });

  it('prints help and the version, exit 0', async () => {
    const [help, version] = await Promise.all([runCli(['--help'], temporary), runCli(['--version'], temporary)]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: policy-check \[options\] \[paths\.\.\.\]/);
    expect(version).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')).version}\n`, stderr: '' });
  });
});

describe('adoption on existing code', () => {
  it('accepts the findings recorded in a baseline, even after lines move, and fails on new ones', async () => {
    const root = project('baseline', { 'src/health.ts': UNBOUNDED_FETCH });
    const recorded = await runCli(['--baseline', 'policy-check-baseline.json', '--update-baseline'], root);
    expect(recorded.code).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(root, 'policy-check-baseline.json'), 'utf8')) as { entries: Array<Record<string, unknown>> };
    expect(baseline.entries).toEqual([
      { ruleId: 'service-policy/require-http-timeout', file: 'src/health.ts', message: expect.any(String), lineHash: expect.stringMatching(/^[0-9a-f]{16}$/), count: 1 },
    ]);

    writeFileSync(path.join(root, 'src/health.ts'), `/** Readiness of the health service. */\n\n${UNBOUNDED_FETCH}`);
    const moved = await runCli(['--baseline', 'policy-check-baseline.json'], root);
    expect(moved.code).toBe(0);

    writeFileSync(path.join(root, 'src/health.ts'), `${UNBOUNDED_FETCH}export const live = () => fetch('http://health.internal/live');\n`);
    const added = await runCli(['--baseline', 'policy-check-baseline.json', '--format', 'json'], root);
    expect(added.code).toBe(1);
    const report = JSON.parse(added.stdout) as { findings: Array<{ line: number }> };
    expect(report.findings.map((finding) => finding.line)).toEqual([2]);
  });

  it('honours a suppression with a reason and reports one without', async () => {
    const root = project('suppressions', {
      'src/with-reason.ts': `// policy-check-ignore require-http-timeout -- the sidecar enforces a 2 s deadline\n${UNBOUNDED_FETCH}`,
      'src/without-reason.ts': `// policy-check-ignore require-http-timeout\n${UNBOUNDED_FETCH}`,
    });
    const run = await runCli(['--format', 'json'], root);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'src/without-reason.ts:1 service-policy/invalid-suppression',
      'src/without-reason.ts:2 service-policy/require-http-timeout',
    ]);
  });

  it('reports only files changed since a git ref, untracked ones included', async () => {
    const root = project('changed', { 'src/old.ts': UNBOUNDED_FETCH, 'src/edited.ts': BOUNDED_FETCH, 'README.md': '# service\n' });
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '.');
    git('commit', '--quiet', '-m', 'base');
    git('checkout', '--quiet', '-b', 'feature');
    writeFileSync(path.join(root, 'src/edited.ts'), UNBOUNDED_FETCH);
    git('commit', '--quiet', '-am', 'drop the deadline');
    writeFileSync(path.join(root, 'src/new.ts'), UNBOUNDED_FETCH);

    const run = await runCli(['--changed-since', 'main', '--format', 'json'], root);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { fileCount: number; findings: Array<{ file: string }> };
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/edited.ts', 'src/new.ts']);
    expect(report.fileCount).toBe(2);

    const badRef = await runCli(['--changed-since', 'no-such-branch'], root);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/^policy-check: --changed-since no-such-branch: [^\n]+\n$/);
  });
});
