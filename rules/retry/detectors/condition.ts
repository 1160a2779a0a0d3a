/**
 * Reads what a retry condition retries: a predicate written in this file (`retryCondition`, `shouldRetry`,
 * `handleWhen`, …), a condition a library exports (`isNetworkOrIdempotentRequestError`, `handleAll`), or a
 * list of statuses. A predicate is evaluated for sample errors that carry an HTTP answer, one status at a
 * time (see predicate-evaluator.ts); a status it returns true for is retried. Anything the evaluation
 * cannot follow makes it unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { COMMON_CLIENT_ERRORS, RETRY_SAFE_CLIENT_ERRORS, isNonRetryableClientError } from '../../../knowledge/http/http-status.js';
import type { RetryConditionSpec } from '../../../knowledge/types.js';
import { resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryCondition } from '../model.js';
import type { Detection } from './detection.js';
import { getLibraryCondition } from './library-conditions.js';
import { ERROR, PredicateEvaluator } from './predicate-evaluator.js';

const SERVER_ERRORS = [500, 502, 503, 504];
const SAMPLE_STATUSES = [...COMMON_CLIENT_ERRORS, ...Object.keys(RETRY_SAFE_CLIENT_ERRORS).map(Number), ...SERVER_ERRORS];

/** What a condition (a predicate, a library export) retries. */
export function classifyCondition(detection: Detection, node: TSESTree.Node): RetryCondition {
  const spec = getLibraryCondition(detection, node);
  if (spec) return fromSpec(spec, node);
  const predicate = resolveFunction(detection.context, node);
  if (!predicate) return { kind: 'unknown' };
  return classifyPredicate(detection, predicate, node);
}

/** What a list of retried statuses retries; `allowed` are client errors the library retries safely. */
export function classifyStatusList(statuses: readonly number[], node: TSESTree.Node, allowed: readonly number[] = []): RetryCondition {
  const retried = statuses.filter((status) => isNonRetryableClientError(status) && !allowed.includes(status));
  return retried.length > 0 ? { kind: 'client-errors', node, statuses: [...new Set(retried)].sort((a, b) => a - b) } : { kind: 'transient-only' };
}

/** Whether a predicate looks at the request method (then the methods it retries cannot be told). */
export function readsRequestMethod(detection: Detection, node: TSESTree.Node): boolean {
  const predicate = resolveFunction(detection.context, node);
  if (!predicate) return true;
  let found = false;
  walkDescendants(detection.context, predicate.body, (current) => {
    if (current.type === AST_NODE_TYPES.Identifier && /method/i.test(current.name)) found = true;
    return !found;
  });
  return found;
}

function fromSpec(spec: RetryConditionSpec, node: TSESTree.Node): RetryCondition {
  if (spec.everyError) return { kind: 'every-error', node };
  return classifyStatusList(spec.statuses, node);
}

function classifyPredicate(detection: Detection, predicate: FunctionNode, node: TSESTree.Node): RetryCondition {
  const samples = [...new Set([...SAMPLE_STATUSES, ...findClientErrorLiterals(detection, predicate)])];
  const evaluator = new PredicateEvaluator(detection);
  const results = new Map(samples.map((status) => [status, evaluator.call(predicate, [ERROR], status)] as const));
  const clientErrors = samples.filter((status) => isNonRetryableClientError(status));
  const retried = clientErrors.filter((status) => results.get(status) === true);
  if (retried.length > 0) {
    const retriesAll = [...results.values()].every((result) => result === true);
    if (retriesAll && !evaluator.sawStatus) return { kind: 'every-error', node };
    return { kind: 'client-errors', node, statuses: retried.sort((a, b) => a - b) };
  }
  return clientErrors.every((status) => results.get(status) === false) ? { kind: 'transient-only' } : { kind: 'unknown' };
}

function findClientErrorLiterals(detection: Detection, predicate: FunctionNode): number[] {
  const found: number[] = [];
  walkDescendants(detection.context, predicate.body, (current) => {
    if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'number' && current.value >= 400 && current.value <= 499) {
      found.push(current.value);
    }
  });
  return found;
}

