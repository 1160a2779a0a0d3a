/**
 * Whether a retried operation fails on a 4xx answer: it sends a request with axios, got or ky (which reject
 * on 4xx), directly or through an instance made in this file or NestJS's HttpService, or it throws when a fetch-style response is
 * not `ok`, or throws or rejects its promise on a status a 4xx fails (`if (statusCode !== 200) reject(…)`). A wrapper's retried code that calls the function it was given is judged by the functions this
 * file passes to the wrapper. With type information, requests sent by functions in other modules count too
 * (an imported `postLedgerEntry` that calls `ledger.post`). A request whose own options, or whose client's,
 * set `validateStatus` or `throwHttpErrors` does not count: whether it rejects on 4xx is not visible. A retry that retries every error only retries 4xx answers when
 * its operation fails on them.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { findValueReferences } from '../../ast/find-value-references.js';
import { findLibraryReferences, CALL, ESM, type TraceMapElement } from '../../ast/library-references.js';
import { isFunctionNode, resolveFunction } from '../../ast/resolve-function.js';
import type { AnyRuleContext } from '../../ast/rule-context.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import { getFileIndex } from '../../family/file-index.js';
import { findServiceRequests } from '../../http/nest-http-service.js';
import { findRemoteRequests } from '../../http/remote-requests.js';
import { evaluateTest } from '../hand-written/evaluate-test.js';
import { createStatusScenario } from '../hand-written/status-scenario.js';

const REQUESTS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'postForm', 'putForm', 'patchForm'];
const FACTORIES = ['create', 'extend'];
const MAX_DEPTH = 2;

type Role = 'request' | 'factory';
const client: TraceMapElement<Role> = {
  [CALL]: 'request',
  ...Object.fromEntries(REQUESTS.map((name) => [name, { [CALL]: 'request' }])),
  ...Object.fromEntries(FACTORIES.map((name) => [name, { [CALL]: 'factory' }])),
};
const HTTP_CLIENTS = { axios: { [ESM]: true, ...client, default: client }, got: { [ESM]: true, ...client, default: client, got: client }, ky: { [ESM]: true, ...client, default: client } };

/** Request calls of axios, got and ky in the file, and of the instances made from them here; per file. */
const requestsByFile = new WeakMap<object, ReadonlySet<TSESTree.Node>>();

export function throwsOnClientError(context: AnyRuleContext, operation: TSESTree.Node): boolean {
  const requests = findRequests(context);
  let found = false;
  const visit = (root: TSESTree.Node, depth: number): void => {
    walkDescendants(context, root, (node) => {
      if (found) return false;
      if (requests.has(node) || isThrowWhenNotOk(context, node)) {
        found = true;
        return false;
      }
      if (node.type === AST_NODE_TYPES.CallExpression && depth < MAX_DEPTH) {
        const local = resolveFunction(context, node.callee);
        if (local && local !== root) visit(local.body, depth + 1);
        for (const passed of findPassedOperations(context, node)) visit(passed, depth + 1);
      }
      return undefined;
    });
  };
  const root = resolveFunction(context, operation) ?? operation;
  visit(root, 0);
  return found || findRemoteRequests(context, root).some((request) => Object.hasOwn(HTTP_CLIENTS, request.library.name));
}

/**
 * A wrapper's retried code that calls the function it was given (`withRetry(operation)` runs
 * `pRetry(() => operation())`): the functions this file passes to the wrapper in that place.
 */
function findPassedOperations(context: AnyRuleContext, call: TSESTree.CallExpression): TSESTree.Node[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return [];
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee)?.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return [];
  const wrapper = definition.node;
  const index = wrapper.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === callee.name);
  const name = getFunctionName(wrapper);
  const variable = name && ASTUtils.findVariable(context.sourceCode.getScope(wrapper), name);
  if (index < 0 || !variable) return [];
  const passed: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    const use = reference.identifier.parent;
    if (use?.type !== AST_NODE_TYPES.CallExpression || use.callee !== reference.identifier) continue;
    const argument = use.arguments[index];
    const operation = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? resolveFunction(context, argument) : undefined;
    if (operation) passed.push(operation.body);
  }
  return passed;
}

/** The name a function declaration, or a `const` initialised with a function, is called by. */
function getFunctionName(node: TSESTree.FunctionLike): TSESTree.Identifier | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id ?? undefined;
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
}

/**
 * Whether `node` (a `bail(…)` call, a `new AbortError(…)`) runs only once a request that rejects on 4xx has
 * answered: it sits behind a test of that request's answer (`if (res.status === 403)` after
 * `const res = await axios.get(…)`), outside any catch or callback. Such a filter never sees a 4xx: the
 * request rejected first and the retry took the rejection. A file that changes which answers reject
 * (`validateStatus`, `throwHttpErrors`) is not judged.
 */
