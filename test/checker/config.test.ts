/** The policy as policy-check loads it: every file form, the severities it sets, and one-line errors. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../checker/config/config-error.js';
import { resolveOptions } from '../../checker/config/options.js';
import { getRuleCatalog } from '../../checker/config/rule-catalog.js';
import { rules } from '../../rules/index.js';

const temporary = mkdtempSync(path.join(tmpdir(), 'policy-check-config-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = path.join(temporary, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('resolveOptions', () => {
  it('applies the recommended preset as errors, the project checks as warnings, and the rest off when there is no policy file', async () => {
    const resolved = await resolveOptions({ root: project('defaults', { 'package.json': '{"name":"defaults"}' }) });
    expect(resolved.policyFile).toBeUndefined();
    for (const [name, rule] of Object.entries(rules as Record<string, { meta: { docs?: { recommended?: boolean } } }>)) {
      expect(resolved.severities[`service-policy/${name}`], name).toBe(rule.meta.docs?.recommended ? 'error' : 'off');
    }
    expect(resolved.severities['service-policy/require-circuit-breaker']).toBe('warn');
    expect(resolved.severities['service-policy/invalid-suppression']).toBe('warn');
  });

  it('takes severities by short or full id, numbers or names, with options in an array', async () => {
    const root = project('severities', {
      '.policy-checkrc.yaml': [
        'rules:',
        '  require-http-timeout: warn',
        '  service-policy/require-circuit-breaker: 2',
        '  invalid-suppression: [off]',
        'ignore: ["**/*.test.ts"]',
      ].join('\n'),
    });
    const resolved = await resolveOptions({ root, ignore: ['generated/**'] });
    expect(resolved.policyFile).toBe(path.join(root, '.policy-checkrc.yaml'));
    expect(resolved.severities).toMatchObject({
      'service-policy/require-http-timeout': 'warn',
      'service-policy/require-circuit-breaker': 'error',
      'service-policy/invalid-suppression': 'off',
    });
    expect(resolved.ignore).toEqual(['**/*.test.ts', 'generated/**']);
  });

  it('reads an ESM-only .mjs policy, and a policy-check key in package.json', async () => {
    const fromModule = await resolveOptions({
      root: project('module', { 'policy-check.config.mjs': "export default { rules: { 'require-http-timeout': 'warn' }, include: ['src/**'] };\n" }),
    });
    expect(fromModule.include).toEqual(['src/**']);
    expect(fromModule.severities['service-policy/require-http-timeout']).toBe('warn');
    const fromManifest = await resolveOptions({ root: project('manifest', { 'package.json': JSON.stringify({ name: 'x', 'policy-check': { ignore: ['legacy/**'] } }) }) });
    expect(fromManifest.ignore).toEqual(['legacy/**']);
  });

  it('reads the file given with --config, relative to the root', async () => {
    const root = project('given', { 'config/policy.json': JSON.stringify({ rules: { 'require-http-timeout': 'off' } }) });
    const resolved = await resolveOptions({ root, configFile: 'config/policy.json' });
    expect(resolved.severities['service-policy/require-http-timeout']).toBe('off');
  });

  it.each([
    ['syntax', { '.policy-checkrc.json': '{ "rules": { ' }, /^\.policy-checkrc\.json: cannot be read: /],
    ['unknown key', { '.policy-checkrc.json': '{ "rule": {} }' }, /^\.policy-checkrc\.json: "rule" is not a known key$/],
    ['wrong type', { '.policy-checkrc.json': '{ "ignore": "dist" }' }, /^\.policy-checkrc\.json: "ignore" must be array$/],
    ['unknown rule', { '.policy-checkrc.json': '{ "rules": { "no-such-rule": "warn" } }' }, /^\.policy-checkrc\.json: "rules\.no-such-rule" is not a known rule or check$/],
    ['module that throws', { 'policy-check.config.mjs': "throw new Error('no policy today');\n" }, /^policy-check\.config\.mjs: cannot be read: no policy today$/],
  ])('turns a policy file with a bad %s into one ConfigError line', async (name, files, message) => {
    const error = await resolveOptions({ root: project(`bad-${name.replace(/\s/g, '-')}`, files) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a root that is not a directory and a path that does not exist', async () => {
    await expect(resolveOptions({ root: path.join(temporary, 'nowhere') })).rejects.toThrow(ConfigError);
    await expect(resolveOptions({ root: project('paths', { 'src/index.ts': '' }), paths: ['src/missing.ts'] })).rejects.toThrow('src/missing.ts: no such file or directory');
  });

  it('lists every plugin rule and every check in the catalog', () => {
    const ids = getRuleCatalog().map((entry) => entry.id);
    for (const name of Object.keys(rules)) expect(ids).toContain(`service-policy/${name}`);
    expect(ids).toEqual(expect.arrayContaining(['service-policy/invalid-suppression', 'service-policy/require-circuit-breaker']));
  });
});
