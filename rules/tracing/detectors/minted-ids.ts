/**
 * Fresh ids (`randomUUID()`, `uuid.v4()`, `nanoid()`, `randomBytes(16).toString('hex')`) and what each is
 * used as: a trace or correlation id when it is stored or sent under such a name (`const traceId = …`,
 * `{ 'x-request-id': … }`, `res.setHeader('x-request-id', …)`, returned from pino-http's `genReqId`). An id
 * minted only when the incoming one is missing (`incoming ?? randomUUID()`, a default value, a branch) is
 * a fallback and fine.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { ID_MINTERS, webCrypto } from '../../../knowledge/tracing/id-minters.js';
import { normalizeHeaderName, normalizeIdName, traceIdNames } from '../../../knowledge/tracing/trace-context.js';
import { findUndeclaredReferences } from '../../ast/find-undeclared-references.js';
import { CALL, ESM, findLibraryReferences, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import { getPropertyKey, getStaticMemberName } from './syntax.js';

export interface MintCall {
  readonly node: TSESTree.CallExpression;
  readonly minter: string;
}

/** How a minted id is used: under a trace-id name, as a fallback, or for something else. */
export type MintUse = { readonly kind: 'trace-id'; readonly name: string } | { readonly kind: 'fallback' } | { readonly kind: 'other' };

/** Options of request-id middleware whose function returns each request's id (pino-http, nestjs-cls). */
export const REQUEST_ID_GENERATORS: ReadonlySet<string> = new Set(['genReqId', 'idGenerator']);

const TRACE_ID_NAMES: ReadonlySet<string> = new Set(traceIdNames.names);
/** Calls that turn an id into another form of the same id (`.toString('hex')`, `.replace(/-/g, '')`). */
const REFORMATTERS: ReadonlySet<string> = new Set(['toString', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'toUpperCase', 'toLowerCase', 'padStart', 'join']);
const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'set', 'header', 'append']);

const MINTER_TRACE_MAP: TraceMap<string> = createMinterTraceMap();

export function findMintCalls(context: AnyRuleContext): MintCall[] {
  const found = findLibraryReferences(context, MINTER_TRACE_MAP).map((reference) => ({ node: reference.node as TSESTree.CallExpression, minter: reference.info }));
  for (const identifier of findUndeclaredReferences(context, [...webCrypto.packages])) {
    const member = identifier.parent;
    const call = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && getStaticMemberName(member) === 'randomUUID' && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
      found.push({ node: call, minter: 'crypto.randomUUID()' });
    }
  }
  return found.sort((left, right) => left.node.range[0] - right.node.range[0]);
}

/** What the minted id becomes, climbing from the call through reformatting to where it is stored or sent. */
export function describeMintUse(context: AnyRuleContext, call: TSESTree.CallExpression, traceHeaders: ReadonlySet<string>): MintUse {
  const isTraceName = (name: string | undefined): boolean => name !== undefined && (TRACE_ID_NAMES.has(normalizeIdName(name)) || traceHeaders.has(normalizeHeaderName(name)));
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return { kind: 'other' };
    switch (parent.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        // `00-${traceId}-${newSpanId}-01`: a fresh span id beside the incoming trace id continues the trace.
        if (parent.expressions.length > 1) return { kind: 'other' };
        node = parent;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.ChainExpression:
        node = parent;
        continue;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return { kind: 'other' };
        node = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        const reformat: TSESTree.Node | undefined = parent.parent;
        const name = getStaticMemberName(parent);
        if (parent.object !== node || name === undefined || !REFORMATTERS.has(name) || reformat?.type !== AST_NODE_TYPES.CallExpression || reformat.callee !== parent) return { kind: 'other' };
        node = reformat;
        continue;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return parent.right === node ? { kind: 'fallback' } : { kind: 'other' };
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === node ? { kind: 'other' } : { kind: 'fallback' };
      case AST_NODE_TYPES.AssignmentPattern:
        return { kind: 'fallback' };
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.id.type === AST_NODE_TYPES.Identifier && isTraceName(parent.id.name) ? { kind: 'trace-id', name: parent.id.name } : { kind: 'other' };
      case AST_NODE_TYPES.Property: {
        if (parent.value !== node) return { kind: 'other' };
        const key = getPropertyKey(parent);
        if (key !== undefined && REQUEST_ID_GENERATORS.has(key)) return { kind: 'trace-id', name: key };
        return isTraceName(key) ? { kind: 'trace-id', name: key! } : { kind: 'other' };
      }
      case AST_NODE_TYPES.AssignmentExpression:
        return describeAssignment(context, parent, node, isTraceName);
      case AST_NODE_TYPES.CallExpression: {
        const callee = parent.callee;
        const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticMemberName(callee) : undefined;
        if (method === undefined || !HEADER_SETTERS.has(method) || parent.arguments[1] !== node || !parent.arguments[0]) return { kind: 'other' };
        const header = getStaticValueOf(context, parent.arguments[0])?.value;
        return typeof header === 'string' && isTraceName(header) ? { kind: 'trace-id', name: header } : { kind: 'other' };
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ReturnStatement: {
        const generator = findGeneratorOption(parent);
        if (!generator) return { kind: 'other' };
        // A generator that looks at the request (its incoming id header, the active span) mints only as a fallback.
        return readsItsRequest(context, generator.function) ? { kind: 'fallback' } : { kind: 'trace-id', name: generator.name };
      }
      default:
        return { kind: 'other' };
    }
  }
}

