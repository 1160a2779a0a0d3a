/**
 * pino and pino-http: the fields `pino(options)` binds (base, name, mixin, formatters.log), and what
 * pino-http's request logger (`req.log`) binds on top: the request (with its id), `customProps`, and
 * whether `genReqId` takes the id from an incoming trace header so the request id joins services.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { pino } from '../../../knowledge/logging/pino.js';
import { pinoHttp, pinoHttpRequestLogger } from '../../../knowledge/logging/pino-http.js';
import { findFunction } from '../../ast/find-function.js';
import { findProperty } from '../../ast/find-property.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import { ANY_FIELDS, createFieldSet, NO_FIELDS, unionFields } from '../fields.js';
import type { FieldSet } from '../model.js';
import { listExpressionFields, listFunctionFields } from '../object-fields.js';
import { readOptionFields } from '../read-options.js';
import type { AnyContext, LoggerDetector } from './types.js';

export const pinoDetector: LoggerDetector = {
  spec: pino,
  readFields: (context, options) => readOptionFields(context, pino, options),
};

export interface RequestLoggerFields {
  readonly fields: FieldSet;
  /** The incoming header `req.id` is taken from, when it is a trace header of the policy. */
  readonly traceHeader: string | undefined;
}

/** What `req.log` binds beyond the logger pino-http writes through (its `logger` option or its own pino). */
export function readRequestLoggerFields(context: AnyContext, options: TSESTree.Node | undefined, traceHeaders: readonly string[]): RequestLoggerFields {
  if (!options) return { fields: createFieldSet([pinoHttpRequestLogger.requestField, pinoHttpRequestLogger.requestIdField]), traceHeader: undefined };
  const quiet = findProperty(context, options, 'quietReqLogger');
  const isQuiet = quiet.kind === 'found' && quiet.value?.value === true;
  const request = isQuiet ? [pinoHttpRequestLogger.quietRequestIdField] : [pinoHttpRequestLogger.requestField, pinoHttpRequestLogger.requestIdField];
  const customProps = findProperty(context, options, 'customProps');
  let custom: FieldSet = NO_FIELDS;
  if (customProps.kind === 'unknown') custom = ANY_FIELDS;
  else if (customProps.kind === 'found') custom = customProps.node ? readCustomProps(context, customProps.node) : ANY_FIELDS;
  const fields = unionFields(createFieldSet(request, quiet.kind === 'unknown'), custom);
  return { fields, traceHeader: findTraceHeader(context, options, traceHeaders) };
}

/** The fields of the root logger pino-http makes from its options (when no `logger` option is given). */
export function readPinoHttpRootFields(context: AnyContext, options: TSESTree.Node | undefined): FieldSet {
  return readOptionFields(context, pinoHttp, options);
}

function readCustomProps(context: AnyContext, node: TSESTree.Node): FieldSet {
  const fromObject = listExpressionFields(context, node);
  return fromObject.open ? listFunctionFields(context, node) : fromObject;
}

/**
 * `genReqId: (req) => req.headers['x-request-id'] ?? randomUUID()`: the first trace header of the policy the
 * function reads. Undefined when it reads none, or when there is no such function (pino-http then numbers
 * requests in each process).
 */
function findTraceHeader(context: AnyContext, options: TSESTree.Node, traceHeaders: readonly string[]): string | undefined {
  const lookup = findProperty(context, options, 'genReqId');
  if (lookup.kind !== 'found' || !lookup.node) return undefined;
  const found = findFunction(context, lookup.node);
  if (!found) return undefined;
  const wanted = new Set(traceHeaders.map((header) => header.toLowerCase()));
  let header: string | undefined;
  walkDescendants(found.context, found.node.body, (node) => {
    if (header) return false;
    if (node.type !== AST_NODE_TYPES.Literal && node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const value = node.type === AST_NODE_TYPES.Literal ? node.value : getStaticValueOf(found.context, node)?.value;
    if (typeof value === 'string' && wanted.has(value.toLowerCase())) header = value;
    return undefined;
  });
  return header;
}
