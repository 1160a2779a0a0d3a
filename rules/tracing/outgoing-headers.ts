/**
 * Reads the headers an outbound call sends and says whether they carry the trace context: a trace header
 * by name (`traceparent`, or one of the policy's `tracing.headers`), the incoming headers themselves (passed,
 * spread, or handed to a helper that builds the outgoing ones), `propagation.inject(…, headers)` into the
 * object sent. What cannot be read here (a helper's result, an object passed in) is `unknown`, never a
 * finding.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { normalizeHeaderName } from '../../knowledge/tracing/trace-context.js';
import { findConstInitializer, findProperty } from '../ast/find-property.js';
import { listReturnedObjectKeys } from '../ast/returned-object-keys.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { AnyRuleContext } from '../family/create-collector.js';
import type { IncomingContext } from './incoming.js';
import type { Propagation } from './model.js';
import { getPropertyKey, getStaticMemberName } from './detectors/syntax.js';

export type HeadersVerdict = Extract<Propagation, { kind: 'header' | 'incoming-headers' | 'inject' | 'unknown' | 'none' }>;

const NONE: HeadersVerdict = { kind: 'none' };
const UNKNOWN: HeadersVerdict = { kind: 'unknown' };
const MAX_DEPTH = 4;
/** Methods that set one header on a headers object (`headers.set(name, value)`, `res.setHeader`). */
const HEADER_SETTERS: ReadonlySet<string> = new Set(['set', 'append', 'setHeader', 'header']);

export class OutgoingHeaders {
  constructor(
    private readonly context: AnyRuleContext,
    private readonly incoming: IncomingContext | undefined,
    private readonly traceHeaders: ReadonlySet<string>,
    /** Carriers that `propagation.inject(…)` writes into, by their variables' declarations. */
    private readonly injected: ReadonlySet<TSESTree.Node>,
  ) {}

  /** The verdict for an options object (`{ headers, … }`), undefined meaning no options at all. */
  fromOptions(options: TSESTree.Node | undefined, headersOption: string, depth = 0): HeadersVerdict {
    if (!options) return NONE;
    if (this.incoming?.carries(options)) return { kind: 'incoming-headers' };
    const lookup = findProperty(this.context, options, headersOption);
    if (lookup.kind === 'absent') return NONE;
    if (lookup.kind === 'unknown') return UNKNOWN;
    if (lookup.node) return this.fromHeaders(lookup.node, depth);
    const value = lookup.value?.value;
    if (value !== null && typeof value === 'object') return this.fromKeys(Object.keys(value));
    return UNKNOWN;
  }

