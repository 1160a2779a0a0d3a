/**
 * The timeout of a request sent through NestJS's `HttpService`: its own config first, then the instance
 * the service wraps. A service injected into a provider wraps the instance of the `HttpModule` that the
 * provider's module imports: axios's default instance (no timeout) when imported as is, the config of
 * `HttpModule.register(config)`, or what the `useFactory` of `registerAsync()` returns. The module is read
 * where the provider is listed: in the linted file, and with type information in any module of the
 * program that lists it. A module that cannot be seen, or whose HttpModule cannot be read, decides nothing.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { nestjsAxios, nestjsModuleMetadata } from '../../knowledge/http/nestjs-axios.js';
import { toDisplayPath } from '../ast/display-path.js';
import { findValueDeclaration } from '../ast/find-creation.js';
import { findFunction, listReturnedExpressions } from '../ast/find-function.js';
import { findImportPath, isImportOf } from '../ast/find-import-path.js';
import { findProgramFiles } from '../ast/find-program-files.js';
import { findConstInitializer, findProperty, type PropertyLookup } from '../ast/find-property.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { getModuleContext } from '../ast/module-context.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { HttpLibrary } from './http-libraries.js';
import type { ServiceRequest, TimeoutState } from './model.js';
import { readOptionsTimeout, type RequestTimeout, type TimeoutResolver } from './request-timeout.js';

const MODULE_DECORATOR = [[nestjsModuleMetadata.decorator]];
const MODULE_TEXT = /@Module\s*\(/;
const MAX_DEPTH = 4;
const UNKNOWN: TimeoutState = { kind: 'unknown' };

type ModuleImport =
  /** An element of `imports` that cannot be read may be the HttpModule. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'plain' }
  | { readonly kind: 'register'; readonly config: TSESTree.Node | undefined }
  | { readonly kind: 'register-async'; readonly options: TSESTree.Node | undefined };

/** The timeout of an HttpService request: its own, or that of the instance its service wraps. */
export function getServiceRequestTimeout(context: AnyRuleContext, request: ServiceRequest, resolver: TimeoutResolver): RequestTimeout {
  const timeout = resolver.getRequestTimeout(request);
  if (timeout.own.kind !== 'absent') return timeout;
  return { ...timeout, state: getServiceInstanceTimeout(context, request, resolver) };
}

function getServiceInstanceTimeout(context: AnyRuleContext, request: ServiceRequest, resolver: TimeoutResolver): TimeoutState {
  const { service, library } = request;
  if (service.kind === 'parameter') return UNKNOWN;
  if (service.kind === 'constructed') return getConstructedTimeout(context, service.node as TSESTree.NewExpression, request, resolver);
  if (!service.provider) return UNKNOWN;
  const states = findProvidingModules(context, service.provider).map((found) => readModuleTimeout(context, found, library));
  if (states.length === 0) return UNKNOWN;
  return states.find((state) => state.kind !== 'none') ?? states[0]!;
}

/** `new HttpService()` wraps axios's default instance; `new HttpService(axios.create(config))` that instance. */
function getConstructedTimeout(context: AnyRuleContext, construction: TSESTree.NewExpression, request: ServiceRequest, resolver: TimeoutResolver): TimeoutState {
  const [argument] = construction.arguments;
  if (!argument) {
    const state = resolver.getOriginTimeout(request.origin);
    return state.kind === 'none' ? { kind: 'none', reason: 'no timeout (`new HttpService()` wraps axios\'s default instance)' } : state;
  }
  let instance = unwrapExpression(argument);
  if (instance.type === AST_NODE_TYPES.Identifier) instance = findConstInitializer(context, instance) ?? instance;
  if (instance.type !== AST_NODE_TYPES.CallExpression || !isImportOf(findImportPath(context, instance.callee), request.library.spec.packages, [['default', 'create'], ['create']])) return UNKNOWN;
  const state = readOptionsTimeout(context, request.library, instance.arguments[0]);
  if (state.kind === 'absent') return { kind: 'none', reason: 'no timeout (the instance given to `new HttpService()` sets none)' };
  return state;
}

