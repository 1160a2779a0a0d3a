/**
 * Where the object a name refers to was made, in any module of the program: follows imports, re-exports,
 * aliases (`export const api = client`) and object properties (`clients.inventory`) to the `new` or call
 * expression that made it, and describes it in a small, library-neutral shape: which module's export was
 * called (`axios` `default.create`, `opossum` `default`), the options argument, and the calls in the
 * making module that receive the object (`axiosRetry(client, { … })`, `client.interceptors.request.use(…)`).
 * Needs type information; without it, returns undefined.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { getTypeServices } from './get-type-services.js';
import { evaluateExpression } from './resolve-across-files.js';
import type { AnyRuleContext } from './rule-context.js';

/** An exported function or class, named the way a knowledge table names it. */
export interface CalleePath {
  /** The module specifier as imported where the call is written (`axios`, `./clients.js`); undefined for a local. */
  readonly module: string | undefined;
  /** The npm package the export finally comes from, through re-exports; undefined outside node_modules. */
  readonly package: string | undefined;
  /** Export name then member names: `['default', 'create']` for `axios.create` with a default import. */
  readonly path: readonly string[];
}

/** A call in the making module that receives the made object. */
export interface Attachment {
  readonly node: ts.CallExpression;
  readonly callee: CalleePath | undefined;
  /** Where the object is passed: an argument index, or `receiver` for a method called on it. */
  readonly position: number | 'receiver';
  /** The method name when `position` is `receiver` (`interceptors.request.use` → `['interceptors', 'request', 'use']`). */
  readonly memberPath: readonly string[];
}

/** An assignment in the making module to a property of the made object (`client.defaults.timeout = 0`). */
export interface MemberWrite {
  readonly node: ts.BinaryExpression;
  /** Property names from the object down (`['defaults', 'headers', 'common', 'Idempotency-Key']`); undefined where computed from a variable. */
  readonly memberPath: readonly (string | undefined)[];
}

export interface Creation {
  /** Absolute file name of the module that made the object. */
  readonly file: string;
  readonly node: ts.CallExpression | ts.NewExpression;
  readonly isConstruction: boolean;
  readonly callee: CalleePath | undefined;
  readonly arguments: readonly ts.Expression[];
  /** The first argument written as an object literal, or undefined. */
  readonly options: ts.ObjectLiteralExpression | undefined;
  /** The variable the object is stored in, when it is one. */
  readonly variable: ts.VariableDeclaration | undefined;
  readonly attachments: readonly Attachment[];
  readonly writes: readonly MemberWrite[];
}

const MAX_DEPTH = 8;

/** The creation of the object an ESTree identifier or member expression refers to, through the type checker. */
export function findCreation(context: AnyRuleContext, node: TSESTree.Node): Creation | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(node);
  if (!services || !tsNode) return undefined;
  return findCreationOf(services.program.getTypeChecker(), tsNode);
}

/** The creation of the object a TypeScript expression refers to; the program-level entry for the checker. */
export function findCreationOf(checker: ts.TypeChecker, node: ts.Node, depth = 0): Creation | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipOuterExpressions(node);
  if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) return describeCreation(checker, expression, undefined);
  const target = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  if (!ts.isIdentifier(target) && !ts.isElementAccessExpression(target)) return undefined;
  const declaration = findValueDeclaration(checker, ts.isElementAccessExpression(target) ? target.argumentExpression : target);
  if (!declaration) return undefined;
  if (ts.isVariableDeclaration(declaration)) {
    if (!declaration.initializer || !ts.isIdentifier(declaration.name)) return undefined;
    const initializer = skipOuterExpressions(declaration.initializer);
    if (ts.isCallExpression(initializer) || ts.isNewExpression(initializer)) return describeCreation(checker, initializer, declaration);
    return findCreationOf(checker, initializer, depth + 1);
  }
  if (ts.isPropertyAssignment(declaration)) return findCreationOf(checker, declaration.initializer, depth + 1);
  if (ts.isShorthandPropertyAssignment(declaration)) return findCreationOf(checker, declaration.name, depth + 1);
  if (ts.isExportAssignment(declaration)) return findCreationOf(checker, declaration.expression, depth + 1);
  if (ts.isPropertyDeclaration(declaration) && declaration.initializer) return findCreationOf(checker, declaration.initializer, depth + 1);
  return undefined;
}

