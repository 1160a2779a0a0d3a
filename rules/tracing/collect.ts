/**
 * The tracing family's one entry: finds, once per file, the handlers, the outbound calls made while
 * handling them with how each carries the trace context, and the trace ids minted fresh; records the
 * inventory (outbound clients and whether they propagate, tracing set up, HTTP apps and access logs).
 * Cheap first: a file that shows no handler, no client, no tracing setup and no access log needs no walk.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import { normalizeHeaderName } from '../../knowledge/tracing/trace-context.js';
import type { OutboundLibraryName } from '../../knowledge/tracing/types.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { getPolicy, type InventoryFact } from '../create-rule.js';
import { createCollector, isRecordingFacts, type AnyRuleContext, type Detected, type LocatedFacts } from '../family/create-collector.js';
import type { FileIndex } from '../family/file-index.js';
import { findAccessLogs } from './detectors/access-logs.js';
import { findCalledHelpers } from './detectors/called-helpers.js';
import { findConsumerHandlers } from './detectors/consumer-handlers.js';
import { isDevelopmentOnly } from './detectors/development-only.js';
import { describeClient, describeInstance, describeRequestHeaders, findHttp, getOutboundLibrary, getRequestHost } from './detectors/http-calls.js';
import { describeMintUse, findMintCalls, REQUEST_ID_GENERATORS } from './detectors/minted-ids.js';
import { findInjections } from './detectors/injections.js';
import { findLocalTracingModules } from './detectors/local-tracing-modules.js';
import { findProducerCalls } from './detectors/producer-calls.js';
import { findRequestHandlers } from './detectors/request-handlers.js';
import { contains } from './detectors/syntax.js';
import { findCoveringSetup, findTracingSetups, type TracingSetup } from './detectors/tracing-setups.js';
import { IncomingContext } from './incoming.js';
import type { HandlerScope, OutboundCall, Propagation, TracingModel } from './model.js';
import { OutgoingHeaders, type HeadersVerdict } from './outgoing-headers.js';

type Fact = LocatedFacts[number];

/** Words that a file with request or message handlers contains. */
const HANDLER_TEXT = /\b(?:req|request|ctx|context|eachMessage|eachBatch|consume|Worker|Controller|intercept|EventPattern|MessagePattern|Processor|RequestHandler|genReqId|idGenerator)\b/;
/** Words that a file with an outbound call or a minted id contains. */
const OUTBOUND_TEXT = /fetch|axios|got|ky|superagent|undici|request|http|send|publish|sendToQueue|randomUUID|uuid|nanoid|randomBytes/;
const HTTP_TEXT = /fetch|axios|got|ky|superagent|undici|http/;
/** Words that a file holding an inventory fact of the family contains. */
const FACT_TEXT = /express|fastify|koa|NestFactory|opentelemetry|dd-trace|morgan|pino-http|winston|nestjs-pino|koa-logger|statusCode|axios|got|ky|superagent/;

export const collectTracing = createCollector<TracingModel>(detectTracing);

