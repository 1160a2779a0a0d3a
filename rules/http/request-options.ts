/**
 * The options object of a request call, and its HTTP method: `axios.post(url, data, config)`,
 * `axios(config)`, `got(url, options)`, `got(options)`, `http.request(url, options, cb)`,
 * `http.request(options, cb)`, `fetch(input, init)`, `superagent('POST', url)`.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { normalizeHttpMethod, type HttpMethod } from '../../knowledge/http/http-methods.js';
import { findConstInitializer, findProperty } from '../ast/find-property.js';
import { getTypeServices } from '../ast/get-type-services.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { HttpRequest } from './model.js';

export type RequestOptions =
  /** The options expression (an object literal, a variable, …). */
  | { readonly kind: 'options'; readonly node: TSESTree.Node }
  /** No options passed: the client's defaults apply. */
  | { readonly kind: 'none'; readonly insertAfter: TSESTree.Node | undefined }
  /** Which argument holds the options cannot be told (a spread, an unresolved first argument). */
  | { readonly kind: 'unknown' };

/** Names that say a variable holds a URL rather than an options object. */
const URL_LIKE_NAME = /(?:url|uri|href|endpoint|link|address|location|path)$/i;

export function getRequestOptions(context: AnyRuleContext, request: HttpRequest): RequestOptions {
  const index = request.function.optionsArgument;
  if (index === undefined) return { kind: 'none', insertAfter: undefined };
  const args = request.node.arguments;
  if (args.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'unknown' };
  if (request.function.urlOptional && index > 0 && args[index - 1]) {
    const first = args[index - 1]!;
    const shape = getArgumentShape(context, first);
    if (shape === 'object') return { kind: 'options', node: first };
    if (shape === 'unknown') return { kind: 'unknown' };
  }
  const options = args[index];
  if (!options || isFunctionLike(context, options)) {
    return { kind: 'none', insertAfter: args.length === index ? args[index - 1] : undefined };
  }
  return { kind: 'options', node: options };
}

/** The HTTP method a request sends, upper-cased; undefined when it cannot be read. */
export function getRequestMethod(context: AnyRuleContext, request: HttpRequest, options: RequestOptions): HttpMethod | string | undefined {
  if (request.function.method) return request.function.method;
  const methodArgument = request.function.methodArgument;
  if (methodArgument !== undefined) {
    // superagent(url) is a GET; superagent(method, url) names it.
    if (request.node.arguments.length === 1) return 'GET';
    const method = getStaticValueOf(context, request.node.arguments[methodArgument]!)?.value;
    return typeof method === 'string' ? (normalizeHttpMethod(method) ?? method.toUpperCase()) : undefined;
  }
  const optionName = request.library.spec.methodOption;
  if (!optionName) return undefined;
  if (options.kind === 'unknown') return undefined;
  if (options.kind === 'none') return 'GET';
  const lookup = findProperty(context, options.node, optionName);
  if (lookup.kind === 'absent') return 'GET';
  if (lookup.kind !== 'found' || typeof lookup.value?.value !== 'string') return undefined;
  return normalizeHttpMethod(lookup.value.value) ?? lookup.value.value.toUpperCase();
}

/** Whether an argument is an options object, a URL, or cannot be told. */
function getArgumentShape(context: AnyRuleContext, node: TSESTree.Node): 'object' | 'url' | 'unknown' {
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return 'object';
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.NewExpression:
      return 'url';
    default:
      break;
  }
  const value = getStaticValueOf(context, expression)?.value;
  if (typeof value === 'string') return 'url';
  if (value !== null && typeof value === 'object') return 'object';
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const initializer = findConstInitializer(context, expression);
    if (initializer) return getArgumentShape(context, initializer);
  }
  const typed = getShapeFromType(context, expression);
  if (typed) return typed;
  const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier ? expression.property.name : undefined;
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = expression.callee.property;
    if (method.type === AST_NODE_TYPES.Identifier && method.name === 'toString') return 'url';
  }
  return name !== undefined && URL_LIKE_NAME.test(name) ? 'url' : 'unknown';
}

function getShapeFromType(context: AnyRuleContext, node: TSESTree.Node): 'object' | 'url' | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  if (!tsNode) return undefined;
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
    return type.flags & ts.TypeFlags.StringLike ? 'url' : undefined;
  }
  const name = type.getSymbol()?.getName();
  if (name === 'URL') return 'url';
  return type.flags & ts.TypeFlags.Object ? 'object' : undefined;
}

/** A callback in the options position (`http.get(url, onResponse)`). */
function isFunctionLike(context: AnyRuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (definition?.type === 'FunctionName') return true;
  const initializer = findConstInitializer(context, node);
  return initializer !== undefined && isFunctionLike(context, initializer);
}

/** The request object sent in the URL's place, which carries its own options (`fetch(new Request(url, init))`), when this file makes it. */
export function findRequestObject(context: AnyRuleContext, request: HttpRequest): TSESTree.NewExpression | undefined {
  const requestClass = request.library.spec.requestClass;
  const input = request.node.arguments[0];
  if (!requestClass || !input) return undefined;
  const expression = unwrapExpression(input);
  const created = expression.type === AST_NODE_TYPES.Identifier ? findConstInitializer(context, expression) : expression;
  if (created?.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier || created.callee.name !== requestClass) return undefined;
  return created;
}
