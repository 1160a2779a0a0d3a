/**
 * Evaluates a retry predicate written in this file for one sample error: an error that carries an HTTP
 * answer with a given status. It follows `error.response.status`, `error.status`, `statusCode`,
 * destructured parameters, local constants, comparisons, `includes`/`has` on lists and sets, local helper
 * functions and the conditions the libraries export; anything else evaluates to unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { RetryConditionSpec } from '../../../knowledge/types.js';
import { applyNumericOperator } from '../../ast/numeric-operator.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { Detection } from './detection.js';
import { getLibraryCondition } from './library-conditions.js';

const MAX_CALL_DEPTH = 3;

/** Stand-ins for what a predicate receives: an error that carries an HTTP answer with the sample status. */
const UNKNOWN = Symbol('unknown');
export const ERROR = Symbol('error');
const RESPONSE = Symbol('response');
const RESPONSE_CODE = Symbol('response-code');

type Value = unknown;
type Outcome = { readonly kind: 'return'; readonly value: Value } | { readonly kind: 'continue' } | { readonly kind: 'unknown' };

const ERROR_CLASSES = /(?:HTTP|Http|Axios|Response|Request)Error$/;
/** `axios.isAxiosError(error)`, ky `isHTTPError(error)`: true for an error that carries an HTTP answer. */
const HTTP_ERROR_GUARDS = /^is(?:HTTP|Http|Axios|Response|Request|Got|Ky)Error$/;
const STATUS_NAMES = new Set(['status', 'statusCode']);
const NETWORK_CODE = /^E[A-Z_]+$/;

export class PredicateEvaluator {
  sawStatus = false;
  private status = 0;
  private depth = 0;

  constructor(private readonly detection: Detection) {}

  /** Whether `predicate(...args)` returns a truthy value for an answer with `status`. */
  call(predicate: FunctionNode, args: readonly Value[], status: number): boolean | 'unknown' {
    this.status = status;
    return truth(this.invoke(predicate, args));
  }

  private invoke(predicate: FunctionNode, args: readonly Value[]): Value {
    if (this.depth >= MAX_CALL_DEPTH) return UNKNOWN;
    this.depth += 1;
    try {
      const scope = new Map<string, Value>();
      predicate.params.forEach((param, index) => this.bind(param, args[index] ?? undefined, scope));
      if (predicate.body.type !== AST_NODE_TYPES.BlockStatement) return this.evaluate(predicate.body, scope);
      const outcome = this.run(predicate.body.body, scope);
      return outcome.kind === 'return' ? outcome.value : outcome.kind === 'continue' ? undefined : UNKNOWN;
    } finally {
      this.depth -= 1;
    }
  }

