import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../../rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const namesIn = (directory: string, suffix: string): string[] =>
  readdirSync(path.join(root, directory))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleNames = Object.keys(rules).sort();

describe('plugin', () => {
  it('registers exactly the rule files, and each has a docs page and a test file', () => {
    const ruleFiles = namesIn('rules', '.ts').filter((name) => !['index', 'create-rule'].includes(name));
    expect(ruleNames).toEqual(ruleFiles);
    expect(namesIn('docs/rules', '.md')).toEqual(ruleNames);
    expect(namesIn('test/rules', '.test.ts')).toEqual(ruleNames);
  });

  it('gives every rule a docs URL, a description, a schema and default options', () => {
    for (const [name, rule] of Object.entries(rules)) {
      expect(rule.meta.docs?.url, name).toBe(`https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/rules/${name}.md`);
      expect(rule.meta.docs?.description, name).toMatch(/^(Enforce|Require|Disallow) /);
      expect(Array.isArray(rule.meta.schema), name).toBe(true);
      expect(rule.meta.defaultOptions, name).toBeDefined();
    }
  });

  it('builds the presets from rule metadata: recommended ⊂ strict ⊂ all', () => {
    const enabled = (config: keyof typeof plugin.configs): string[] => Object.keys(plugin.configs[config].rules ?? {}).sort();
    const full = (name: string): string => `service-policy/${name}`;
    expect(enabled('all')).toEqual(ruleNames.map(full));
    expect(enabled('recommended')).toEqual(ruleNames.filter((name) => rules[name as keyof typeof rules].meta.docs?.recommended).map(full));
    expect(enabled('strict')).toEqual(
      ruleNames.filter((name) => {
        const docs = rules[name as keyof typeof rules].meta.docs;
        return docs?.recommended === true || docs?.strict === true;
      }).map(full),
    );
    expect(plugin.meta.name).toBe('eslint-plugin-service-policy');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
