/**
 * Outbound HTTP: the requests and clients the http family finds in the file (fetch, axios and its
 * instances, got, ky, superagent, node:http, undici), and for each client whether it puts trace context on
 * every request it sends: default headers, a request interceptor, a `beforeRequest` hook, an agent's
 * `.set(…)`. The tracing family reads the http family's model; it never detects requests itself.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { normalizeHeaderName } from '../../../knowledge/tracing/trace-context.js';
import type { OutboundLibraryName } from '../../../knowledge/tracing/types.js';
import { findProperty } from '../../ast/find-property.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { unwrapExpression } from '../../ast/unwrap-expression.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import { collectHttpUsage } from '../../http/collect.js';
import type { ClientOrigin, ClientUse, HttpInstance, HttpRequest, HttpUsage } from '../../http/model.js';
import { followRequestChain } from '../../http/request-chain.js';
import type { TypedClient } from '../../http/typed-clients.js';
import { describeInjection, describeInjectionText, type Injection } from '../injecting-function.js';
import type { OutgoingHeaders, HeadersVerdict } from '../outgoing-headers.js';
import { best } from '../outgoing-headers.js';

/** A client's verdict: it injects on every request (and how), it may, or it does not. */
export type ClientPropagation = { readonly kind: 'client'; readonly how: string } | { readonly kind: 'unknown' } | { readonly kind: 'none' };

/** The http family's requests and clients in the file, found once and shared with its rules. */
export function findHttp(context: AnyRuleContext): HttpUsage {
  return collectHttpUsage(context);
}

export function getOutboundLibrary(request: HttpRequest | HttpInstance): OutboundLibraryName {
  return request.library.spec.name as OutboundLibraryName;
}

/** What a request's own options (or superagent's `.set(…)` chain) send. */
export function describeRequestHeaders(context: AnyRuleContext, request: HttpRequest, headers: OutgoingHeaders): HeadersVerdict {
  const headersOption = request.library.spec.headersOption;
  if (!headersOption) return describeChain(context, request, headers);
  const index = request.function.optionsArgument;
  if (index === undefined) return { kind: 'unknown' };
  const args = request.node.arguments;
  if (args.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'unknown' };
  const previous = index > 0 ? args[index - 1] : undefined;
  // `axios(config)`, `got({ url, headers })`: the options in the URL's place.
  const options = args[index] ?? (request.function.urlOptional && previous && unwrapExpression(previous).type !== AST_NODE_TYPES.Literal && unwrapExpression(previous).type !== AST_NODE_TYPES.TemplateLiteral ? previous : undefined);
  return headers.fromOptions(options, headersOption);
}

function describeChain(context: AnyRuleContext, request: HttpRequest, headers: OutgoingHeaders): HeadersVerdict {
  const chain = followRequestChain(context, request.node);
  let verdict: HeadersVerdict = chain.escapes ? { kind: 'unknown' } : { kind: 'none' };
  for (const call of chain.calls) {
    if (call.name !== 'set') continue;
    const [first] = call.node.arguments;
    if (!first) continue;
    const name = getStaticValueOf(context, first)?.value;
    verdict = best(verdict, typeof name === 'string' ? headers.fromKeys([name]) : headers.fromHeaders(first));
  }
  return verdict;
}

/** Whether the client a request goes through puts trace context on it. */
export function describeClient(context: AnyRuleContext, usage: HttpUsage, origin: ClientOrigin, traceHeaders: ReadonlySet<string>, headers: OutgoingHeaders): ClientPropagation {
  if (origin.kind === 'library') return describeUses(context, usage.libraryUses.get(origin.library) ?? [], traceHeaders, `${origin.library.spec.name} interceptor`);
  if (origin.kind === 'typed') return describeTypedClient(origin.client, traceHeaders);
  return describeInstance(context, usage, origin.instance, traceHeaders, headers);
}

export function describeInstance(context: AnyRuleContext, usage: HttpUsage, instance: HttpInstance, traceHeaders: ReadonlySet<string>, headers: OutgoingHeaders): ClientPropagation {
  const own = [fromDefaults(instance, headers), fromHooks(context, instance, traceHeaders), describeUses(context, instance.uses, traceHeaders, 'request interceptor')];
  const parent = describeClient(context, usage, instance.parent, traceHeaders, headers);
  return [...own, parent].reduce<ClientPropagation>((left, right) => (rank(right) > rank(left) ? right : left), { kind: 'none' });
}

function fromDefaults(instance: HttpInstance, headers: OutgoingHeaders): ClientPropagation {
  const headersOption = instance.library.spec.headersOption;
  if (!instance.options || !headersOption) return { kind: 'none' };
  const verdict = headers.fromOptions(instance.options, headersOption);
  if (verdict.kind === 'none' || verdict.kind === 'unknown') return { kind: 'none' };
  return { kind: 'client', how: 'default headers' };
}

