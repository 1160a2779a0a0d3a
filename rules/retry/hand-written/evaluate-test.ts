/**
 * Evaluates the tests of a retry (`if (status >= 500)`, `attempt < MAX`, `isRetryable(err)`) under one
 * scenario: a failed answer with a given HTTP status, or a given value of the attempt counter. Parts of a
 * test that the scenario does not decide are FREE (either way: the caller takes the branch that keeps
 * retrying); parts that it decides but that cannot be read are UNREADABLE.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { findConstInitializer } from '../../ast/find-property.js';
import { applyNumericOperator } from '../../ast/numeric-operator.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { forEachNodeBelow } from '../../family/file-index.js';
import { findLocalFunction, getReturnedExpression, type FunctionNode } from './local-functions.js';

export const FREE: unique symbol = Symbol('free');
export const UNREADABLE: unique symbol = Symbol('unreadable');

export type Truth = boolean | typeof FREE | typeof UNREADABLE;
type Value = unknown;

/** What the scenario fixes, and how it reads the nodes it fixes. */
export interface Scenario {
  /** Whether the value of `node` depends on what the scenario fixes. */
  isRelevant(node: TSESTree.Node): boolean;
  /** The value the scenario gives `node`, or undefined to evaluate it as usual. */
  valueOf(node: TSESTree.Node): { readonly value: Value } | undefined;
  /** The scenario inside a helper whose parameters are bound to these arguments. */
  enter?(bindings: ReadonlyMap<string, TSESTree.Node>): Scenario;
}

/** Compares equal to the strings an error code may take in this scenario, and to nothing else. */
export class ErrorCode {
  constructor(readonly codes: ReadonlySet<string>) {}
}

const MAX_DEPTH = 4;

/** The truth of a test under the scenario. */
export function evaluateTest(context: AnyRuleContext, node: TSESTree.Node, scenario: Scenario, depth = 0): Truth {
  const expression = unwrapChain(node);
  if (!dependsOn(context, expression, scenario)) {
    const known = getStaticValueOf(context, expression);
    return known ? Boolean(known.value) : FREE;
  }
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    return not(evaluateTest(context, expression.argument, scenario, depth));
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const left = evaluateTest(context, expression.left, scenario, depth);
    if (expression.operator === '&&' && left === false) return false;
    if (expression.operator === '||' && left === true) return true;
    const right = evaluateTest(context, expression.right, scenario, depth);
    return expression.operator === '&&' ? and(left, right) : or(left, right);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, expression);
    if (initializer && depth < MAX_DEPTH) return evaluateTest(context, initializer, scenario, depth + 1);
  }
  return truthOf(evaluateValue(context, expression, scenario, depth));
}

/**
 * Whether a test depends on what the scenario fixes, also through the `const` values it computes from it
 * (`const retryable = status >= 500`). A `const` that only names a part of the failure
 * (`const config = error.config`) is not followed: its other properties are not fixed by the scenario.
 */
export function dependsOn(context: AnyRuleContext, node: TSESTree.Node, scenario: Scenario, depth = 0): boolean {
  if (scenario.isRelevant(node)) return true;
  if (depth >= MAX_DEPTH) return false;
  let found = false;
  mentions(node, (reference) => {
    if (found || reference.type !== AST_NODE_TYPES.Identifier) return false;
    const initializer = findConstInitializer(context, reference);
    found = initializer !== undefined && !isReference(unwrapChain(initializer)) && dependsOn(context, initializer, scenario, depth + 1);
    return found;
  });
  return found;
}

function isReference(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression;
}

export function not(truth: Truth): Truth {
  return typeof truth === 'boolean' ? !truth : truth;
}

export function and(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  if (left === UNREADABLE || right === UNREADABLE) return UNREADABLE;
  if (left === FREE || right === FREE) return FREE;
  return true;
}

function or(left: Truth, right: Truth): Truth {
  if (left === true || right === true) return true;
  if (left === UNREADABLE || right === UNREADABLE) return UNREADABLE;
  if (left === FREE || right === FREE) return FREE;
  return false;
}

function truthOf(value: Value): Truth {
  if (value === FREE || value === UNREADABLE) return value;
  if (value instanceof ErrorCode) return UNREADABLE;
  return Boolean(value);
}

