/**
 * Whether a function that runs before every request of a client (an axios request interceptor, a got or
 * ky `beforeRequest` hook) puts trace context on it: it names a trace header, calls
 * `propagation.inject(…)`, or hands the request config to a helper that may (`addTraceHeaders(config)`).
 * An interceptor that only sets `Authorization` does not.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { normalizeHeaderName } from '../../knowledge/tracing/trace-context.js';
import type { FunctionNode } from '../ast/resolve-function.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import type { AnyRuleContext } from '../family/create-collector.js';
import { getParameterIdentifier, getStaticMemberName } from './detectors/syntax.js';

export type Injection = 'injects' | 'maybe' | 'no';

export function describeInjection(context: AnyRuleContext, fn: FunctionNode, traceHeaders: ReadonlySet<string>): Injection {
  const config = getParameterIdentifier(fn.params[0])?.name;
  let result: Injection = 'no';
  walkDescendants(context, fn.body, (node) => {
    if (result === 'injects') return false;
    if (isTraceHeaderName(node, traceHeaders)) result = 'injects';
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'inject' && node.arguments.length >= 2) result = 'injects';
      else if (config !== undefined && node.arguments.some((argument) => isConfigOrItsHeaders(argument, config))) result = 'maybe';
    }
    return result !== 'injects';
  });
  return result;
}

/** The same judgement on source text, for a client made in another module (read through the type checker). */
export function describeInjectionText(text: string, traceHeaders: ReadonlySet<string>): Injection {
  const lower = text.toLowerCase();
  if ([...traceHeaders].some((header) => lower.includes(`'${header}'`) || lower.includes(`"${header}"`) || lower.includes(`.${header}`))) return 'injects';
  if (/\binject\s*\(/.test(text)) return 'injects';
  // Otherwise only a config handed on to a helper (`addTraceHeaders(config)`) may inject.
  const parameter = /^\s*(?:async\s*)?(?:function\s*\w*\s*)?\(?\s*(\w+)/.exec(text)?.[1];
  const body = text.slice(Math.max(0, text.search(/=>|\{/)));
  if (!parameter) return 'maybe';
  return new RegExp(`[(,]\\s*${parameter}(?:\\.headers)?\\s*[,)]`).test(body) ? 'maybe' : 'no';
}

function isTraceHeaderName(node: TSESTree.Node, traceHeaders: ReadonlySet<string>): boolean {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return traceHeaders.has(normalizeHeaderName(node.value));
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return traceHeaders.has(normalizeHeaderName(node.quasis[0]?.value.cooked ?? ''));
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) return traceHeaders.has(normalizeHeaderName(node.property.name));
  if (node.type === AST_NODE_TYPES.Property && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) return traceHeaders.has(normalizeHeaderName(node.key.name));
  return false;
}

function isConfigOrItsHeaders(argument: TSESTree.Node, config: string): boolean {
  if (argument.type === AST_NODE_TYPES.Identifier) return argument.name === config;
  return argument.type === AST_NODE_TYPES.MemberExpression && argument.object.type === AST_NODE_TYPES.Identifier && argument.object.name === config && getStaticMemberName(argument) === 'headers';
}
