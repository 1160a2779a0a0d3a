/**
 * The function a call or a function reference resolves to, in any module of the program: through imports,
 * re-exports, `const` aliases, object properties and class methods, to the declaration with a body. With
 * it, a rule sees what a wrapper in one file (`pRetry(() => submitOrder(order))`, a local `withRetry`)
 * really runs in another, and `listCalls` says which calls that function makes, each described by the
 * module export it calls and the object it is called on. Needs type information; without it, returns
 * undefined.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { describeCallee, findCreationOf, findValueDeclaration, skipOuterExpressions, type CalleePath, type Creation } from './find-creation.js';
import { getTypeServices } from './get-type-services.js';
import type { AnyRuleContext } from './rule-context.js';

export type FunctionWithBody = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

export interface CallTarget {
  /** Absolute file name of the module that declares the function. */
  readonly file: string;
  readonly node: FunctionWithBody;
  /** Its name where it has one (`submitOrder`, `OrdersClient.create`). */
  readonly name: string | undefined;
}

export interface CallSite {
  readonly node: ts.CallExpression;
  /** The module export it calls, when the callee is imported (`axios` `default.post`). */
  readonly callee: CalleePath | undefined;
  /** For a method call on an object made elsewhere (`ledger.post(…)`), how that object was made. */
  readonly receiver: Creation | undefined;
  /** The method name for a method call (`post`), else undefined. */
  readonly method: string | undefined;
  /** The function the call runs, when it resolves to one with a body. */
  readonly target: CallTarget | undefined;
  /** How many calls deep from the listed function (0: written in it). */
  readonly depth: number;
}

const MAX_ALIAS_DEPTH = 6;

/** The function an ESTree call expression (its callee) or function reference resolves to. */
export function followCall(context: AnyRuleContext, node: TSESTree.Node): CallTarget | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(node);
  if (!services || !tsNode) return undefined;
  return followCallOf(services.program.getTypeChecker(), tsNode);
}

/** The function a TypeScript call expression or function-valued expression resolves to. */
export function followCallOf(checker: ts.TypeChecker, node: ts.Node, depth = 0): CallTarget | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const expression = skipOuterExpressions(node);
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return toTarget(expression);
  if (ts.isCallExpression(expression)) {
    const declaration = checker.getResolvedSignature(expression)?.declaration;
    const target = declaration && isFunctionWithBody(declaration) ? toTarget(declaration) : undefined;
    return target ?? followCallOf(checker, expression.expression, depth + 1);
  }
  const name = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return undefined;
  const declaration = findValueDeclaration(checker, name);
  if (!declaration) return undefined;
  if (isFunctionWithBody(declaration)) return toTarget(declaration);
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && !declaration.body) return findImplementation(checker, declaration);
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) return followCallOf(checker, declaration.initializer, depth + 1);
  if (ts.isPropertyAssignment(declaration)) return followCallOf(checker, declaration.initializer, depth + 1);
  if (ts.isPropertyDeclaration(declaration) && declaration.initializer) return followCallOf(checker, declaration.initializer, depth + 1);
  if (ts.isShorthandPropertyAssignment(declaration)) return followCallOf(checker, declaration.name, depth + 1);
  if (ts.isExportAssignment(declaration)) return followCallOf(checker, declaration.expression, depth + 1);
  return undefined;
}

/**
 * The calls `fn` makes, and, up to `maxDepth` calls deep, the calls of the functions it calls that have a
 * body in the program. Each function is entered once.
 */
export function listCalls(checker: ts.TypeChecker, fn: FunctionWithBody, maxDepth = 2): CallSite[] {
  const found: CallSite[] = [];
  const entered = new Set<ts.Node>([fn]);
  const walk = (body: ts.Node, depth: number): void => {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const site = describeCallSite(checker, node, depth);
        found.push(site);
        if (site.target && depth < maxDepth && !entered.has(site.target.node) && !site.target.node.getSourceFile().isDeclarationFile) {
          entered.add(site.target.node);
          if (site.target.node.body) walk(site.target.node.body, depth + 1);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
  };
  if (fn.body) walk(fn.body, 0);
  return found;
}

function describeCallSite(checker: ts.TypeChecker, node: ts.CallExpression, depth: number): CallSite {
  const callee = skipOuterExpressions(node.expression);
  const isMethod = ts.isPropertyAccessExpression(callee);
  const receiver = isMethod ? findCreationOf(checker, callee.expression) : undefined;
  return {
    node,
    callee: describeCallee(checker, node.expression),
    receiver,
    method: isMethod ? callee.name.text : undefined,
    target: followCallOf(checker, node),
    depth,
  };
}

/** An overload signature or an ambient declaration: the declaration of the same symbol that has a body. */
function findImplementation(checker: ts.TypeChecker, declaration: ts.FunctionDeclaration | ts.MethodDeclaration): CallTarget | undefined {
  const symbol = declaration.name ? checker.getSymbolAtLocation(declaration.name) : undefined;
  const implementation = symbol?.declarations?.find((candidate) => isFunctionWithBody(candidate));
  return implementation ? toTarget(implementation as FunctionWithBody) : undefined;
}

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && node.body !== undefined;
}

function toTarget(node: FunctionWithBody): CallTarget {
  return { file: node.getSourceFile().fileName, node, name: getFunctionName(node) };
}

function getFunctionName(node: FunctionWithBody): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  if (ts.isMethodDeclaration(node)) {
    const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
    return ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name) ? `${owner}${node.name.text}` : undefined;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
