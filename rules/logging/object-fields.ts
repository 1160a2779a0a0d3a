/**
 * The fields an expression puts into a log record: object literals (nested keys dotted, `trace.id`), `const`
 * objects, spreads of known objects, the object a function returns (a pino `mixin`, `formatters.log`, a
 * winston format, pino-http `customProps`) and the store of an AsyncLocalStorage whose `run()` calls are all
 * in view. Anything that cannot be read makes the set open, and an open set is never reported as missing.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findConstInitializer } from '../ast/find-property.js';
import { findFunction, listReturnedExpressions } from '../ast/find-function.js';
import { findImportPath, isImportOf } from '../ast/find-import-path.js';
import { listPropertyNames } from '../ast/list-property-names.js';
import type { FunctionNode } from '../ast/resolve-function.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import { ANY_FIELDS, createFieldSet, NO_FIELDS, unionFields } from './fields.js';
import type { FieldSet } from './model.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 6;
const ASYNC_LOCAL_STORAGE = { packages: ['async_hooks', 'node:async_hooks'], paths: [['AsyncLocalStorage'], ['default', 'AsyncLocalStorage']] };
const STORE_SETTERS = new Set(['run', 'enterWith']);

/** The fields of the object `node` evaluates to; `passthrough` names a value whose own fields are not added (the record a formatter receives). */
export function listExpressionFields(context: AnyContext, node: TSESTree.Node, passthrough?: TSESTree.Identifier, depth = 0): FieldSet {
  if (depth > MAX_DEPTH) return ANY_FIELDS;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return listLiteralFields(context, expression, passthrough, depth);
    case AST_NODE_TYPES.Identifier: {
      if (passthrough && isSameBinding(context, expression, passthrough)) return NO_FIELDS;
      if (expression.name === 'undefined') return NO_FIELDS;
      const initializer = findConstInitializer(context, expression);
      return initializer ? listExpressionFields(context, initializer, passthrough, depth + 1) : ANY_FIELDS;
    }
    case AST_NODE_TYPES.Literal:
      return expression.value === null ? NO_FIELDS : ANY_FIELDS;
    case AST_NODE_TYPES.ConditionalExpression:
      return unionFields(listExpressionFields(context, expression.consequent, passthrough, depth + 1), listExpressionFields(context, expression.alternate, passthrough, depth + 1));
    case AST_NODE_TYPES.LogicalExpression:
      return unionFields(listExpressionFields(context, expression.left, passthrough, depth + 1), listExpressionFields(context, expression.right, passthrough, depth + 1));
    case AST_NODE_TYPES.ChainExpression:
      return listExpressionFields(context, expression.expression, passthrough, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return listCallFields(context, expression, passthrough, depth);
    default:
      return ANY_FIELDS;
  }
}

/**
 * The fields a function adds to the record it is given or returns: the keys of every object it returns and
 * of every `record.key = …` it writes on its first parameter. Open when it cannot be found or read.
 */
export function listFunctionFields(context: AnyContext, node: TSESTree.Node, depth = 0): FieldSet {
  const found = findFunction(context, node);
  if (!found || depth > MAX_DEPTH) return ANY_FIELDS;
  return listFoundFunctionFields(found.context, found.node, depth);
}

function listFoundFunctionFields(context: AnyContext, fn: FunctionNode, depth: number): FieldSet {
  const [first] = fn.params;
  const record = first?.type === AST_NODE_TYPES.Identifier ? first : undefined;
  const returned = listReturnedExpressions(context, fn);
  const sets = returned.map((expression) => listExpressionFields(context, expression, record, depth + 1));
  if (record) sets.push(listParameterWrites(context, fn, record));
  return sets.length > 0 ? unionFields(...sets) : NO_FIELDS;
}