  private bind(pattern: TSESTree.Node, value: Value, scope: Map<string, Value>): void {
    if (pattern.type === AST_NODE_TYPES.Identifier) scope.set(pattern.name, value);
    else if (pattern.type === AST_NODE_TYPES.AssignmentPattern) this.bind(pattern.left, value === undefined ? UNKNOWN : value, scope);
    else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) continue;
        const key = !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        this.bind(property.value, key === undefined ? UNKNOWN : this.member(value, key), scope);
      }
    } else {
      for (const name of collectNames(pattern)) scope.set(name, UNKNOWN);
    }
  }

  private run(statements: readonly TSESTree.Statement[], scope: Map<string, Value>): Outcome {
    for (const statement of statements) {
      const outcome = this.runStatement(statement, scope);
      if (outcome.kind !== 'continue') return outcome;
    }
    return { kind: 'continue' };
  }

  private runStatement(statement: TSESTree.Statement, scope: Map<string, Value>): Outcome {
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
        return { kind: 'return', value: statement.argument ? this.evaluate(statement.argument, scope) : undefined };
      case AST_NODE_TYPES.ThrowStatement:
        return { kind: 'return', value: false };
      case AST_NODE_TYPES.BlockStatement:
        return this.run(statement.body, scope);
      case AST_NODE_TYPES.EmptyStatement:
        return { kind: 'continue' };
      case AST_NODE_TYPES.ExpressionStatement:
        return isSideEffectOnly(statement.expression) ? { kind: 'continue' } : { kind: 'unknown' };
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) {
          this.bind(declarator.id, declarator.init ? this.evaluate(declarator.init, scope) : undefined, scope);
        }
        return { kind: 'continue' };
      case AST_NODE_TYPES.IfStatement:
        return this.runIf(statement, scope);
      default:
        return { kind: 'unknown' };
    }
  }

  private runIf(statement: TSESTree.IfStatement, scope: Map<string, Value>): Outcome {
    const test = truth(this.evaluate(statement.test, scope));
    const consequent = (): Outcome => this.runStatement(statement.consequent, scope);
    const alternate = (): Outcome => (statement.alternate ? this.runStatement(statement.alternate, scope) : { kind: 'continue' });
    if (test === true) return consequent();
    if (test === false) return alternate();
    const whenTrue = consequent();
    const whenFalse = alternate();
    if (whenTrue.kind === 'continue' && whenFalse.kind === 'continue') return whenTrue;
    if (whenTrue.kind === 'return' && whenFalse.kind === 'return' && truth(whenTrue.value) === truth(whenFalse.value) && truth(whenTrue.value) !== 'unknown') {
      return whenTrue;
    }
    return { kind: 'unknown' };
  }

  private evaluate(node: TSESTree.Node, scope: Map<string, Value>): Value {
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.Literal:
        return expression.value instanceof RegExp ? UNKNOWN : expression.value;
      case AST_NODE_TYPES.Identifier:
        return this.evaluateIdentifier(expression, scope);
      case AST_NODE_TYPES.ChainExpression:
        return this.evaluate(expression.expression, scope);
      case AST_NODE_TYPES.AwaitExpression:
        return this.evaluate(expression.argument, scope);
      case AST_NODE_TYPES.MemberExpression:
        return this.evaluateMember(expression, scope);
      case AST_NODE_TYPES.LogicalExpression:
        return this.evaluateLogical(expression, scope);
      case AST_NODE_TYPES.BinaryExpression:
        return this.evaluateBinary(expression, scope);
      case AST_NODE_TYPES.UnaryExpression:
        return this.evaluateUnary(expression, scope);
      case AST_NODE_TYPES.ConditionalExpression: {
        const test = truth(this.evaluate(expression.test, scope));
        if (test === 'unknown') {
          const whenTrue = this.evaluate(expression.consequent, scope);
          const whenFalse = this.evaluate(expression.alternate, scope);
          return truth(whenTrue) === truth(whenFalse) ? whenTrue : UNKNOWN;
        }
        return this.evaluate(test ? expression.consequent : expression.alternate, scope);
      }
      case AST_NODE_TYPES.ArrayExpression: {
        const values = expression.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? this.evaluate(element, scope) : UNKNOWN));
        return values;
      }
      case AST_NODE_TYPES.NewExpression:
        return this.evaluateNew(expression, scope);
      case AST_NODE_TYPES.CallExpression:
        return this.evaluateCall(expression, scope);
      default:
        return this.staticValue(expression);
    }
  }

  private evaluateIdentifier(identifier: TSESTree.Identifier, scope: Map<string, Value>): Value {
    if (scope.has(identifier.name)) return scope.get(identifier.name);
    if (identifier.name === 'undefined') return undefined;
    return this.staticValue(identifier);
  }

  private staticValue(node: TSESTree.Node): Value {
    const found = getStaticValueOf(this.detection.context, node);
    return found ? found.value : UNKNOWN;
  }

  private evaluateMember(member: TSESTree.MemberExpression, scope: Map<string, Value>): Value {
    const object = this.evaluate(member.object, scope);
    if (member.optional && (object === undefined || object === null)) return undefined;
    const key = member.computed ? this.evaluate(member.property, scope) : (member.property as TSESTree.Identifier).name;
    if (typeof key !== 'string' && typeof key !== 'number') return UNKNOWN;
    return this.member(object, String(key));
  }

  private member(object: Value, key: string): Value {
    if (object === ERROR) {
      if (STATUS_NAMES.has(key)) return this.readStatus();
      if (key === 'response') return RESPONSE;
      if (key === 'code') return RESPONSE_CODE;
      if (key === 'error' || key === 'cause') return ERROR;
      return UNKNOWN;
    }
    if (object === RESPONSE) return STATUS_NAMES.has(key) ? this.readStatus() : UNKNOWN;
    if (Array.isArray(object) && key === 'length') return object.length;
    if (typeof object === 'string' && key === 'length') return object.length;
    return UNKNOWN;
  }

  private readStatus(): number {
    this.sawStatus = true;
    return this.status;
  }

  private evaluateLogical(expression: TSESTree.LogicalExpression, scope: Map<string, Value>): Value {
    const left = this.evaluate(expression.left, scope);
    const leftTruth = truth(left);
    if (expression.operator === '??') {
      if (left === UNKNOWN) return UNKNOWN;
      return left === undefined || left === null ? this.evaluate(expression.right, scope) : left;
    }
    const isAnd = expression.operator === '&&';
    if (leftTruth === !isAnd) return left;
    const right = this.evaluate(expression.right, scope);
    if (leftTruth !== 'unknown') return right;
    // Unknown left: `x && false` is false and `x || true` is true whatever x is.
    return truth(right) === !isAnd ? right : UNKNOWN;
  }

  private evaluateBinary(expression: TSESTree.BinaryExpression, scope: Map<string, Value>): Value {
    if (expression.operator === 'instanceof') {
      const left = this.evaluate(expression.left, scope);
      const right = unwrapExpression(expression.right);
      if (left === ERROR && right.type === AST_NODE_TYPES.Identifier && ERROR_CLASSES.test(right.name)) return true;
      return UNKNOWN;
    }
    const left = this.evaluate(expression.left, scope);
    const right = this.evaluate(expression.right, scope);
    return compare(expression.operator, left, right);
  }

  private evaluateUnary(expression: TSESTree.UnaryExpression, scope: Map<string, Value>): Value {
    const argument = this.evaluate(expression.argument, scope);
    switch (expression.operator) {
      case '!': {
        const value = truth(argument);
        return value === 'unknown' ? UNKNOWN : !value;
      }
      case '-':
        return typeof argument === 'number' ? -argument : UNKNOWN;
      case '+':
        return typeof argument === 'number' || typeof argument === 'string' ? Number(argument) : UNKNOWN;
      case 'void':
        return undefined;
      default:
        return UNKNOWN;
    }
  }

  private evaluateNew(expression: TSESTree.NewExpression, scope: Map<string, Value>): Value {
    const callee = unwrapExpression(expression.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Set' || expression.arguments.length !== 1) return UNKNOWN;
    const items = this.evaluate(expression.arguments[0]!, scope);
    return Array.isArray(items) ? new Set(items) : UNKNOWN;
  }

  private evaluateCall(call: TSESTree.CallExpression, scope: Map<string, Value>): Value {
    const args = call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN : this.evaluate(argument, scope)));
    const spec = getLibraryCondition(this.detection, call.callee);
    if (spec) return args[0] === ERROR ? this.retriesSample(spec) : UNKNOWN;
    const callee = unwrapExpression(call.callee);
    const calleeName = getCalleeName(callee);
    if (calleeName && HTTP_ERROR_GUARDS.test(calleeName) && args[0] === ERROR) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
      const method = callee.property.name;
      if (callee.object.type === AST_NODE_TYPES.Identifier && ['Math', 'Number', 'String', 'Boolean'].includes(callee.object.name)) {
        return callGlobalMethod(callee.object.name, method, args);
      }
      return callMethod(this.evaluate(callee.object, scope), method, args);
    }
    if (callee.type === AST_NODE_TYPES.Identifier && ['Number', 'String', 'Boolean'].includes(callee.name) && !scope.has(callee.name)) {
      return callGlobalMethod(callee.name, '', args);
    }
    const local = resolveFunction(this.detection.context, callee);
    return local ? this.invoke(local, args) : UNKNOWN;
  }

  private retriesSample(spec: RetryConditionSpec): boolean {
    return spec.everyError || (spec.serverErrors && this.status >= 500 && this.status <= 599) || spec.statuses.includes(this.readStatus());
  }
}

