/**
 * policy-check's core: loads the project into one TypeScript program, runs every enabled rule of the plugin
 * over it through ESLint, runs the project-wide checks on the program and the inventory the rules recorded,
 * and returns the result model. It returns data and never prints; a file that cannot be parsed or checked
 * becomes a problem of that file and the run goes on.
 */
import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';
import type { ts } from 'ts-morph';

import { PLUGIN_NAME, type LocatedFixLocation } from '../../rules/create-rule.js';
import type { LocatedInventoryFact } from '../../rules/inventory/facts.js';
import plugin from '../../rules/index.js';
import { isSuppressed, type Suppression } from '../../policy/suppressions.js';
import { checks } from '../checks/index.js';
import type { CheckedFact, CheckedProject, FindingLocation } from '../checks/check.js';
import { resolveOptions, type CheckOptions, type ResolvedOptions } from '../config/options.js';
import {
  compareFindings,
  compareInventory,
  compareText,
  SCHEMA_VERSION,
  type CheckResult,
  type FileProblem,
  type Finding,
  type FixLocation,
  type InventoryEntry,
  type Note,
  type RuleDescriptor,
} from '../report/model.js';
import { CHECKER_PLUGIN_NAME, COLLECT_SUPPRESSIONS_RULE, createSuppressionCollector } from './collect-suppressions.js';
import { loadProject, type LoadedProject } from './load-project.js';
import { isInside, toRelativePath } from './paths.js';
import { runRules, type RuleMessage } from './run-rules.js';
import { selectFiles } from './select-files.js';
import { createServiceResolver, type ServiceOf } from './service-names.js';
import { getToolVersion, TOOL_NAME } from './tool.js';

/** Checks the project at `options.root`; rejects only with a ConfigError (bad policy file, path or option). */
export async function checkProject(options: CheckOptions): Promise<CheckResult> {
  const resolved = await resolveOptions(options);
  const loaded = loadProject({ root: resolved.root, paths: resolved.paths });
  const { files, excluded } = selectFiles(loaded.files, resolved, new Map(loaded.compiled.map((file) => [file, 'compiled-output' as const])));
  const serviceOf = createServiceResolver(resolved.root, loaded.workspaces);

  const suppressions = new Map<string, readonly Suppression[]>();
  const severities = enabledRuleSeverities(resolved);
  const outcome = await runRules({
    root: resolved.root,
    program: loaded.program,
    files,
    plugins: {
      [PLUGIN_NAME]: plugin as unknown as TSESLint.FlatConfig.Plugin,
      [CHECKER_PLUGIN_NAME]: createSuppressionCollector((file, found) => suppressions.set(file, found)),
    },
    severities: { ...severities, [COLLECT_SUPPRESSIONS_RULE]: 'warn' },
    factRules: resolved.catalog.filter((entry) => entry.kind === 'rule' && !severities[entry.id]).map((entry) => entry.id),
    policy: resolved.policyInput,
    onProgress: resolved.onProgress,
  });

  const relative = (file: string): string => toRelativePath(resolved.root, file);
  const facts = outcome.facts.map((fact) => toCheckedFact(fact, relative, serviceOf)).sort(compareInventory);
  const inventory = facts.map(toInventoryEntry);
  const fixLocations = indexFixLocations(outcome.fixLocations, relative);
  const problems: FileProblem[] = [...loaded.problems, ...outcome.problems];
  const project = createCheckedProject(resolved, loaded, files, suppressions, serviceOf);
  const ruleFindings = outcome.messages.map((message) => toFinding(message, resolved, relative, serviceOf, fixLocations));
  const findings = settleRuleFindings(project, facts, ruleFindings, resolved, problems);
  findings.push(...runChecks(project, facts, resolved, problems));

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: getToolVersion() },
    // A file the rules could not run on (unparseable, binary, too long, a rule crashed) was not checked.
    fileCount: files.length - new Set(outcome.problems.map((problem) => problem.file)).size,
    findings: dedupe(findings.sort(compareFindings)),
    inventory,
    problems: problems.sort((left, right) => compareText(left.file, right.file) || compareText(left.message, right.message)),
    excluded: excluded.sort((left, right) => compareText(left.file, right.file)),
    notes: describeUnlistedFiles(resolved.root, files, loaded.unlisted),
    rules: describeEnabled(resolved),
  };
}

/**
 * One note per tsconfig that leaves out files that were checked: `packages/notifier/tsconfig.json lists 0 of
 * 8 source files under packages/notifier; the other 8 are checked too`.
 */
function describeUnlistedFiles(root: string, files: readonly string[], unlisted: ReadonlyMap<string, string>): Note[] {
  const byConfig = new Map<string, number>();
  for (const file of files) {
    const config = unlisted.get(file);
    if (config) byConfig.set(config, (byConfig.get(config) ?? 0) + 1);
  }
  return [...byConfig].map(([config, count]) => {
    const directory = path.dirname(config);
    const total = files.filter((file) => isInside(directory, file)).length;
    const folder = toRelativePath(root, directory) || '.';
    return {
      file: toRelativePath(root, config),
      message: `lists ${total - count} of the ${total} source files checked under ${folder}; the other ${count} are checked too, with the project's compiler options`,
    };
  });
}

function enabledRuleSeverities(resolved: ResolvedOptions): Record<string, 'warn' | 'error'> {
  const enabled: Record<string, 'warn' | 'error'> = {};
  for (const entry of resolved.catalog) {
    const severity = resolved.severities[entry.id];
    if (entry.kind === 'rule' && severity && severity !== 'off') enabled[entry.id] = severity;
  }
  return enabled;
}

