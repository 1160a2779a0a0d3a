/**
 * Request wrappers: functions of the project that send an HTTP request bounded only by what their caller
 * passes (`export function fetch(url, init) { return nodeFetch(url, { ...init, headers }) }`,
 * `httpGet(url, { timeoutMs })` that sets `timeout: timeoutMs`). Whether such a request has a deadline is
 * decided at each call of the wrapper, so that is where it is judged: the arguments of the call are read for
 * the options the wrapper forwards. A wrapper that sets its own limit, or a fallback for it
 * (`timeout: opts.timeout ?? 5000`), is not one: its request is judged inside it as before.
 *
 * Wrappers are found in the linted file, and, with type information, in the module an imported function
 * (or a method of an imported object) is declared in, read through that module's own context.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { toDisplayPath } from '../ast/display-path.js';
import { findValueDeclaration } from '../ast/find-creation.js';
import { toDeclarationNode } from '../ast/find-declaration-node.js';
import { findFunction, getDeclaredFunction } from '../ast/find-function.js';
import { findImportPath } from '../ast/find-import-path.js';
import { findConstInitializer, findProperty } from '../ast/find-property.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { resolveFunction, type FunctionNode } from '../ast/resolve-function.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getFileIndex } from '../family/file-index.js';
import { collectModuleHttpUsage, getTimeoutResolver, HTTP_GLOBAL_NAMES, HTTP_PACKAGE_NAMES, mayNameHttpLibrary } from './collect.js';
import type { HttpLibrary } from './http-libraries.js';
import type { ForwardedTimeout, HttpUsage, RequestWrapper, TimeoutState, WrapperCall } from './model.js';
import { getRequestOptions } from './request-options.js';
import { interpretTimeoutValue, readTimeoutBesideOptions, type TimeoutSettings } from './request-timeout.js';

const MAX_DEPTH = 3;

type Forwarding = { readonly kind: 'forwarded'; readonly entries: readonly ForwardedTimeout[] } | { readonly kind: 'other' };
type KeyForwarding = { readonly kind: 'forwarded'; readonly entries: readonly ForwardedTimeout[] } | { readonly kind: 'own' | 'absent' | 'unknown' };

const OTHER: Forwarding = { kind: 'other' };

const wrappersByUsage = new WeakMap<HttpUsage, Map<boolean, ReadonlyMap<FunctionNode, RequestWrapper>>>();

/** The request wrappers a module declares, by function (found once per module and setting). */
export function findRequestWrappers(context: AnyRuleContext, usage: HttpUsage, settings: TimeoutSettings): ReadonlyMap<FunctionNode, RequestWrapper> {
  let bySetting = wrappersByUsage.get(usage);
  if (!bySetting) wrappersByUsage.set(usage, (bySetting = new Map()));
  let wrappers = bySetting.get(settings.allowDefaultTimeout);
  if (!wrappers) bySetting.set(settings.allowDefaultTimeout, (wrappers = detectWrappers(context, usage, settings)));
  return wrappers;
}

/**
 * The calls in the linted file of request wrappers (its own, or with types, other modules') that pass
 * nothing that bounds the request, each with what it passes.
 */
export function findUnboundedWrapperCalls(context: AnyRuleContext, usage: HttpUsage, settings: TimeoutSettings): WrapperCall[] {
  const local = findRequestWrappers(context, usage, settings);
  const typed = getTypeServices(context) !== undefined;
  if (local.size === 0 && !typed) return [];
  const requests = new Set<TSESTree.Node>(usage.requests.map((request) => request.node));
  const found: WrapperCall[] = [];
  for (const call of getFileIndex(context.sourceCode).nodesOfType(AST_NODE_TYPES.CallExpression)) {
    if (requests.has(call)) continue;
    const wrapper = findCalledWrapper(context, call.callee, local, settings);
    if (!wrapper) continue;
    const problem = readCallTimeout(context, call, wrapper);
    if (problem.kind === 'none') found.push({ node: call, wrapper, problem: problem.reason });
  }
  return found;
}

