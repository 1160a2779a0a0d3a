/**
 * A realistic report for the HTML report's browser test and its screenshots: policy-check run on two
 * fixture projects, joined as one monorepo. fixtures/monorepo brings three services with retries and
 * timeouts; fixtures/checkout-service, placed under services/checkout, brings loggers, tracing, an access
 * log and findings on a shared logger. The lines of every reported file are read from the fixtures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkProject } from '../../../checker/index.js';
import { mergeResults } from '../../../checker/report/merge.js';
import type { CheckResult } from '../../../checker/report/model.js';
import type { LineReader } from '../../../checker/reporters/source-excerpt.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');
const CHECKOUT_FOLDER = 'services/checkout';

export interface RealisticReport {
  readonly result: CheckResult;
  readonly readLines: LineReader;
}

export async function createRealisticReport(): Promise<RealisticReport> {
  const monorepo = await checkProject({ root: path.join(FIXTURES, 'monorepo') });
  const checkout = await checkProject({ root: path.join(FIXTURES, 'checkout-service') });
  const result = mergeResults([monorepo, moveUnder(checkout, CHECKOUT_FOLDER)]);
  const readLines: LineReader = (file) => {
    const source = file.startsWith(`${CHECKOUT_FOLDER}/`)
      ? path.join(FIXTURES, 'checkout-service', file.slice(CHECKOUT_FOLDER.length + 1))
      : path.join(FIXTURES, 'monorepo', file);
    try {
      return readFileSync(source, 'utf8').split(/\r?\n/);
    } catch {
      return undefined;
    }
  };
  return { result, readLines };
}

/** The same result with every path one folder deeper, as if the project sat in that folder of a larger one. */
function moveUnder(result: CheckResult, folder: string): CheckResult {
  const move = (file: string): string => `${folder}/${file}`;
  return {
    ...result,
    findings: result.findings.map((finding) => ({
      ...finding,
      file: move(finding.file),
      ...(finding.fixLocation ? { fixLocation: { ...finding.fixLocation, file: move(finding.fixLocation.file) } } : {}),
    })),
    inventory: result.inventory.map((entry) => ({ ...entry, file: move(entry.file) })),
    problems: result.problems.map((problem) => ({ ...problem, file: move(problem.file) })),
    excluded: result.excluded.map((entry) => ({ ...entry, file: move(entry.file) })),
    notes: result.notes.map((note) => ({ ...note, file: move(note.file) })),
  };
}
