/**
 * policy-check as a library: check a project and get the result model back.
 *
 *   import { checkProject } from 'eslint-plugin-service-policy/checker';
 *   const result = await checkProject({ root: process.cwd() });
 */
export { checkProject } from './core/check-project.js';
export { defineConfig } from '../policy/policy.js';
export type { Policy, PolicyInput } from '../policy/policy.js';
export type { CheckOptions, Shard } from './config/options.js';
export { ConfigError } from './config/config-error.js';
export { mergeResults } from './report/merge.js';
export { SCHEMA_VERSION, compareFindings, compareInventory } from './report/model.js';
export type { CheckResult, FileProblem, Finding, FindingSeverity, InventoryEntry, RuleDescriptor } from './report/model.js';
export type { CheckedProject, ProjectCheck } from './checks/index.js';
export { checks } from './checks/index.js';