/** Where a wrapper is declared, for messages: `line 12` in the linted file, `src/http.ts:12` elsewhere. */
export function describeWrapperLocation(context: AnyRuleContext, wrapper: RequestWrapper): string {
  return wrapper.file === context.filename ? `line ${wrapper.line}` : `${toDisplayPath(context, wrapper.file)}:${wrapper.line}`;
}

/** What a call must pass for the wrapper's request to be bounded: "`signal` or `timeout` in argument 2". */
export function describeForwardedOptions(wrapper: RequestWrapper): string {
  const byParameter = new Map<number, ForwardedTimeout[]>();
  for (const entry of wrapper.forwarded) byParameter.set(entry.parameter, [...(byParameter.get(entry.parameter) ?? []), entry]);
  return [...byParameter.entries()]
    .map(([parameter, entries]) => {
      const ordered = [...entries.filter((entry) => entry.isTimeoutOption), ...entries.filter((entry) => !entry.isTimeoutOption)];
      const properties = ordered.flatMap((entry) => (entry.property === undefined ? [] : [`\`${entry.property}\``]));
      const position = `argument ${parameter + 1}`;
      if (properties.length === 0) return entries[0]?.parameterName ? `${position} (\`${entries[0].parameterName}\`)` : position;
      const listed = properties.length > 1 ? `${properties.slice(0, -1).join(', ')} or ${properties.at(-1)}` : properties[0];
      return `${listed} in ${position}`;
    })
    .join(', or ');
}

function detectWrappers(context: AnyRuleContext, usage: HttpUsage, settings: TimeoutSettings): ReadonlyMap<FunctionNode, RequestWrapper> {
  const wrappers = new Map<FunctionNode, RequestWrapper>();
  const resolver = getTimeoutResolver(context, usage, settings);
  for (const request of usage.requests) {
    // A request through an instance made without a timeout is reported at the instance, where the fix goes.
    if (request.origin.kind !== 'library' || resolver.getOriginTimeout(request.origin).kind !== 'none') continue;
    const options = getRequestOptions(context, request);
    if (options.kind !== 'options') continue;
    const forwarding = readForwarding(context, request.library, options.node, 0);
    if (forwarding.kind !== 'forwarded' || readTimeoutBesideOptions(context, request, options.node).kind !== 'absent') continue;
    const owner = forwarding.entries[0]!.function;
    if (!forwarding.entries.every((entry) => entry.function === owner) || wrappers.has(owner)) continue;
    wrappers.set(owner, {
      node: owner,
      name: getFunctionName(owner) ?? 'the wrapper',
      file: context.filename,
      line: owner.loc.start.line,
      request,
      forwarded: forwarding.entries,
    });
  }
  return wrappers;
}

/** Which of the request's bounding options (`signal`, `timeout`) come from a parameter of the function around it. */
function readForwarding(context: AnyRuleContext, library: HttpLibrary, node: TSESTree.Node, depth: number): Forwarding {
  if (depth > MAX_DEPTH) return OTHER;
  const expression = unwrapExpression(node);
  const keys = getBoundingOptions(library);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const parameter = findParameter(context, expression);
    if (parameter) {
      const entries = forwardWhole(context, library, parameter, keys);
      return entries.length > 0 ? { kind: 'forwarded', entries } : OTHER;
    }
    const initializer = findConstInitializer(context, expression);
    return initializer ? readForwarding(context, library, initializer, depth + 1) : OTHER;
  }
  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return OTHER;
  const entries: ForwardedTimeout[] = [];
  for (const key of keys) {
    const found = readKeyForwarding(context, library, expression, key);
    if (found.kind === 'own' || found.kind === 'unknown') return OTHER;
    if (found.kind === 'forwarded') entries.push(...found.entries);
  }
  return entries.length > 0 ? { kind: 'forwarded', entries } : OTHER;
}

/**
 * Later properties win, as at run time: walk back to the first property or spread that decides `key`. A
 * spread of the caller's options decides only when the caller sets the key, so the walk goes on past it:
 * a limit written before it (`{ signal: controller.signal, ...init }`) still bounds the request.
 */
