/**
 * The scenario "the attempt counters hold these values": reads of a counter give its value, and its updates
 * (`attempt++`, `--retries`, `attempt += 1`, `attempt = attempt + 1`) change it as the code runs. A limit
 * held in a class field that never changes (`this.maxRetries`, `Client.MAX_RETRIES`) is read as its value.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { getClassConstant } from '../../ast/class-constant.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { walkSameFunction } from './control-flow.js';
import { evaluateValue, mentions, type Scenario } from './evaluate-test.js';

export type Variable = NonNullable<ReturnType<typeof ASTUtils.findVariable>>;

export class CounterScenario implements Scenario {
  /** Each reference of a counter → the counter's index in `values`. */
  private readonly references: ReadonlyMap<TSESTree.Node, number>;
  private values: number[];

  /** One counter, or several run together (per-branch counters: `retries` for resets, `serverErrors` for 5xx). */
  constructor(
    private readonly context: AnyRuleContext,
    counters: ReadonlyArray<{ readonly variable: Variable; readonly start: number }>,
  ) {
    this.references = new Map(counters.flatMap(({ variable }, index) => variable.references.map((reference) => [reference.identifier as TSESTree.Node, index] as const)));
    this.values = counters.map((counter) => counter.start);
  }

  /** The value of the first counter. */
  get value(): number {
    return this.values[0]!;
  }

  set value(value: number) {
    this.values[0] = value;
  }

  snapshot(): readonly number[] {
    return [...this.values];
  }

  restore(state: unknown): void {
    this.values = [...(state as readonly number[])];
  }

  isRelevant(node: TSESTree.Node): boolean {
    return mentions(node, (found) => this.references.has(found));
  }

  valueOf(node: TSESTree.Node): { readonly value: unknown } | undefined {
    const index = this.references.get(node);
    if (index !== undefined) return { value: this.values[index] };
    if (node.type === AST_NODE_TYPES.UpdateExpression) {
      const updated = this.references.get(node.argument);
      if (updated === undefined) return undefined;
      const before = this.values[updated]!;
      this.values[updated] = before + (node.operator === '++' ? 1 : -1);
      return { value: node.prefix ? this.values[updated] : before };
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const assigned = this.references.get(node.left);
      if (assigned === undefined) return undefined;
      const right = evaluateValue(this.context, node.right, this);
      if (typeof right !== 'number') return { value: Number.NaN };
      this.values[assigned] = assign(node.operator, this.values[assigned]!, right);
      return { value: this.values[assigned] };
    }
    // A limit kept in a class field that never changes: `this.maxRetries`, `Client.MAX_RETRIES`.
    return node.type === AST_NODE_TYPES.MemberExpression ? getClassConstant(this.context, node) : undefined;
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