/** got and ky: `hooks: { beforeRequest: [fn] }` in the instance options. */
function fromHooks(context: AnyRuleContext, instance: HttpInstance, traceHeaders: ReadonlySet<string>): ClientPropagation {
  const hooks = findProperty(context, instance.options, 'hooks');
  if (hooks.kind !== 'found' || !hooks.node) return { kind: 'none' };
  const beforeRequest = findProperty(context, hooks.node, 'beforeRequest');
  if (beforeRequest.kind !== 'found' || !beforeRequest.node) return beforeRequest.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'none' };
  const list = unwrapExpression(beforeRequest.node);
  const functions = list.type === AST_NODE_TYPES.ArrayExpression ? list.elements : [list];
  return fromFunctions(context, functions, traceHeaders, 'beforeRequest hook');
}

function describeUses(context: AnyRuleContext, uses: readonly ClientUse[], traceHeaders: ReadonlySet<string>, how: string): ClientPropagation {
  let verdict: ClientPropagation = { kind: 'none' };
  for (const use of uses) {
    let found: ClientPropagation = { kind: 'none' };
    if (use.kind === 'request-interceptor') found = fromFunctions(context, [use.node.arguments[0]], traceHeaders, how);
    else if (use.kind === 'defaults-write' && use.path.some((name) => name !== undefined && traceHeaders.has(normalizeHeaderName(name)))) found = { kind: 'client', how: 'default headers' };
    else if (use.kind === 'method' && use.name === 'set') {
      const name = use.node.arguments[0] ? getStaticValueOf(context, use.node.arguments[0])?.value : undefined;
      if (typeof name === 'string' && traceHeaders.has(normalizeHeaderName(name))) found = { kind: 'client', how: 'agent headers' };
    }
    if (rank(found) > rank(verdict)) verdict = found;
  }
  return verdict;
}

function fromFunctions(context: AnyRuleContext, nodes: readonly (TSESTree.Node | null | undefined)[], traceHeaders: ReadonlySet<string>, how: string): ClientPropagation {
  let injection: Injection = 'no';
  for (const node of nodes) {
    if (!node) continue;
    const fn = resolveFunction(context, node);
    // A function this file does not show (imported, passed in) may inject: the benefit of the doubt.
    const found: Injection = fn ? describeInjection(context, fn, traceHeaders) : 'maybe';
    if (found === 'injects') return { kind: 'client', how };
    if (found === 'maybe') injection = 'maybe';
  }
  return injection === 'maybe' ? { kind: 'unknown' } : { kind: 'none' };
}

/** A client made in another module: its interceptors, hooks and default headers there, read from their text. */
function describeTypedClient(client: TypedClient, traceHeaders: ReadonlySet<string>): ClientPropagation {
  const creation = client.creation?.creation;
  if (!creation) return { kind: 'unknown' };
  if (creation.writes.some((write) => write.memberPath.some((name) => name !== undefined && traceHeaders.has(normalizeHeaderName(name))))) return { kind: 'client', how: 'default headers' };
  let verdict: ClientPropagation = { kind: 'none' };
  const optionsText = creation.options?.getText() ?? '';
  if (/\bhooks\b/.test(optionsText) || describeInjectionText(optionsText, traceHeaders) === 'injects') verdict = { kind: 'unknown' };
  if (creation.options === undefined && creation.arguments.length > 0) verdict = { kind: 'unknown' };
  for (const attachment of creation.attachments) {
    if (attachment.position !== 'receiver' || attachment.memberPath.join('.') !== 'interceptors.request.use') continue;
    const interceptor = attachment.node.arguments[0];
    // An interceptor defined elsewhere (a name, not a function written here) may inject.
    const injection = interceptor && /=>|function/.test(interceptor.getText()) ? describeInjectionText(interceptor.getText(), traceHeaders) : 'maybe';
    if (injection === 'injects') return { kind: 'client', how: 'request interceptor' };
    if (injection === 'maybe') verdict = { kind: 'unknown' };
  }
  return verdict;
}

function rank(verdict: ClientPropagation): number {
  return verdict.kind === 'none' ? 0 : verdict.kind === 'unknown' ? 1 : 2;
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i;
const BASE_URL_OPTIONS = ['baseURL', 'prefixUrl', 'prefix'];

/** The host a request goes to, when its URL (or its client's base URL) starts with a literal scheme and host. */
export function getRequestHost(context: AnyRuleContext, request: HttpRequest): string | undefined {
  const [first] = request.node.arguments;
  const url = first ? findProperty(context, first, 'url') : undefined;
  const fromUrl = first ? (readHost(context, first) ?? (url?.kind === 'found' ? readHost(context, url.node) : undefined)) : undefined;
  if (fromUrl) return fromUrl;
  let origin: ClientOrigin = request.origin;
  while (origin.kind === 'instance') {
    for (const name of BASE_URL_OPTIONS) {
      const lookup = findProperty(context, origin.instance.options, name);
      const host = lookup.kind === 'found' ? readHost(context, lookup.node) : undefined;
      if (host) return host;
    }
    origin = origin.instance.parent;
  }
  return undefined;
}

function readHost(context: AnyRuleContext, node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const expression = unwrapExpression(node);
  const text = expression.type === AST_NODE_TYPES.TemplateLiteral ? expression.quasis[0]?.value.cooked : getStaticValueOf(context, expression)?.value;
  return typeof text === 'string' ? URL_HOST.exec(text)?.[1] : undefined;
}
