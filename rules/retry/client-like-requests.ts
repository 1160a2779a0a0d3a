/**
 * Requests that a hand-written retry sends through a client this file does not create: a `post` or `patch`
 * on an object named like an HTTP client (`apiClient.post(…)`, `this.http.patch(…)`, NestJS `HttpService`
 * behind `firstValueFrom`). The retry's reading names the method; an idempotency key is looked for in the
 * call's own arguments (a header, or a field named for it), since the client's defaults are not in view. A
 * config argument this file cannot read leaves the key unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { NON_IDEMPOTENT_METHODS } from '../../knowledge/http/http-methods.js';
import { findConstInitializer } from '../ast/find-property.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getClientLikeMethod } from './hand-written/read-methods.js';
import type { RetriedClientCall, RetryPolicy } from './model.js';
import { getRepeatedCode } from './retried-requests.js';


export type ClientCallKey = { readonly kind: 'present'; readonly value: TSESTree.Node } | { readonly kind: 'absent' } | { readonly kind: 'unknown' };

/** Verbs that take a body before their config: `post(url, data, config)`. */
const BODY_VERBS = new Set(['post', 'put', 'patch']);
const KEY_FIELD = /idempot/i;
const MAX_DEPTH = 3;

/** Non-idempotent calls on client-like objects that hand-written retries resend, other than the requests this file creates. */
export function findRetriedClientCalls(policies: readonly RetryPolicy[], knownRequests: ReadonlySet<TSESTree.Node>): RetriedClientCall[] {
  const found: RetriedClientCall[] = [];
  for (const policy of policies) {
    const call = policy.operation;
    if (policy.library !== 'hand-written' || call?.type !== AST_NODE_TYPES.CallExpression || knownRequests.has(call)) continue;
    const method = getClientLikeMethod(call);
    const retry = { library: policy.library, node: policy.node, methods: policy.methods };
    if (method && (NON_IDEMPOTENT_METHODS as readonly string[]).includes(method)) found.push({ call, method, retry, attempt: getRepeatedCode(policy) });
  }
  return found;
}

/** The idempotency key in the call's arguments: a header of one of `headers`, or a field named for it. */
export function findClientCallKey(context: AnyRuleContext, call: TSESTree.CallExpression, headers: readonly string[]): ClientCallKey {
  const names = new Set(headers.map((name) => name.toLowerCase()));
  const callee = unwrapExpression(call.callee);
  const verb = callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
  const configIndex = BODY_VERBS.has(verb) ? 2 : 1;
  let unknown = false;
  for (const [index, argument] of call.arguments.entries()) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
    const found = findKey(context, argument, names, 0);
    if (found && found !== UNREADABLE) return { kind: 'present', value: found };
    // The body may be anything; a config this file cannot read may carry the header.
    if (found === UNREADABLE && index === configIndex) unknown = true;
  }
  return unknown ? { kind: 'unknown' } : { kind: 'absent' };
}

const UNREADABLE: unique symbol = Symbol('unreadable');

/** The value of a key property in an object (and the objects it nests), through `const` bindings. */
function findKey(context: AnyRuleContext, node: TSESTree.Node, names: ReadonlySet<string>, depth: number): TSESTree.Node | typeof UNREADABLE | undefined {
  if (depth > MAX_DEPTH) return UNREADABLE;
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) expression = findConstInitializer(context, expression) ?? expression;
  if (expression.type === AST_NODE_TYPES.Literal || expression.type === AST_NODE_TYPES.TemplateLiteral) return undefined;
  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return UNREADABLE;
  let unreadable = false;
  for (const property of expression.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      unreadable ||= findKey(context, property.argument, names, depth + 1) === UNREADABLE;
      continue;
    }
    const name = property.computed ? getStaticValueOf(context, property.key)?.value : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : (property.key as TSESTree.Literal).value;
    if (typeof name === 'string' && (names.has(name.toLowerCase()) || KEY_FIELD.test(name))) return property.value;
    if (typeof name === 'string' && name.toLowerCase() === 'headers') {
      const inner = findKey(context, property.value, names, depth + 1);
      if (inner === UNREADABLE) unreadable = true;
      else if (inner) return inner;
    }
  }
  return unreadable ? UNREADABLE : undefined;
}
