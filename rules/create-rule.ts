/**
 * The one rule factory: docs URLs, the plugin's docs shape, inline suppressions that require a reason,
 * and access to the policy file and to the inventory sink the checker listens on.
 */
import path from 'node:path';

import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { DEFAULT_POLICY, PLUGIN_NAME, readPolicy, type Policy, type PolicyInput } from '../policy/policy.js';
import { findPolicy } from '../policy/find-policy.js';
import { getPolicyRuleOptions, resolveRuleOptions } from '../policy/rule-options.js';
import { findSuppressions, isSuppressed, SUPPRESSION_MARKER } from '../policy/suppressions.js';
import { isTestFile } from '../policy/test-files.js';
import { getTypeServices } from './ast/get-type-services.js';
import type { InventoryFact, LocatedInventoryFact } from './inventory/facts.js';

export { PLUGIN_NAME };
export const REPOSITORY_URL = 'https://github.com/service-policy/eslint-plugin-service-policy';

export interface PluginDocs {
  description: string;
  /** In `configs.recommended` (and therefore in `strict` and `all`). */
  recommended?: boolean;
  /** In `configs.strict` (heuristic rules that are off in `recommended`). */
  strict?: boolean;
  /** The rule sees further with type information (values from other modules) and works without it. */
  usesTypeInformation?: boolean;
}

export type { InventoryFact, LocatedInventoryFact } from './inventory/facts.js';

/** Where the fix for a finding belongs when that is not where it is reported: the shared logger a log line is written through. */
export interface FixLocation {
  /** What is fixed there: "pino logger `logger`". */
  readonly label: string;
  /** Absolute file name. */
  readonly file: string;
  readonly line: number;
}

/** A fix location, tied to the report it belongs to by rule, file and start position. */
export interface LocatedFixLocation {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly fixLocation: FixLocation;
}

/** `settings['service-policy']`: how policy-check hands its policy to the rules and collects facts. */
export interface ServicePolicySettings {
  readonly policy?: PolicyInput;
  readonly onFact?: (fact: LocatedInventoryFact) => void;
  readonly onFixLocation?: (entry: LocatedFixLocation) => void;
}

export const ruleDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

/** What a rule file gives createRule: the rule, and the options it takes from the policy's sections. */
export type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PluginDocs>> & {
  /**
   * Option values read from the policy's sections (`idempotency.headers`, `logging.requiredFields`, …):
   * they apply where neither eslint.config.js nor the policy file's `rules` entry sets the option.
   */
  readonly optionsFromPolicy?: (policy: Policy) => OptionsFromPolicy<Options>;
};

export type OptionsFromPolicy<Options extends readonly unknown[]> = { readonly [Index in keyof Options]?: Partial<Options[Index]> };

/**
 * Creates a rule whose reports honour `// policy-check-ignore <rule> -- <reason>` and whose options follow
 * one precedence (policy/rule-options.ts): eslint.config.js, the policy file's `rules` entry, the policy's
 * sections, the defaults.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: RuleDefinition<Options, MessageIds>,
): ESLintUtils.RuleModule<MessageIds, Options, PluginDocs> & { name: string } {
  const { optionsFromPolicy, name, meta } = rule;
  // The options a policy and a configured option list resolve to: the same for every file they apply to.
  // ESLint hands each file a fresh copy of the configured list around the same option object, so a single
  // object option is its own key; any other list is keyed by its content.
  const resolved = new WeakMap<Policy, { readonly byObject: WeakMap<object, readonly unknown[]>; readonly byText: Map<string, readonly unknown[]> }>();
  const resolveOptions = (policy: Policy, configured: readonly unknown[]): readonly unknown[] => {
    let cache = resolved.get(policy);
    if (!cache) resolved.set(policy, (cache = { byObject: new WeakMap(), byText: new Map() }));
    const only = configured.length === 1 && typeof configured[0] === 'object' && configured[0] !== null ? configured[0] : undefined;
    const text = only ? undefined : configured.length === 0 ? '' : JSON.stringify(configured);
    let options = only ? cache.byObject.get(only) : cache.byText.get(text!);
    if (!options) {
      options = resolveRuleOptions({
        defaults: meta.defaultOptions ?? [],
        configured,
        policyEntry: getPolicyRuleOptions(policy, name),
        sections: optionsFromPolicy?.(policy),
      });
      if (only) cache.byObject.set(only, options);
      else cache.byText.set(text!, options);
    }
    return options;
  };
  // Built directly rather than with typescript-eslint's RuleCreator, whose `create` deep-clones the default
  // options for every file only for them to be resolved again here.
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: meta.defaultOptions ?? ([] as unknown as Options),
    create(context) {
      // Test code is out of scope (the policy's `tests` patterns): the rule does not run on it at all.
      const scope = getFileScope(context);
      if (scope.isTest) return {};
      const options = resolveOptions(scope.policy, context.options) as unknown as Options;
      return rule.create(scope.maySuppress ? withSuppressions(context, name) : context, options);
    },
  };
}

function withSuppressions<Context extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(
  context: Context,
  ruleName: string,
): Context {
  let suppressions: ReturnType<typeof findSuppressions> | undefined;
  const report: Context['report'] = (descriptor) => {
    suppressions ??= findSuppressions(context.sourceCode);
    if (isSuppressed(suppressions, ruleName, getReportLine(descriptor))) return;
    context.report(descriptor);
  };
  return Object.create(context, { report: { value: report, enumerable: true } }) as Context;
}

function getReportLine(descriptor: TSESLint.ReportDescriptor<string>): number {
  if ('node' in descriptor && descriptor.node) return descriptor.node.loc.start.line;
  const loc = (descriptor as { loc: TSESTree.SourceLocation | TSESTree.Position }).loc;
  return 'start' in loc ? loc.start.line : loc.line;
}

function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ServicePolicySettings {
  return (context.settings[PLUGIN_NAME] ?? {}) as ServicePolicySettings;
}

/**
 * The policy that applies to the linted file: the one policy-check passed in (read once per run from the
 * policy module's cache), or the nearest policy file.
 */
