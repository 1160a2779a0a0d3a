/**
 * HTTP request handlers in the linted file, and the apps that serve them.
 * - express, fastify and koa: functions passed to an app's or router's route methods (`app.get(path, fn)`,
 *   `router.use(fn)`, `fastify.route({ handler })`, `fastify.addHook('onRequest', fn)`), recognised on an
 *   app made here, or, where the router comes from elsewhere, by the handler's parameters (`(req, res)`,
 *   `(request, reply)`, `(ctx, next)`) or their types (`Request`/`Response` from express, …);
 * - NestJS: the request-mapped methods of a `@Controller()` class, `intercept(context, next)` of an
 *   interceptor and `use(req, res, next)` of a middleware class.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { express, fastify, koa, nestjs, nestParameterDecorators, nestRoles, REQUEST_FRAMEWORKS } from '../../../knowledge/tracing/request-handlers.js';
import type { RequestFrameworkSpec } from '../../../knowledge/tracing/types.js';
import { getImportSource } from '../../ast/get-import-source.js';
import { CALL, CONSTRUCT, ESM, findLibraryReferences, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import { findValueReferences } from '../../ast/find-value-references.js';
import { isFunctionNode, resolveFunction, type FunctionNode } from '../../ast/resolve-function.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { AnyRuleContext as AnyContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';
import type { HandlerScope, IncomingRoot } from '../model.js';
import { getDecoratorName, getParameterIdentifier, getParameterName, getStaticMemberName } from './syntax.js';

export interface HttpServer {
  readonly framework: RequestFrameworkSpec['name'];
  readonly node: TSESTree.Node;
}

interface AppInfo {
  readonly framework: RequestFrameworkSpec;
  readonly isServer: boolean;
}

const ROUTE_METHODS: ReadonlySet<string> = new Set([...REQUEST_FRAMEWORKS.flatMap((spec) => (spec.routesBy === 'method-call' ? spec.routeMethods : [])), 'addHook']);
/** Type names of a handler's first two parameters, by the package that exports them. */
const HANDLER_TYPES: ReadonlyArray<{ module: string; framework: RequestFrameworkSpec; request: readonly string[]; response: readonly string[] }> = [
  { module: 'express', framework: express, request: ['Request'], response: ['Response'] },
  { module: 'fastify', framework: fastify, request: ['FastifyRequest'], response: ['FastifyReply'] },
  { module: 'koa', framework: koa, request: ['Context', 'ParameterizedContext', 'DefaultContext'], response: ['Next'] },
];
const HANDLER_ALIASES: ReadonlyArray<{ module: string; names: readonly string[]; framework: RequestFrameworkSpec }> = [
  { module: 'express', names: ['RequestHandler', 'ErrorRequestHandler', 'Handler'], framework: express },
  { module: 'fastify', names: ['RouteHandler', 'RouteHandlerMethod'], framework: fastify },
  { module: 'koa', names: ['Middleware'], framework: koa },
];
const ERROR_PARAMETERS: ReadonlySet<string> = new Set(['err', 'error', 'e']);

export function findRequestHandlers(context: AnyContext, index: FileIndex): { handlers: HandlerScope[]; servers: HttpServer[] } {
  const handlers = new Map<FunctionNode, HandlerScope>();
  const add = (handler: HandlerScope | undefined): void => {
    if (handler && !handlers.has(handler.function)) handlers.set(handler.function, handler);
  };
  const { apps, servers } = findApps(context);
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = getStaticMemberName(callee);
    if (method === undefined || !ROUTE_METHODS.has(method)) continue;
    const app = apps.get(unwrapExpression(callee.object));
    for (const argument of call.arguments) {
      for (const candidate of listHandlerArguments(context, argument, method)) add(describeRouteHandler(candidate, app?.framework));
    }
  }
  for (const type of [AST_NODE_TYPES.ArrowFunctionExpression, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.FunctionDeclaration] as const) {
    for (const fn of index.nodesOfType(type)) if (!handlers.has(fn)) add(describeTypedHandler(context, fn));
  }
  for (const type of [AST_NODE_TYPES.ClassDeclaration, AST_NODE_TYPES.ClassExpression] as const) {
    for (const declaration of index.nodesOfType(type)) for (const handler of findNestHandlers(context, declaration)) add(handler);
  }
  return { handlers: [...handlers.values()].sort((left, right) => left.function.range[0] - right.function.range[0]), servers };
}