function readKeyForwarding(context: AnyRuleContext, library: HttpLibrary, object: TSESTree.ObjectExpression, key: string): KeyForwarding {
  const spread: ForwardedTimeout[] = [];
  const decide = (found: KeyForwarding): KeyForwarding => (spread.length === 0 || found.kind === 'own' || found.kind === 'unknown' ? found : { kind: 'forwarded', entries: [...spread, ...(found.kind === 'forwarded' ? found.entries : [])] });
  for (let index = object.properties.length - 1; index >= 0; index -= 1) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const argument = unwrapExpression(property.argument);
      const parameter = argument.type === AST_NODE_TYPES.Identifier ? findParameter(context, argument) : undefined;
      if (parameter) {
        spread.push(...forwardWhole(context, library, parameter, [key]));
        continue;
      }
      const inSpread = findProperty(context, property.argument, key);
      if (inSpread.kind === 'absent') continue;
      return decide({ kind: inSpread.kind === 'found' ? 'own' : 'unknown' });
    }
    const name = getKeyName(property);
    if (name === undefined) return { kind: 'unknown' };
    if (name !== key) continue;
    const entry = readForwardedValue(context, library, property.value, key);
    return decide(entry ? { kind: 'forwarded', entries: [entry] } : { kind: 'own' });
  }
  return decide({ kind: 'absent' });
}

/** `timeout: timeoutMs`, `signal: init.signal`, `signal: options?.signal`: a value the caller gives, with no fallback. */
function readForwardedValue(context: AnyRuleContext, library: HttpLibrary, value: TSESTree.Node, key: string): ForwardedTimeout | undefined {
  let expression = unwrapExpression(value);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  const isTimeoutOption = key === library.spec.timeout.option;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const parameter = findParameter(context, expression);
    if (!parameter || parameter.hasDefault || parameter.rest) return undefined;
    return { function: parameter.function, parameter: parameter.index, property: parameter.property, parameterName: parameter.name, isTimeoutOption };
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression || expression.computed || expression.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = unwrapExpression(expression.object);
  const parameter = object.type === AST_NODE_TYPES.Identifier ? findParameter(context, object) : undefined;
  if (!parameter || parameter.property !== undefined || parameter.rest || parameter.hasDefault) return undefined;
  return { function: parameter.function, parameter: parameter.index, property: expression.property.name, parameterName: parameter.name, isTimeoutOption };
}

interface ParameterBinding {
  readonly function: FunctionNode;
  readonly index: number;
  readonly name: string;
  /** Destructured from an object parameter (`{ timeoutMs }`): the property it is read from. */
  readonly property: string | undefined;
  /** The rest of an object parameter (`{ url, ...init }`): the properties taken out before it. */
  readonly rest: readonly string[] | undefined;
  readonly hasDefault: boolean;
  /** The default value of a whole parameter (`init = {}`). */
  readonly defaultValue: TSESTree.Node | undefined;
}

/** A whole options parameter (or the rest of one) forwarded as is: each bounding option in it is the caller's. */
function forwardWhole(context: AnyRuleContext, library: HttpLibrary, parameter: ParameterBinding, keys: readonly string[]): ForwardedTimeout[] {
  if (parameter.property !== undefined) return [];
  // `init = { signal: AbortSignal.timeout(5_000) }`: bounded unless the caller replaces it.
  if (parameter.defaultValue && keys.some((key) => findProperty(context, parameter.defaultValue, key).kind !== 'absent')) return [];
  return keys
    .filter((key) => !parameter.rest?.includes(key))
    .map((key) => ({ function: parameter.function, parameter: parameter.index, property: key, parameterName: parameter.name, isTimeoutOption: key === library.spec.timeout.option }));
}

