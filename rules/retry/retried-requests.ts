/**
 * Which requests a retry resends, and for which methods: the requests inside a retried operation (a p-retry,
 * async-retry or cockatiel callback, a hand-written loop body, and the local functions and methods they
 * call), the requests of a client a retry is attached to (`axiosRetry(api)`, a got/ky instance with
 * `retry` in its defaults and the instances extended from it), the request whose own options hold the
 * retry (`got.post(url, { retry })`), and superagent's `.retry()` on a request or an agent. With type
 * information, also requests through a client made and retried in another module (`axiosRetry(api)`
 * there), and requests a retried operation sends from functions in other modules.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { superagent } from '../../knowledge/http/superagent.js';
import { AXIOS_RETRY_CONFIG_KEY, axiosRetry } from '../../knowledge/retry/axios-retry.js';
import { contains } from '../ast/contains.js';
import { findProperty } from '../ast/find-property.js';
import { getThisMemberName } from '../ast/find-value-references.js';
import { getTypeServices } from '../ast/get-type-services.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { HTTP_LIBRARIES } from '../http/http-libraries.js';
import type { HttpInstance, HttpLibrary, HttpLibraryName, HttpRequest, HttpUsage } from '../http/model.js';
import { findRemoteRequests } from '../http/remote-requests.js';
import { getRequestOptions } from '../http/request-options.js';
import { getAttachedRetryMethods } from './detectors/axios-retry.js';
import type { RetriedMethods, RetriedRemoteRequest, RetriedRequest, Retry, RetryPolicy } from './model.js';
import { getSuperagentRetries } from './superagent-retry.js';

/** The request option that overrides a client's retry settings for one request. */
const RETRY_OVERRIDE_KEYS: Partial<Record<HttpLibraryName, string>> = { axios: AXIOS_RETRY_CONFIG_KEY, got: 'retry', ky: 'retry' };

/** How many calls deep a retried operation is followed into local functions and methods. */
const MAX_CALL_DEPTH = 3;

export function findRetriedRequests(context: AnyRuleContext, usage: HttpUsage, policies: readonly RetryPolicy[]): RetriedRequest[] {
  const found: RetriedRequest[] = [];
  const add = (requests: Iterable<HttpRequest>, retry: Retry, methodsMustBeKnown: boolean, attempt?: readonly TSESTree.Node[]): void => {
    if (retry.methods.kind === 'unknown' && methodsMustBeKnown) return;
    for (const request of requests) found.push({ request, retry, ...(attempt ? { attempt } : {}) });
  };
  for (const policy of policies) {
    // superagent's own retries are matched to their requests below, from the request chains.
    if (policy.library === superagent.name) continue;
    const retry: Retry = { library: policy.library, node: policy.node, methods: policy.methods };
    if (policy.operation) {
      const operation = collectRegions(context, policy.operation);
      const attempt = [...operation, ...getRepeatedCode(policy)];
      add(usage.requests.filter((request) => operation.some((region) => contains(region, request.node))), retry, false, attempt);
    } else if (policy.client) {
      const own = usage.requests.find((request) => request.node === unwrapExpression(policy.client!));
      // A request whose config overrides the client's retry is judged by that override alone.
      add(own ? [own] : findRequestsOfClient(context, usage, policy.client).filter((request) => !hasRetryOverride(context, request)), retry, true);
    } else {
      add(findRequestsConfiguredBy(usage, policy.node), retry, true);
    }
  }
  for (const { requests, retry } of getSuperagentRetries(context, usage)) add(requests, retry, false);
  for (const request of usage.requests) {
    const retry = request.origin.kind === 'typed' && !hasRetryOverride(context, request) ? findRetryAttachedElsewhere(context, request) : undefined;
    if (retry) add([request], retry, true);
  }
  return found;
}

/** Requests that retried operations send from functions in other modules (type information only). */
export function findRetriedRemoteRequests(context: AnyRuleContext, policies: readonly RetryPolicy[]): RetriedRemoteRequest[] {
  if (!getTypeServices(context)) return [];
  return policies.flatMap((policy) => {
    if (!policy.operation) return [];
    const retry: Retry = { library: policy.library, node: policy.node, methods: policy.methods };
    return findRemoteRequests(context, resolveFunction(context, policy.operation) ?? policy.operation).map((request) => ({ request, retry }));
  });
}

/** `axiosRetry(client, …)` in the module that made a client this file imports. */
function findRetryAttachedElsewhere(context: AnyRuleContext, request: HttpRequest): Retry | undefined {
  const checker = getTypeServices(context)?.program.getTypeChecker();
  const creation = request.origin.kind === 'typed' ? request.origin.client.creation?.creation : undefined;
  if (!checker || !creation) return undefined;
  for (const attachment of creation.attachments) {
    const methods = getAttachedRetryMethods(checker, attachment);
    if (methods) return { library: axiosRetry.name, node: request.node, methods };
  }
  return undefined;
}

/** Whether the retry resends requests of this method (an unknown set counts as all for a wrapped operation). */
export function isMethodRetried(methods: RetriedMethods, method: string): boolean {
  if (methods.kind === 'known') return methods.methods.some((retried) => retried.toUpperCase() === method);
  return true;
}