/** Drops the rule findings that the checks' project-wide facts show satisfied. */
function settleRuleFindings(project: CheckedProject, facts: readonly CheckedFact[], findings: Finding[], resolved: ResolvedOptions, problems: FileProblem[]): Finding[] {
  let kept = findings;
  for (const check of checks) {
    if (!check.settle || resolved.severities[check.id] === 'off') continue;
    try {
      const settled = check.settle(project, facts, kept);
      if (settled.size > 0) kept = kept.filter((finding) => !settled.has(finding));
    } catch (error) {
      problems.push({ file: '.', message: `check ${check.id} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
    }
  }
  return kept;
}

function runChecks(project: CheckedProject, facts: readonly CheckedFact[], resolved: ResolvedOptions, problems: FileProblem[]): Finding[] {
  const checked = new Set(project.files.map((file) => toRelativePath(resolved.root, file)));
  const findings: Finding[] = [];
  for (const check of checks) {
    if (resolved.severities[check.id] === 'off') continue;
    let found: Finding[];
    try {
      found = check.run(project, facts);
    } catch (error) {
      problems.push({ file: '.', message: `check ${check.id} failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
      continue;
    }
    const name = check.id.slice(PLUGIN_NAME.length + 1);
    for (const finding of found) {
      if (!checked.has(finding.file)) continue;
      const fileSuppressions = project.suppressions.get(project.resolve(finding.file)) ?? [];
      if (check.id !== `${PLUGIN_NAME}/invalid-suppression` && isSuppressed(fileSuppressions, name, finding.line)) continue;
      findings.push(finding);
    }
  }
  return findings;
}

function createCheckedProject(
  resolved: ResolvedOptions,
  loaded: LoadedProject,
  files: readonly string[],
  suppressions: ReadonlyMap<string, readonly Suppression[]>,
  serviceOf: ServiceOf,
): CheckedProject {
  const byId = new Map(resolved.catalog.map((entry) => [entry.id, entry]));
  return {
    root: resolved.root,
    project: loaded.project,
    program: loaded.program,
    files,
    policy: resolved.policy,
    suppressions,
    knownRuleIds: new Set(byId.keys()),
    resolve: (file) => path.resolve(resolved.root, file),
    createFinding(checkId, file, where, message) {
      const entry = byId.get(checkId);
      const location = 'kind' in where ? locate(loaded.program, file, where) : where;
      return {
        ruleId: checkId,
        severity: resolved.severities[checkId] === 'error' ? 'error' : 'warning',
        file: toRelativePath(resolved.root, file),
        ...location,
        message,
        helpUrl: entry?.helpUrl ?? '',
        service: serviceOf(file),
      };
    },
  };
}

function locate(program: ts.Program, file: string, node: ts.Node): FindingLocation {
  const sourceFile = program.getSourceFile(file) ?? node.getSourceFile();
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function toFinding(
  found: RuleMessage,
  resolved: ResolvedOptions,
  relative: (file: string) => string,
  serviceOf: ServiceOf,
  fixLocations: ReadonlyMap<string, FixLocation>,
): Finding {
  const { message } = found;
  const entry = resolved.catalog.find((candidate) => candidate.id === message.ruleId);
  const fixLocation = fixLocations.get(getReportKey(message.ruleId, found.file, message.line, message.column));
  return {
    ruleId: message.ruleId,
    severity: message.severity === 2 ? 'error' : 'warning',
    file: relative(found.file),
    line: message.line,
    column: message.column,
    endLine: message.endLine ?? message.line,
    endColumn: message.endColumn ?? message.column,
    message: message.message,
    helpUrl: entry?.helpUrl ?? '',
    service: serviceOf(found.file),
    ...(fixLocation ? { fixLocation } : {}),
  };
}

/** Fix locations by the report they belong to, their files made relative. */
function indexFixLocations(entries: readonly LocatedFixLocation[], relative: (file: string) => string): Map<string, FixLocation> {
  return new Map(
    entries.map((entry) => [
      getReportKey(entry.ruleId, entry.file, entry.line, entry.column),
      { label: entry.fixLocation.label, file: relative(entry.fixLocation.file), line: entry.fixLocation.line },
    ]),
  );
}

function getReportKey(ruleId: string, file: string, line: number, column: number): string {
  return `${ruleId}\0${file}\0${line}\0${column}`;
}

/** A recorded fact located as the report locates it, keeping its node in the program for the checks. */
function toCheckedFact(fact: LocatedInventoryFact, relative: (file: string) => string, serviceOf: ServiceOf): CheckedFact {
  return { ...fact, file: relative(fact.file), service: serviceOf(fact.file) };
}

/** The report's entry for a fact: its printable fields only, in the order the JSON report has always written them. */
function toInventoryEntry(fact: CheckedFact): InventoryEntry {
  return {
    kind: fact.kind,
    library: fact.library,
    file: fact.file,
    line: fact.line,
    column: fact.column,
    service: fact.service,
    properties: fact.properties,
  };
}

function describeEnabled(resolved: ResolvedOptions): RuleDescriptor[] {
  return resolved.catalog
    .filter((entry) => resolved.severities[entry.id] !== 'off')
    .map((entry) => ({ id: entry.id, description: entry.description, helpUrl: entry.helpUrl }));
}

function dedupe(sorted: Finding[]): Finding[] {
  return sorted.filter((finding, index) => index === 0 || compareFindings(finding, sorted[index - 1]!) !== 0 || finding.endLine !== sorted[index - 1]!.endLine || finding.endColumn !== sorted[index - 1]!.endColumn);
}
