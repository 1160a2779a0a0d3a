/**
 * An ESLint rule of the checker's own that reports nothing: it hands each file's
 * `policy-check-ignore` comments, parsed exactly as the rules parse them, to the checker, which applies
 * them to project-wide findings and reports those without a reason.
 */
import type { TSESLint } from '@typescript-eslint/utils';

import { findSuppressions, type Suppression } from '../../policy/suppressions.js';

export const CHECKER_PLUGIN_NAME = 'policy-check';
export const COLLECT_SUPPRESSIONS_RULE = `${CHECKER_PLUGIN_NAME}/collect-suppressions`;

/** A plugin with the one collecting rule; `onFile` receives the absolute file name and its suppressions. */
export function createSuppressionCollector(onFile: (file: string, suppressions: readonly Suppression[]) => void): TSESLint.FlatConfig.Plugin {
  const rule: TSESLint.RuleModule<never, []> = {
    defaultOptions: [],
    meta: { type: 'suggestion', schema: [], messages: {} },
    create(context) {
      const found = findSuppressions(context.sourceCode);
      if (found.length > 0) onFile(context.filename, found);
      return {};
    },
  };
  return { meta: { name: CHECKER_PLUGIN_NAME }, rules: { 'collect-suppressions': rule } } as TSESLint.FlatConfig.Plugin;
}
