import type { TSESTree } from '@typescript-eslint/utils';

import { NON_IDEMPOTENT_METHODS } from '../knowledge/http/http-methods.js';
import { getTypeServices } from './ast/get-type-services.js';
import { createRule, type getPolicy } from './create-rule.js';
import { reportProblems } from './family/report-problems.js';
import { collectHttpUsage } from './http/collect.js';
import { IdempotencyKeyFinder } from './http/idempotency-keys.js';
import { isKeyCreatedPerAttempt } from './http/key-per-attempt.js';
import { getRemoteRequestMethod } from './http/remote-requests.js';
import { getRequestMethod, getRequestOptions } from './http/request-options.js';
import { findClientCallKey } from './retry/client-like-requests.js';
import { collectRetriedRequests } from './retry/collect.js';
import type { RetriedClientCall, RetriedRemoteRequest, RetriedRequest, Retry } from './retry/model.js';
import { isMethodRetried } from './retry/retried-requests.js';

type Options = [{ headers?: string[] }];
type MessageIds = 'missingIdempotencyKey' | 'keyCreatedPerAttempt';

export default createRule<Options, MessageIds>({
  name: 'require-idempotency-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an idempotency key header on retried non-idempotent HTTP requests',
      recommended: true,
      usesTypeInformation: true,
    },
    messages: {
      missingIdempotencyKey:
        '{{method}} request retried by {{retrier}} without an idempotency key: a retry after a lost response repeats the side effect (a second charge, a duplicate order); send an idempotency key in the {{headers}} header, created once per operation outside the retry.',
      keyCreatedPerAttempt:
        '{{method}} request retried by {{retrier}} creates its idempotency key inside the retried code: every attempt sends a new key, so the server cannot recognise the resend and repeats the side effect; create the key once, before the retry starts.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          headers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            uniqueItems: true,
            description: 'Header names that carry an idempotency key, compared case-insensitively; defaults to the policy file\'s `idempotency.headers` (`Idempotency-Key`, `X-Idempotency-Key`).',
          },
        },
      },
    ],
    defaultOptions: [{}],
  },
  defaultOptions: [{}],
  optionsFromPolicy: (policy) => [{ headers: [...policy.idempotency.headers] }],
  create(context, [options]) {
    return {
      'Program:exit'() {
        const retried = collectRetriedRequests(context);
        if (retried.local.length === 0 && retried.remote.length === 0 && retried.clientCalls.length === 0) return;
        const headers = options.headers ?? [];
        const keys = new IdempotencyKeyFinder(context, collectHttpUsage(context), headers);
        const headerList = headers.map((name) => `\`${name}\``).join(' or ');
        const toReport = (node: TSESTree.Node, retry: Retry, problem: Problem | undefined): ReportedProblem | undefined =>
          problem && { node, messageId: problem.messageId, data: { method: problem.method, retrier: retry.library, headers: headerList } };
        reportProblems(context, [...retried.local, ...retried.remote], (found) =>
          'call' in found.request
            ? toReport(found.request.call, found.retry, getRemoteProblem(context, found as RetriedRemoteRequest, keys))
            : toReport(found.request.node, found.retry, getProblem(context, found as RetriedRequest, keys)),
        );
        reportProblems(context, retried.clientCalls, (found) => toReport(found.call, found.retry, getClientCallProblem(context, found, headers)));
      },
    };
  },
});

type Problem = { readonly messageId: MessageIds; readonly method: string };
type ReportedProblem = { readonly node: TSESTree.Node; readonly messageId: MessageIds; readonly data: Record<string, string> };
type Context = Parameters<typeof getPolicy>[0];

/** A retried POST/PATCH with no key, or with a key created anew on every attempt; undefined when fine or unknown. */
function getProblem(context: Context, { request, retry, attempt }: RetriedRequest, keys: IdempotencyKeyFinder): Problem | undefined {
  const requestOptions = getRequestOptions(context, request);
  const method = getRequestMethod(context, request, requestOptions);
  if (!method || !(NON_IDEMPOTENT_METHODS as readonly string[]).includes(method) || !isMethodRetried(retry.methods, method)) return undefined;
  const key = keys.getRequestKey(request, requestOptions);
  if (key === 'absent') return { messageId: 'missingIdempotencyKey', method };
  const value = key === 'present' && attempt ? keys.getRequestKeyValue(request, requestOptions) : undefined;
  return value && attempt && isKeyCreatedPerAttempt(context, value, attempt) ? { messageId: 'keyCreatedPerAttempt', method } : undefined;
}

/** A POST/PATCH that a hand-written retry sends through a client-like object (`apiClient.post`), judged by its own arguments. */
function getClientCallProblem(context: Context, { call, method, attempt }: RetriedClientCall, headers: readonly string[]): Problem | undefined {
  const key = findClientCallKey(context, call, headers);
  if (key.kind === 'absent') return { messageId: 'missingIdempotencyKey', method };
  return key.kind === 'present' && attempt.length > 0 && isKeyCreatedPerAttempt(context, key.value, attempt) ? { messageId: 'keyCreatedPerAttempt', method } : undefined;
}

/** A retried operation that POSTs without a key in a function of another module; reported where this file calls it. */
function getRemoteProblem(context: Context, { request, retry }: RetriedRemoteRequest, keys: IdempotencyKeyFinder): Problem | undefined {
  const checker = getTypeServices(context)?.program.getTypeChecker();
  const method = checker && getRemoteRequestMethod(checker, request);
  if (!method || !(NON_IDEMPOTENT_METHODS as readonly string[]).includes(method) || !isMethodRetried(retry.methods, method)) return undefined;
  return keys.getRemoteRequestKey(request) === 'absent' ? { messageId: 'missingIdempotencyKey', method } : undefined;
}
