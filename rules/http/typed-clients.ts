/**
 * With type information: recognises a client whose origin this file does not show (a parameter, a class
 * member or an import typed `AxiosInstance`, `Got`, `KyInstance`, `SuperAgentStatic`), and, when it was
 * made by a factory call in another module (`export const api = axios.create({ … })`), describes that
 * creation with findCreation: the factory's options evaluated there (imported constants and spreads
 * included), the calls that receive the client (`axiosRetry(api)`, interceptors) and writes to its defaults.
 */
import { type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { evaluateCreationArgument, findCreationOf, findValueDeclaration, skipOuterExpressions, type Creation } from '../ast/find-creation.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { evaluateExpression } from '../ast/resolve-across-files.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { HTTP_LIBRARIES, type HttpLibrary } from './http-libraries.js';

export interface TypedClient {
  readonly library: HttpLibrary;
  readonly expression: TSESTree.Node;
  /** How it was made, when it is a `const` set to a factory call of the library (`axios.create(…)`). */
  readonly creation?: TypedCreation;
}

export interface TypedCreation {
  readonly factory: string;
  /** The factory's options, evaluated where they are written (OPAQUE for unreadable values); undefined when they cannot be read. */
  readonly options: Readonly<Record<string, unknown>> | undefined;
  /** The factory was called on the library itself (`axios.create`), not on another instance. */
  readonly fromLibrary: boolean;
  /** The creation, with the calls and assignments in its module that receive the client. */
  readonly creation: Creation;
  readonly variableName: string;
}

/** The library whose client `expression` is, read from its type; undefined when it is none we model. */
export function findTypedClient(context: AnyRuleContext, expression: TSESTree.Node): TypedClient | undefined {
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
  const creation = findCreationOf(checker, tsNode);
  return creation ? describeTypedCreation(checker, creation, library) : undefined;
}

/** A creation as a client of `library`: a `const` set to one of its factories (`axios.create`, `got.extend`), or undefined. */
export function describeTypedCreation(checker: ts.TypeChecker, creation: Creation, library: HttpLibrary): TypedCreation | undefined {
  const variable = creation.variable;
  // Only a `const` can be followed: anything else may be replaced after it is made.
  if (!creation.callee || !variable || !ts.isIdentifier(variable.name) || (ts.getCombinedNodeFlags(variable) & ts.NodeFlags.Const) === 0) return undefined;
  const { callee } = creation;
  const factory = callee.path.at(-1);
  if (factory === undefined || !Object.hasOwn(library.spec.instanceFactories, factory)) return undefined;
  const origin = callee.package ?? callee.module;
  const owner = callee.path.length === 2 ? callee.path[0]! : undefined;
  const fromLibrary =
    origin !== undefined &&
    library.spec.packages.includes(origin) &&
    (callee.path.length === 1 || (owner !== undefined && (owner === 'default' || library.clientExports.includes(owner))));
  const optionsIndex = library.spec.instanceFactories[factory]?.optionsArgument;
  const evaluated = optionsIndex === undefined ? { value: undefined } : evaluateCreationArgument(checker, creation, optionsIndex);
  const value = evaluated?.value ?? (evaluated ? {} : undefined);
  const options = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return { factory, options, fromLibrary, creation, variableName: variable.name.text };
}

/**
 * The strings a function in another module names (an interceptor given to a client there): string
 * literals, and constants used as a computed key or a call argument (`config.headers[KEY]`,
 * `headers.set(KEY, …)`). `readable` is false when the function's body cannot be found.
 */
export function listNamedStrings(checker: ts.TypeChecker, node: ts.Expression | undefined): { strings: unknown[]; readable: boolean } {
  let expression: ts.Node | undefined = node && skipOuterExpressions(node);
  if (expression && ts.isIdentifier(expression)) {
    const declaration = findValueDeclaration(checker, expression);
    expression = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
  }
  if (!expression || !(ts.isArrowFunction(expression) || ts.isFunctionExpression(expression) || ts.isFunctionDeclaration(expression))) return { strings: [], readable: false };
  const strings: unknown[] = [];
  const visit = (current: ts.Node): void => {
    if (ts.isStringLiteral(current) || ts.isNoSubstitutionTemplateLiteral(current)) strings.push(current.text);
    else if (ts.isIdentifier(current) && isValuePosition(current)) strings.push(evaluateExpression(checker, current)?.value);
    ts.forEachChild(current, visit);
  };
  visit(expression);
  return { strings, readable: true };
}

function isValuePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isElementAccessExpression(parent)) return parent.argumentExpression === node;
  if (ts.isCallExpression(parent)) return parent.arguments.includes(node);
  return ts.isComputedPropertyName(parent);
}
