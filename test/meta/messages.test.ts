/**
 * The messages read as written English wherever they are shown: every message on the evaluation corpus
 * (each library's shapes, as a service writes them) and on the ❌ examples of the rule docs has no
 * parenthesis inside another outside code spans, no "a" before a vowel, closed code spans; and a rule
 * option that turns a requirement off is not asked for in the advice.
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { beforeAll, describe, expect, it } from 'vitest';

import plugin, { rules } from '../../rules/index.js';
import { PLUGIN_NAME } from '../../rules/create-rule.js';
import { CORPUS_ROOT } from '../evaluation/evaluate.js';
import { lintProject, listSourceFiles } from '../fixtures/lint-project.js';
import { lintExample, readExamples } from './docs-examples.js';

/** A run of n backticks, the text, and a run of exactly n backticks. */
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g;

/** The text outside Markdown code spans, each span replaced by `what` (its content, or a stand-in word). */
function replaceCodeSpans(message: string, what: 'content' | 'word'): string {
  return message.replace(CODE_SPAN, (_span, _fence, content: string) => (what === 'content' ? content.trim() : 'CODE'));
}

/** Every place where a parenthesis opens inside another: `(a (b))`. */
function findNestedParentheses(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  for (const [index, character] of [...text].entries()) {
    if (character === '(') {
      depth += 1;
      if (depth > 1) found.push(text.slice(Math.max(0, index - 30), index + 30));
    } else if (character === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return found;
}

/** "a Idempotency-Key", "a `Idempotency-Key`": an article that does not agree with the word after it. */
function findArticleMistakes(text: string): string[] {
  return [...text.matchAll(/\ba\s+[`'"]?[aeiouAEIOU]\w*/g)].map((match) => match[0]).filter((phrase) => !/\ba\s+[`'"]?(?:one|unique|user|usual|uniform|url|use)/i.test(phrase));
}

function checkWording(message: string): string[] {
  const prose = replaceCodeSpans(message, 'word');
  const mistakes = [
    ...findNestedParentheses(prose).map((place) => `nested parentheses: …${place}…`),
    ...findArticleMistakes(replaceCodeSpans(message, 'content')).map((phrase) => `article: ${phrase}`),
  ];
  if (prose.includes('`')) mistakes.push('unclosed code span');
  return mistakes;
}

interface Message {
  readonly where: string;
  readonly ruleId: string;
  readonly message: string;
}

const ALL_RULES = Object.fromEntries(Object.keys(rules).map((name) => [`${PLUGIN_NAME}/${name}`, 'error' as const]));

describe('wording of rule messages', () => {
  let findings: Message[] = [];

  beforeAll(async () => {
    const corpus = await lintProject(CORPUS_ROOT, listSourceFiles(CORPUS_ROOT), { allRules: true });
    const docs = Object.keys(rules).flatMap((name) =>
      readExamples(name)
        .filter((example) => example.expectReport)
        .flatMap((example) => lintExample(example, ALL_RULES).map((message) => ({ where: `docs/rules/${name}.md:${example.line + message.line}`, ruleId: message.ruleId ?? 'parse', message: message.message }))),
    );
    findings = [...corpus.findings.map((finding) => ({ where: `${finding.file}:${finding.line}`, ruleId: finding.ruleId, message: finding.message })), ...docs];
  });

  it('the corpus and the docs give every rule messages to read', () => {
    const reported = new Set(findings.map((finding) => finding.ruleId));
    expect([...reported].sort()).toEqual(Object.keys(rules).map((name) => `${PLUGIN_NAME}/${name}`).sort());
  });

  it('has no nested parentheses, no wrong article and no unclosed code span in any message found', () => {
    const mistakes = findings.flatMap((finding) => checkWording(finding.message).map((mistake) => `${finding.where} ${finding.ruleId}: ${mistake}`));
    expect(mistakes).toEqual([]);
  });

  it('has no article placed before a placeholder in a template, where it cannot agree with every value', () => {
    const templates = Object.entries(rules).flatMap(([name, rule]) => Object.entries(rule.meta.messages).map(([id, text]) => ({ id: `${name}/${id}`, text })));
    expect(templates.filter(({ text }) => /\ban?\s+[`'"]?\{\{/.test(text)).map(({ id }) => id)).toEqual([]);
  });

  it('recognises the mistakes it looks for', () => {
    expect(checkWording('cockatiel retries immediately (cockatiel default backoff (ConstantBackoff(0): no delay)).')).toHaveLength(2);
    expect(checkWording('send a `Idempotency-Key` or `X-Idempotency-Key` header')).toEqual(['article: a Idempotency']);
    expect(checkWording('loops (`while (true)` with no attempt limit) and waits (``sleep(`${ms}`)``)')).toEqual([]);
    expect(checkWording('an unclosed `code span')).toEqual(['unclosed code span']);
  });
});

describe('advice follows the options', () => {
  const lint = (code: string, options: Record<string, unknown>): string[] =>
    new Linter({ configType: 'flat' })
      .verify(
        code,
        [
          {
            files: ['**/*.ts'],
            plugins: { [PLUGIN_NAME]: plugin as never },
            languageOptions: { parser: tsParser as never, sourceType: 'module', ecmaVersion: 'latest' },
            rules: { [`${PLUGIN_NAME}/require-retry-backoff`]: ['error', options] },
          },
        ],
        { filename: 'retry.ts' },
      )
      .map((message) => message.message);
  const constantAndImmediate = `
import axiosRetry from 'axios-retry';
import { ConstantBackoff, handleAll, retry } from 'cockatiel';
axiosRetry(client, { retries: 3 });
export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(500) });`;

  it('asks for jitter only while requireJitter is on', () => {
    const strict = lint(constantAndImmediate, {});
    const lenient = lint(constantAndImmediate, { requireJitter: false });
    expect(strict).toHaveLength(2);
    expect(lenient).toHaveLength(2);
    for (const message of strict) expect(message).toContain('back off exponentially with jitter');
    for (const message of lenient) expect(message).not.toMatch(/jitter/i);
  });
});
