/**
 * Scores the rules on the evaluation corpus, prints the table, writes fixtures/evaluation/RESULTS.md and
 * holds the overall bar: precision ≥ 0.95, recall ≥ 0.9 (per rule is printed, not asserted).
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { MIN_PRECISION, MIN_RECALL, evaluateCorpus, formatResults, formatTable, writeResults, type Evaluation } from './evaluate.js';

describe('evaluation corpus', () => {
  let evaluation: Evaluation;

  beforeAll(async () => {
    evaluation = await evaluateCorpus();
    writeResults(evaluation);
    console.log(`\n${formatTable(evaluation)}\n`);
  });

  it('parses every file and has enough labelled and clean files', () => {
    expect.soft(evaluation.fatal, 'every file parses').toEqual([]);
    expect.soft(evaluation.crashed, 'no rule throws').toEqual([]);
    expect(evaluation.files.length).toBeGreaterThanOrEqual(60);
    expect(evaluation.labelledFiles).toBeGreaterThanOrEqual(Math.floor(evaluation.files.length / 3));
    expect(evaluation.files.length - evaluation.labelledFiles).toBeGreaterThanOrEqual(Math.floor(evaluation.files.length / 3));
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} overall`, () => {
    const { overall } = evaluation;
    const details = formatResults(evaluation);
    expect(overall.precision, details).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(overall.recall, details).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
