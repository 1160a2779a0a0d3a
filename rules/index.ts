/**
 * The plugin: rules, and the presets computed from rule metadata (recommended ⊂ strict ⊂ all).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TSESLint } from '@typescript-eslint/utils';

import { PLUGIN_NAME } from './create-rule.js';
import noRetryOnClientError from './no-retry-on-client-error.js';
import noUnboundedRetry from './no-unbounded-retry.js';
import requireHttpTimeout from './require-http-timeout.js';
import requireIdempotencyKey from './require-idempotency-key.js';
import requireLogFields from './require-log-fields.js';
import requireRetryBackoff from './require-retry-backoff.js';
import requireTracePropagation from './require-trace-propagation.js';

export { defineConfig } from '../policy/policy.js';
export { DEFAULT_TEST_PATTERNS } from '../policy/test-files.js';
export type { Policy, PolicyInput } from '../policy/policy.js';

export const rules = {
  'no-retry-on-client-error': noRetryOnClientError,
  'no-unbounded-retry': noUnboundedRetry,
  'require-http-timeout': requireHttpTimeout,
  'require-idempotency-key': requireIdempotencyKey,
  'require-log-fields': requireLogFields,
  'require-retry-backoff': requireRetryBackoff,
  'require-trace-propagation': requireTracePropagation,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;

export const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

type PresetName = 'recommended' | 'strict' | 'all';

interface Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<PresetName, TSESLint.FlatConfig.Config>;
}

const plugin: Plugin = {
  meta: { name: 'eslint-plugin-service-policy', version: readOwnVersion() },
  rules,
  configs: {} as Plugin['configs'],
};

plugin.configs.recommended = createPreset('recommended', (docs) => docs.recommended === true);
plugin.configs.strict = createPreset('strict', (docs) => docs.recommended === true || docs.strict === true);
plugin.configs.all = createPreset('all', () => true);

export default plugin;

/** The same plugin as named exports, for loaders that read the module namespace (CommonJS `require`). */
export const { meta, configs } = plugin;

function createPreset(name: PresetName, isIncluded: (docs: { recommended?: boolean; strict?: boolean }) => boolean): TSESLint.FlatConfig.Config {
  const enabled: Record<string, TSESLint.SharedConfig.RuleEntry> = {};
  for (const [ruleName, rule] of Object.entries(rules).sort(([left], [right]) => left.localeCompare(right))) {
    if (rule.meta.docs && isIncluded(rule.meta.docs)) enabled[`${PLUGIN_NAME}/${ruleName}`] = 'error';
  }
  return {
    name: `${PLUGIN_NAME}/${name}`,
    files: FILES,
    plugins: { [PLUGIN_NAME]: plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: enabled,
  };
}

function readOwnVersion(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'eslint-plugin-service-policy') return manifest.version ?? '0.0.0';
    } catch {
      // no manifest here; keep walking up
    }
    const parent = path.dirname(directory);
    if (parent === directory) return '0.0.0';
    directory = parent;
  }
}
