/**
 * Requests sent through NestJS's `HttpService` (@nestjs/axios): `this.http.get(…)` on a service injected
 * into a provider (a constructor parameter property or a class property typed `HttpService`), on a
 * function parameter typed `HttpService`, or on one made with `new HttpService(…)`, and the same through
 * its axios instance (`this.http.axiosRef.post(…)`). Each is an axios request whose default timeout comes
 * from how the provider's module imports `HttpModule` (nest-http-module.ts).
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { nestjsAxios } from '../../knowledge/http/nestjs-axios.js';
import { findImportPath, isImportOf } from '../ast/find-import-path.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import type { FileIndex } from '../family/file-index.js';
import { getMemberName } from '../ast/member-name.js';
import { HTTP_LIBRARIES, type HttpLibrary } from './http-libraries.js';
import type { HttpService, ServiceRequest } from './model.js';

const SERVICE_PATH = [[nestjsAxios.serviceClass]];
const REQUEST_METHODS = new Set<string>(nestjsAxios.requestMethods);

/** The HttpService requests of a file; none unless it imports @nestjs/axios. */
export function findServiceRequests(context: AnyRuleContext, index: FileIndex): ServiceRequest[] {
  if (!nestjsAxios.packages.some((name) => context.sourceCode.text.includes(name))) return [];
  const client = HTTP_LIBRARIES.find((library) => library.spec === nestjsAxios.client);
  if (!client) return [];
  const requests: ServiceRequest[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (service: HttpService, receivers: readonly TSESTree.Node[]): void => {
    for (const receiver of receivers) {
      const request = describeRequest(context, client, service, receiver);
      if (request && !seen.has(request.node)) {
        seen.add(request.node);
        requests.push(request);
      }
    }
  };
  for (const reference of index.nodesOfType(AST_NODE_TYPES.TSTypeReference)) {
    if (!isServiceType(context, reference.typeName)) continue;
    const found = findAnnotatedService(context, reference);
    if (found) add(found.service, found.receivers);
  }
  for (const construction of index.nodesOfType(AST_NODE_TYPES.NewExpression)) {
    if (!isServiceType(context, construction.callee)) continue;
    const service: HttpService = { kind: 'constructed', node: construction, provider: undefined };
    add(service, findConstructedReceivers(context, construction));
  }
  return requests.sort((left, right) => left.node.range[0] - right.node.range[0]);
}

function isServiceType(context: AnyRuleContext, node: TSESTree.Node): boolean {
  return isImportOf(findImportPath(context, node), nestjsAxios.packages, SERVICE_PATH);
}

/** The service a type annotation declares, and the expressions that read it. */
function findAnnotatedService(context: AnyRuleContext, reference: TSESTree.TSTypeReference): { service: HttpService; receivers: TSESTree.Node[] } | undefined {
  const annotation = reference.parent;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return undefined;
  const annotated = annotation.parent;
  if (annotated?.type === AST_NODE_TYPES.PropertyDefinition && !annotated.computed && annotated.key.type === AST_NODE_TYPES.Identifier) {
    // `private readonly http: HttpService` (injected), or `= new HttpService()` (found as a construction).
    if (annotated.value) return undefined;
    return fromClassMember(context, annotated, annotated.key.name);
  }
  if (annotated?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const holder = annotated.parent;
  if (holder?.type === AST_NODE_TYPES.TSParameterProperty) return fromClassMember(context, holder, annotated.name);
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(annotated), annotated);
  if (variable?.defs[0]?.type !== 'Parameter') return undefined;
  const fn = variable.defs[0].node;
  // `constructor(http: HttpService)` without a parameter property: stored by hand, not followed.
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor') return undefined;
  const receivers = variable.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node);
  return { service: { kind: 'parameter', node: annotated, provider: undefined }, receivers };
}

/** `this.<name>` reads in the class that declares the member. */
function fromClassMember(context: AnyRuleContext, member: TSESTree.Node, name: string): { service: HttpService; receivers: TSESTree.Node[] } | undefined {
  let owner: TSESTree.Node | undefined = member.parent;
  while (owner && owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) owner = owner.parent;
  if (!owner) return undefined;
  const receivers: TSESTree.Node[] = [];
  walkDescendants(context, owner.body, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === name) {
      receivers.push(node);
    }
  });
  return { service: { kind: 'injected', node: member, provider: owner }, receivers };
}

/** `const http = new HttpService()`: the reads of the `const`, or the construction used in place. */
function findConstructedReceivers(context: AnyRuleContext, construction: TSESTree.NewExpression): TSESTree.Node[] {
  const parent = construction.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return [construction];
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(parent.id), parent.id);
  if (!variable || variable.references.filter((ref) => ref.isWrite()).length > 1) return [];
  return variable.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node);
}

/** `<receiver>.get(…)`, `<receiver>.axiosRef.post(…)`: the request, with axios's argument positions. */
function describeRequest(context: AnyRuleContext, client: HttpLibrary, service: HttpService, receiver: TSESTree.Node): ServiceRequest | undefined {
  let member = skipWrappersUp(receiver).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || skipWrappers(member.object) !== receiver) return undefined;
  let name = getMemberName(context, member);
  let viaInstance = false;
  if (name === nestjsAxios.instanceProperty) {
    const outer = skipWrappersUp(member).parent;
    if (outer?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    member = outer;
    name = getMemberName(context, member);
    viaInstance = true;
  }
  const call = skipWrappersUp(member).parent;
  if (name === undefined || call?.type !== AST_NODE_TYPES.CallExpression || skipWrappers(call.callee) !== member) return undefined;
  if (!viaInstance && !REQUEST_METHODS.has(name)) return undefined;
  const requestFunction = client.spec.requestFunctions[name];
  if (!requestFunction) return undefined;
  return { library: client, node: call, name, function: requestFunction, origin: { kind: 'library', library: client }, service };
}

function skipWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) current = unwrapExpression(current.expression);
  return current;
}

function skipWrappersUp(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = current.parent;
  }
  return current;
}
