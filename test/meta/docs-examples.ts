/**
 * The code examples of the rule docs: each ts/js block under a ❌ or ✅ marker (the nearest preceding
 * heading or paragraph line holding one), with the message ids a ❌ fence names (```ts reports=noDelay).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

import plugin from '../../rules/index.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Example {
  readonly code: string;
  readonly language: string;
  readonly expectReport: boolean;
  readonly line: number;
  /** The message ids a ❌ block is reported with, in order, from `reports=<id>,<id>` on its fence. */
  readonly messageIds: readonly string[] | undefined;
}

export type PresetName = keyof typeof plugin.configs;

const FENCE = /^```(\w*)(?:\s+reports=([\w,]+))?\s*$/;
const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];

export function findExamples(markdown: string): Example[] {
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
export function getPreset(ruleName: string): PresetName {
  return PRESETS.find((preset) => Object.hasOwn(plugin.configs[preset].rules ?? {}, `service-policy/${ruleName}`))!;
}

export function lintExample(example: Example, rules: Linter.RulesRecord): Linter.LintMessage[] {
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

/** The examples of one rule's docs page. */
export function readExamples(ruleName: string): Example[] {
  return findExamples(readFileSync(path.join(root, 'docs/rules', `${ruleName}.md`), 'utf8'));
}
