/**
 * winston: `defaultMeta`, and the fields the format chain adds: logform's built-in formats by the table in
 * knowledge/logging/winston.ts, a custom `format((info) => …)()` by what its function writes on `info` or
 * returns, `format.combine(…)` by the union of its formats.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { winston, winstonFormats } from '../../../knowledge/logging/winston.js';
import { findFunction, listReturnedExpressions } from '../../ast/find-function.js';
import { findConstInitializer } from '../../ast/find-property.js';
import { findImportPath, type ImportPath } from '../../ast/find-import-path.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import { ANY_FIELDS, createFieldSet, unionFields } from '../fields.js';
import type { FieldSet } from '../model.js';
import { listFunctionFields } from '../object-fields.js';
import { readOptionFields } from '../read-options.js';
import type { AnyContext, LoggerDetector } from './types.js';

const FORMAT_PACKAGES = ['winston', 'logform'];
const MAX_DEPTH = 6;

export const winstonDetector: LoggerDetector = {
  spec: winston,
  readFields: (context, options) => readOptionFields(context, winston, options, readFormatFields),
};

export function readFormatFields(context: AnyContext, node: TSESTree.Node, depth = 0): FieldSet {
  if (depth > MAX_DEPTH) return ANY_FIELDS;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, expression);
    return initializer ? readFormatFields(context, initializer, depth + 1) : ANY_FIELDS;
  }
  // A format chosen by configuration: a field counts when either may add it.
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return unionFields(readFormatFields(context, expression.consequent, depth + 1), readFormatFields(context, expression.alternate, depth + 1));
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    return unionFields(readFormatFields(context, expression.left, depth + 1), readFormatFields(context, expression.right, depth + 1));
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return ANY_FIELDS;
  const callee = unwrapExpression(expression.callee);
  // format(fn)(): a custom format made and instantiated in place.
  if (callee.type === AST_NODE_TYPES.CallExpression) return isFormatFactory(findImportPath(context, callee.callee)) ? readCustomFormat(context, callee) : ANY_FIELDS;
  const name = getFormatName(findImportPath(context, callee));
  if (name === 'combine') {
    const parts = expression.arguments.map((argument) => (argument.type === AST_NODE_TYPES.SpreadElement ? ANY_FIELDS : readFormatFields(context, argument, depth + 1)));
    return unionFields(createFieldSet([]), ...parts);
  }
  if (name !== undefined && Object.hasOwn(winstonFormats, name)) return createFieldSet(winstonFormats[name]!.adds);
  // A format made elsewhere in this file: `const addTrace = format((info) => …)` then `addTrace()`.
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, callee);
    const made = initializer && unwrapExpression(initializer);
    if (made?.type === AST_NODE_TYPES.CallExpression && isFormatFactory(findImportPath(context, made.callee))) return readCustomFormat(context, made);
  }
  // A function that builds the format: what every format it returns adds.
  const builder = findFunction(context, callee);
  if (!builder) return ANY_FIELDS;
  const returned = listReturnedExpressions(builder.context, builder.node);
  return returned.length > 0 ? unionFields(...returned.map((result) => readFormatFields(builder.context, result, depth + 1))) : ANY_FIELDS;
}

function readCustomFormat(context: AnyContext, factoryCall: TSESTree.CallExpression): FieldSet {
  const [transform] = factoryCall.arguments;
  return transform && transform.type !== AST_NODE_TYPES.SpreadElement ? listFunctionFields(context, transform) : ANY_FIELDS;
}

/** `winston.format`, `format` from winston or logform, or logform's default export. */
function isFormatFactory(path: ImportPath | undefined): boolean {
  if (!path || !FORMAT_PACKAGES.includes(path.module)) return false;
  const names = path.path.filter((name) => name !== 'default');
  return names.length === 1 && names[0] === 'format' || (path.module === 'logform' && names.length === 0);
}

/** `winston.format.timestamp` → `timestamp`; `format.combine` → `combine`. */
function getFormatName(path: ImportPath | undefined): string | undefined {
  if (!path || !FORMAT_PACKAGES.includes(path.module)) return undefined;
  const names = path.path.filter((name) => name !== 'default');
  if (names.length === 2 && names[0] === 'format') return names[1];
  if (names.length === 1 && path.module === 'logform') return names[0];
  return undefined;
}
