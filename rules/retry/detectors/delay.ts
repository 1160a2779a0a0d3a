/**
 * Reads the shape of a delay given as a function (axios-retry `retryDelay`, rxjs `delay`, got
 * `calculateDelay`, cockatiel `DelegateBackoff`) or a number. A function that draws `Math.random()` is
 * jittered; one that only does arithmetic on its arguments is not, and its shape follows from the
 * arithmetic; one that calls anything else cannot be told.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { axiosRetry, axiosRetryDelays } from '../../../knowledge/retry/axios-retry.js';
import type { RetryBackoffSpec } from '../../../knowledge/types.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryBackoff } from '../model.js';
import { getKnownReference, type Detection } from './detection.js';

/** Calls that keep a delay deterministic: arithmetic, and the timers rxjs delays are built from. */
const PURE_CALLS = new Set(['Math.pow', 'Math.min', 'Math.max', 'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Math.abs', 'timer', 'of', 'Number']);

const UNKNOWN_BACKOFF: RetryBackoff = { kind: 'unknown', jitter: 'unknown', reason: 'a delay that cannot be read' };

/** A fixed delay in milliseconds. */
export function constantDelay(milliseconds: number, what: string): RetryBackoff {
  return milliseconds > 0
    ? { kind: 'constant', jitter: false, reason: `${what} of ${milliseconds} ms` }
    : { kind: 'none', jitter: false, reason: `${what} of 0 ms` };
}

/** A library default or export, as a backoff. */
export function fromBackoffSpec(spec: RetryBackoffSpec, reason: string): RetryBackoff {
  return { kind: spec.shape, jitter: spec.jitter, reason };
}

/** The backoff of a delay option: a number of milliseconds, a library delay function, or a function in this file. */
export function classifyDelay(detection: Detection, node: TSESTree.Node | undefined, value: unknown, what: string): RetryBackoff {
  if (typeof value === 'number') return constantDelay(value, what);
  if (!node) return UNKNOWN_BACKOFF;
  const staticValue = getStaticValueOf(detection.context, node)?.value;
  if (typeof staticValue === 'number') return constantDelay(staticValue, what);
  const known = getLibraryDelay(detection, node);
  if (known) return known;
  const delayFunction = resolveFunction(detection.context, node);
  return delayFunction ? classifyDelayFunction(detection, delayFunction, what) : UNKNOWN_BACKOFF;
}

/** `axiosRetry.exponentialDelay`, `linearDelay(…)`: the delays axios-retry exports. */
function getLibraryDelay(detection: Detection, node: TSESTree.Node): RetryBackoff | undefined {
  const expression = unwrapExpression(node);
  const known = getKnownReference(detection, expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
  if (known?.library !== axiosRetry.name) return undefined;
  const name = known.name.split('.').at(-1)!;
  if (name === 'exponentialDelay' && expression.type !== AST_NODE_TYPES.CallExpression) {
    return fromBackoffSpec(axiosRetryDelays.exponentialDelay, 'axiosRetry.exponentialDelay');
  }
  if (name === 'linearDelay' && expression.type === AST_NODE_TYPES.CallExpression) {
    return fromBackoffSpec(axiosRetryDelays.linearDelay, 'axiosRetry.linearDelay()');
  }
  return undefined;
}

function classifyDelayFunction(detection: Detection, delayFunction: FunctionNode, what: string): RetryBackoff {
  let random = false;
  let opaque = false;
  let exponential = false;
  let libraryJitter: RetryBackoff | undefined;
  walkDescendants(detection.context, delayFunction.body, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '**') exponential = true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression ? false : undefined;
    // A call whose value is dropped (`logger.warn(…)`, `metrics.increment(…)`) does not make the delay.
    if (node.parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
    // `linearDelay(1000)(retryCount, error)`: the delay the library function returns.
    const made = node.callee.type === AST_NODE_TYPES.CallExpression ? getLibraryDelay(detection, node.callee) : undefined;
    if (made) {
      libraryJitter = made;
      return false;
    }
    const name = getCalleeName(node.callee);
    if (name === 'Math.random') random = true;
    else if (name === 'Math.pow') exponential = true;
    else if (!name || !PURE_CALLS.has(name)) {
      const known = getLibraryDelayCall(detection, node);
      if (known) libraryJitter = known;
      else opaque = true;
    }
    return undefined;
  });
  if (random) return { kind: exponential ? 'exponential' : 'custom', jitter: true, reason: `${what} with Math.random()` };
  if (libraryJitter) return libraryJitter;
  if (opaque) return { kind: 'custom', jitter: 'unknown', reason: `${what} function` };
  if (exponential) return { kind: 'exponential', jitter: false, reason: `${what} function without randomness` };
  const constant = getConstantReturn(detection, delayFunction);
  if (constant !== undefined) return constantDelay(constant, what);
  return usesParameters(detection, delayFunction)
    ? { kind: 'linear', jitter: false, reason: `${what} function without randomness` }
    : { kind: 'custom', jitter: 'unknown', reason: `${what} function` };
}

/** `exponentialDelay(retryCount)` inside a custom delay still draws the library's jitter. */
function getLibraryDelayCall(detection: Detection, call: TSESTree.CallExpression): RetryBackoff | undefined {
  const known = getKnownReference(detection, call.callee);
  if (known?.library !== axiosRetry.name) return undefined;
  const name = known.name.split('.').at(-1);
  if (name === 'exponentialDelay') return fromBackoffSpec(axiosRetryDelays.exponentialDelay, 'axiosRetry.exponentialDelay');
  return undefined;
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.object.type === AST_NODE_TYPES.Identifier && expression.property.type === AST_NODE_TYPES.Identifier) {
    return `${expression.object.name}.${expression.property.name}`;
  }
  return undefined;
}

/** The number every return of the function evaluates to (through `timer(n)`), when they all agree. */
function getConstantReturn(detection: Detection, delayFunction: FunctionNode): number | undefined {
  const returned: TSESTree.Node[] = [];
  if (delayFunction.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(delayFunction.body);
  else {
    walkDescendants(detection.context, delayFunction.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
      return !(node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration);
    });
  }
  const values = returned.map((node) => {
    const expression = unwrapExpression(node);
    const inner = expression.type === AST_NODE_TYPES.CallExpression && getCalleeName(expression.callee) === 'timer' ? expression.arguments[0] : expression;
    const value = inner ? getStaticValueOf(detection.context, inner)?.value : undefined;
    return typeof value === 'number' ? value : undefined;
  });
  if (values.length === 0 || values.some((value) => value === undefined)) return undefined;
  return values.every((value) => value === values[0]) ? values[0] : undefined;
}

function usesParameters(detection: Detection, delayFunction: FunctionNode): boolean {
  const names = new Set(delayFunction.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  let used = false;
  walkDescendants(detection.context, delayFunction.body, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) used = true;
    return !used;
  });
  return used;
}
