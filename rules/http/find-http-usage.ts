/**
 * Every HTTP client and request in the linted file: calls of the libraries' default exports, named exports
 * and globals, the instances they create (`axios.create`, `got.extend`, `ky.create`, `superagent.agent`) and
 * the requests, defaults and interceptors of those instances, wherever the instance is stored (a variable,
 * a class field, `this.client = …` in a constructor). With type information, also requests through clients
 * whose origin is in another module (a parameter or import typed `AxiosInstance`, `Got`, `KyInstance`), and
 * requests through NestJS's HttpService (nest-http-service.ts).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { findUndeclaredReferences } from '../ast/find-undeclared-references.js';
import { findValueReferences } from '../ast/find-value-references.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { CALL, findLibraryReferences } from '../ast/library-references.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getMemberName } from '../ast/member-name.js';
import { createHttpTraceMaps, HTTP_LIBRARIES, type HttpLibrary, type HttpReferenceInfo } from './http-libraries.js';
import type { FileIndex } from '../family/file-index.js';
import { mayBeTypedClient } from './may-be-typed-client.js';
import { findServiceRequests } from './nest-http-service.js';
import type { ClientOrigin, ClientUse, HttpInstance, HttpRequest, HttpUsage } from './model.js';
import { findTypedClient } from './typed-clients.js';

const MAX_PATH = 5;
const GLOBAL_OBJECTS = ['globalThis', 'global', 'self', 'window'];

let cachedMaps: ReturnType<typeof createHttpTraceMaps> | undefined;

/**
 * Finds the file's HTTP requests and clients (the HTTP collector caches them per file), over the file's
 * node index.
 */
export function findHttpUsage(context: AnyRuleContext, index: FileIndex): HttpUsage {
  cachedMaps ??= createHttpTraceMaps();
  const collector = new UsageCollector(context);
  const references = findLibraryReferences<HttpReferenceInfo>(context, cachedMaps.modules, cachedMaps.globals);
  for (const reference of references) {
    const origin: ClientOrigin = { kind: 'library', library: reference.info.library };
    if (reference.type === CALL && reference.info.member !== undefined) {
      collector.addMemberCall(reference.node as TSESTree.CallExpression, reference.info.member, origin);
    } else if (reference.type === CALL) {
      collector.addClientExpression((reference.node as TSESTree.CallExpression).callee, origin);
    } else if (reference.node.type === AST_NODE_TYPES.MemberExpression) {
      collector.addClientExpression(reference.node.object, origin);
    }
  }
  for (const library of HTTP_LIBRARIES) {
    const globals = library.spec.globals ?? [];
    if (globals.length === 0) continue;
    for (const identifier of findUndeclaredReferences(context, [...globals, ...GLOBAL_OBJECTS])) {
      // `fetch(…)`, or `globalThis.fetch(…)` where no configuration declares the globals.
      const member = identifier.parent;
      const callee = member.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && GLOBAL_OBJECTS.includes(identifier.name) ? member : identifier;
      const name = callee === identifier ? identifier.name : getMemberName(context, callee as TSESTree.MemberExpression);
      const call = callee.parent;
      if (name !== undefined && globals.includes(name) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) {
        collector.addMemberCall(call, name, { kind: 'library', library });
      }
    }
  }
  const serviceRequests = findServiceRequests(context, index);
  collector.markSeen(serviceRequests.map((request) => request.node));
  if (getTypeServices(context)) collector.addTypedRequests(index.nodesOfType(AST_NODE_TYPES.CallExpression));
  return { ...collector.finish(), serviceRequests };
}

class UsageCollector {
  private readonly requests: HttpRequest[] = [];
  private readonly instances: HttpInstance[] = [];
  private readonly libraryUses = new Map<HttpLibrary, ClientUse[]>();
  private readonly seenExpressions = new Set<TSESTree.Node>();
  private readonly seenCalls = new Set<TSESTree.Node>();

  constructor(private readonly context: AnyRuleContext) {}

  /** Calls already classified elsewhere (HttpService requests), which the typed pass must not take for a client's. */
  markSeen(calls: readonly TSESTree.Node[]): void {
    for (const call of calls) this.seenCalls.add(call);
  }

  finish(): Omit<HttpUsage, 'serviceRequests'> {
    const byPosition = (left: { node: TSESTree.Node }, right: { node: TSESTree.Node }): number => left.node.range[0] - right.node.range[0];
    return { requests: this.requests.sort(byPosition), instances: this.instances.sort(byPosition), libraryUses: this.libraryUses };
  }

  /** `name(…)` called on a client, or a named export called directly. */
  addMemberCall(call: TSESTree.CallExpression, name: string, origin: ClientOrigin): void {
    if (this.seenCalls.has(call)) return;
    this.seenCalls.add(call);
    const library = getLibrary(origin);
    const requestFunction = library.spec.requestFunctions[name];
    if (requestFunction) {
      this.addRequest({ library, node: call, name, function: requestFunction, origin });
      return;
    }
    if (Object.hasOwn(library.spec.instanceFactories, name)) {
      this.addInstance(call, name, origin);
      return;
    }
    this.addUse(origin, { kind: 'method', name, node: call });
  }