export function isReachedOnlyOnSuccess(context: AnyRuleContext, node: TSESTree.Node, operation: TSESTree.Node): boolean {
  if (/\b(?:validateStatus|throwHttpErrors)\b/.test(context.sourceCode.text)) return false;
  const requests = findRequests(context);
  let guarded = false;
  let child = node;
  for (let current = node.parent; current && current !== operation; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause || isFunctionNode(current)) return false;
    const test =
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child !== current.test
        ? current.test
        : current.type === AST_NODE_TYPES.LogicalExpression && child === current.right
          ? current.left
          : undefined;
    if (test && readsAnswerOf(context, test, requests)) guarded = true;
  }
  return guarded && child.parent === operation;
}

/** A test that reads what `const res = await axios.get(…)` holds. */
function readsAnswerOf(context: AnyRuleContext, test: TSESTree.Node, requests: ReadonlySet<TSESTree.Node>): boolean {
  let found = false;
  walkDescendants(context, test, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier) return !found;
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
    let init = unwrapExpression(definition.node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
    found = requests.has(init);
    return undefined;
  });
  return found;
}

function findRequests(context: AnyRuleContext): ReadonlySet<TSESTree.Node> {
  const program = context.sourceCode.ast;
  const cached = requestsByFile.get(program);
  if (cached) return cached;
  const requests = new Set<TSESTree.Node>();
  for (const reference of findLibraryReferences(context, HTTP_CLIENTS)) {
    if (changesWhichAnswersReject(context, reference.node)) continue;
    if (reference.info === 'request') requests.add(reference.node);
    else addInstanceRequests(context, reference.node, requests, 0);
  }
  // NestJS's HttpService sends with axios, and its observables error on 4xx the same way.
  for (const request of findServiceRequests(context, getFileIndex(context.sourceCode))) {
    if (!changesWhichAnswersReject(context, request.node)) requests.add(request.node);
  }
  requestsByFile.set(program, requests);
  return requests;
}

function addInstanceRequests(context: AnyRuleContext, factory: TSESTree.Node, requests: Set<TSESTree.Node>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const reference of findValueReferences(context, factory).references) {
    const parent = reference.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference) requests.add(parent);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference || parent.property.type !== AST_NODE_TYPES.Identifier) continue;
    const call = parent.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) continue;
    if (changesWhichAnswersReject(context, call)) continue;
    if (REQUESTS.includes(parent.property.name)) requests.add(call);
    else if (FACTORIES.includes(parent.property.name)) addInstanceRequests(context, call, requests, depth + 1);
  }
}

/**
 * A request or client whose options say which answers reject (axios `validateStatus`, got/ky
 * `throwHttpErrors` other than `true`): whether a 4xx still rejects is not visible, so it does not count.
 */
function changesWhichAnswersReject(context: AnyRuleContext, call: TSESTree.Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  return call.arguments.some((argument) => {
    const options = unwrapExpression(argument);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return options.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return false;
      if (property.key.name === 'validateStatus') return true;
      return property.key.name === 'throwHttpErrors' && getStaticValueOf(context, property.value)?.value !== true;
    });
  });
}

/** `if (!response.ok) throw …`: a fetch-style response turned into an error on every non-2xx answer. */
/**
 * `if (!res.ok) throw …`, and a test of the status that fails on a 4xx: `if (statusCode !== 200) reject(…)`
 * in a promise made around `https.get`, or `if (res.status < 400) resolve(res); else reject(…)`.
 */
function isThrowWhenNotOk(context: AnyRuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.IfStatement) return false;
  if (readsOk(node.test)) return fails(context, node.consequent);
  const onClientError = evaluateTest(context, node.test, createStatusScenario(404, new Set()));
  const onSuccess = evaluateTest(context, node.test, createStatusScenario(200, new Set()));
  if (onClientError === true && onSuccess === false) return fails(context, node.consequent);
  if (onClientError === false && onSuccess === true) return node.alternate !== null && fails(context, node.alternate);
  return false;
}

/** The branch throws, or rejects the promise it runs in (`reject(…)`, the executor's second parameter). */
function fails(context: AnyRuleContext, branch: TSESTree.Node): boolean {
  let found = false;
  walkDescendants(context, branch, (current) => {
    if (current.type === AST_NODE_TYPES.ThrowStatement) found = true;
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && isPromiseReject(context, current.callee)) found = true;
    return !found;
  });
  return found;
}

function isPromiseReject(context: AnyRuleContext, callee: TSESTree.Identifier): boolean {
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee)?.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  const executor = definition.node;
  const rejectParam = executor.params[1];
  const made = executor.parent;
  return (
    rejectParam?.type === AST_NODE_TYPES.Identifier &&
    rejectParam.name === callee.name &&
    made?.type === AST_NODE_TYPES.NewExpression &&
    made.callee.type === AST_NODE_TYPES.Identifier &&
    made.callee.name === 'Promise'
  );
}

function readsOk(test: TSESTree.Node): boolean {
  const expression = unwrapExpression(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') return isOkMember(expression.argument);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && (expression.operator === '===' || expression.operator === '==')) {
    const isFalse = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.Literal && side.value === false;
    return (isOkMember(expression.left) && isFalse(expression.right)) || (isOkMember(expression.right) && isFalse(expression.left));
  }
  return false;
}

function isOkMember(node: TSESTree.Node): boolean {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  return expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier && expression.property.name === 'ok';
}
