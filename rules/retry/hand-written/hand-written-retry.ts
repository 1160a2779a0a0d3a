/** A retry written by hand, as recognised in the code, before its bound, backoff and condition are read. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from './local-functions.js';

export type RetryLoopNode = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.ForOfStatement;

export type HandWrittenRetry = RetryLoop | RecursiveRetry | InterceptorRetry;

/** A retry that goes round by a call from its failure branch: a function calling itself, an interceptor re-sending. */
export type CallRetry = RecursiveRetry | InterceptorRetry;

export interface RetryLoop {
  readonly form: 'loop';
  readonly loop: RetryLoopNode;
  /** The retried call. */
  readonly operation: TSESTree.CallExpression;
  /** The failure path: a `catch` that goes round again, or a check of the answer that does. */
  readonly failure:
    | { readonly kind: 'catch'; readonly tryStatement: TSESTree.TryStatement & { handler: TSESTree.CatchClause } }
    | { readonly kind: 'answer'; readonly variable: string; readonly statement: TSESTree.Statement };
}

export interface RecursiveRetry {
  readonly form: 'recursion';
  /** The function that calls itself. */
  readonly function: FunctionNode;
  /** The call that goes round again (or the `setTimeout(retry, ms)` that schedules it). */
  readonly call: TSESTree.CallExpression;
  readonly operation: TSESTree.CallExpression | undefined;
  /** Where the failure is handled: a catch clause, a `.catch(cb)` callback, or a failed-answer branch. */
  readonly failure: TSESTree.CatchClause | FunctionNode | TSESTree.Node;
  /** Names that hold the failure there: the caught error, the callback's error, the answer checked. */
  readonly failureNames: ReadonlySet<string>;
}

/**
 * An axios response interceptor whose rejected handler sends the failed request again
 * (`return api(error.config)`): every request through the client it is installed on is retried by it.
 */
export interface InterceptorRetry {
  readonly form: 'interceptor';
  /** The rejected handler. */
  readonly function: FunctionNode;
  /** The call that sends the failed request again. */
  readonly call: TSESTree.CallExpression;
  readonly operation: TSESTree.CallExpression;
  /** The failure is the handler itself: it runs only for a failed request. */
  readonly failure: FunctionNode;
  /** The handler's error parameter. */
  readonly failureNames: ReadonlySet<string>;
  /** `client.interceptors.response.use(…)`, where findings are reported. */
  readonly use: TSESTree.CallExpression;
  /** The client the interceptor is installed on (an instance, or `axios` itself). */
  readonly client: TSESTree.Node;
  /** Variables that hold the failed request's config (`const config = error.config`). */
  readonly configNames: ReadonlySet<string>;
  /** Properties the handler writes on that config: `_retry = true` is a flag, `__retryCount += 1` a counter. */
  readonly configMarks: ReadonlyMap<string, 'flag' | 'counter'>;
}

/** The statements of a loop's body. */
export function getLoopStatements(loop: RetryLoopNode): readonly TSESTree.Statement[] {
  return loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
}
