/**
 * With type information: the HTTP requests that code in this file sends through functions in other
 * modules. followCall resolves each call to the function it runs elsewhere, listCalls lists the calls that
 * function makes (a few calls deep), and each is matched against the same HTTP client tables as the
 * requests written here: a library's request function (`axios.post(…)`, `fetch(…)`) or a request method
 * of an instance made by a library factory (`ledger.post(…)` where `const ledger = axios.create(…)`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { normalizeHttpMethod } from '../../knowledge/http/http-methods.js';
import type { HttpRequestFunctionSpec } from '../../knowledge/types.js';
import { evaluateExpression } from '../ast/resolve-across-files.js';
import { followCall, listCalls, type CallSite } from '../ast/follow-call.js';
import { getTypeServices } from '../ast/get-type-services.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { HTTP_LIBRARIES, type HttpLibrary } from './http-libraries.js';
import { describeTypedCreation, type TypedCreation } from './typed-clients.js';

export interface RemoteRequest {
  readonly library: HttpLibrary;
  /** The call (or function reference, `pRetry(submitOrder)`) in this file through which the request is sent. */
  readonly call: TSESTree.Node;
  /** The request call in the other module. */
  readonly node: ts.CallExpression;
  readonly function: HttpRequestFunctionSpec;
  /** The instance it is sent through, when made by a library factory; undefined for the library itself. */
  readonly client: TypedCreation | undefined;
}

/** How many calls deep the functions called from this file are followed. */
const MAX_DEPTH = 2;

/** Requests sent, in other modules, by the calls written inside `root`, or by the function `root` names. */
export function findRemoteRequests(context: AnyRuleContext, root: TSESTree.Node): RemoteRequest[] {
  const services = getTypeServices(context);
  if (!services) return [];
  const checker = services.program.getTypeChecker();
  const sourceFile = services.esTreeNodeToTSNodeMap.get(root)?.getSourceFile();
  const found: RemoteRequest[] = [];
  const isReference = root.type === AST_NODE_TYPES.Identifier || root.type === AST_NODE_TYPES.MemberExpression;
  walkDescendants(context, root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression && !(isReference && node === root)) return;
    const target = followCall(context, node);
    if (!target || target.node.getSourceFile() === sourceFile || target.node.getSourceFile().isDeclarationFile) return;
    for (const site of listCalls(checker, target.node, MAX_DEPTH)) {
      const request = describeRequest(checker, site);
      if (request) found.push({ ...request, call: node });
    }
  });
  return found;
}

/**
 * A remote request's options evaluated where they are written: `{ value: undefined }` when none are passed,
 * undefined when they cannot be read. `axios(config)` takes them in the URL's place.
 */
export function evaluateRemoteOptions(checker: ts.TypeChecker, request: RemoteRequest): { readonly value: unknown } | undefined {
  const index = request.function.optionsArgument;
  if (index === undefined) return { value: undefined };
  const args = request.node.arguments;
  if (args.slice(0, index + 1).some(ts.isSpreadElement)) return undefined;
  if (request.function.urlOptional && index > 0 && args[index - 1]) {
    const first = evaluateExpression(checker, args[index - 1]!);
    if (!first) return undefined;
    if (first.value !== null && typeof first.value === 'object') return first;
  }
  const options = args[index];
  return options ? evaluateExpression(checker, options) : { value: undefined };
}

/** Every argument of a remote request that can be evaluated. */
export function listRemoteArguments(checker: ts.TypeChecker, request: RemoteRequest): unknown[] {
  return request.node.arguments.flatMap((argument) => {
    const found = ts.isSpreadElement(argument) ? undefined : evaluateExpression(checker, argument);
    return found ? [found.value] : [];
  });
}

/** The HTTP method a remote request sends, upper-cased, as getRequestMethod reads it here; undefined when unreadable. */
export function getRemoteRequestMethod(checker: ts.TypeChecker, request: RemoteRequest): string | undefined {
  if (request.function.method) return request.function.method;
  const optionName = request.library.spec.methodOption;
  if (request.function.methodArgument !== undefined || !optionName) return undefined;
  const options = evaluateRemoteOptions(checker, request);
  if (!options) return undefined;
  const method = options.value === undefined ? undefined : (options.value as Record<string, unknown> | null)?.[optionName];
  if (options.value !== undefined && (options.value === null || typeof options.value !== 'object')) return undefined;
  if (method === undefined) return 'GET';
  return typeof method === 'string' ? (normalizeHttpMethod(method) ?? method.toUpperCase()) : undefined;
}

function describeRequest(checker: ts.TypeChecker, site: CallSite): Omit<RemoteRequest, 'call'> | undefined {
  if (site.receiver?.callee && site.method !== undefined) {
    for (const library of HTTP_LIBRARIES) {
      const requestFunction = library.spec.requestFunctions[site.method];
      const client = requestFunction ? describeTypedCreation(checker, site.receiver, library) : undefined;
      if (requestFunction && client?.fromLibrary) return { library, node: site.node, function: requestFunction, client };
    }
  }
  const callee = site.callee;
  if (!callee) return undefined;
  const origin = callee.package ?? callee.module;
  for (const library of HTTP_LIBRARIES) {
    const isGlobal = callee.module === undefined && callee.path.length === 1 && (library.spec.globals ?? []).includes(callee.path[0]!) && callee.package !== undefined;
    if (isGlobal && library.spec.call) return { library, node: site.node, function: library.spec.call, client: undefined };
    if (origin === undefined || !library.spec.packages.includes(origin)) continue;
    const path = callee.path[0] === 'default' || library.clientExports.includes(callee.path[0] ?? '') ? callee.path.slice(1) : callee.path;
    const requestFunction = path.length === 0 && library.defaultIsClient ? library.spec.call : path.length === 1 ? library.spec.requestFunctions[path[0]!] : undefined;
    if (requestFunction) return { library, node: site.node, function: requestFunction, client: undefined };
  }
  return undefined;
}
