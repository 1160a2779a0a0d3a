/**
 * With type information: recognises a client whose origin this file does not show (a parameter, a class
 * member or an import typed `AxiosInstance`, `Got`, `KyInstance`, `SuperAgentStatic`), and, when its
 * declaration is a factory call in another module (`export const api = axios.create({ … })`), reads the
 * options written there.
 */
import { type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { getTypeServices } from '../ast/get-type-services.js';
import { findDeclaration } from '../ast/resolve-across-files.js';
import { HTTP_LIBRARIES, type HttpLibrary } from './http-libraries.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface TypedClient {
  readonly library: HttpLibrary;
  readonly expression: TSESTree.Node;
  /** The factory call that created it, when its declaration is `const x = <client>.<factory>(…)`. */
  readonly creation?: TypedCreation;
}

export interface TypedCreation {
  readonly factory: string;
  /** The options object literal passed to the factory; undefined when none was passed. */
  readonly options: ts.ObjectLiteralExpression | undefined;
  /** The options are not a plain object literal (a variable, a spread, a call): nothing can be told. */
  readonly opaque: boolean;
  /** The factory was called on the library itself (`axios.create`), not on another instance. */
  readonly fromLibrary: boolean;
  /** The declaring module assigns `<name>.defaults.…` somewhere. */
  readonly hasDefaultsWrite: boolean;
  /** The declaring module registers `<name>.interceptors.…` somewhere. */
  readonly hasInterceptors: boolean;
  readonly fileName: string;
  readonly variableName: string;
}

/** The library whose client `expression` is, read from its type; undefined when it is none we model. */
export function findTypedClient(context: AnyContext, expression: TSESTree.Node): TypedClient | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(expression);
  if (!tsNode) return undefined;
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
  const library = findLibraryOfType(type);
  if (!library) return undefined;
  return { library, expression, creation: findCreation(checker, tsNode, library) };
}

function findLibraryOfType(type: ts.Type): HttpLibrary | undefined {
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    if (!symbol) continue;
    const library = HTTP_LIBRARIES.find((candidate) => candidate.clientTypes.includes(symbol.getName()));
    if (library && isDeclaredIn(symbol, library.typesPackage)) return library;
  }
  return undefined;
}

function isDeclaredIn(symbol: ts.Symbol, typesPackage: string | undefined): boolean {
  if (!typesPackage) return false;
  return (symbol.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.replaceAll('\\', '/').includes(`/node_modules/${typesPackage}/`));
}

function findCreation(checker: ts.TypeChecker, tsNode: ts.Node, library: HttpLibrary): TypedCreation | undefined {
  const target = ts.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
  const declaration = findDeclaration(checker, target);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  if ((ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) === 0) return undefined;
  let initializer: ts.Expression = declaration.initializer;
  while (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer) || ts.isParenthesizedExpression(initializer)) initializer = initializer.expression;
  if (!ts.isCallExpression(initializer)) return undefined;
  const callee = initializer.expression;
  const factory = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (factory === undefined || !Object.hasOwn(library.spec.instanceFactories, factory)) return undefined;
  const fromLibrary = ts.isPropertyAccessExpression(callee) ? isLibraryItself(checker, callee.expression, library) : true;
  const optionsIndex = library.spec.instanceFactories[factory]?.optionsArgument;
  const argument = optionsIndex === undefined ? undefined : initializer.arguments[optionsIndex];
  const options = argument && ts.isObjectLiteralExpression(argument) ? argument : undefined;
  const opaque = (argument !== undefined && options === undefined) || (options?.properties.some((property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) ?? false);
  const sourceFile = declaration.getSourceFile();
  const variableName = declaration.name.text;
  return {
    factory,
    options,
    opaque,
    fromLibrary,
    hasDefaultsWrite: sourceFile.text.includes(`${variableName}.defaults.`),
    hasInterceptors: sourceFile.text.includes(`${variableName}.interceptors.`),
    fileName: sourceFile.fileName,
    variableName,
  };
}

/** Whether `expression` is the library's own default client (`axios`, `got`, `ky`), not an instance of it. */
function isLibraryItself(checker: ts.TypeChecker, expression: ts.Expression, library: HttpLibrary): boolean {
  const symbol = checker.getSymbolAtLocation(expression);
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return false;
  return ts.isImportClause(declaration) || ts.isImportSpecifier(declaration) || ts.isNamespaceImport(declaration)
    ? library.spec.packages.some((name) => getModuleSpecifier(declaration) === name)
    : false;
}

function getModuleSpecifier(declaration: ts.Declaration): string | undefined {
  let node: ts.Node = declaration;
  while (!ts.isImportDeclaration(node)) {
    if (!node.parent) return undefined;
    node = node.parent;
  }
  return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/** The keys of an object literal in another module; undefined when one is computed or spread. */
export function getLiteralKeys(node: ts.Expression): readonly string[] | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const names: string[] = [];
  for (const property of node.properties) {
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) return undefined;
    names.push(name.text);
  }
  return names;
}

/** The initializer of option `name` in a factory's options literal. */
export function getCreationOption(creation: TypedCreation, name: string): ts.Expression | undefined {
  for (const property of creation.options?.properties ?? []) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) {
      return property.initializer;
    }
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}
