/**
 * One normalized description of a retry, whatever wrote it: a library (axios-retry, p-retry, cockatiel,
 * got, ky, rxjs, …) or a hand-written loop or recursion. The retry rules judge these descriptions; they
 * never look at library shapes themselves. policy-check lists them in its inventory.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { HttpRequest } from '../http/model.js';
import type { RemoteRequest } from '../http/remote-requests.js';

export type RetryBound =
  /** A finite number of attempts (retries after the first call, as the library counts them). */
  | { readonly kind: 'attempts'; readonly retries: number }
  /** A total time budget: max retry time, a deadline, an AbortSignal. */
  | { readonly kind: 'time-budget' }
  /** Retries forever: `Infinity`, `forever`, a default that is unbounded, a loop with no counter. */
  | { readonly kind: 'unbounded'; readonly reason: string }
  /** Set through something we cannot read: do not report. */
  | { readonly kind: 'unknown' };

export type BackoffKind = 'none' | 'constant' | 'linear' | 'exponential' | 'custom' | 'unknown';

export interface RetryBackoff {
  readonly kind: BackoffKind;
  /** Whether the delay is randomized; 'unknown' when it cannot be told. */
  readonly jitter: boolean | 'unknown';
  /** What set it, for messages: "axios-retry default retryDelay (no delay)", "ConstantBackoff(500)". */
  readonly reason: string;
}

export type RetryCondition =
  /** The library's own default condition (see knowledge/ for what that retries). */
  | { readonly kind: 'default' }
  /** Retries every error, whatever the status: 4xx included. */
  | {
      readonly kind: 'every-error';
      readonly node: TSESTree.Node;
      /** Whether what is retried can fail on a 4xx answer at all (set by the collector). */
      readonly failsOnClientError?: boolean;
    }
  /** Retries listed 4xx answers other than 408/425/429. */
  | { readonly kind: 'client-errors'; readonly node: TSESTree.Node; readonly statuses: readonly number[] }
  /** Retries only network errors, 5xx, 408/425/429 or similar. */
  | { readonly kind: 'transient-only' }
  /**
   * Retries only a write that lost a race to a committed one (unique or duplicate-key violation,
   * compare-and-set or optimistic-lock conflict), with a new value: waiting would not help it.
   */
  | { readonly kind: 'conflict' }
  | { readonly kind: 'unknown' };

export type RetriedMethods =
  | { readonly kind: 'known'; readonly methods: readonly string[] }
  /** Every method, POST included (a wrapper around any call, axios-retry's network-error condition). */
  | { readonly kind: 'all' }
  | { readonly kind: 'unknown' };

export interface RetryPolicy {
  /** `axios-retry`, `p-retry`, `cockatiel`, `got`, `ky`, `rxjs`, `hand-written`, … */
  readonly library: string;
  /** Where a finding about this retry is reported. */
  readonly node: TSESTree.Node;
  readonly bound: RetryBound;
  readonly backoff: RetryBackoff;
  readonly condition: RetryCondition;
  readonly methods: RetriedMethods;
  /** The function a wrapper retries (p-retry, async-retry, cockatiel `execute`, a loop body). */
  readonly operation?: TSESTree.Node;
  /** The client a retry is attached to (`axiosRetry(client, …)`, a got/ky instance). */
  readonly client?: TSESTree.Node;
}

/** Who resends a request, and which methods: a retry policy, or superagent's `.retry()`. */
export interface Retry {
  /** Who retries: `axios-retry`, `p-retry`, `hand-written`, `superagent`, … */
  readonly library: string;
  readonly node: TSESTree.Node;
  readonly methods: RetriedMethods;
}

/** With type information: a request another module sends from a retried operation of this file. */
export interface RetriedRemoteRequest {
  readonly request: RemoteRequest;
  readonly retry: Retry;
}

/**
 * A POST or PATCH that a hand-written retry resends through an object named like an HTTP client that this
 * file does not create (`apiClient.post(…)`, NestJS `this.http.post(…)`): judged by its own arguments.
 */
export interface RetriedClientCall {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly retry: Retry;
  /** The code that runs again on every attempt: the loop body, or the function that calls itself. */
  readonly attempt: readonly TSESTree.Node[];
}

/** A request of this file that a retry resends: what the idempotency rule judges. */
export interface RetriedRequest {
  readonly request: HttpRequest;
  readonly retry: Retry;
  /** For a wrapped operation: the code that runs again on every attempt (its body and the local functions it calls). */
  readonly attempt?: readonly TSESTree.Node[];
}
