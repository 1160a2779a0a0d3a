/**
 * The rule docs say what they show: every code block under a ❌ marker is reported by its rule with the
 * messages its fence names (```ts reports=noDelay,noJitter), and every block under a ✅ marker passes
 * every rule of the preset the rule belongs to, so a reader who copies it gets no error from another rule.
 * A marker is the nearest preceding heading or paragraph line holding ❌/✅.
 */
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../../rules/index.js';
import { getPreset, lintExample, readExamples } from './docs-examples.js';

describe('docs examples', () => {
  for (const ruleName of Object.keys(rules).sort()) {
    const examples = readExamples(ruleName);

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
          const messages = lintExample(example, { [`service-policy/${ruleName}`]: 'error' });
          expect(messages.filter((message) => message.fatal), 'example must parse').toEqual([]);
          expect(example.messageIds, 'a ❌ fence names the messages it shows: ```ts reports=<messageId>').toBeDefined();
          expect(messages.map((message) => message.messageId)).toEqual(example.messageIds);
        } else {
          const messages = lintExample(example, plugin.configs[preset].rules as Linter.RulesRecord);
          expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'parse'}: ${message.message}`)).toEqual([]);
        }
      });
    }
  }
});