  /** An expression that evaluates to a client: classify what is done with it. Returns false when it escapes. */
  addClientExpression(expression: TSESTree.Node, origin: ClientOrigin): boolean {
    if (this.seenExpressions.has(expression)) return true;
    this.seenExpressions.add(expression);
    const { path, outer } = climbMemberPath(this.context, expression);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) {
      if (path.length === 0) {
        const library = getLibrary(origin);
        if (library.spec.call && !this.seenCalls.has(parent)) {
          this.seenCalls.add(parent);
          this.addRequest({ library, node: parent, name: '', function: library.spec.call, origin });
        }
        return true;
      }
      if (path.length === 1 && path[0] !== undefined) {
        this.addMemberCall(parent, path[0], origin);
        return true;
      }
      if (path[0] === 'interceptors' && path[1] === 'request' && path[2] === 'use') {
        this.addUse(origin, { kind: 'request-interceptor', node: parent });
      }
      return true;
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer && path[0] === 'defaults') {
      this.addUse(origin, { kind: 'defaults-write', path, node: parent });
      return true;
    }
    return path.length > 0;
  }

  addTypedRequests(calls: readonly TSESTree.CallExpression[]): void {
    for (const call of calls) {
      if (this.seenCalls.has(call)) continue;
      const callee = call.callee;
      const clientExpression = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
      if (this.seenExpressions.has(clientExpression) || clientExpression.type === AST_NODE_TYPES.Super) continue;
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(this.context, callee) : '';
      if (name === undefined || !HTTP_LIBRARIES.some((library) => name === '' ? library.spec.call : Object.hasOwn(library.spec.requestFunctions, name))) continue;
      // Cheap check before the type checker: a client called directly is a parameter or an import.
      if (name === '' && !isParameterOrImport(this.context, callee)) continue;
      if (!mayBeTypedClient(this.context, clientExpression)) continue;
      const client = findTypedClient(this.context, clientExpression);
      if (!client) continue;
      const requestFunction = name === '' ? client.library.spec.call : client.library.spec.requestFunctions[name];
      if (!requestFunction) continue;
      this.seenCalls.add(call);
      this.addRequest({ library: client.library, node: call, name, function: requestFunction, origin: { kind: 'typed', client } });
    }
  }

  private addRequest(request: HttpRequest): void {
    this.requests.push(request);
    if (request.origin.kind === 'instance') request.origin.instance.requests.push(request);
  }

  private addUse(origin: ClientOrigin, use: ClientUse): void {
    if (origin.kind === 'instance') {
      origin.instance.uses.push(use);
    } else if (origin.kind === 'library') {
      const uses = this.libraryUses.get(origin.library) ?? [];
      uses.push(use);
      this.libraryUses.set(origin.library, uses);
    }
  }

  private addInstance(call: TSESTree.CallExpression, factory: string, parent: ClientOrigin): void {
    const library = getLibrary(parent);
    const optionsIndex = library.spec.instanceFactories[factory]?.optionsArgument;
    const instance: HttpInstance = {
      library,
      node: call,
      factory,
      options: optionsIndex === undefined ? undefined : call.arguments[optionsIndex],
      parent,
      uses: [],
      requests: [],
      children: [],
      references: [],
      escapes: false,
    };
    this.instances.push(instance);
    if (parent.kind === 'instance') parent.instance.children.push(instance);
    const origin: ClientOrigin = { kind: 'instance', instance };
    const stored = this.followAgentChain(call, instance);
    const references = findValueReferences(this.context, stored);
    instance.references = references.references;
    if (references.exported) instance.escapes = true;
    for (const reference of references.references) {
      if (!this.addClientExpression(reference, origin)) instance.escapes = true;
    }
  }

  /** `superagent.agent().timeout(5000).set(…)`: the agent is the end of the chain; record the calls on the way. */
  private followAgentChain(call: TSESTree.CallExpression, instance: HttpInstance): TSESTree.Node {
    const chainMethods = instance.library.spec.instanceChainMethods;
    if (!chainMethods) return call;
    let current: TSESTree.Node = call;
    for (;;) {
      const member: TSESTree.Node | undefined = current.parent;
      const next: TSESTree.Node | undefined = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return current;
      const name = getMemberName(this.context, member);
      if (name === undefined || !chainMethods.includes(name)) return current;
      instance.uses.push({ kind: 'method', name, node: next });
      this.seenCalls.add(next);
      current = next;
    }
  }
}

function getLibrary(origin: ClientOrigin): HttpLibrary {
  if (origin.kind === 'library') return origin.library;
  if (origin.kind === 'instance') return origin.instance.library;
  return origin.client.library;
}

/** From an expression, up through `.a.b['c']` member accesses: the property path and the outermost member. */
export function climbMemberPath(context: AnyRuleContext, expression: TSESTree.Node): { path: Array<string | undefined>; outer: TSESTree.Node } {
  const path: Array<string | undefined> = [];
  let outer = skipWrappersUp(expression);
  while (path.length < MAX_PATH) {
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer) break;
    path.push(getMemberName(context, parent));
    outer = skipWrappersUp(parent);
  }
  return { path, outer };
}

function skipWrappersUp(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}


function isParameterOrImport(context: AnyRuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
  return definition?.type === 'Parameter' || definition?.type === 'ImportBinding';
}