  /** The verdict for a headers expression. */
  fromHeaders(node: TSESTree.Node, depth = 0): HeadersVerdict {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const expression = unwrapExpression(node);
    if (this.incoming?.carries(expression)) return { kind: 'incoming-headers' };
    switch (expression.type) {
      case AST_NODE_TYPES.ObjectExpression:
        return this.fromObject(expression, depth);
      case AST_NODE_TYPES.Identifier:
        return this.fromVariable(expression, depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return best(this.fromHeaders(expression.consequent, depth + 1), this.fromHeaders(expression.alternate, depth + 1));
      case AST_NODE_TYPES.LogicalExpression:
        return best(this.fromHeaders(expression.left, depth + 1), this.fromHeaders(expression.right, depth + 1));
      case AST_NODE_TYPES.NewExpression:
        // `new Headers(init)`: what `init` holds; the variable's later `.set()` calls are read by fromVariable.
        return expression.arguments[0] ? this.fromHeaders(expression.arguments[0], depth + 1) : NONE;
      case AST_NODE_TYPES.ArrayExpression:
        return this.fromEntries(expression);
      case AST_NODE_TYPES.CallExpression: {
        const keys = listReturnedObjectKeys(this.context, expression);
        return keys ? this.fromKeys(keys) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private fromObject(object: TSESTree.ObjectExpression, depth: number): HeadersVerdict {
    let verdict: HeadersVerdict = NONE;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        verdict = best(verdict, this.fromHeaders(property.argument, depth + 1));
        continue;
      }
      const key = getPropertyKey(property) ?? this.readComputedKey(property);
      if (key === undefined) verdict = best(verdict, UNKNOWN);
      else if (this.traceHeaders.has(normalizeHeaderName(key))) return { kind: 'header', header: key };
    }
    return verdict;
  }

  /** A local headers variable: its initializer, then what is written into it before the call. */
  private fromVariable(identifier: TSESTree.Identifier, depth: number): HeadersVerdict {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    if (this.injected.has(definition.node)) return { kind: 'inject' };
    const init = definition.parent.kind === 'const' ? findConstInitializer(this.context, identifier) : (definition.node.init ?? undefined);
    let verdict: HeadersVerdict = init ? this.fromHeaders(init, depth + 1) : NONE;
    for (const reference of variable.references) {
      const read = reference.identifier;
      if (reference.init || read === identifier || read.type !== AST_NODE_TYPES.Identifier) continue;
      verdict = best(verdict, this.fromWrite(read, depth));
      if (verdict.kind !== 'none' && verdict.kind !== 'unknown') return verdict;
    }
    return verdict;
  }

  /** One use of a headers variable: `h.traceparent = …`, `h['x-request-id'] = …`, `h.set(name, …)`, `Object.assign(h, …)`, `h = …`. */
  private fromWrite(identifier: TSESTree.Identifier, depth: number): HeadersVerdict {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return this.fromHeaders(parent.right, depth + 1);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const name = getStaticMemberName(parent) ?? this.readComputedMember(parent);
      const grand = parent.parent;
      if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
        return name !== undefined && this.traceHeaders.has(normalizeHeaderName(name)) ? { kind: 'header', header: name } : name === undefined ? UNKNOWN : NONE;
      }
      if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && name !== undefined && HEADER_SETTERS.has(name)) {
        const header = grand.arguments[0] ? getStaticValueOf(this.context, grand.arguments[0])?.value : undefined;
        if (typeof header !== 'string') return UNKNOWN;
        return this.traceHeaders.has(normalizeHeaderName(header)) ? { kind: 'header', header } : NONE;
      }
      return NONE;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier)) {
      const callee = parent.callee;
      const isAssign = callee.type === AST_NODE_TYPES.MemberExpression && getStaticMemberName(callee) === 'assign' && parent.arguments[0] === identifier;
      if (isAssign) return parent.arguments.slice(1).reduce<HeadersVerdict>((verdict, source) => best(verdict, this.fromHeaders(source, depth + 1)), NONE);
      // Handed to a function that may add headers to it.
      return UNKNOWN;
    }
    return NONE;
  }

  /** `[['traceparent', value], …]`, the entries form fetch accepts. */
  private fromEntries(array: TSESTree.ArrayExpression): HeadersVerdict {
    let verdict: HeadersVerdict = NONE;
    for (const element of array.elements) {
      if (element?.type !== AST_NODE_TYPES.ArrayExpression) return UNKNOWN;
      const name = element.elements[0] ? getStaticValueOf(this.context, element.elements[0])?.value : undefined;
      if (typeof name !== 'string') verdict = UNKNOWN;
      else if (this.traceHeaders.has(normalizeHeaderName(name))) return { kind: 'header', header: name };
    }
    return verdict;
  }

  fromKeys(keys: readonly string[]): HeadersVerdict {
    const header = keys.find((key) => this.traceHeaders.has(normalizeHeaderName(key)));
    return header ? { kind: 'header', header } : NONE;
  }

  private readComputedKey(property: TSESTree.Property): string | undefined {
    if (!property.computed) return undefined;
    const value = getStaticValueOf(this.context, property.key)?.value;
    return typeof value === 'string' ? value : undefined;
  }

  private readComputedMember(member: TSESTree.MemberExpression): string | undefined {
    if (!member.computed) return undefined;
    const value = getStaticValueOf(this.context, member.property)?.value;
    return typeof value === 'string' ? value : undefined;
  }
}

/** Carrying the context beats not knowing, which beats carrying none. */
export function best(left: HeadersVerdict, right: HeadersVerdict): HeadersVerdict {
  const rank = (verdict: HeadersVerdict): number => (verdict.kind === 'none' ? 0 : verdict.kind === 'unknown' ? 1 : 2);
  return rank(right) > rank(left) ? right : left;
}
