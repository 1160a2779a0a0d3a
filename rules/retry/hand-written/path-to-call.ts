/**
 * What must hold for a recursive retry to reach its call to itself: the branch tests on the way down from
 * the function (`if (attempt < MAX)`, `n > 0 ? retry() : …`, `attempt < 3 && retry()`), the guards before it
 * that leave (`if (attempt >= MAX) throw err`), and the plain statements that run on the way (`attempts++`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { AnyRuleContext } from '../../ast/rule-context.js';
import { alwaysExits } from './control-flow.js';
import { and, evaluateTest, not, UNREADABLE, type Scenario, type Truth } from './evaluate-test.js';

export type PathItem =
  | { readonly kind: 'test'; readonly test: TSESTree.Node; readonly expected: boolean }
  | { readonly kind: 'effect'; readonly statement: TSESTree.Statement };

export function getPathItems(call: TSESTree.Node, fn: TSESTree.Node): PathItem[] {
  const levels: PathItem[][] = [];
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && node !== fn; child = node, node = node.parent) {
    const level: PathItem[] = [];
    if ((node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) && child !== node.test) {
      level.push({ kind: 'test', test: node.test, expected: child === node.consequent });
    } else if (node.type === AST_NODE_TYPES.LogicalExpression && child === node.right && node.operator !== '??') {
      level.push({ kind: 'test', test: node.left, expected: node.operator === '&&' });
    } else if (node.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of node.body) {
        if (statement === child) break;
        level.push(getGuard(statement) ?? { kind: 'effect', statement });
      }
    }
    levels.unshift(level);
  }
  return levels.flat();
}

/** `if (T) throw …` before the call: reaching it needs !T (and `if (T) {…} else throw` needs T). */
function getGuard(statement: TSESTree.Statement): PathItem | undefined {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return undefined;
  const consequentLeaves = alwaysExits([statement.consequent]);
  const alternateLeaves = statement.alternate ? alwaysExits([statement.alternate]) : false;
  if (consequentLeaves && !alternateLeaves) return { kind: 'test', test: statement.test, expected: false };
  if (alternateLeaves && !consequentLeaves) return { kind: 'test', test: statement.test, expected: true };
  return undefined;
}

/** Whether the path is taken under the scenario; `applyEffects` runs the plain statements on the way. */
export function evaluatePath(
  context: AnyRuleContext,
  items: readonly PathItem[],
  scenario: Scenario,
  applyEffects: (statement: TSESTree.Statement) => void = () => {},
): Truth {
  let result: Truth = true;
  for (const item of items) {
    if (item.kind === 'effect') {
      applyEffects(item.statement);
      continue;
    }
    const truth = evaluateTest(context, item.test, scenario);
    result = and(result, item.expected ? truth : not(truth));
    if (result === false || result === UNREADABLE) return result;
  }
  return result;
}