function truth(value: Value): boolean | 'unknown' {
  if (value === UNKNOWN) return 'unknown';
  if (value === ERROR || value === RESPONSE || value === RESPONSE_CODE) return true;
  return Boolean(value);
}

function compare(operator: string, left: Value, right: Value): Value {
  const codeComparison = compareResponseCode(operator, left, right) ?? compareResponseCode(operator, right, left);
  if (codeComparison !== undefined) return codeComparison;
  if (isMarker(left) || isMarker(right)) {
    const marker = isMarker(left) ? left : right;
    const other = isMarker(left) ? right : left;
    if (marker !== UNKNOWN && (other === undefined || other === null)) {
      if (operator === '===' || operator === '==') return false;
      if (operator === '!==' || operator === '!=') return true;
    }
    return UNKNOWN;
  }
  const a = left as number;
  const b = right as number;
  switch (operator) {
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    case '==':
      return a == b;
    case '!=':
      return a != b;
    default:
      return applyNumericOperator(operator, a, b) ?? UNKNOWN;
  }
}

/** `error.code === 'ECONNRESET'` is false for an error that carries an answer (axios: ERR_BAD_REQUEST/RESPONSE). */
function compareResponseCode(operator: string, code: Value, other: Value): boolean | typeof UNKNOWN | undefined {
  if (code !== RESPONSE_CODE) return undefined;
  if (typeof other !== 'string' || !NETWORK_CODE.test(other) || other.startsWith('ERR_BAD_')) return UNKNOWN;
  if (operator === '===' || operator === '==') return false;
  if (operator === '!==' || operator === '!=') return true;
  return UNKNOWN;
}