export function getPolicy(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Policy {
  return getFileScope(context).policy;
}

/**
 * Whether the linted file is test code by the policy's `tests` patterns, matched on its path from the
 * directory of the policy file (from ESLint's working directory when there is none, or when policy-check
 * hands the policy over).
 */
export function isTestCode(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return getFileScope(context).isTest;
}

interface FileScope {
  /** The linted text: one per lint of a file, shared by all its rules. */
  readonly sourceCode: unknown;
  /** The policy policy-check handed over in the settings, if any. */
  readonly given: PolicyInput | undefined;
  readonly policy: Policy;
  readonly isTest: boolean;
  /** The file mentions an inline suppression (`policy-check-ignore`); without one, reports go straight to ESLint. */
  readonly maySuppress: boolean;
}

/** The last linted file's scope: ESLint sets up every rule of a file in a row, and each asks the same questions. */
let lastScope: FileScope | undefined;

function getFileScope(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileScope {
  const given = getSettings(context).policy;
  if (lastScope?.sourceCode === context.sourceCode && lastScope.given === given) return lastScope;
  const { filename, cwd } = context;
  const loaded = given || !path.isAbsolute(filename) ? undefined : findPolicy(path.dirname(filename));
  const policy = given ? readPolicy(given, `settings["${PLUGIN_NAME}"].policy`) : (loaded?.policy ?? DEFAULT_POLICY);
  const tests = policy.tests;
  const isTest = tests !== false && isTestFile(tests, getScopePath(filename, loaded?.file ? path.dirname(loaded.file) : cwd));
  lastScope = { sourceCode: context.sourceCode, given, policy, isTest, maySuppress: context.sourceCode.text.includes(SUPPRESSION_MARKER) };
  return lastScope;
}

/** The path patterns are matched on: from `base` when the file is inside it, else from the file system root. */
function getScopePath(filename: string, base: string): string {
  if (!path.isAbsolute(filename)) return filename.split(path.sep).join('/');
  // The usual case, a file below the base, without path.relative's normalising.
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  if (filename.startsWith(prefix) && !filename.includes(`${path.sep}..${path.sep}`)) return filename.slice(prefix.length).split(path.sep).join('/');
  const relative = path.relative(base, filename);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : filename.slice(path.parse(filename).root.length)).split(path.sep).join('/');
}

/** Hands an inventory entry to policy-check; a no-op in plain ESLint runs. */
export function recordFact(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
  fact: InventoryFact,
): void {
  const onFact = getSettings(context).onFact;
  if (!onFact) return;
  const programNode = getTypeServices(context)?.esTreeNodeToTSNodeMap.get(node);
  onFact({ ...fact, file: context.filename, line: node.loc.start.line, column: node.loc.start.column + 1, programNode });
}

/** Tells policy-check where the fix for the report at `node` belongs, so it can group reports by it; a no-op in plain ESLint runs. */
export function recordFixLocation(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
  ruleName: string,
  fixLocation: FixLocation,
): void {
  const onFixLocation = getSettings(context).onFixLocation;
  if (!onFixLocation) return;
  onFixLocation({ ruleId: `${PLUGIN_NAME}/${ruleName}`, file: context.filename, line: node.loc.start.line, column: node.loc.start.column + 1, fixLocation });
}