interface ProvidingModule {
  readonly context: AnyRuleContext;
  readonly module: TSESTree.ClassDeclaration;
  /** The `@Module()` call, where its imports are written. */
  readonly decorator: TSESTree.CallExpression;
  /** How it imports HttpModule; undefined when it does not (its HttpService comes from elsewhere). */
  readonly httpModule: ModuleImport | undefined;
}

/** The `@Module()` classes that list `provider` among their providers, here and (typed) in the program. */
function findProvidingModules(context: AnyRuleContext, provider: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ProvidingModule[] {
  const name = provider.id?.name;
  if (!name) return [];
  const files = findProgramFiles(context, new RegExp(`\\b${name}\\b`)) ?? [];
  const contexts = [context, ...files.filter((file) => file !== context.filename).flatMap((file) => getModuleContext(context, file) ?? [])];
  const found: ProvidingModule[] = [];
  for (const moduleContext of contexts) {
    if (!MODULE_TEXT.test(moduleContext.sourceCode.text)) continue;
    for (const statement of moduleContext.sourceCode.ast.body) {
      const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
      if (declaration?.type !== AST_NODE_TYPES.ClassDeclaration) continue;
      const decorator = findModuleDecorator(moduleContext, declaration);
      const metadata = decorator?.arguments[0];
      if (!decorator || !metadata) continue;
      const providers = listElements(moduleContext, findProperty(moduleContext, metadata, nestjsModuleMetadata.providersOption));
      if (!providers.some((element) => isProvider(context, moduleContext, element, provider))) continue;
      const imports = listElements(moduleContext, findProperty(moduleContext, metadata, nestjsModuleMetadata.importsOption));
      found.push({ context: moduleContext, module: declaration, decorator, httpModule: findHttpModuleImport(moduleContext, imports) });
    }
  }
  return found;
}

function findModuleDecorator(context: AnyRuleContext, declaration: TSESTree.ClassDeclaration): TSESTree.CallExpression | undefined {
  for (const decorator of declaration.decorators) {
    const expression = decorator.expression;
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    if (isImportOf(findImportPath(context, expression.callee), nestjsModuleMetadata.packages, MODULE_DECORATOR)) return expression;
  }
  return undefined;
}

/** The elements of an array option, spreads of `const` arrays included; an element that cannot be read is `undefined`. */
function listElements(context: AnyRuleContext, lookup: PropertyLookup, depth = 0): Array<TSESTree.Node | undefined> {
  if (lookup.kind !== 'found' || !lookup.node) return lookup.kind === 'absent' ? [] : [undefined];
  return listArray(context, lookup.node, depth);
}

function listArray(context: AnyRuleContext, node: TSESTree.Node, depth: number): Array<TSESTree.Node | undefined> {
  let array = unwrapExpression(node);
  if (array.type === AST_NODE_TYPES.Identifier) array = findConstInitializer(context, array) ?? array;
  if (array.type !== AST_NODE_TYPES.ArrayExpression || depth > MAX_DEPTH) return [undefined];
  return array.elements.flatMap((element) => {
    if (!element) return [];
    if (element.type === AST_NODE_TYPES.SpreadElement) return listArray(context, element.argument, depth + 1);
    return [element];
  });
}

/** `Provider`, or `{ provide: Token, useClass: Provider }`, naming the provider class. */
function isProvider(context: AnyRuleContext, moduleContext: AnyRuleContext, element: TSESTree.Node | undefined, provider: TSESTree.Node): boolean {
  if (!element) return false;
  let expression = unwrapExpression(element);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(moduleContext, expression);
    if (initializer?.type === AST_NODE_TYPES.ObjectExpression) expression = initializer;
  }
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const useClass = findProperty(moduleContext, expression, nestjsModuleMetadata.providerClassOption);
    if (useClass.kind !== 'found' || !useClass.node) return false;
    expression = unwrapExpression(useClass.node);
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  if (moduleContext === context) {
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression)?.defs[0];
    return definition?.type === 'ClassName' && definition.node === provider;
  }
  return refersToDeclaration(moduleContext, expression, getTypeServices(context)?.esTreeNodeToTSNodeMap.get(provider));
}

