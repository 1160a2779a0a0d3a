/**
 * Access logs in the linted file: pino-http, morgan, express-winston, koa-logger and nestjs-pino
 * middleware made here; fastify made with its request log on (`logger: true`, a logger's options or
 * instance, unless `disableRequestLogging: true`); and a hand-written middleware or interceptor that reads
 * the method, the response status and a clock and writes a line (a logger's level method, console, a
 * stream's `write`, a function named for logging), including one written in a framework's after-response
 * hook (fastify `addHook('onResponse', fn)`). One that only tags a span or feeds a metric is not a log.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { consoleLogger } from '../../../knowledge/logging/console.js';
import { LOGGER_LIBRARIES } from '../../../knowledge/logging/index.js';
import { ACCESS_LOGS, handWrittenAccessLog } from '../../../knowledge/tracing/access-logs.js';
import type { AccessLogSpec } from '../../../knowledge/tracing/types.js';
import { findProperty } from '../../ast/find-property.js';
import { CALL, ESM, findLibraryReferences, READ, type TraceMap, type TraceMapElement } from '../../ast/library-references.js';
import { getStaticValueOf } from '../../ast/static-value.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { AnyRuleContext } from '../../family/create-collector.js';
import type { FileIndex } from '../../family/file-index.js';
import type { HandlerScope } from '../model.js';
import type { HttpServer } from './request-handlers.js';
import { getStaticMemberName } from './syntax.js';

export interface AccessLog {
  readonly library: string;
  readonly node: TSESTree.Node;
  readonly logsDuration: boolean;
}

const ACCESS_LOG_TRACE_MAP: TraceMap<AccessLogSpec> = createAccessLogTraceMap();
const APP_OPTION_LOGS: readonly AccessLogSpec[] = ACCESS_LOGS.filter((spec) => spec.kind === 'app-option');
const STATUS: ReadonlySet<string> = new Set(handWrittenAccessLog.statusProperties);
const METHOD: ReadonlySet<string> = new Set(handWrittenAccessLog.methodProperties);
const DURATION: ReadonlySet<string> = new Set(handWrittenAccessLog.durationProperties);
/** Methods that write a log line: every modelled logger's level methods, console's, and a stream's `write`. */
const WRITE_METHODS: ReadonlySet<string> = new Set([...LOGGER_LIBRARIES, consoleLogger].flatMap((library) => library.logMethods).concat(handWrittenAccessLog.writeMethods));

export function findAccessLogs(context: AnyRuleContext, index: FileIndex, servers: readonly HttpServer[], handlers: readonly HandlerScope[]): AccessLog[] {
  const found: AccessLog[] = [];
  for (const reference of findLibraryReferences(context, ACCESS_LOG_TRACE_MAP)) {
    const spec = reference.info;
    found.push({ library: spec.name, node: reference.node, logsDuration: spec.durationByFormat ? logsDurationInFormat(context, reference.node, spec.durationByFormat) : spec.logsDuration });
  }
  for (const server of servers) {
    const spec = APP_OPTION_LOGS.find((candidate) => candidate.framework === server.framework);
    if (!spec || server.node.type !== AST_NODE_TYPES.CallExpression) continue;
    if (turnsOnRequestLog(context, spec, server.node.arguments[0])) found.push({ library: spec.name, node: server.node, logsDuration: spec.logsDuration });
  }
  const logged = new Set<TSESTree.Node>();
  for (const handler of handlers) {
    if (handler.kind !== 'request') continue;
    const reads = readResponseLine(context, handler.function.body);
    if (reads.status && reads.method && reads.clock && reads.writes) {
      logged.add(handler.function);
      found.push({ library: 'hand-written', node: handler.function, logsDuration: true });
    }
  }
  // `res.on('finish', () => log(req.method, res.statusCode))` in a middleware however it is registered, and
  // `fastify.addHook('onResponse', (request, reply) => log(request.method, reply.statusCode))`.
  for (const call of index.nodesOfType(AST_NODE_TYPES.CallExpression)) {
    const hook = getResponseHook(call);
    const listener = hook ?? getFinishListener(call);
    const middleware = hook ?? (listener && findEnclosingFunction(call));
    if (!middleware || logged.has(middleware)) continue;
    const reads = readResponseLine(context, middleware.body);
    if (reads.status && reads.method && reads.writes) {
      logged.add(middleware);
      found.push({ library: 'hand-written', node: middleware, logsDuration: reads.clock });
    }
  }
  return found;
}

