/**
 * The rule docs say what they show: every code block under a ❌ marker is reported by its rule and every
 * block under a ✅ marker is not. A marker is the nearest preceding heading or paragraph line holding ❌/✅.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../../rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Example {
  readonly code: string;
  readonly language: string;
  readonly expectReport: boolean;
  readonly line: number;
}

const FENCE = /^```(\w*)\s*$/;

function findExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let marker: boolean | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.includes('❌')) marker = true;
      else if (line.includes('✅')) marker = false;
      else if (/^#{1,6} /.test(line)) marker = undefined;
      continue;
    }
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !lines[index]!.startsWith('```'); index += 1) body.push(lines[index]!);
    const language = fence[1] ?? '';
    if (marker !== undefined && ['ts', 'typescript', 'js', 'javascript'].includes(language)) {
      examples.push({ code: body.join('\n'), language, expectReport: marker, line: start + 1 });
    }
  }
  return examples;
}

function lint(ruleName: string, example: Example): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const isTypeScript = example.language.startsWith('t');
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { 'service-policy': plugin as never },
        languageOptions: { parser: tsParser as never, sourceType: 'module', ecmaVersion: 'latest' },
        rules: { [`service-policy/${ruleName}`]: 'error' },
      },
    ],
    { filename: isTypeScript ? 'example.ts' : 'example.js' },
  );
}

describe('docs examples', () => {
  for (const ruleName of Object.keys(rules).sort()) {
    const markdown = readFileSync(path.join(root, 'docs/rules', `${ruleName}.md`), 'utf8');
    const examples = findExamples(markdown);

    it(`${ruleName} has both incorrect and correct examples`, () => {
      expect(examples.some((example) => example.expectReport)).toBe(true);
      expect(examples.some((example) => !example.expectReport)).toBe(true);
    });

    for (const example of examples) {
      it(`${ruleName}: ${example.expectReport ? '❌' : '✅'} example at line ${example.line} ${example.expectReport ? 'reports' : 'passes'}`, () => {
        const messages = lint(ruleName, example);
        expect(messages.filter((message) => message.fatal), 'example must parse').toEqual([]);
        if (example.expectReport) expect(messages.length).toBeGreaterThan(0);
        else expect(messages).toEqual([]);
      });
    }
  }
});