/** The value of an expression under the scenario; UNREADABLE when it cannot be known. */
export function evaluateValue(context: AnyRuleContext, node: TSESTree.Node, scenario: Scenario, depth = 0): Value {
  const expression = unwrapChain(node);
  const given = scenario.valueOf(expression);
  if (given) return given.value;
  if (depth > MAX_DEPTH) return UNREADABLE;
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return 'regex' in expression || 'bigint' in expression ? UNREADABLE : expression.value;
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(context, expression, scenario, depth);
    case AST_NODE_TYPES.UnaryExpression:
      return evaluateUnary(context, expression, scenario, depth);
    case AST_NODE_TYPES.BinaryExpression:
      return evaluateBinary(context, expression, scenario, depth);
    case AST_NODE_TYPES.LogicalExpression:
      return evaluateLogical(context, expression, scenario, depth);
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = evaluateTest(context, expression.test, scenario, depth);
      if (typeof test !== 'boolean') return UNREADABLE;
      return evaluateValue(context, test ? expression.consequent : expression.alternate, scenario, depth);
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(context, expression, scenario, depth);
    default: {
      const known = getStaticValueOf(context, expression);
      return known ? known.value : UNREADABLE;
    }
  }
}

function evaluateIdentifier(context: AnyRuleContext, identifier: TSESTree.Identifier, scenario: Scenario, depth: number): Value {
  if (identifier.name === 'undefined') return undefined;
  const initializer = findConstInitializer(context, identifier);
  if (initializer) return evaluateValue(context, initializer, scenario, depth + 1);
  const known = getStaticValueOf(context, identifier);
  return known ? known.value : UNREADABLE;
}

function evaluateUnary(context: AnyRuleContext, expression: TSESTree.UnaryExpression, scenario: Scenario, depth: number): Value {
  if (expression.operator === '!') return not(evaluateTest(context, expression.argument, scenario, depth));
  if (expression.operator === 'void') return undefined;
  const operand = evaluateValue(context, expression.argument, scenario, depth);
  if (typeof operand !== 'number') return UNREADABLE;
  if (expression.operator === '-') return -operand;
  if (expression.operator === '+') return operand;
  return UNREADABLE;
}

function evaluateBinary(context: AnyRuleContext, expression: TSESTree.BinaryExpression, scenario: Scenario, depth: number): Value {
  if (expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return UNREADABLE;
  const left = evaluateValue(context, expression.left, scenario, depth);
  const right = evaluateValue(context, expression.right, scenario, depth);
  if (left === UNREADABLE || right === UNREADABLE || left === FREE || right === FREE) return UNREADABLE;
  switch (expression.operator) {
    case '===':
    case '==':
      return areEqual(left, right);
    case '!==':
    case '!=':
      return not(areEqual(left, right));
    default:
      break;
  }
  if (typeof left !== 'number' || typeof right !== 'number') return UNREADABLE;
  return applyNumericOperator(expression.operator, left, right) ?? UNREADABLE;
}

function areEqual(left: Value, right: Value): Truth {
  if (left instanceof ErrorCode) return typeof right === 'string' ? left.codes.has(right) : right === undefined || right === null ? false : UNREADABLE;
  if (right instanceof ErrorCode) return areEqual(right, left);
  if (typeof left === 'object' && left !== null) return right === undefined || right === null ? false : UNREADABLE;
  if (typeof right === 'object' && right !== null) return areEqual(right, left);
  return left === right;
}

function evaluateLogical(context: AnyRuleContext, expression: TSESTree.LogicalExpression, scenario: Scenario, depth: number): Value {
  const left = evaluateValue(context, expression.left, scenario, depth);
  if (left === UNREADABLE || left === FREE) return UNREADABLE;
  if (expression.operator === '??') return left === null || left === undefined ? evaluateValue(context, expression.right, scenario, depth) : left;
  const truth = truthOf(left);
  if (typeof truth !== 'boolean') return UNREADABLE;
  if (expression.operator === '&&') return truth ? evaluateValue(context, expression.right, scenario, depth) : left;
  return truth ? left : evaluateValue(context, expression.right, scenario, depth);
}

/** `[…].includes(x)`, `SET.has(x)`, and one level into a helper whose body this file shows. */
function evaluateCall(context: AnyRuleContext, call: TSESTree.CallExpression, scenario: Scenario, depth: number): Value {
  const callee = call.callee;
  const argument = call.arguments[0];
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && argument) {
    const method = callee.property.name;
    if (method === 'includes' || method === 'has') {
      const collection = readCollection(context, callee.object, scenario, depth);
      if (collection === undefined) return UNREADABLE;
      const item = evaluateValue(context, argument, scenario, depth);
      if (item === UNREADABLE || item === FREE) return UNREADABLE;
      return collection.reduce<Truth>((found, element) => or(found, areEqual(item, element)), false);
    }
  }
  const helper = findLocalFunction(context, call);
  if (helper && depth === 0) {
    const inner = scenario.enter?.(bindParameters(helper, call)) ?? scenario;
    const returned = getReturnedExpression(helper);
    if (returned) return truthOf(evaluateTest(context, returned, inner, depth + 1));
    if (helper.body.type === AST_NODE_TYPES.BlockStatement) return evaluateDecisionList(context, helper.body.body, inner, depth + 1);
  }
  return UNREADABLE;
}

