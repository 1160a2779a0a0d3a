/**
 * The fields a log call writes into its own record, by the library's record shape: pino and bunyan merge an
 * object first argument, winston every object argument, NestJS an object first argument when its
 * application logger is structured; text (a message, an Error, a template) adds none. An argument whose
 * value cannot be read opens the set, unless its type (with type information) or its name says it is text
 * or an error.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import type { RecordShape } from '../../knowledge/logging/types.js';
import { findConstInitializer } from '../ast/find-property.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { AnyContext } from './detectors/types.js';
import { ANY_FIELDS, createFieldSet, NO_FIELDS, unionFields } from './fields.js';
import type { FieldSet } from './model.js';
import { listExpressionFields } from './object-fields.js';

/** Names that hold a message or an error, not an object of fields. */
const TEXT_OR_ERROR_NAME = /^(?:e|err|error|ex|exception|reason|cause|msg|message|text|str|line|description|details|stack|\w*(?:Message|Msg|Text|Error|Err|Exception|Reason))$/;
const TEXT_FUNCTIONS = new Set(['String', 'stringify', 'toString', 'format', 'join', 'toISOString', 'toFixed', 'inspect', 'getMessage', 'trim', 'replace']);
const MAX_DEPTH = 3;

export function getRecordFields(context: AnyContext, call: TSESTree.CallExpression, shape: RecordShape, method: string): FieldSet {
  if (shape === 'text') return NO_FIELDS;
  const args = [...call.arguments];
  if (shape === 'object-first' || shape === 'message') {
    const [first] = args;
    if (!first) return NO_FIELDS;
    if (first.type === AST_NODE_TYPES.SpreadElement) return ANY_FIELDS;
    if (shape === 'message') return unwrapExpression(first).type === AST_NODE_TYPES.ObjectExpression ? listExpressionFields(context, first) : NO_FIELDS;
    return getArgumentFields(context, first);
  }
  // winston: `log(level, message, meta)` names its level first; `log({ level, message, … })` is one record.
  const fieldArguments = method === 'log' && args.length > 1 ? args.slice(1) : args;
  return unionFields(NO_FIELDS, ...fieldArguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? ANY_FIELDS : getArgumentFields(context, argument))));
}

function getArgumentFields(context: AnyContext, argument: TSESTree.Node, depth = 0): FieldSet {
  const expression = unwrapExpression(argument);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return listExpressionFields(context, expression);
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.NewExpression:
      return NO_FIELDS;
    default:
      break;
  }
  const typed = getTypedFields(context, expression);
  if (typed) return typed;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    if (isCatchParameter(context, expression) || TEXT_OR_ERROR_NAME.test(expression.name)) return NO_FIELDS;
    const initializer = depth < MAX_DEPTH ? findConstInitializer(context, expression) : undefined;
    return initializer ? getArgumentFields(context, initializer, depth + 1) : ANY_FIELDS;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) {
    return TEXT_OR_ERROR_NAME.test(expression.property.name) ? NO_FIELDS : ANY_FIELDS;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(expression.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
    return name !== undefined && TEXT_FUNCTIONS.has(name) ? NO_FIELDS : ANY_FIELDS;
  }
  return ANY_FIELDS;
}

/** With type information: text, numbers and errors add no field; an object type adds its properties. */
function getTypedFields(context: AnyContext, node: TSESTree.Node): FieldSet | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(node);
  if (!services || !tsNode) return undefined;
  const checker = services.program.getTypeChecker();
  const type = checker.getTypeAtLocation(tsNode);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((part) => part.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.BigIntLike))) {
    return NO_FIELDS;
  }
  if (parts.some((part) => isErrorType(checker, part))) return NO_FIELDS;
  if (parts.length !== 1 || !(type.flags & ts.TypeFlags.Object)) return undefined;
  if (checker.getIndexInfosOfType(type).length > 0) return undefined;
  return createFieldSet(checker.getPropertiesOfType(type).map((property) => property.getName()));
}

function isErrorType(checker: ts.TypeChecker, type: ts.Type): boolean {
  for (const candidate of [type, ...(type.getBaseTypes?.() ?? [])]) {
    if (candidate.getSymbol()?.getName() === 'Error') return true;
  }
  return checker.getPropertyOfType(type, 'stack') !== undefined && checker.getPropertyOfType(type, 'message') !== undefined;
}

function isCatchParameter(context: AnyContext, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable?.defs[0]?.type === 'CatchClause';
}
