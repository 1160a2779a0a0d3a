/**
 * What installing the package does: every locked dependency runs on every Node version the package
 * promises (so `npm ci` prints no EBADENGINE warning), and the package.json says where the project lives
 * and claims only what the rules do. What `npm pack` ships: package-contents.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import semver from 'semver';
import { describe, expect, it } from 'vitest';

import { checks } from '../../checker/checks/index.js';
import { rules } from '../../rules/index.js';
import { REPOSITORY } from '../cli/run-cli.js';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: Readonly<Record<string, string>> | readonly string[];
  readonly optional?: boolean;
}

const manifest = JSON.parse(readFileSync(path.join(REPOSITORY, 'package.json'), 'utf8')) as Record<string, unknown> & { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(REPOSITORY, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

/** The lowest version of each range of a `||` union: `^20.19.0 || >=24` → 20.19.0, 24.0.0. */
function lowestVersions(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(comparators.map((comparator) => comparator.value).join(' '))!.version);
}

describe('engines', () => {
  const supported = lowestVersions(manifest.engines.node);

  it('promises the Node versions ESLint itself runs on', () => {
    expect(supported).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    expect(semver.satisfies(process.version, manifest.engines.node), `this Node ${process.version}`).toBe(true);
  });

  it('locks only dependencies that run on the lowest version of every supported Node line', () => {
    const refused = Object.entries(lock.packages).flatMap(([location, locked]) => {
      const node = !Array.isArray(locked.engines) ? (locked.engines as Record<string, string> | undefined)?.node : undefined;
      if (!location || !node) return [];
      return supported.filter((version) => !semver.satisfies(version, node)).map((version) => `${location}@${locked.version} needs node ${node}, not ${version}`);
    });
    expect(refused).toEqual([]);
  });
});

describe('package.json', () => {
  it('says where the project lives', () => {
    expect(manifest).toMatchObject({
      homepage: 'https://github.com/service-policy/eslint-plugin-service-policy#readme',
      repository: { type: 'git', url: 'git+https://github.com/service-policy/eslint-plugin-service-policy.git' },
      bugs: { url: 'https://github.com/service-policy/eslint-plugin-service-policy/issues' },
      license: 'MIT',
    });
  });

  it('describes what the rules check today, and nothing they do not', () => {
    const description = String(manifest.description).toLowerCase();
    const ruleIds = [...Object.keys(rules), ...checks.map((check) => check.id)].join(' ');
    for (const subject of ['retr', 'timeout', 'idempotency', 'circuit breaker']) expect(description).toContain(subject);
    // A subject the description may name only once a rule or check of that name exists.
    const subjects = { trace: /trac/, consumer: /consum/, token: /token|jwt/, cache: /cache/, log: /log/, tls: /tls/ };
    const promised = Object.entries(subjects).filter(([word, pattern]) => description.includes(word) && !pattern.test(ruleIds));
    expect(promised.map(([word]) => word)).toEqual([]);
  });
});