function isMarker(value: Value): boolean {
  return value === UNKNOWN || value === ERROR || value === RESPONSE || value === RESPONSE_CODE;
}

function callGlobalMethod(object: string, method: string, args: readonly Value[]): Value {
  const [first] = args;
  if (isMarker(first)) return UNKNOWN;
  if (object === 'Math' && ['floor', 'ceil', 'round', 'trunc', 'abs'].includes(method) && typeof first === 'number') {
    return Math[method as 'floor'](first);
  }
  if (method === '') {
    if (object === 'Number') return Number(first);
    if (object === 'String') return String(first);
    if (object === 'Boolean') return Boolean(first);
  }
  return UNKNOWN;
}

function callMethod(object: Value, method: string, args: readonly Value[]): Value {
  const [first] = args;
  if (isMarker(first) || isMarker(object)) return UNKNOWN;
  if (Array.isArray(object) && method === 'includes') return object.some((item) => item === UNKNOWN) && !object.includes(first) ? UNKNOWN : object.includes(first);
  if (object instanceof Set && method === 'has') return object.has(UNKNOWN) && !object.has(first) ? UNKNOWN : object.has(first);
  if (typeof object === 'string' && typeof first === 'string' && ['startsWith', 'endsWith', 'includes'].includes(method)) {
    return object[method as 'includes'](first);
  }
  if (typeof object === 'number' && method === 'toString' && args.length === 0) return String(object);
  return UNKNOWN;
}

/** Logging, metrics and similar statements that do not change what the predicate returns. */
function isSideEffectOnly(expression: TSESTree.Expression): boolean {
  const unwrapped = unwrapExpression(expression);
  return unwrapped.type === AST_NODE_TYPES.CallExpression || unwrapped.type === AST_NODE_TYPES.AwaitExpression;
}

function collectNames(pattern: TSESTree.Node): string[] {
  if (pattern.type === AST_NODE_TYPES.Identifier) return [pattern.name];
  if (pattern.type === AST_NODE_TYPES.ArrayPattern) return pattern.elements.flatMap((element) => (element ? collectNames(element) : []));
  if (pattern.type === AST_NODE_TYPES.RestElement) return collectNames(pattern.argument);
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return collectNames(pattern.left);
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    return pattern.properties.flatMap((property) => collectNames(property.type === AST_NODE_TYPES.RestElement ? property.argument : property.value));
  }
  return [];
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
  return undefined;
}
