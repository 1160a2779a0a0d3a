/**
 * A rule's options, from four layers; for each option the first layer that sets it wins:
 *
 * 1. the rule's options in eslint.config.js;
 * 2. the policy file's `rules` entry for the rule (`"require-idempotency-key": ["error", { … }]`);
 * 3. the policy's sections the rule reads (`idempotency.headers` for require-idempotency-key's `headers`);
 * 4. the rule's `meta.defaultOptions`.
 *
 * Options are compared one property at a time in object options (the usual `[{ … }]` shape) and as a
 * whole otherwise; an option whose value is an object or an array is taken whole from one layer.
 */
import { isDeepStrictEqual } from 'node:util';

import { PLUGIN_NAME, type Policy, type RuleSetting } from './policy.js';

export interface RuleOptionLayers {
  /** `meta.defaultOptions`. */
  readonly defaults: readonly unknown[];
  /** `context.options`: eslint.config.js options, already merged over `defaults` by ESLint. */
  readonly configured: readonly unknown[];
  /** The options of the policy file's `rules` entry (the array after the severity), if it gives any. */
  readonly policyEntry: readonly unknown[] | undefined;
  /** Options the rule takes from the policy's sections. */
  readonly sections: readonly unknown[] | undefined;
}

export function resolveRuleOptions(layers: RuleOptionLayers): unknown[] {
  const { defaults, configured, policyEntry = [], sections = [] } = layers;
  const length = Math.max(defaults.length, configured.length, policyEntry.length, sections.length);
  return Array.from({ length }, (_, index) => resolveSlot(defaults[index], configured[index], policyEntry[index], sections[index]));
}

/** The options a policy's `rules` entry gives a rule (by short or full id), if any. */
export function getPolicyRuleOptions(policy: Policy, ruleName: string): readonly unknown[] | undefined {
  const setting: RuleSetting | undefined = policy.rules[ruleName] ?? policy.rules[`${PLUGIN_NAME}/${ruleName}`];
  return Array.isArray(setting) && setting.length > 1 ? setting.slice(1) : undefined;
}

function resolveSlot(fallback: unknown, configured: unknown, fromEntry: unknown, fromSections: unknown): unknown {
  if (isPlainObject(fallback) || isPlainObject(configured) || isPlainObject(fromEntry) || isPlainObject(fromSections)) {
    const defaults = asObject(fallback);
    const given = asObject(configured);
    const entry = asObject(fromEntry);
    const sections = asObject(fromSections);
    const result: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(defaults), ...Object.keys(given), ...Object.keys(entry), ...Object.keys(sections)])) {
      const value = isSetInConfig(defaults, given, key) ? given[key] : firstDefined(entry[key], sections[key], defaults[key], given[key]);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (configured !== undefined && !isDeepStrictEqual(configured, fallback)) return configured;
  return firstDefined(fromEntry, fromSections, fallback, configured);
}

/**
 * ESLint 10 hands a rule its eslint.config.js options already deep-merged over `meta.defaultOptions` (and
 * typescript-eslint's RuleCreator merges them again), so an option counts as set in eslint.config.js only
 * where it has no default or its value differs from the default: an option restated at its default value
 * there yields to the policy file.
 */
function isSetInConfig(defaults: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>, key: string): boolean {
  if (!Object.hasOwn(given, key) || given[key] === undefined) return false;
  return !Object.hasOwn(defaults, key) || !isDeepStrictEqual(given[key], defaults[key]);
}

function firstDefined(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Readonly<Record<string, unknown>> {
  return isPlainObject(value) ? value : {};
}