/** `res.on('finish', fn)` / `res.once('close', fn)`: the listener. */
function getFinishListener(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getStaticMemberName(callee);
  const event = call.arguments[0];
  if ((method !== 'on' && method !== 'once') || event?.type !== AST_NODE_TYPES.Literal || !(handWrittenAccessLog.finishEvents as readonly unknown[]).includes(event.value)) return undefined;
  return call.arguments[1];
}

/** `app.addHook('onResponse', fn)`: the hook, when it is written inline. */
function getResponseHook(call: TSESTree.CallExpression): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticMemberName(callee) !== handWrittenAccessLog.responseHooks.method) return undefined;
  const [event, hook] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || !(handWrittenAccessLog.responseHooks.names as readonly unknown[]).includes(event.value)) return undefined;
  return hook?.type === AST_NODE_TYPES.ArrowFunctionExpression || hook?.type === AST_NODE_TYPES.FunctionExpression ? hook : undefined;
}

function findEnclosingFunction(node: TSESTree.Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
  }
  return undefined;
}

function turnsOnRequestLog(context: AnyRuleContext, spec: AccessLogSpec, options: TSESTree.Node | undefined): boolean {
  const off = spec.turnedOffBy === undefined ? undefined : findProperty(context, options, spec.turnedOffBy);
  if (off?.kind === 'found' && off.value?.value === true) return false;
  return spec.names.some((name) => {
    const lookup = findProperty(context, options, name);
    if (lookup.kind === 'unknown') return true;
    if (lookup.kind !== 'found') return false;
    const value = lookup.value?.value;
    return value === undefined || (value !== false && value !== null && value !== 0 && value !== '');
  });
}

/** `morgan('combined')` logs no duration; 'dev', 'short', 'tiny' and formats with `:response-time` do. */
function logsDurationInFormat(context: AnyRuleContext, call: TSESTree.Node, formats: NonNullable<AccessLogSpec['durationByFormat']>): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) return false;
  const format = getStaticValueOf(context, call.arguments[0])?.value;
  if (typeof format !== 'string') return true;
  return formats.timedFormats.includes(format) || formats.timedTokens.some((token) => format.includes(token));
}

/** What a middleware or interceptor reads (the request method, the response status, a clock) and whether it writes a line. */
function readResponseLine(context: AnyRuleContext, body: TSESTree.Node): { status: boolean; method: boolean; clock: boolean; writes: boolean } {
  let status = false;
  let method = false;
  let clock = false;
  let writes = false;
  walkDescendants(context, body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && writesLine(node)) writes = true;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticMemberName(node);
      if (name !== undefined && STATUS.has(name)) status = true;
      if (name !== undefined && METHOD.has(name)) method = true;
      if (name !== undefined && DURATION.has(name)) clock = true;
      if (node.object.type === AST_NODE_TYPES.Identifier && name !== undefined && handWrittenAccessLog.timers.some(([object, property]) => node.object.type === AST_NODE_TYPES.Identifier && node.object.name === object && property === name)) clock = true;
    }
    if (node.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern && !node.computed && node.key.type === AST_NODE_TYPES.Identifier) {
      // `const { method, path } = req`
      if (METHOD.has(node.key.name)) method = true;
      if (STATUS.has(node.key.name)) status = true;
    }
    return !(status && method && clock && writes);
  });
  return { status, method, clock, writes };
}

/** `log.info(…)`, `console.log(…)`, `process.stdout.write(…)`, `logRequest(…)`: a call that writes a line. */
function writesLine(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return handWrittenAccessLog.logFunctionName.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticMemberName(callee);
  return name !== undefined && WRITE_METHODS.has(name);
}

function createAccessLogTraceMap(): TraceMap<AccessLogSpec> {
  const map: TraceMap<AccessLogSpec> = {};
  for (const spec of ACCESS_LOGS) {
    if (spec.kind === 'app-option') continue;
    const element: TraceMapElement<AccessLogSpec> = { [ESM]: true };
    for (const name of spec.names) {
      // A module is used, not called: `LoggerModule.forRoot(…)` in a module's imports.
      const made: TraceMapElement<AccessLogSpec> = spec.kind === 'module' ? { [READ]: spec } : { [CALL]: spec };
      if (name === 'default') Object.assign(element, made, { default: made });
      else element[name] = made;
    }
    for (const name of spec.packages) map[name] = element;
  }
  return map;
}
