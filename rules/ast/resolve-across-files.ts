/**
 * With type information, follows an identifier or member access to its declaration in any module of the
 * program (through imports, re-exports and aliases) and evaluates the constant there: literals, objects,
 * arrays, spreads, template literals, simple arithmetic, `as const` and `satisfies`.
 * Without type information it returns undefined and rules fall back to what one file shows.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { getTypeServices } from './get-type-services.js';
import type { AnyRuleContext } from './rule-context.js';

const MAX_DEPTH = 8;

/** A value read statically; static-value.ts re-exports this type as the one rules use. */
export interface StaticValue {
  readonly value: unknown;
}

/** The value of an ESTree expression read through the type checker, or undefined. */
export function resolveAcrossFiles(context: AnyRuleContext, node: TSESTree.Node): StaticValue | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (!tsNode || !(ts.isIdentifier(tsNode) || ts.isPropertyAccessExpression(tsNode) || ts.isElementAccessExpression(tsNode))) {
    return undefined;
  }
  return evaluateExpression(services.program.getTypeChecker(), tsNode as ts.Expression);
}

/**
 * The value of any TypeScript expression, in whichever module it is written: constants it names are
 * followed to their declarations. Object properties set to something that cannot be read (a function, a
 * call) are kept, as OPAQUE, so the keys of an options object are known even when some values are not.
 */
export function evaluateExpression(checker: ts.TypeChecker, node: ts.Expression): StaticValue | undefined {
  const found = evaluate(checker, node, 0);
  return found === UNKNOWN ? undefined : { value: found };
}

/** The declaration a name resolves to, following import aliases; exported for cross-file helpers. */
export function findDeclaration(checker: ts.TypeChecker, node: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol.valueDeclaration ?? symbol.declarations?.[0];
}

const UNKNOWN: unique symbol = Symbol('unknown');
type Evaluated = unknown | typeof UNKNOWN;

function evaluate(checker: ts.TypeChecker, node: ts.Expression, depth: number): Evaluated {
  if (depth > MAX_DEPTH) return UNKNOWN;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    return evaluate(checker, node.expression, depth);
  }
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isPrefixUnaryExpression(node)) return evaluatePrefix(checker, node, depth);
  if (ts.isBinaryExpression(node)) return evaluateBinary(checker, node, depth);
  if (ts.isTemplateExpression(node)) return evaluateTemplate(checker, node, depth);
  if (ts.isArrayLiteralExpression(node)) return evaluateArray(checker, node, depth);
  if (ts.isObjectLiteralExpression(node)) return evaluateObject(checker, node, depth);
  if (ts.isIdentifier(node)) return evaluateIdentifier(checker, node, depth);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return evaluateMember(checker, node, depth);
  return UNKNOWN;
}

function evaluateIdentifier(checker: ts.TypeChecker, node: ts.Identifier, depth: number): Evaluated {
  if (node.text === 'undefined') return undefined;
  if (node.text === 'Infinity') return Number.POSITIVE_INFINITY;
  return evaluateDeclaration(checker, findDeclaration(checker, node), depth);
}