function listLiteralFields(context: AnyContext, object: TSESTree.ObjectExpression, passthrough: TSESTree.Identifier | undefined, depth: number): FieldSet {
  const sets: FieldSet[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      sets.push(listSpreadFields(context, property.argument, passthrough, depth));
      continue;
    }
    const key = getKeyName(context, property);
    if (key === undefined) return ANY_FIELDS;
    sets.push(createFieldSet([key]));
    const value = unwrapExpression(property.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const nested = listLiteralFields(context, value, undefined, depth + 1);
      sets.push(createFieldSet(nested.names.map((name) => `${key}.${name}`)));
    }
  }
  return unionFields(NO_FIELDS, ...sets);
}

function listSpreadFields(context: AnyContext, argument: TSESTree.Expression, passthrough: TSESTree.Identifier | undefined, depth: number): FieldSet {
  const fromExpression = listExpressionFields(context, argument, passthrough, depth + 1);
  if (!fromExpression.open) return fromExpression;
  const names = listPropertyNames(context, argument);
  return names.kind === 'known' ? createFieldSet(names.names) : ANY_FIELDS;
}

function listCallFields(context: AnyContext, call: TSESTree.CallExpression, passthrough: TSESTree.Identifier | undefined, depth: number): FieldSet {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return ANY_FIELDS;
  if (callee.property.name === 'getStore') return listStoreFields(context, callee.object, depth);
  // Object.assign(target, …sources): the fields of every argument.
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && callee.property.name === 'assign' && call.arguments.length > 0) {
    return unionFields(...call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? ANY_FIELDS : listExpressionFields(context, argument, passthrough, depth + 1))));
  }
  return ANY_FIELDS;
}

/**
 * `als.getStore()` on an AsyncLocalStorage made in this module and not exported: the fields of every store
 * given to its `run()`/`enterWith()` here. Open when the storage comes from elsewhere or is used otherwise.
 */
function listStoreFields(context: AnyContext, storage: TSESTree.Node, depth: number): FieldSet {
  const expression = unwrapExpression(storage);
  if (expression.type !== AST_NODE_TYPES.Identifier) return ANY_FIELDS;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || !definition.node.init) return ANY_FIELDS;
  const init = unwrapExpression(definition.node.init);
  if (init.type !== AST_NODE_TYPES.NewExpression || !isImportOf(findImportPath(context, init.callee), ASYNC_LOCAL_STORAGE.packages, ASYNC_LOCAL_STORAGE.paths)) return ANY_FIELDS;
  if (definition.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return ANY_FIELDS;
  const stores: FieldSet[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return ANY_FIELDS;
    const method = member.property.name;
    if (method === 'getStore') continue;
    const call = member.parent;
    if (!STORE_SETTERS.has(method) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !call.arguments[0]) return ANY_FIELDS;
    stores.push(listExpressionFields(context, call.arguments[0], undefined, depth + 1));
  }
  return stores.length > 0 ? unionFields(...stores) : ANY_FIELDS;
}

/** `info.traceId = …` and `info['service'] = …` on the function's first parameter. */
function listParameterWrites(context: AnyContext, fn: FunctionNode, record: TSESTree.Identifier): FieldSet {
  const names: string[] = [];
  let open = false;
  walkDescendants(context, fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
    const target = node.left;
    if (target.object.type !== AST_NODE_TYPES.Identifier || target.object.name !== record.name) return;
    const key = !target.computed && target.property.type === AST_NODE_TYPES.Identifier ? target.property.name : getStringValue(context, target.property);
    if (key === undefined) open = true;
    else names.push(key);
  });
  return createFieldSet(names, open);
}

function getKeyName(context: AnyContext, property: TSESTree.Property): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
  }
  return getStringValue(context, property.key);
}

function getStringValue(context: AnyContext, node: TSESTree.Node): string | undefined {
  const value = getStaticValueOf(context, node)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function isSameBinding(context: AnyContext, identifier: TSESTree.Identifier, parameter: TSESTree.Identifier): boolean {
  if (identifier.name !== parameter.name) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable?.defs.some((definition) => definition.name === parameter) ?? false;
}