/** The parameter an identifier names, and where in the parameter list it is bound. */
function findParameter(context: AnyRuleContext, identifier: TSESTree.Identifier): ParameterBinding | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter') return undefined;
  const fn = definition.node;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  const name = definition.name as TSESTree.Identifier;
  for (const [index, declared] of fn.params.entries()) {
    const inner = declared.type === AST_NODE_TYPES.TSParameterProperty ? declared.parameter : declared;
    const target = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    const base = { function: fn, index, name: name.name };
    if (target === name) return { ...base, property: undefined, rest: undefined, hasDefault: false, defaultValue: inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.right : undefined };
    if (target.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const element of target.properties) {
      if (element.type === AST_NODE_TYPES.RestElement && element.argument === name) {
        const taken = target.properties.flatMap((other) => (other.type === AST_NODE_TYPES.Property ? [getKeyName(other)].filter((key): key is string => key !== undefined) : []));
        return { ...base, property: undefined, rest: taken, hasDefault: false, defaultValue: undefined };
      }
      if (element.type !== AST_NODE_TYPES.Property) continue;
      const value = element.value;
      const bound = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
      const key = getKeyName(element);
      if (bound === name && key !== undefined) return { ...base, property: key, rest: undefined, hasDefault: value.type === AST_NODE_TYPES.AssignmentPattern, defaultValue: undefined };
    }
  }
  return undefined;
}

/** Whether a call of the wrapper passes something that bounds its request; `none` with the reason when not. */
function readCallTimeout(context: AnyRuleContext, call: TSESTree.CallExpression, wrapper: RequestWrapper): TimeoutState {
  const args = call.arguments;
  const last = Math.max(...wrapper.forwarded.map((entry) => entry.parameter));
  if (args.slice(0, last + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'unknown' };
  let result: TimeoutState = { kind: 'none', reason: 'no timeout' };
  for (const entry of wrapper.forwarded) {
    const state = readForwardedArgument(context, wrapper.request.library, args[entry.parameter], entry);
    if (state.kind === 'set' || state.kind === 'unknown') return state;
    if (state.kind === 'none') result = state;
  }
  return result;
}

function readForwardedArgument(context: AnyRuleContext, library: HttpLibrary, argument: TSESTree.Node | undefined, entry: ForwardedTimeout): TimeoutState {
  if (!argument) return { kind: 'absent' };
  if (entry.property === undefined) return interpretForwarded(library, entry, getStaticValueOf(context, argument), argument);
  const lookup = findProperty(context, argument, entry.property);
  if (lookup.kind === 'unknown') return { kind: 'unknown' };
  if (lookup.kind === 'absent') return { kind: 'absent' };
  return interpretForwarded(library, entry, lookup.value, lookup.node);
}

function interpretForwarded(library: HttpLibrary, entry: ForwardedTimeout, found: { value: unknown } | undefined, node: TSESTree.Node | undefined): TimeoutState {
  if (found && (found.value === undefined || found.value === null)) return { kind: 'absent' };
  if (!entry.isTimeoutOption) return { kind: 'set' };
  const state = interpretTimeoutValue(library, found, node);
  return state.kind === 'none' ? { kind: 'none', reason: `\`${entry.property ?? entry.parameterName}: ${String(found?.value)}\`` } : state;
}

/** The wrapper a call runs: a function of this file, a method of the enclosing class, or (typed) one declared in another module. */
function findCalledWrapper(context: AnyRuleContext, callee: TSESTree.Node, local: ReadonlyMap<FunctionNode, RequestWrapper>, settings: TimeoutSettings): RequestWrapper | undefined {
  const expression = unwrapExpression(callee);
  const isMember = expression.type === AST_NODE_TYPES.MemberExpression;
  if (expression.type !== AST_NODE_TYPES.Identifier && !isMember) return undefined;
  const isOwnMember = isMember && expression.object.type === AST_NODE_TYPES.ThisExpression;
  if (local.size > 0 && (!isMember || isOwnMember)) {
    const fn = isOwnMember ? findFunction(context, expression)?.node : resolveFunction(context, expression);
    const wrapper = fn && local.get(fn);
    if (wrapper || !typed(context)) return wrapper;
  }
  return findWrapperInModule(context, expression, settings);
}

/** With type information: the declaration of an imported function or method, in a module that may send requests. */
function findWrapperInModule(context: AnyRuleContext, callee: TSESTree.Node, settings: TimeoutSettings): RequestWrapper | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(callee);
  if (!services || !tsNode) return undefined;
  // Cheap question before the type checker: a wrapper is a function some module that names an HTTP client
  // declares or exports, so the called name must be one of theirs.
  const name = getCalledName(context, callee);
  if (name === undefined || !getWrapperCandidateNames(services.program).has(name)) return undefined;
  const target = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
  const declaration = findValueDeclaration(services.program.getTypeChecker(), target);
  const sourceFile = declaration?.getSourceFile();
  // Cheap checks before another module is parsed: a project file (not a .d.ts, not a package) that names a client.
  if (!declaration || !sourceFile || sourceFile.fileName === context.filename || sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) return undefined;
  if (!mayNameHttpLibrary(sourceFile.text) || !mayCallClient(declaration)) return undefined;
  const declared = toDeclarationNode(context, declaration);
  const fn = declared && getDeclaredFunction(declared.node);
  if (!declared || !fn) return undefined;
  const usage = collectModuleHttpUsage(declared.context);
  return findRequestWrappers(declared.context, usage, settings).get(fn);
}

