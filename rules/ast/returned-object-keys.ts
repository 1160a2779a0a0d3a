/**
 * With type information, the keys of the object a call returns when the function called, in any module of
 * the program, returns one object literal whose keys can all be read: `traceHeaders(trace)` written as
 * `return { [TRACE_HEADER]: … }` gives `['traceparent']`. Values need not be readable. Undefined otherwise.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { skipOuterExpressions } from './find-creation.js';
import { getTypeServices } from './get-type-services.js';
import { evaluateExpression, findDeclaration, OPAQUE } from './resolve-across-files.js';
import type { AnyRuleContext } from './rule-context.js';

export function listReturnedObjectKeys(context: AnyRuleContext, call: TSESTree.CallExpression): string[] | undefined {
  const services = getTypeServices(context);
  const tsCall = services?.esTreeNodeToTSNodeMap.get(call);
  if (!services || !tsCall || !ts.isCallExpression(tsCall)) return undefined;
  const checker = services.program.getTypeChecker();
  const callee = ts.isPropertyAccessExpression(tsCall.expression) ? tsCall.expression.name : tsCall.expression;
  const returned = getReturnedExpression(findDeclaration(checker, callee));
  if (!returned || !ts.isObjectLiteralExpression(skipOuterExpressions(returned))) return undefined;
  const value = evaluateExpression(checker, returned)?.value;
  if (value === null || typeof value !== 'object' || value === OPAQUE || Array.isArray(value)) return undefined;
  return Object.keys(value);
}

/** The one expression a function returns: an arrow's expression body, or a body that is a single `return`. */
function getReturnedExpression(declaration: ts.Declaration | undefined): ts.Expression | undefined {
  const initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
  const target = initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : declaration;
  if (!target || !(ts.isFunctionDeclaration(target) || ts.isArrowFunction(target) || ts.isFunctionExpression(target)) || !target.body) return undefined;
  if (!ts.isBlock(target.body)) return target.body;
  const [only, ...rest] = target.body.statements;
  return only && rest.length === 0 && ts.isReturnStatement(only) ? only.expression : undefined;
}