/** With type information: whether an identifier of another module names the given declaration, through imports. */
function refersToDeclaration(moduleContext: AnyRuleContext, identifier: TSESTree.Identifier, declaration: ts.Node | undefined): boolean {
  const services = getTypeServices(moduleContext);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(identifier);
  if (!services || !tsNode || !declaration) return false;
  return findValueDeclaration(services.program.getTypeChecker(), tsNode) === declaration;
}

function findHttpModuleImport(context: AnyRuleContext, imports: ReadonlyArray<TSESTree.Node | undefined>): ModuleImport | undefined {
  const { module } = nestjsAxios;
  for (const element of imports) {
    if (!element) continue;
    const expression = unwrapExpression(element);
    if (isImportOf(findImportPath(context, expression), nestjsAxios.packages, [[module.name]])) return { kind: 'plain' };
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = findImportPath(context, expression.callee);
    if (isImportOf(callee, nestjsAxios.packages, [[module.name, module.register]])) return { kind: 'register', config: expression.arguments[0] };
    if (isImportOf(callee, nestjsAxios.packages, [[module.name, module.registerAsync]])) return { kind: 'register-async', options: expression.arguments[0] };
  }
  return imports.includes(undefined) ? { kind: 'unknown' } : undefined;
}

/** The timeout of the instance a module's HttpModule import makes, with where it is written for the message. */
function readModuleTimeout(linted: AnyRuleContext, { context, module, decorator, httpModule }: ProvidingModule, library: HttpLibrary): TimeoutState {
  if (!httpModule || httpModule.kind === 'unknown') return UNKNOWN;
  const line = decorator.loc.start.line;
  const location = context.filename === linted.filename ? `line ${line}` : `${toDisplayPath(linted, context.filename)}:${line}`;
  const where = `\`${module.id?.name ?? 'the module'}\` (${location})`;
  const { module: spec } = nestjsAxios;
  if (httpModule.kind === 'plain') return { kind: 'none', reason: `no timeout: ${where} imports \`${spec.name}\` without \`${spec.register}({ timeout })\`, so it wraps axios's default instance` };
  if (httpModule.kind === 'register') {
    const state = readOptionsTimeout(context, library, httpModule.config);
    if (state.kind === 'absent') return { kind: 'none', reason: `no timeout: ${where} calls \`${spec.name}.${spec.register}()\` without \`timeout\`` };
    return state.kind === 'none' ? { kind: 'none', reason: `${state.reason} in \`${spec.name}.${spec.register}()\` of ${where}` } : state;
  }
  const options = httpModule.options;
  if (!options || spec.asyncClassOptions.some((name) => findProperty(context, options, name).kind !== 'absent')) return UNKNOWN;
  const factory = findProperty(context, options, spec.asyncFactoryOption);
  const fn = factory.kind === 'found' && factory.node ? findFunction(context, factory.node) : undefined;
  const returned = fn ? listReturnedExpressions(fn.context, fn.node) : [];
  if (!fn || returned.length === 0) return UNKNOWN;
  const states = returned.map((expression) => readOptionsTimeout(fn.context, library, expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression));
  const bounded = states.find((state) => state.kind !== 'absent' && state.kind !== 'none');
  if (bounded) return bounded;
  const disabled = states.find((state): state is Extract<TimeoutState, { kind: 'none' }> => state.kind === 'none');
  if (disabled) return { kind: 'none', reason: `${disabled.reason} in the \`${spec.asyncFactoryOption}\` of \`${spec.name}.${spec.registerAsync}()\` in ${where}` };
  return { kind: 'none', reason: `no timeout: the \`${spec.asyncFactoryOption}\` of \`${spec.name}.${spec.registerAsync}()\` in ${where} returns none` };
}