/** The operation's body and, a few calls deep, the bodies of the local functions and methods it calls. */
function collectRegions(context: AnyRuleContext, operation: TSESTree.Node): TSESTree.Node[] {
  const regions: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node | undefined, depth: number): void => {
    if (!node || regions.includes(node) || depth > MAX_CALL_DEPTH) return;
    regions.push(node);
    walkDescendants(context, node, (current) => {
      if (current.type !== AST_NODE_TYPES.CallExpression) return;
      visit(findLocalFunction(context, current.callee), depth + 1);
    });
  };
  visit(resolveFunction(context, operation) ?? operation, 0);
  return regions;
}

/** What a hand-written retry runs again on each attempt besides the retried call: the loop body, or the recursing function. */
export function getRepeatedCode(policy: RetryPolicy): TSESTree.Node[] {
  if (policy.library !== 'hand-written') return [];
  const node = policy.node;
  if (node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement || node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.ForOfStatement) {
    return [node.body];
  }
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current.type !== AST_NODE_TYPES.FunctionDeclaration && current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
    current = current.parent;
  }
  return current ? [current.body] : [];
}

/** `fn` → its declaration or initializer; `this.method` → the method in the enclosing class. */
function findLocalFunction(context: AnyRuleContext, callee: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return resolveFunction(context, expression);
  const member = getThisMemberName(expression);
  if (member === undefined) return undefined;
  let node: TSESTree.Node | undefined = expression;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) node = node.parent;
  const method = node?.body.find(
    (element) =>
      (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === member,
  );
  return method && 'value' in method ? (method.value ?? undefined) : undefined;
}

function resolveFunction(context: AnyRuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'FunctionName') return definition.node;
  if (definition?.type === 'Variable' && definition.node.init) {
    const init = unwrapExpression(definition.node.init);
    if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) return init;
  }
  return undefined;
}

/** The requests sent through a client a retry is attached to. */
function findRequestsOfClient(context: AnyRuleContext, usage: HttpUsage, client: TSESTree.Node): HttpRequest[] {
  const expression = unwrapExpression(client);
  const instance = usage.instances.find((candidate) => candidate.node === expression || candidate.references.includes(expression) || isSameStorage(context, candidate, expression));
  if (instance) return getInstanceRequests(instance);
  const library = findLibraryBinding(context, expression);
  if (library) return usage.requests.filter((request) => request.origin.kind === 'library' && request.library === library);
  return [];
}

/** A retry configured in the options of one request or one instance factory (`got.post(url, { retry })`). */
function findRequestsConfiguredBy(usage: HttpUsage, node: TSESTree.Node): HttpRequest[] {
  const request = usage.requests.find((candidate) => contains(candidate.node, node));
  if (request) return [request];
  const instance = usage.instances.find((candidate) => contains(candidate.node, node));
  return instance ? getInstanceRequests(instance) : [];
}

/** An instance's requests and, for a library whose own retry option instances inherit (got, ky), its children's. */
function getInstanceRequests(instance: HttpInstance): HttpRequest[] {
  const inherits = 'retry' in instance.library.spec;
  return [...instance.requests, ...(inherits ? instance.children.flatMap(getInstanceRequests) : [])];
}

/** `this.http` used where the instance was stored as `this.http`, or the same variable read elsewhere. */
function isSameStorage(context: AnyRuleContext, instance: HttpInstance, expression: TSESTree.Node): boolean {
  const member = getThisMemberName(expression);
  if (member !== undefined) return instance.references.some((reference) => getThisMemberName(reference) === member);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  return variable !== null && instance.references.some((reference) => reference.type === AST_NODE_TYPES.Identifier && variable.references.some((read) => read.identifier === reference));
}

/** An identifier bound to a library's default client: `import axios from 'axios'`, `const got = require('got')`. */
function findLibraryBinding(context: AnyRuleContext, expression: TSESTree.Node): HttpLibrary | undefined {
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let source: string | undefined;
  if (definition?.type === 'ImportBinding') {
    const specifier = definition.node;
    const isClient =
      specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
      specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
      (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier && (specifier.imported.name === 'default' || HTTP_LIBRARIES.some((library) => library.clientExports.includes((specifier.imported as TSESTree.Identifier).name))));
    if (isClient && definition.parent.type === AST_NODE_TYPES.ImportDeclaration) source = definition.parent.source.value;
  } else if (definition?.type === 'Variable' && definition.node.init) {
    let init = unwrapExpression(definition.node.init);
    if (init.type === AST_NODE_TYPES.MemberExpression && !init.computed && init.property.type === AST_NODE_TYPES.Identifier && init.property.name === 'default') init = init.object;
    if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require') {
      const argument = init.arguments[0];
      if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') source = argument.value;
    }
  }
  return source === undefined ? undefined : HTTP_LIBRARIES.find((library) => library.defaultIsClient && library.spec.packages.includes(source));
}

/** The request's own options hold a retry setting (`'axios-retry': {…}`, got/ky `retry`). */
function hasRetryOverride(context: AnyRuleContext, request: HttpRequest): boolean {
  const key = RETRY_OVERRIDE_KEYS[request.library.name];
  if (!key) return false;
  const options = getRequestOptions(context, request);
  if (options.kind === 'unknown') return false;
  return options.kind === 'options' && findProperty(context, options.node, key).kind !== 'absent';
}
