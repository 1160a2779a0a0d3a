/**
 * The one rule factory: docs URLs, the plugin's docs shape, inline suppressions that require a reason,
 * and access to the policy file and to the inventory sink the checker listens on.
 */
import path from 'node:path';

import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { Policy, PolicyInput } from '../policy/policy.js';
import { resolvePolicy } from '../policy/policy.js';
import { findPolicy } from '../policy/find-policy.js';
import { findSuppressions, isSuppressed } from '../policy/suppressions.js';

export const PLUGIN_NAME = 'service-policy';
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

/** One entry of the inventory: a retry policy, an HTTP client, and later loggers, consumers, … */
export interface InventoryFact {
  readonly kind: string;
  readonly library: string;
  /** Flat, printable properties: bound, backoff, jitter, timeout, … (null where unknown). */
  readonly properties: Readonly<Record<string, string | number | boolean | null>>;
}

export interface LocatedInventoryFact extends InventoryFact {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `settings['service-policy']`: how policy-check hands its policy to the rules and collects facts. */
export interface ServicePolicySettings {
  readonly policy?: PolicyInput;
  readonly onFact?: (fact: LocatedInventoryFact) => void;
}

export const ruleDocsUrl = (name: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;

const createDocumentedRule = ESLintUtils.RuleCreator<PluginDocs>(ruleDocsUrl);

/** Creates a rule whose reports honour `// policy-check-ignore <rule> -- <reason>`. */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, PluginDocs> & { name: string } {
  return createDocumentedRule<Options, MessageIds>({
    ...rule,
    create(context, options) {
      const effectiveOptions = isGivenNoOptions(context.options, rule.meta.defaultOptions) ? withPolicyOptions(context, rule, options) : options;
      return rule.create(withSuppressions(context, rule.name), effectiveOptions);
    },
  });
}

/** ESLint fills `context.options` with `meta.defaultOptions` when the config gives none. */
function isGivenNoOptions(given: readonly unknown[], defaults: readonly unknown[] | undefined): boolean {
  return given.length === 0 || JSON.stringify(given) === JSON.stringify(defaults ?? []);
}

/**
 * Options from the policy file's `rules` key apply when eslint.config.js gives the rule none: the config
 * file wins for its rule, the policy file fills in everywhere else.
 */
function withPolicyOptions<Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<string, Options>>,
  rule: { name: string; meta: { defaultOptions?: Options } },
  options: Options,
): Options {
  const policyRules = getPolicy(context).rules;
  const setting = policyRules[rule.name] ?? policyRules[`${PLUGIN_NAME}/${rule.name}`];
  if (!Array.isArray(setting) || setting.length < 2) return options;
  return ESLintUtils.applyDefault(rule.meta.defaultOptions ?? ([] as unknown as Options), setting.slice(1) as unknown as Options) as Options;
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

const policyFromSettings = new WeakMap<object, Policy>();

/** The policy that applies to the linted file: the one policy-check passed in, or the nearest policy file. */
export function getPolicy(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Policy {
  const given = getSettings(context).policy;
  if (given) {
    let resolved = policyFromSettings.get(given);
    if (!resolved) {
      resolved = resolvePolicy(given);
      policyFromSettings.set(given, resolved);
    }
    return resolved;
  }
  const filename = context.filename;
  if (!path.isAbsolute(filename)) return resolvePolicy(undefined);
  return findPolicy(path.dirname(filename)).policy;
}

/** Hands an inventory entry to policy-check; a no-op in plain ESLint runs. */
export function recordFact(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
  fact: InventoryFact,
): void {
  const onFact = getSettings(context).onFact;
  if (!onFact) return;
  onFact({ ...fact, file: context.filename, line: node.loc.start.line, column: node.loc.start.column + 1 });
}