/**
 * The value of the creation's argument at `index`, evaluated through the type checker in the making module
 * (spreads of imported constants included; functions and calls stay as OPAQUE properties); undefined when
 * it cannot be read, `{ value: undefined }` when no such argument is passed.
 */
export function evaluateCreationArgument(checker: ts.TypeChecker, creation: Creation, index: number): { readonly value: unknown } | undefined {
  const argument = creation.arguments[index];
  return argument ? evaluateExpression(checker, argument) : { value: undefined };
}

/** The module export a callee expression names, followed through its import. */
export function describeCallee(checker: ts.TypeChecker, callee: ts.Expression): CalleePath | undefined {
  const members: string[] = [];
  let root: ts.Expression = skipOuterExpressions(callee);
  while (ts.isPropertyAccessExpression(root) || (ts.isElementAccessExpression(root) && ts.isStringLiteralLike(root.argumentExpression))) {
    members.unshift(ts.isPropertyAccessExpression(root) ? root.name.text : (root.argumentExpression as ts.StringLiteralLike).text);
    root = skipOuterExpressions(root.expression);
  }
  if (!ts.isIdentifier(root)) return undefined;
  const symbol = checker.getSymbolAtLocation(root);
  const local = symbol?.declarations?.[0];
  if (!symbol || !local) return undefined;
  const imported = describeImport(local);
  const packageName = findPackage(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  if (imported) return { module: imported.module, package: packageName, path: [...imported.path, ...members] };
  return { module: undefined, package: packageName, path: [root.text, ...members] };
}

function describeCreation(checker: ts.TypeChecker, node: ts.CallExpression | ts.NewExpression, variable: ts.VariableDeclaration | undefined): Creation {
  const args = [...(node.arguments ?? [])];
  const options = args.map(skipOuterExpressions).find(ts.isObjectLiteralExpression);
  const sourceFile = node.getSourceFile();
  const uses = variable && ts.isIdentifier(variable.name) ? findAttachments(checker, sourceFile, variable) : { attachments: [], writes: [] };
  return {
    file: sourceFile.fileName,
    node,
    isConstruction: ts.isNewExpression(node),
    callee: describeCallee(checker, node.expression),
    arguments: args,
    options,
    variable,
    attachments: uses.attachments,
    writes: uses.writes,
  };
}

/** Calls in the file that pass the variable's value along or call a method on it, and assignments to its properties. */
function findAttachments(checker: ts.TypeChecker, sourceFile: ts.SourceFile, variable: ts.VariableDeclaration): { attachments: Attachment[]; writes: MemberWrite[] } {
  const name = (variable.name as ts.Identifier).text;
  const writes: MemberWrite[] = [];
  if (!sourceFile.text.includes(name)) return { attachments: [], writes };
  const symbol = checker.getSymbolAtLocation(variable.name);
  const refersToVariable = (expression: ts.Expression): boolean => {
    const inner = skipOuterExpressions(expression);
    return ts.isIdentifier(inner) && inner.text === name && checker.getSymbolAtLocation(inner) === symbol;
  };
  const found: Attachment[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const position = node.arguments.findIndex(refersToVariable);
      if (position >= 0) found.push({ node, callee: describeCallee(checker, node.expression), position, memberPath: [] });
      const memberPath = getReceiverPath(node.expression, refersToVariable);
      if (memberPath) found.push({ node, callee: undefined, position: 'receiver', memberPath });
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const memberPath = getWritePath(checker, node.left, refersToVariable);
      if (memberPath) writes.push({ node, memberPath });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { attachments: found, writes };
}

/** `client.defaults.headers.common[KEY]` → `['defaults', 'headers', 'common', <KEY's value>]` when the root is the variable. */
function getWritePath(checker: ts.TypeChecker, target: ts.Expression, isVariable: (expression: ts.Expression) => boolean): (string | undefined)[] | undefined {
  const members: (string | undefined)[] = [];
  let current = skipOuterExpressions(target);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    if (ts.isPropertyAccessExpression(current)) {
      members.unshift(current.name.text);
    } else {
      const key = evaluateExpression(checker, current.argumentExpression)?.value;
      members.unshift(typeof key === 'string' || typeof key === 'number' ? String(key) : undefined);
    }
    current = skipOuterExpressions(current.expression);
  }
  return members.length > 0 && isVariable(current) ? members : undefined;
}

/** `client.interceptors.request.use` → `['interceptors', 'request', 'use']` when the root is the variable. */
function getReceiverPath(callee: ts.Expression, isVariable: (expression: ts.Expression) => boolean): string[] | undefined {
  const members: string[] = [];
  let current = skipOuterExpressions(callee);
  while (ts.isPropertyAccessExpression(current)) {
    members.unshift(current.name.text);
    current = skipOuterExpressions(current.expression);
  }
  return members.length > 0 && isVariable(current) ? members : undefined;
}

function describeImport(declaration: ts.Declaration): { module: string; path: string[] } | undefined {
  if (ts.isImportClause(declaration)) return withModule(declaration.parent, ['default']);
  if (ts.isNamespaceImport(declaration)) return withModule(declaration.parent.parent, []);
  if (ts.isImportSpecifier(declaration)) return withModule(declaration.parent.parent.parent, [(declaration.propertyName ?? declaration.name).text]);
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
    const specifier = declaration.moduleReference.expression;
    return ts.isStringLiteralLike(specifier) ? { module: specifier.text, path: [] } : undefined;
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) return describeRequire(declaration.initializer, []);
  if (ts.isBindingElement(declaration)) {
    const pattern = declaration.parent;
    const declarator = pattern.parent;
    const key = declaration.propertyName ?? declaration.name;
    if (ts.isVariableDeclaration(declarator) && declarator.initializer && ts.isIdentifier(key)) return describeRequire(declarator.initializer, [key.text]);
  }
  return undefined;
}