/** Apps and routers made in this file (`express()`, `Router()`, `fastify()`, `new Koa()`, `NestFactory.create()`), by the expressions that refer to them. */
function findApps(context: AnyContext): { apps: Map<TSESTree.Node, AppInfo>; servers: HttpServer[] } {
  const apps = new Map<TSESTree.Node, AppInfo>();
  const servers: HttpServer[] = [];
  for (const reference of findLibraryReferences<AppInfo>(context, APP_TRACE_MAP)) {
    const node = reference.node;
    if (reference.info.isServer) servers.push({ framework: reference.info.framework.name, node });
    for (const read of findValueReferences(context, node).references) apps.set(unwrapExpression(read), reference.info);
  }
  return { apps, servers };
}

const APP_TRACE_MAP: TraceMap<AppInfo> = createAppTraceMap();

function createAppTraceMap(): TraceMap<AppInfo> {
  const map: TraceMap<AppInfo> = {};
  for (const framework of REQUEST_FRAMEWORKS) {
    const element: TraceMapElement<AppInfo> = { [ESM]: true };
    for (const [name, factory] of Object.entries(framework.appFactories)) {
      const info: AppInfo = { framework, isServer: factory.isServer };
      const made: TraceMapElement<AppInfo> = factory.method ? { [factory.method]: { [CALL]: info } } : { [factory.construct ? CONSTRUCT : CALL]: info };
      if (name === 'default') Object.assign(element, made, { default: made });
      else element[name] = made;
    }
    for (const name of framework.packages) map[name] = element;
    const router: TraceMapElement<AppInfo> = { [CONSTRUCT]: { framework, isServer: false } };
    for (const name of framework.routerPackages ?? []) map[name] = { ...router, default: router, Router: router, [ESM]: true };
  }
  return map;
}

/** The functions an argument of a route method hands over: the argument itself, or fastify's `{ handler, preHandler }`. */
function listHandlerArguments(context: AnyContext, argument: TSESTree.Node, method: string): FunctionNode[] {
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) return expression.elements.flatMap((element) => (element ? listHandlerArguments(context, element, method) : []));
  if (expression.type === AST_NODE_TYPES.ObjectExpression && method === 'route') {
    return expression.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return [];
      if (!['handler', 'preHandler', 'onRequest', 'preValidation'].includes(property.key.name)) return [];
      const fn = resolveFunction(context, property.value);
      return fn ? [fn] : [];
    });
  }
  const fn = resolveFunction(context, expression);
  return fn ? [fn] : [];
}

/** A function passed to a route method: a handler when its app is known, or when its parameters read like one. */
function describeRouteHandler(fn: FunctionNode, known: RequestFrameworkSpec | undefined): HandlerScope | undefined {
  const names = fn.params.map(getParameterName);
  const isErrorHandler = fn.params.length === 4 && ERROR_PARAMETERS.has(names[0] ?? '');
  const offset = isErrorHandler ? 1 : 0;
  const framework = known ?? REQUEST_FRAMEWORKS.find((spec) => spec.routesBy === 'method-call' && matchesParameters(spec, names.slice(offset)));
  if (!framework) return undefined;
  return createHandler(framework, fn, 'route handler', fn.params[framework.incomingParameter + offset]);
}

function matchesParameters(framework: RequestFrameworkSpec, names: readonly (string | undefined)[]): boolean {
  const [first, second] = framework.handlerParameters;
  if (!first || names[0] === undefined || !first.includes(names[0])) return false;
    if (names.length === 1) return framework.handlerMayTakeIncomingAlone;
  return second !== undefined && names[1] !== undefined && second.includes(names[1]);
}

/** A function whose parameters are typed as a framework's request and response, or that is typed as a handler. */
function describeTypedHandler(context: AnyContext, fn: FunctionNode): HandlerScope | undefined {
  const alias = getDeclaredTypeName(fn);
  if (alias) {
    const source = getImportSource(context, alias);
    const match = source && HANDLER_ALIASES.find((entry) => entry.module === source.module && entry.names.includes(source.name));
    if (match) return createHandler(match.framework, fn, 'request handler', fn.params[source.name === 'ErrorRequestHandler' ? 1 : 0]);
  }
  const offset = fn.params.length === 4 && ERROR_PARAMETERS.has(getParameterName(fn.params[0]!) ?? '') ? 1 : 0;
  const request = getTypeName(fn.params[offset]);
  if (!request) return undefined;
  const source = getImportSource(context, request);
  const match = source && HANDLER_TYPES.find((entry) => entry.module === source.module && entry.request.includes(source.name));
  if (!match) return undefined;
  const response = getTypeName(fn.params[offset + 1]);
  const responseSource = response ? getImportSource(context, response) : undefined;
  const isHandler = match.framework.handlerMayTakeIncomingAlone ? fn.params.length <= 2 : responseSource?.module === match.module && match.response.includes(responseSource.name);
  return isHandler ? createHandler(match.framework, fn, 'request handler', fn.params[offset]) : undefined;
}