function bindParameters(helper: FunctionNode, call: TSESTree.CallExpression): ReadonlyMap<string, TSESTree.Node> {
  const bindings = new Map<string, TSESTree.Node>();
  helper.params.forEach((param, index) => {
    const argument = call.arguments[index];
    if (param.type === AST_NODE_TYPES.Identifier && argument) bindings.set(param.name, argument);
  });
  return bindings;
}

function readCollection(context: AnyRuleContext, node: TSESTree.Node, scenario: Scenario, depth: number): readonly unknown[] | undefined {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) expression = findConstInitializer(context, expression) ?? expression;
  if (expression.type === AST_NODE_TYPES.NewExpression && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Set') {
    return expression.arguments[0] ? readCollection(context, expression.arguments[0], scenario, depth) : [];
  }
  const value = evaluateValue(context, expression, scenario, depth);
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined;
}

/** `if (a) return true; if (b) return false; return c;` read top to bottom. */
function evaluateDecisionList(context: AnyRuleContext, statements: readonly TSESTree.Statement[], scenario: Scenario, depth: number): Value {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) {
      return statement.argument ? truthOf(evaluateTest(context, statement.argument, scenario, depth)) : false;
    }
    if (statement.type === AST_NODE_TYPES.IfStatement) {
      const test = evaluateTest(context, statement.test, scenario, depth);
      if (typeof test !== 'boolean') return UNREADABLE;
      const branch = test ? statement.consequent : statement.alternate;
      if (!branch) continue;
      const result = evaluateDecisionList(context, branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch], scenario, depth);
      if (result !== NO_RETURN) return result;
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return UNREADABLE;
  }
  return NO_RETURN;
}

const NO_RETURN: unique symbol = Symbol('no return');

function unwrapChain(node: TSESTree.Node): TSESTree.Node {
  const unwrapped = unwrapExpression(node);
  return unwrapped.type === AST_NODE_TYPES.ChainExpression ? unwrapExpression(unwrapped.expression) : unwrapped;
}

/** Whether `node` contains an identifier that `matches` (a variable of interest), nested functions included. */
export function mentions(node: TSESTree.Node, matches: (identifier: TSESTree.Identifier | TSESTree.MemberExpression) => boolean): boolean {
  return getReferencesBelow(node).some(matches);
}

type Reference = TSESTree.Identifier | TSESTree.MemberExpression;

/** The identifiers and member expressions below each node asked about: a test is asked about once per scenario. */
const referencesBelow = new WeakMap<TSESTree.Node, readonly Reference[]>();

function getReferencesBelow(node: TSESTree.Node): readonly Reference[] {
  let references = referencesBelow.get(node);
  if (!references) {
    const found: Reference[] = [];
    forEachNodeBelow(node, (current) => {
      if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression) found.push(current);
    });
    references = found;
    referencesBelow.set(node, references);
  }
  return references;
}
