/**
 * Which HTTP methods a hand-written retry sends again, read from the retried call: a request through fetch,
 * axios, got, ky or superagent (and their instances) with its method read from the function or the
 * options, or a `get`/`post`/… call on an object named like an HTTP client (`this.http`, `apiClient`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { normalizeHttpMethod } from '../../../knowledge/http/http-methods.js';
import { collectHttpUsage } from '../../http/collect.js';
import type { HttpRequest } from '../../http/model.js';
import { getRequestMethod, getRequestOptions } from '../../http/request-options.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { RetriedMethods } from '../model.js';

export interface RetriedCall {
  readonly methods: RetriedMethods;
  /** Whether the call rejects on an HTTP error answer (fetch and node:http do not). */
  readonly rejectsOnStatus: boolean;
}

const CLIENT_NAME = /http|client|api|axios|got|ky|rest/i;
const CLIENT_VERBS = new Set(['get', 'head', 'post', 'put', 'patch', 'delete']);
const NOT_HTTP_NAME = /redis|cache|db|database|mongo|sql|queue|kafka|bucket|s3|store|repo/i;
const NON_REJECTING_LIBRARIES = new Set(['fetch', 'node:http']);

/** The HTTP requests of the file, found once, the first time a retry asks. */
export class HttpRequests {
  private byCall: ReadonlyMap<TSESTree.Node, HttpRequest> | undefined;

  constructor(private readonly context: AnyRuleContext) {}

  find(call: TSESTree.CallExpression): HttpRequest | undefined {
    this.byCall ??= new Map(collectHttpUsage(this.context).requests.map((request) => [request.node, request]));
    return this.byCall.get(call);
  }
}

export function readRetriedCall(context: AnyRuleContext, operation: TSESTree.CallExpression | undefined, requests: HttpRequests): RetriedCall {
  if (!operation) return { methods: { kind: 'unknown' }, rejectsOnStatus: true };
  const request = requests.find(operation);
  if (request) {
    const method = getRequestMethod(context, request, getRequestOptions(context, request));
    return {
      methods: method === undefined ? { kind: 'all' } : { kind: 'known', methods: [method] },
      rejectsOnStatus: !NON_REJECTING_LIBRARIES.has(request.library.name),
    };
  }
  const method = getClientLikeMethod(operation);
  return { methods: method ? { kind: 'known', methods: [method] } : { kind: 'unknown' }, rejectsOnStatus: true };
}

/** `this.http.post(url, body)`, `apiClient.get(url)`: a verb called on something named like an HTTP client. */
export function getClientLikeMethod(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!CLIENT_VERBS.has(callee.property.name)) return undefined;
  const method = normalizeHttpMethod(callee.property.name);
  const object = unwrapExpression(callee.object);
  const name =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier
        ? object.property.name
        : undefined;
  return method && name !== undefined && CLIENT_NAME.test(name) && !NOT_HTTP_NAME.test(name) ? method : undefined;
}