function findNestHandlers(context: AnyContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): HandlerScope[] {
  const fromNest = (node: TSESTree.Decorator, names: readonly string[]): boolean => {
    const name = getDecoratorName(node);
    if (!name) return false;
    const source = getImportSource(context, name);
    return source !== undefined && (nestjs.packages as readonly string[]).includes(source.module) && names.includes(source.name);
  };
  const implementsName = (name: string): boolean => (declaration.implements ?? []).some((clause) => clause.expression.type === AST_NODE_TYPES.Identifier && clause.expression.name === name);
  const isController = (declaration.decorators ?? []).some((decorator) => fromNest(decorator, [nestRoles.controller.decorator]));
  const handlers: HandlerScope[] = [];
  for (const member of declaration.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || !isFunctionNode(member.value)) continue;
    const fn = member.value;
    const name = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
    if (isController && (member.decorators ?? []).some((decorator) => fromNest(decorator, nestjs.routeMethods))) {
      handlers.push({ ...createNestHandler(fn, 'NestJS controller method'), incoming: findNestIncoming(fn, fromNest) });
    } else if (name === nestRoles.interceptor.method && fn.params.length === 2 && implementsName(nestRoles.interceptor.interface)) {
      const parameter = getParameterIdentifier(fn.params[0]);
      handlers.push({ ...createNestHandler(fn, 'NestJS interceptor'), incoming: parameter ? [{ identifier: parameter, headersPath: undefined }] : [] });
    } else if (name === nestRoles.middleware.method && fn.params.length >= 2 && implementsName(nestRoles.middleware.interface)) {
      const parameter = getParameterIdentifier(fn.params[0]);
      handlers.push({ ...createNestHandler(fn, 'NestJS middleware'), incoming: parameter ? [{ identifier: parameter, headersPath: ['headers'] }] : [] });
    }
  }
  return handlers;
}

function createNestHandler(fn: FunctionNode, description: string): HandlerScope {
  return { kind: 'request', framework: 'nestjs', description, function: fn, incoming: [], source: 'request headers' };
}

/** `@Headers() headers` and `@Req() req` parameters of a controller method. */
function findNestIncoming(fn: FunctionNode, fromNest: (node: TSESTree.Decorator, names: readonly string[]) => boolean): IncomingRoot[] {
  const roots: IncomingRoot[] = [];
  for (const parameter of fn.params) {
    const identifier = getParameterIdentifier(parameter);
    const decorators = 'decorators' in parameter ? (parameter.decorators ?? []) : [];
    if (!identifier) continue;
    if (decorators.some((decorator) => fromNest(decorator, nestParameterDecorators.headers))) roots.push({ identifier, headersPath: [] });
    else if (decorators.some((decorator) => fromNest(decorator, nestParameterDecorators.request))) roots.push({ identifier, headersPath: ['headers'] });
  }
  return roots;
}

function createHandler(framework: RequestFrameworkSpec, fn: FunctionNode, role: string, incoming: TSESTree.Parameter | undefined): HandlerScope {
  const identifier = incoming ? getParameterIdentifier(incoming) : undefined;
  const roots: IncomingRoot[] = identifier ? [{ identifier, headersPath: ['headers'] }] : [];
  if (!identifier && incoming?.type === AST_NODE_TYPES.ObjectPattern) roots.push(...findDestructuredHeaders(incoming));
  const frameworkName = framework.displayName ?? framework.name;
  return { kind: 'request', framework: framework.name, description: `${frameworkName} ${role}`, function: fn, incoming: roots, source: 'request headers' };
}

/** `({ headers }, res) => …`: the destructured headers binding. */
function findDestructuredHeaders(pattern: TSESTree.ObjectPattern): IncomingRoot[] {
  const roots: IncomingRoot[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type !== AST_NODE_TYPES.Identifier) continue;
    if (property.key.name === 'headers' || property.key.name === 'header') roots.push({ identifier: value, headersPath: [] });
    if (property.key.name === 'request' || property.key.name === 'req' || property.key.name === 'raw') roots.push({ identifier: value, headersPath: ['headers'] });
  }
  return roots;
}

function getTypeName(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  const annotation = parameter && 'typeAnnotation' in parameter ? parameter.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  return annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName : undefined;
}

/** `const handler: RequestHandler = (req, res) => …`: the declared type's name. */
function getDeclaredTypeName(fn: FunctionNode): TSESTree.Identifier | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== fn || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const annotation = parent.id.typeAnnotation?.typeAnnotation;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  return annotation.typeName;
}