function evaluateDeclaration(checker: ts.TypeChecker, declaration: ts.Declaration | undefined, depth: number): Evaluated {
  if (!declaration) return UNKNOWN;
  if (ts.isVariableDeclaration(declaration)) {
    const isConst = (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
    if (!isConst || !declaration.initializer || !ts.isIdentifier(declaration.name)) return UNKNOWN;
    return evaluate(checker, declaration.initializer, depth + 1);
  }
  if (ts.isPropertyAssignment(declaration)) return evaluate(checker, declaration.initializer, depth + 1);
  if (ts.isShorthandPropertyAssignment(declaration)) {
    return evaluateDeclaration(checker, checker.getShorthandAssignmentValueSymbol(declaration)?.valueDeclaration, depth + 1);
  }
  if (ts.isEnumMember(declaration)) {
    const constant = checker.getConstantValue(declaration);
    return constant === undefined ? UNKNOWN : constant;
  }
  if (ts.isExportAssignment(declaration)) return evaluate(checker, declaration.expression, depth + 1);
  return UNKNOWN;
}

function evaluateMember(checker: ts.TypeChecker, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): Evaluated {
  const declared = findDeclaration(checker, ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression);
  if (declared && (ts.isPropertyAssignment(declared) || ts.isShorthandPropertyAssignment(declared) || ts.isEnumMember(declared))) {
    const fromDeclaration = evaluateDeclaration(checker, declared, depth);
    if (fromDeclaration !== UNKNOWN) return fromDeclaration;
  }
  const object = evaluate(checker, node.expression, depth + 1);
  if (object === UNKNOWN || object === null || typeof object !== 'object') return UNKNOWN;
  const key = ts.isPropertyAccessExpression(node) ? node.name.text : evaluate(checker, node.argumentExpression, depth + 1);
  if (typeof key !== 'string' && typeof key !== 'number') return UNKNOWN;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : UNKNOWN;
}

function evaluateObject(checker: ts.TypeChecker, node: ts.ObjectLiteralExpression, depth: number): Evaluated {
  const result: Record<string, unknown> = {};
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      const spread = evaluate(checker, property.expression, depth + 1);
      if (spread === UNKNOWN || spread === null || typeof spread !== 'object') return UNKNOWN;
      Object.assign(result, spread);
      continue;
    }
    const name = getPropertyName(checker, property.name, depth);
    if (name === undefined) return UNKNOWN;
    if (ts.isPropertyAssignment(property)) {
      const value = evaluate(checker, property.initializer, depth + 1);
      // A value we cannot read (a function, a call) is still a property that is set.
      result[name] = value === UNKNOWN ? OPAQUE : value;
    } else if (ts.isShorthandPropertyAssignment(property)) {
      const value = evaluateIdentifier(checker, property.name, depth + 1);
      result[name] = value === UNKNOWN ? OPAQUE : value;
    } else {
      result[name] = OPAQUE;
    }
  }
  return result;
}

/** Stands for a property that is set to something we cannot evaluate (a function, a call result). */
export const OPAQUE: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);

function getPropertyName(checker: ts.TypeChecker, name: ts.PropertyName, depth: number): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const key = evaluate(checker, name.expression, depth + 1);
    return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
  }
  return undefined;
}

function evaluateArray(checker: ts.TypeChecker, node: ts.ArrayLiteralExpression, depth: number): Evaluated {
  const result: unknown[] = [];
  for (const element of node.elements) {
    if (ts.isSpreadElement(element)) {
      const spread = evaluate(checker, element.expression, depth + 1);
      if (!Array.isArray(spread)) return UNKNOWN;
      result.push(...spread);
      continue;
    }
    const value = evaluate(checker, element, depth + 1);
    if (value === UNKNOWN) return UNKNOWN;
    result.push(value);
  }
  return result;
}

function evaluateTemplate(checker: ts.TypeChecker, node: ts.TemplateExpression, depth: number): Evaluated {
  let text = node.head.text;
  for (const span of node.templateSpans) {
    const value = evaluate(checker, span.expression, depth + 1);
    if (value === UNKNOWN || (typeof value === 'object' && value !== null)) return UNKNOWN;
    text += String(value) + span.literal.text;
  }
  return text;
}

function evaluatePrefix(checker: ts.TypeChecker, node: ts.PrefixUnaryExpression, depth: number): Evaluated {
  const operand = evaluate(checker, node.operand, depth + 1);
  if (operand === UNKNOWN) return UNKNOWN;
  if (node.operator === ts.SyntaxKind.MinusToken && typeof operand === 'number') return -operand;
  if (node.operator === ts.SyntaxKind.PlusToken) return Number(operand);
  if (node.operator === ts.SyntaxKind.ExclamationToken) return !operand;
  return UNKNOWN;
}

function evaluateBinary(checker: ts.TypeChecker, node: ts.BinaryExpression, depth: number): Evaluated {
  const left = evaluate(checker, node.left, depth + 1);
  const right = evaluate(checker, node.right, depth + 1);
  if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.PlusToken:
      return (left as number) + (right as number);
    case ts.SyntaxKind.MinusToken:
      return (left as number) - (right as number);
    case ts.SyntaxKind.AsteriskToken:
      return (left as number) * (right as number);
    case ts.SyntaxKind.SlashToken:
      return (left as number) / (right as number);
    case ts.SyntaxKind.AsteriskAsteriskToken:
      return (left as number) ** (right as number);
    case ts.SyntaxKind.QuestionQuestionToken:
      return left ?? right;
    default:
      return UNKNOWN;
  }
}