function describeRequire(initializer: ts.Expression, path: string[]): { module: string; path: string[] } | undefined {
  const call = skipOuterExpressions(initializer);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return undefined;
  const specifier = call.arguments[0];
  return specifier && ts.isStringLiteralLike(specifier) ? { module: specifier.text, path } : undefined;
}

function withModule(declaration: ts.ImportDeclaration | ts.JSDocImportTag, path: string[]): { module: string; path: string[] } | undefined {
  return ts.isStringLiteral(declaration.moduleSpecifier) ? { module: declaration.moduleSpecifier.text, path } : undefined;
}

/** The npm package that declares `symbol` (`@types/x` counts as `x`), or undefined. */
function findPackage(symbol: ts.Symbol): string | undefined {
  const fileName = symbol.declarations?.[0]?.getSourceFile().fileName.replaceAll('\\', '/');
  const match = fileName ? /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(fileName) : null;
  if (!match) return undefined;
  const name = match[1]!;
  if (!name.startsWith('@types/')) return name;
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

/** The declaration of the value a name refers to, through import aliases and export specifiers. */
export function findValueDeclaration(checker: ts.TypeChecker, node: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  // `{ logger }`: the value's symbol, which may itself be an import to follow.
  if (ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) symbol = checker.getShorthandAssignmentValueSymbol(node.parent) ?? symbol;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol.valueDeclaration ?? symbol.declarations?.[0];
}

/** Strips parentheses, `as`, `satisfies`, `!`, type assertions and `await`. */
export function skipOuterExpressions(node: ts.Node): ts.Expression {
  let current = node as ts.Expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isAwaitExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}
