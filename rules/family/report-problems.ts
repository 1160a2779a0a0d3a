/** Reports what a rule's `getProblem` finds in its family's models, once per reported node. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export interface Problem<MessageIds extends string> {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data?: Readonly<Record<string, unknown>>;
}

export function reportProblems<Model, MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  models: readonly Model[],
  getProblem: (model: Model) => Problem<MessageIds> | undefined,
): void {
  const reported = new Set<TSESTree.Node>();
  for (const model of models) {
    const problem = getProblem(model);
    if (!problem || reported.has(problem.node)) continue;
    reported.add(problem.node);
    context.report(problem);
  }
}
