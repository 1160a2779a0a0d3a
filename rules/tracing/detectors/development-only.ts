/**
 * Whether a node runs only outside production: it sits in the branch of an `if`, a `&&` or a `?:` that
 * `process.env.NODE_ENV` guards (`=== 'development'`, `!== 'production'`, or the `else` of
 * `=== 'production'`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { developmentOnlyCode } from '../../../knowledge/tracing/trace-context.js';
import { getStaticMemberName } from './syntax.js';

const DEVELOPMENT: ReadonlySet<unknown> = new Set(developmentOnlyCode.developmentValues);

export function isDevelopmentOnly(node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent && guardsDevelopment(parent.test, true)) return true;
      if (child === parent.alternate && guardsDevelopment(parent.test, false)) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right && guardsDevelopment(parent.left, true)) return true;
  }
  return false;
}

/** Whether `test` being `when` means the environment is not production. */
function guardsDevelopment(test: TSESTree.Node, when: boolean): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression) {
    // `a && b` true: both hold; `a || b` false: neither holds.
    if ((test.operator === '&&' && when) || (test.operator === '||' && !when)) return guardsDevelopment(test.left, when) || guardsDevelopment(test.right, when);
    return false;
  }
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return guardsDevelopment(test.argument, !when);
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const equal = test.operator === '===' || test.operator === '==';
  if (!equal && test.operator !== '!==' && test.operator !== '!=') return false;
  const value = isEnvironmentRead(test.left) ? readString(test.right) : isEnvironmentRead(test.right) ? readString(test.left) : undefined;
  if (value === undefined) return false;
  // The comparison holds exactly when `holds` is true.
  const holds = equal === when;
  return holds ? DEVELOPMENT.has(value) : value === developmentOnlyCode.productionValue;
}

/** `process.env.NODE_ENV` or `process.env['NODE_ENV']`. */
function isEnvironmentRead(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(node) !== developmentOnlyCode.environmentVariable) return false;
  const env = node.object;
  return env.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(env) === 'env' && env.object.type === AST_NODE_TYPES.Identifier && env.object.name === 'process';
}

function readString(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}
