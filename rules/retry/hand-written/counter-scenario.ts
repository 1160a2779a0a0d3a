/**
 * The scenario "the attempt counter holds this value": reads of the counter give the value, and its updates
 * (`attempt++`, `--retries`, `attempt += 1`, `attempt = attempt + 1`) change it as the code runs.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { walkSameFunction } from './control-flow.js';
import { evaluateValue, mentions, type Scenario } from './evaluate-test.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

export class CounterScenario implements Scenario {
  private readonly references: ReadonlySet<TSESTree.Node>;

  constructor(
    private readonly context: AnyContext,
    variable: Variable,
    public value: number,
  ) {
    this.references = new Set(variable.references.map((reference) => reference.identifier as TSESTree.Node));
  }

  isRelevant(node: TSESTree.Node): boolean {
    return mentions(node, (found) => this.references.has(found));
  }

  valueOf(node: TSESTree.Node): { readonly value: unknown } | undefined {
    if (this.references.has(node)) return { value: this.value };
    if (node.type === AST_NODE_TYPES.UpdateExpression && this.references.has(node.argument)) {
      const before = this.value;
      this.value += node.operator === '++' ? 1 : -1;
      return { value: node.prefix ? this.value : before };
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && this.references.has(node.left)) {
      const right = evaluateValue(this.context, node.right, this);
      if (typeof right !== 'number') return { value: Number.NaN };
      this.value = assign(node.operator, this.value, right);
      return { value: this.value };
    }
    return undefined;
  }

  /** Runs the counter updates a plain statement makes. */
  applyEffects(node: TSESTree.Node): void {
    walkSameFunction(node, (current) => {
      if (current.type === AST_NODE_TYPES.UpdateExpression || current.type === AST_NODE_TYPES.AssignmentExpression) this.valueOf(current);
    });
  }
}

function assign(operator: TSESTree.AssignmentExpression['operator'], current: number, right: number): number {
  switch (operator) {
    case '=':
      return right;
    case '+=':
      return current + right;
    case '-=':
      return current - right;
    case '*=':
      return current * right;
    default:
      return Number.NaN;
  }
}
