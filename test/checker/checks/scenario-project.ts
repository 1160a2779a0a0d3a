/** A throw-away project on disk for a check's scenarios: written once before the tests, checked, removed after. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll } from 'vitest';

import { checkProject, type CheckResult } from '../../../checker/index.js';

export interface ScenarioProject {
  readonly root: string;
  /** The result of checking the whole project; available once the tests run. */
  result(): CheckResult;
}

export function useScenarioProject(prefix: string, files: Readonly<Record<string, string>>): ScenarioProject {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  let result: CheckResult | undefined;
  beforeAll(async () => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    result = await checkProject({ root });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    result: () => {
      if (!result) throw new Error('the scenario project has not been checked yet');
      return result;
    },
  };
}
