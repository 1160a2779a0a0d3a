/** The context every rule helper takes: any rule's, whatever its message ids and options. */
import type { TSESLint } from '@typescript-eslint/utils';

export type AnyRuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
