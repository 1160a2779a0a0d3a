/**
 * Every rule and check policy-check can run, with the severity it has when the policy file does not name
 * it: the plugin's rules (the `recommended` preset as errors, the others off) and the project checks.
 * Built from metadata, so a rule added to the plugin is picked up with no change here.
 */
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { rules } from '../../rules/index.js';
import { checks } from '../checks/index.js';

export type ConfiguredSeverity = 'off' | 'warn' | 'error';

export interface CatalogEntry {
  /** Full id, `service-policy/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'rule' | 'check';
  readonly description: string;
  readonly helpUrl: string;
  readonly defaultSeverity: ConfiguredSeverity;
}

export function getRuleCatalog(): CatalogEntry[] {
  const fromRules = Object.entries(rules as Record<string, { meta: { docs?: { description?: string; url?: string; recommended?: boolean } } }>).map(
    ([name, rule]): CatalogEntry => ({
      id: `${PLUGIN_NAME}/${name}`,
      name,
      kind: 'rule',
      description: rule.meta.docs?.description ?? '',
      helpUrl: rule.meta.docs?.url ?? '',
      defaultSeverity: rule.meta.docs?.recommended === true ? 'error' : 'off',
    }),
  );
  const ruleIds = new Set(fromRules.map((entry) => entry.id));
  // A check that shares a rule's id is that rule's project-wide part, not an entry of its own.
  const fromChecks = checks.filter((check) => !ruleIds.has(check.id)).map(
    (check): CatalogEntry => ({
      id: check.id,
      name: check.id.slice(PLUGIN_NAME.length + 1),
      kind: 'check',
      description: check.description,
      helpUrl: check.helpUrl,
      defaultSeverity: check.defaultSeverity,
    }),
  );
  return [...fromRules, ...fromChecks].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
}
