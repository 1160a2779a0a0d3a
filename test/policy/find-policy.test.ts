/**
 * The one policy search: the synchronous form the ESLint rules use and the asynchronous form policy-check
 * uses find the same file, load it the same way, and name the file they could not read.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { findPolicy, findProjectPolicy, loadPolicyFile, PolicyReadError } from '../../policy/find-policy.js';
import { DEFAULT_POLICY, PolicyError } from '../../policy/policy.js';

const temporary = mkdtempSync(path.join(tmpdir(), 'service-policy-find-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = path.join(temporary, name);
  mkdirSync(path.join(root, 'src', 'orders'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('findPolicy and findProjectPolicy', () => {
  it.each([
    ['.policy-checkrc.json', JSON.stringify({ idempotency: { headers: ['X-Json-Key'] } }), 'X-Json-Key'],
    ['.policy-checkrc.yaml', 'idempotency:\n  headers: [X-Yaml-Key]\n', 'X-Yaml-Key'],
    ['policy-check.config.cjs', "module.exports = { idempotency: { headers: ['X-Cjs-Key'] } };\n", 'X-Cjs-Key'],
    ['policy-check.config.ts', "const headers: string[] = ['X-Ts-Key'];\nexport default { idempotency: { headers } };\n", 'X-Ts-Key'],
    ['package.json', JSON.stringify({ name: 'orders', 'policy-check': { idempotency: { headers: ['X-Manifest-Key'] } } }), 'X-Manifest-Key'],
  ])('find %s from a nested directory, synchronously and asynchronously alike', async (file, text, header) => {
    const root = project(`found-${file}`, { [file]: text });
    const nested = path.join(root, 'src', 'orders');
    const found = findPolicy(nested);
    expect(found.file).toBe(path.join(root, file));
    expect(found.policy.idempotency.headers).toEqual([header]);
    const fromProject = await findProjectPolicy(nested);
    expect(fromProject.file).toBe(found.file);
    expect(fromProject.input).toEqual(found.input);
    expect(fromProject.policy).toEqual(found.policy);
  });

  it('reads an ESM-only .mjs policy asynchronously; the synchronous search walks past it', async () => {
    const parent = project('module-only', { '.policy-checkrc.json': JSON.stringify({ ignore: ['parent/**'] }) });
    const root = path.join(parent, 'service');
    mkdirSync(root);
    writeFileSync(path.join(root, 'policy-check.config.mjs'), "export default { ignore: ['module/**'] };\n");
    expect(findPolicy(root).policy.ignore).toEqual(['parent/**']);
    expect((await findProjectPolicy(root)).policy.ignore).toEqual(['module/**']);
    expect((await loadPolicyFile(path.join(root, 'policy-check.config.mjs'))).policy.ignore).toEqual(['module/**']);
  });

  it('walks up past folders with no policy and past manifests without the key, and stops at the nearest policy', async () => {
    const root = project('workspace', {
      '.policy-checkrc.json': JSON.stringify({ ignore: ['workspace/**'] }),
      'services/orders/package.json': JSON.stringify({ name: 'orders' }),
      'services/orders/src/handlers/create.ts': '',
      'services/billing/package.json': JSON.stringify({ name: 'billing', 'policy-check': { ignore: ['billing/**'] } }),
      'services/billing/src/jobs/charge.ts': '',
      // Passed over as the search passes them over: an empty policy file, and a folder named like one.
      'services/orders/src/.policy-checkrc.json': '',
      'services/orders/src/handlers/.policy-checkrc.yaml/README': '',
    });
    for (const [folder, expected] of [
      [path.join(root, 'services', 'orders', 'src', 'handlers'), path.join(root, '.policy-checkrc.json')],
      [path.join(root, 'services', 'billing', 'src', 'jobs'), path.join(root, 'services', 'billing', 'package.json')],
      [path.join(root, 'services', 'orders'), path.join(root, '.policy-checkrc.json')],
    ] as const) {
      expect(findPolicy(folder).file).toBe(expected);
      expect((await findProjectPolicy(folder)).file).toBe(expected);
    }
  });

  it('gives the defaults, with no file, where there is no policy', async () => {
    const root = project('none', {});
    expect(findPolicy(root)).toEqual({ policy: DEFAULT_POLICY, input: undefined, file: undefined });
    expect(await findProjectPolicy(root)).toEqual({ policy: DEFAULT_POLICY, input: undefined, file: undefined });
  });

  it('names the file it could not read, and the key that is invalid', async () => {
    const broken = project('broken', { 'policy-check.config.cjs': "throw new Error('no policy today');\n" });
    expect(() => findPolicy(broken)).toThrow(PolicyReadError);
    const error = await findProjectPolicy(broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PolicyReadError);
    expect(error).toMatchObject({ file: path.join(broken, 'policy-check.config.cjs'), message: 'no policy today' });
    const invalid = project('invalid', { '.policy-checkrc.json': JSON.stringify({ jwt: { maxLifetime: '2 fortnights' } }) });
    expect(() => findPolicy(invalid)).toThrow(PolicyError);
    await expect(findProjectPolicy(invalid)).rejects.toMatchObject({ file: path.join(invalid, '.policy-checkrc.json'), key: 'jwt.maxLifetime' });
  });
});
