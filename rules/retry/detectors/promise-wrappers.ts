/**
 * The promise wrappers: p-retry (`pRetry(fn, options)`, `makeRetriable(fn, options)`) and async-retry
 * (`retry(fn, options)`), each retrying the function it is given.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { asyncRetry } from '../../../knowledge/retry/async-retry.js';
import { pRetry } from '../../../knowledge/retry/p-retry.js';
import type { PropertyLookup } from '../../ast/find-property.js';
import { CALL, ESM, tracePackages } from '../../ast/library-references.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryCondition } from '../model.js';
import { classifyCondition } from './condition.js';
import { isReachedOnlyOnSuccess } from './http-operation.js';
import { findOption, getArgument, optionsArgument, type Detection, type RetryLibraryDetector, type RetryReference } from './detection.js';
import { describeNodeRetry } from './node-retry.js';

const pRetryFunction = { [CALL]: { library: 'p-retry', name: 'pRetry' } } as const;
const makeRetriable = { makeRetriable: { [CALL]: { library: 'p-retry', name: 'makeRetriable' } } } as const;

export const pRetryDetector: RetryLibraryDetector = {
  library: 'p-retry',
  modules: tracePackages<RetryReference>(pRetry.packages, { [ESM]: true, ...pRetryFunction, ...makeRetriable, default: { ...pRetryFunction, ...makeRetriable } }),
  detect(references, detection) {
    for (const reference of references) {
      const call = reference.node as TSESTree.CallExpression;
      const sources = optionsArgument(call, 1);
      const policy = describeNodeRetry(detection, call, sources, {
        spec: pRetry,
        timeBudgetOptions: ['maxRetryTime', 'signal'],
        uncountedOptions: ['shouldConsumeRetry'],
      });
      if (!policy) continue;
      const shouldRetry = findOption(detection.context, sources, 'shouldRetry');
      const operation = getArgument(call, 0);
      const condition: RetryCondition =
        shouldRetry.kind === 'absent'
          ? getPRetryDefaultCondition(detection, call, operation, findOption(detection.context, sources, 'onFailedAttempt'))
          : shouldRetry.kind === 'found' && shouldRetry.node
            ? classifyCondition(detection, shouldRetry.node)
            : { kind: 'unknown' };
      detection.onPolicy({ ...policy, condition, operation });
    }
  },
};

const asyncRetryFunction = { [CALL]: { library: 'async-retry', name: 'retry' } } as const;

export const asyncRetryDetector: RetryLibraryDetector = {
  library: 'async-retry',
  modules: tracePackages<RetryReference>(asyncRetry.packages, { [ESM]: true, ...asyncRetryFunction, default: asyncRetryFunction }),
  detect(references, detection) {
    for (const reference of references) {
      const call = reference.node as TSESTree.CallExpression;
      const policy = describeNodeRetry(detection, call, optionsArgument(call, 1), { spec: asyncRetry, timeBudgetOptions: ['maxRetryTime'] });
      const operation = getArgument(call, 0);
      if (policy) detection.onPolicy({ ...policy, condition: getAsyncRetryCondition(detection, call, operation), operation });
    }
  },
};

/**
 * p-retry retries every error unless the operation throws an AbortError or `onFailedAttempt` throws; then
 * what is retried depends on code the rule does not evaluate. An AbortError thrown only after a request that
 * rejects on 4xx has answered (`if (res.status === 404) throw new AbortError(…)` after `await axios.get(…)`)
 * stops nothing: the 4xx rejected before the test and was retried.
 */
function getPRetryDefaultCondition(detection: Detection, call: TSESTree.CallExpression, operation: TSESTree.Node | undefined, onFailedAttempt: PropertyLookup): RetryCondition {
  const operationFunction = resolveFunction(detection.context, operation);
  const aborts = operationFunction ? findNodes(detection, operationFunction.body, isAbortError) : [];
  if (aborts.some((abort) => !isReachedOnlyOnSuccess(detection.context, abort, operationFunction!.body))) return { kind: 'unknown' };
  if (onFailedAttempt.kind === 'unknown') return { kind: 'unknown' };
  if (onFailedAttempt.kind === 'found') {
    const handler = resolveFunction(detection.context, onFailedAttempt.node);
    if (!handler || containsNode(detection, handler.body, (node) => node.type === AST_NODE_TYPES.ThrowStatement)) return { kind: 'unknown' };
  }
  return { kind: 'every-error', node: call };
}

/**
 * async-retry retries every error unless the operation calls `bail` (its first parameter). A `bail` called
 * only after a request that rejects on 4xx has answered (`if (res.status === 403) bail(…)` after
 * `await axios.get(…)`) never runs for a 4xx: the request rejected first, and that was retried.
 */
function getAsyncRetryCondition(detection: Detection, call: TSESTree.CallExpression, operation: TSESTree.Node | undefined): RetryCondition {
  const operationFunction = resolveFunction(detection.context, operation);
  const bail = operationFunction?.params[0];
  if (!bail) return { kind: 'every-error', node: call };
  if (bail.type !== AST_NODE_TYPES.Identifier) return { kind: 'unknown' };
  const uses = findNodes(detection, operationFunction.body, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === bail.name);
  const filters = uses.some((use) => {
    const bailCall = use.parent;
    return bailCall?.type !== AST_NODE_TYPES.CallExpression || bailCall.callee !== use || !isReachedOnlyOnSuccess(detection.context, bailCall, operationFunction.body);
  });
  return filters ? { kind: 'unknown' } : { kind: 'every-error', node: call };
}

function isAbortError(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'AbortError';
}

function containsNode(detection: Detection, root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): boolean {
  let found = false;
  walkDescendants(detection.context, root, (node) => {
    if (predicate(node)) found = true;
    return !found;
  });
  return found;
}

function findNodes(detection: Detection, root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  walkDescendants(detection.context, root, (node) => {
    if (predicate(node)) found.push(node);
  });
  return found;
}