/** `traceId = uuid()`, `req.headers['x-request-id'] = uuid()`, `ctx.state.requestId ??= uuid()`, inside `if (!traceId)`. */
function describeAssignment(context: AnyRuleContext, assignment: TSESTree.AssignmentExpression, node: TSESTree.Node, isTraceName: (name: string | undefined) => boolean): MintUse {
  if (assignment.right !== node) return { kind: 'other' };
  if (assignment.operator === '??=' || assignment.operator === '||=') return { kind: 'fallback' };
  const left = assignment.left;
  const name = left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? (getStaticMemberName(left) ?? readComputed(context, left)) : undefined;
  if (!isTraceName(name)) return { kind: 'other' };
  // `if (!traceId) traceId = uuid()`: minted only where the incoming one is missing.
  const guard = findEnclosingIf(assignment);
  if (guard && context.sourceCode.getText(guard.test).includes(context.sourceCode.getText(left).split('[')[0]!.split('.').at(-1)!)) return { kind: 'fallback' };
  return { kind: 'trace-id', name: name! };
}

function readComputed(context: AnyRuleContext, member: TSESTree.MemberExpression): string | undefined {
  const value = member.computed ? getStaticValueOf(context, member.property)?.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

function findEnclosingIf(node: TSESTree.Node): TSESTree.IfStatement | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  for (let depth = 0; current && depth < 4; depth += 1, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement) return current;
  }
  return undefined;
}

/** The request-id generator option a function is the value of (`genReqId: () => randomUUID()`), if any. */
function findGeneratorOption(node: TSESTree.Node): { name: string; function: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression } | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.ArrowFunctionExpression && current.type !== AST_NODE_TYPES.FunctionExpression) current = current.parent;
  const property = current?.parent;
  if (!current || property?.type !== AST_NODE_TYPES.Property || property.value !== current) return undefined;
  const key = getPropertyKey(property);
  return key !== undefined && REQUEST_ID_GENERATORS.has(key) ? { name: key, function: current } : undefined;
}

function readsItsRequest(context: AnyRuleContext, fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): boolean {
  const parameter = fn.params[0];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return parameter !== undefined;
  const variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
  return (variable?.references.length ?? 0) > 0;
}

function createMinterTraceMap(): TraceMap<string> {
  const map: TraceMap<string> = {};
  for (const spec of ID_MINTERS) {
    const element: TraceMapElement<string> = { [ESM]: true };
    for (const path of spec.exportPaths) {
      let cursor = element;
      for (const name of path.slice(0, -1)) cursor = (cursor[name] ??= {}) as TraceMapElement<string>;
      const last = path.at(-1)!;
      cursor[last] = { [CALL]: `${last}()` };
    }
    for (const name of spec.packages) map[name] = element;
  }
  return map;
}
