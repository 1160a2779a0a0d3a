/**
 * The rule docs say what they show: every code block under a ❌ marker is reported by its rule with the
 * messages its fence names (```ts reports=noDelay,noJitter), and every block under a ✅ marker passes
 * every rule of the preset the rule belongs to, so a reader who copies it gets no error from another rule.
 * A marker is the nearest preceding heading or paragraph line holding ❌/✅.
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
  /** The message ids a ❌ block is reported with, in order, from `reports=<id>,<id>` on its fence. */
  readonly messageIds: readonly string[] | undefined;
}

type PresetName = keyof typeof plugin.configs;

const FENCE = /^```(\w*)(?:\s+reports=([\w,]+))?\s*$/;
const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];

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
      examples.push({ code: body.join('\n'), language, expectReport: marker, line: start + 1, messageIds: fence[2]?.split(',') });
    }
  }
  return examples;
}

/** The smallest preset that turns the rule on: the one its docs page belongs to. */
function getPreset(ruleName: string): PresetName {
  return PRESETS.find((preset) => Object.hasOwn(plugin.configs[preset].rules ?? {}, `service-policy/${ruleName}`))!;
}

function lint(example: Example, rules: Linter.RulesRecord): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const isTypeScript = example.language.startsWith('t');
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { 'service-policy': plugin as never },
        languageOptions: { parser: tsParser as never, sourceType: 'module', ecmaVersion: 'latest' },
        rules,
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

    const preset = getPreset(ruleName);
    for (const example of examples) {
      const title = example.expectReport
        ? `${ruleName}: ❌ example at line ${example.line} reports ${example.messageIds?.join(', ') ?? '(no reports= on its fence)'}`
        : `${ruleName}: ✅ example at line ${example.line} passes every rule of ${preset}`;
      it(title, () => {
        if (example.expectReport) {
          const messages = lint(example, { [`service-policy/${ruleName}`]: 'error' });
          expect(messages.filter((message) => message.fatal), 'example must parse').toEqual([]);
          expect(example.messageIds, 'a ❌ fence names the messages it shows: ```ts reports=<messageId>').toBeDefined();
          expect(messages.map((message) => message.messageId)).toEqual(example.messageIds);
        } else {
          const messages = lint(example, plugin.configs[preset].rules as Linter.RulesRecord);
          expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`)).toEqual([]);
        }
      });
    }
  }
});