const clientNames = new WeakMap<ts.SourceFile, RegExp | null>();

/**
 * The name a call reaches its function by: the property of `api.fetchJson(…)`, and for an imported binding
 * the name its module exports it under (`default` for a default import), whatever the local alias.
 */
function getCalledName(context: AnyRuleContext, callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.MemberExpression) return !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  return findImportPath(context, callee)?.path.at(-1) ?? callee.name;
}

const candidateNamesByProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * Every name under which a project module that names an HTTP client declares or exports a function, a
 * method or a value: the only names a call can reach a request wrapper of another module by. Found once per
 * program, from the text and declarations of those few modules.
 */
function getWrapperCandidateNames(program: ts.Program): ReadonlySet<string> {
  let names = candidateNamesByProgram.get(program);
  if (names) return names;
  const found = new Set<string>();
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/') || !mayNameHttpLibrary(sourceFile.text)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) {
        if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) found.add(node.name.text);
      }
      if (ts.isExportSpecifier(node)) found.add(node.name.text);
      if (ts.isExportAssignment(node) || (ts.isFunctionDeclaration(node) && node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword))) found.add('default');
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sourceFile, visit);
  }
  candidateNamesByProgram.set(program, (names = found));
  return names;
}

/**
 * Whether a declaration's text calls a client by a name its module binds to one (an import or `require` of
 * an HTTP package, or a global client): a wrapper must, and most imported functions do not, so their
 * modules are not parsed for nothing.
 */
function mayCallClient(declaration: ts.Node): boolean {
  const sourceFile = declaration.getSourceFile();
  let names = clientNames.get(sourceFile);
  if (names === undefined) clientNames.set(sourceFile, (names = findClientNames(sourceFile)));
  return names !== null && names.test(declaration.getText(sourceFile));
}

function findClientNames(sourceFile: ts.SourceFile): RegExp | null {
  const names = new Set<string>(HTTP_GLOBAL_NAMES);
  const isClientModule = (specifier: ts.Node | undefined): boolean => specifier !== undefined && ts.isStringLiteralLike(specifier) && HTTP_PACKAGE_NAMES.has(specifier.text);
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && isClientModule(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && isClientModule(statement.moduleReference.expression)) {
      names.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer;
        const required = initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require' ? initializer.arguments[0] : undefined;
        if (!isClientModule(required)) continue;
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
        else if (ts.isObjectBindingPattern(declaration.name)) for (const element of declaration.name.elements) if (ts.isIdentifier(element.name)) names.add(element.name.text);
      }
    }
  }
  // Called, or a member of it called: `fetch(`, `nodeFetch<T>(`, `axios.get(`.
  return names.size === 0 ? null : new RegExp(`\\b(?:${[...names].join('|')})\\s*(?:\\(|<|\\.\\s*\\w+\\s*\\()`);
}

function typed(context: AnyRuleContext): boolean {
  return getTypeServices(context) !== undefined;
}

function getFunctionName(fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    const owner = parent.parent?.parent;
    const className = (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) && owner.id ? `${owner.id.name}.` : '';
    return `${parent.type === AST_NODE_TYPES.Property ? '' : className}${parent.key.name}`;
  }
  return undefined;
}

function getBoundingOptions(library: HttpLibrary): string[] {
  const option = library.spec.timeout.option;
  return [...library.spec.deadlineOptions, ...(option ? [option] : [])];
}

function getKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}