function detectTracing(context: AnyRuleContext, index: FileIndex): Detected<TracingModel> {
  const text = context.sourceCode.text;
  const mayHandle = HANDLER_TEXT.test(text) && OUTBOUND_TEXT.test(text);
  // With type information a client imported from another module needs no library name in this file.
  const typed = getTypeServices(context) !== undefined;
  const recording = isRecordingFacts(context);
  const httpText = HTTP_TEXT.test(text);
  // Without handlers a plain untyped run has only HTTP requests to judge (the cheap check below), and the
  // words of the inventory's facts are not needed.
  if (!mayHandle && ((!recording && !typed && !httpText) || !FACT_TEXT.test(text))) return { models: [] };
  const producers = mayHandle ? findProducerCalls(context, index) : [];
  const mints = mayHandle ? findMintCalls(context) : [];
  // Cheap first, where no inventory is wanted (a plain ESLint run): a file that sends nothing and mints no
  // id has nothing to judge, whatever its handlers.
  if (!recording && (httpText || !typed) && producers.length === 0 && mints.length === 0 && (!httpText || findHttp(context).requests.length === 0)) {
    return { models: [] };
  }

  const traceHeaders = new Set(getPolicy(context).tracing.headers.map(normalizeHeaderName));
  const facts: Fact[] = [];
  const setups = findTracingSetups(context, index);
  // The service's own tracing module loaded first thing: its setups where they can be read, else doubt.
  const localModules = mayHandle ? findLocalTracingModules(context, index) : [];
  const coveringSetups = [...setups, ...localModules.flatMap((module) => module.setups ?? [])];
  const unreadSetup = localModules.some((module) => module.setups === undefined);
  const { handlers: requestHandlers, servers } = findRequestHandlers(context, index);
  const handlers = [...requestHandlers, ...(mayHandle ? findConsumerHandlers(context, index) : [])];
  // What a handler's helper sends, the handler sends: checked where no handler encloses the call itself.
  const helpers = mayHandle ? findCalledHelpers(context, index, handlers) : [];
  // Code that runs only outside production (`if (process.env.NODE_ENV === 'development')`) handles no traced traffic.
  const findScope = (node: TSESTree.Node): HandlerScope | undefined => (isDevelopmentOnly(node) ? undefined : (findHandler(handlers, node) ?? findHandler(helpers, node)));
  for (const setup of setups) facts.push({ node: setup.node, fact: describeSetup(setup) });
  for (const server of servers) facts.push({ node: server.node, fact: { kind: 'http-server', library: server.framework, properties: {} } });
  // Access logs and what each client instance propagates are inventory only: a plain ESLint run skips them.
  if (recording) {
    for (const log of findAccessLogs(context, index, servers, requestHandlers)) facts.push({ node: log.node, fact: { kind: 'access-log', library: log.library, properties: { duration: log.logsDuration } } });
  }

  const mayCallHttp = httpText || (handlers.length > 0 && typed);
  const usage = mayCallHttp ? findHttp(context) : undefined;
  const injections = findInjections(context);
  const models: TracingModel[] = [];
  const incomingByHandler = new Map<HandlerScope, IncomingContext>();
  const readerFor = (handler: HandlerScope | undefined): OutgoingHeaders => {
    let incoming = handler ? incomingByHandler.get(handler) : undefined;
    if (handler && !incoming) incomingByHandler.set(handler, (incoming = new IncomingContext(context, handler, traceHeaders)));
    return new OutgoingHeaders(context, incoming, traceHeaders, injections.carriers);
  };
  const judge = (library: OutboundLibraryName, node: TSESTree.CallExpression, handler: HandlerScope, own: () => HeadersVerdict, client: () => Propagation, host?: string): OutboundCall => {
    const setup = findCoveringSetup(coveringSetups, library);
    let propagation: Propagation;
    if (setup) propagation = { kind: 'instrumentation', setup: setup.spec.name };
    else if (injections.calls.some((call) => contains(handler.function, call))) propagation = { kind: 'inject' };
    else propagation = combine(own(), client);
    if (propagation.kind === 'none' && unreadSetup) propagation = { kind: 'unknown' };
    return { kind: 'outbound-call', library, node, handler, propagation, host };
  };

  if (usage) {
    if (recording) {
      for (const instance of usage.instances) {
        const verdict = describeInstance(context, usage, instance, traceHeaders, readerFor(undefined));
        facts.push({ node: instance.node, fact: { kind: 'outbound-client', library: getOutboundLibrary(instance), properties: { propagates: verdict.kind === 'unknown' ? null : verdict.kind === 'client', via: verdict.kind === 'client' ? verdict.how : null, handler: null, host: null } } });
      }
    }
    for (const request of usage.requests) {
      const handler = findScope(request.node);
      if (!handler) continue;
      const reader = readerFor(handler);
      const own = (): HeadersVerdict => describeRequestHeaders(context, request, reader);
      const client = (): Propagation => describeClient(context, usage, request.origin, traceHeaders, reader);
      models.push(judge(getOutboundLibrary(request), request.node, handler, own, client, getRequestHost(context, request)));
    }
  }
  if (mayHandle) {
    for (const producer of producers) {
      const handler = findScope(producer.node);
      if (handler) models.push(judge(producer.library, producer.node, handler, () => producer.headers(readerFor(handler)), () => ({ kind: 'none' })));
    }
    for (const mint of mints) {
      const handler = findHandler(handlers, mint.node);
      const use = describeMintUse(context, mint.node, traceHeaders);
      // Outside a handler only a request-id generator (`genReqId`) mints per request.
      if (use.kind === 'trace-id' && (handler || REQUEST_ID_GENERATORS.has(use.name))) models.push({ kind: 'minted-id', node: mint.node, minter: mint.minter, usedAs: use.name, handler });
    }
  }
  for (const model of models) {
    if (model.kind === 'outbound-call') facts.push({ node: model.node, fact: describeOutboundCall(model) });
  }
  return { models: models.sort((left, right) => left.node.range[0] - right.node.range[0]), facts };
}

/** The call's own headers decide when they carry the context; otherwise the client it goes through. */
function combine(own: HeadersVerdict, client: () => Propagation): Propagation {
  if (own.kind !== 'none' && own.kind !== 'unknown') return own;
  const through = client();
  if (through.kind === 'client') return through;
  return own.kind === 'unknown' || through.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'none' };
}

/** The innermost handler a node is written in. */
function findHandler(handlers: readonly HandlerScope[], node: TSESTree.Node): HandlerScope | undefined {
  let found: HandlerScope | undefined;
  for (const handler of handlers) {
    if (contains(handler.function, node) && (!found || contains(found.function, handler.function))) found = handler;
  }
  return found;
}

function describeOutboundCall(call: OutboundCall): InventoryFact {
  const propagation = call.propagation;
  const propagates = propagation.kind === 'unknown' ? null : propagation.kind !== 'none';
  const via =
    propagation.kind === 'header' ? propagation.header : propagation.kind === 'client' ? propagation.how : propagation.kind === 'instrumentation' ? propagation.setup : propagation.kind === 'none' || propagation.kind === 'unknown' ? null : propagation.kind;
  return { kind: 'outbound-client', library: call.library, properties: { propagates, via, handler: call.handler.description, host: call.host ?? null } };
}

function describeSetup(setup: TracingSetup): InventoryFact {
  const instruments = setup.instruments === 'all' ? 'all' : [...setup.instruments].sort().join(',');
  return { kind: 'tracing-setup', library: setup.spec.packages[0]!, properties: { setup: setup.spec.name, instruments } };
}
