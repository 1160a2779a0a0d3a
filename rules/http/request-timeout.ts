/**
 * Whether a request or a client is bounded in time: a timeout option, an AbortSignal, instance defaults
 * (`axios.create({ timeout })`, `instance.defaults.timeout = …`, `got.extend({ timeout })`), superagent's
 * `.timeout()`, node:http's `req.setTimeout()`, or the library's own default (ky: 10 s).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { findConstInitializer, findProperty, type PropertyLookup } from '../ast/find-property.js';
import { OPAQUE } from '../ast/resolve-across-files.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import type { AgentOption, HttpLibrary } from './http-libraries.js';
import type { ClientOrigin, ClientUse, HttpInstance, HttpRequest, HttpUsage, TimeoutState } from './model.js';
import { followRequestChain } from './request-chain.js';
import { findRequestObject, getRequestOptions, type RequestOptions } from './request-options.js';
import type { TypedClient } from './typed-clients.js';

/** A request's timeout (its own, or its client's), what it sets itself, and the options it was read from. */
export interface RequestTimeout {
  readonly state: TimeoutState;
  readonly own: TimeoutState;
  readonly options: RequestOptions;
}

export interface TimeoutSettings {
  /** Whether a library's own default timeout (ky: 10 s) counts. */
  readonly allowDefaultTimeout: boolean;
}

const ABSENT: TimeoutState = { kind: 'absent' };
const UNKNOWN: TimeoutState = { kind: 'unknown' };

export class TimeoutResolver {
  private readonly instanceStates = new Map<HttpInstance, TimeoutState>();
  private readonly requestTimeouts = new Map<HttpRequest, RequestTimeout>();

  constructor(
    private readonly context: AnyRuleContext,
    private readonly usage: HttpUsage,
    private readonly settings: TimeoutSettings,
  ) {}

  /** The timeout of one request: its own options, then what it returns, then its client's defaults. */
  getRequestTimeout(request: HttpRequest): RequestTimeout {
    let timeout = this.requestTimeouts.get(request);
    if (!timeout) {
      const options = getRequestOptions(this.context, request);
      const own = this.getOwnTimeout(request, options);
      timeout = own.kind !== 'absent' ? { state: own, own, options } : { state: this.getOriginTimeout(request.origin), own, options };
      this.requestTimeouts.set(request, timeout);
    }
    return timeout;
  }

  /** The default timeout of an instance created in this file. */
  getInstanceTimeout(instance: HttpInstance): TimeoutState {
    let state = this.instanceStates.get(instance);
    if (!state) {
      this.instanceStates.set(instance, UNKNOWN);
      state = this.computeInstanceTimeout(instance);
      this.instanceStates.set(instance, state);
    }
    return state;
  }

  private getOwnTimeout(request: HttpRequest, options: RequestOptions): TimeoutState {
    const library = request.library;
    if (options.kind === 'unknown') return UNKNOWN;
    let state = options.kind === 'options' ? readOptionsTimeout(this.context, library, options.node) : ABSENT;
    if (state.kind === 'absent') {
      const requestObject = findRequestObject(this.context, request);
      if (requestObject) state = readOptionsTimeout(this.context, library, requestObject.arguments[1]);
    }
    if (state.kind === 'absent' && library.agent && options.kind === 'options') state = readAgentTimeout(this.context, library.agent, options.node);
    if (state.kind !== 'absent' || library.spec.timeoutMethods.length === 0) return state;
    return readChainedTimeout(this.context, library, request.node);
  }

  /** The default timeout of the client a request goes through. */
  getOriginTimeout(origin: ClientOrigin): TimeoutState {
    if (origin.kind === 'instance') return this.getInstanceTimeout(origin.instance);
    if (origin.kind === 'typed') return getTypedClientTimeout(origin.client, this.settings);
    return this.getLibraryTimeout(origin.library);
  }

  private getLibraryTimeout(library: HttpLibrary): TimeoutState {
    const written = readDefaultsWrite(this.context, library, this.usage.libraryUses.get(library) ?? []);
    if (written.kind !== 'absent') return written;
    return getLibraryDefault(library, this.settings);
  }

  private computeInstanceTimeout(instance: HttpInstance): TimeoutState {
    const library = instance.library;
    const written = readDefaultsWrite(this.context, library, instance.uses);
    if (written.kind !== 'absent') return written;
    const chained = readAgentMethods(this.context, library, instance.uses);
    if (chained.kind !== 'absent') return chained;
    const fromOptions = this.readFactoryOptions(instance);
    if (fromOptions.kind !== 'absent') return fromOptions;
    if (library.inheritingFactories.includes(instance.factory)) return this.getOriginTimeout(instance.parent);
    return getLibraryDefault(library, this.settings);
  }

  /** The defaults a factory is given; got's `extend` takes several options objects and instances. */
  private readFactoryOptions(instance: HttpInstance): TimeoutState {
    if (!instance.library.spec.factoriesMergeEveryArgument) return readOptionsTimeout(this.context, instance.library, instance.options);
    let result: TimeoutState = ABSENT;
    for (const argument of instance.node.arguments) {
      const state = readOptionsTimeout(this.context, instance.library, argument);
      if (state.kind === 'set' || state.kind === 'unknown') return state;
      if (state.kind === 'none') result = state;
    }
    return result;
  }
}

/**
 * What bounds a request besides its timeout and deadline options: an agent or dispatcher that sets a limit
 * (`agent: new Agent({ timeout })`), or a timeout set on the request object it returns (`req.setTimeout()`).
 */
export function readTimeoutBesideOptions(context: AnyRuleContext, request: HttpRequest, options: TSESTree.Node): TimeoutState {
  const library = request.library;
  const agent = library.agent ? readAgentTimeout(context, library.agent, options) : ABSENT;
  if (agent.kind !== 'absent' || library.spec.timeoutMethods.length === 0) return agent;
  return readChainedTimeout(context, library, request.node);
}

/** Reads the timeout and deadline options of an options object. */
export function readOptionsTimeout(context: AnyRuleContext, library: HttpLibrary, options: TSESTree.Node | undefined): TimeoutState {
  if (!options) return ABSENT;
  for (const name of library.spec.deadlineOptions) {
    const lookup = findProperty(context, options, name);
    if (lookup.kind === 'unknown') return UNKNOWN;
    if (lookup.kind === 'found' && !isNullish(lookup)) return { kind: 'set' };
  }
  const option = library.spec.timeout.option;
  if (!option) return ABSENT;
  const lookup = findProperty(context, options, option);
  if (lookup.kind === 'unknown') return UNKNOWN;
  if (lookup.kind === 'absent') return ABSENT;
  return interpretTimeoutValue(library, lookup.value, lookup.node);
}

/** A timeout value: a number of ms, `false`/`0` where the library reads it as off, got's object of phases. */
export function interpretTimeoutValue(library: HttpLibrary, found: { value: unknown } | undefined, node: TSESTree.Node | undefined): TimeoutState {
  if (!found) return { kind: 'set' };
  const value = found.value;
  if (value === undefined || value === null) return ABSENT;
  const disabledBy: readonly unknown[] = library.spec.timeout.disabledBy;
  if (disabledBy.includes(value as never)) return { kind: 'none', disabledBy: node, reason: `\`${library.spec.timeout.option ?? 'timeout'}: ${String(value)}\`` };
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return { kind: 'set', milliseconds: value };
    return { kind: 'none', disabledBy: node, reason: `\`${library.spec.timeout.option ?? 'timeout'}: ${String(value)}\`` };
  }
  if (value === OPAQUE) return { kind: 'set' };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const phases = Object.values(value as Record<string, unknown>).filter((phase) => phase !== undefined);
    if (phases.length === 0) return ABSENT;
    const numbers = phases.filter((phase): phase is number => typeof phase === 'number' && Number.isFinite(phase) && phase > 0);
    const request = (value as Record<string, unknown>).request;
    return { kind: 'set', milliseconds: typeof request === 'number' ? request : numbers.length > 0 ? Math.min(...numbers) : undefined };
  }
  return { kind: 'set' };
}

function isNullish(lookup: Extract<PropertyLookup, { kind: 'found' }>): boolean {
  return lookup.value !== undefined && (lookup.value.value === undefined || lookup.value.value === null);
}

function getLibraryDefault(library: HttpLibrary, settings: TimeoutSettings): TimeoutState {
  const milliseconds = library.spec.timeout.default;
  if (milliseconds !== undefined && settings.allowDefaultTimeout) return { kind: 'set', milliseconds };
  return { kind: 'none', reason: milliseconds === undefined ? 'no timeout' : `only ${library.name}'s default timeout` };
}

/** `client.defaults.timeout = …` (the last write wins). */
function readDefaultsWrite(context: AnyRuleContext, library: HttpLibrary, uses: readonly ClientUse[]): TimeoutState {
  const option = library.spec.timeout.option;
  let state: TimeoutState = ABSENT;
  for (const use of uses) {
    if (use.kind !== 'defaults-write' || use.path.length !== 2 || use.path[1] !== option) continue;
    const right = use.node.right;
    state = interpretTimeoutValue(library, getStaticValueOf(context, right), right);
  }
  return state;
}

/** superagent agents: `superagent.agent().timeout(5000)`, `agent.timeout({ deadline })`. */
function readAgentMethods(context: AnyRuleContext, library: HttpLibrary, uses: readonly ClientUse[]): TimeoutState {
  let state: TimeoutState = ABSENT;
  for (const use of uses) {
    if (use.kind === 'method' && library.spec.timeoutMethods.includes(use.name)) state = readTimeoutCall(context, library, use.node);
  }
  return state;
}

/** The request object a call returns: superagent's `.timeout()`, node:http's `req.setTimeout()`. */
function readChainedTimeout(context: AnyRuleContext, library: HttpLibrary, call: TSESTree.CallExpression): TimeoutState {
  const chain = followRequestChain(context, call);
  for (const chained of chain.calls) {
    if (library.spec.timeoutMethods.includes(chained.name)) return readTimeoutCall(context, library, chained.node);
    if (chained.name === 'on' && isSocketHandlerWithTimeout(context, chained.node)) return { kind: 'set' };
  }
  return chain.escapes ? UNKNOWN : ABSENT;
}

function readTimeoutCall(context: AnyRuleContext, library: HttpLibrary, call: TSESTree.CallExpression): TimeoutState {
  const argument = call.arguments[0];
  if (!argument) return { kind: 'set' };
  const found = getStaticValueOf(context, argument);
  if (found && typeof found.value === 'object' && found.value !== null) {
    const { deadline, response } = found.value as { deadline?: unknown; response?: unknown };
    const value = deadline ?? response;
    return typeof value === 'number' && value > 0 ? { kind: 'set', milliseconds: value } : { kind: 'none', disabledBy: argument, reason: '`.timeout()` with no limit' };
  }
  const state = interpretTimeoutValue(library, found, argument);
  return state.kind === 'absent' ? { kind: 'none', disabledBy: argument, reason: `\`${library.spec.timeoutMethods[0]}(${String(found?.value)})\`` } : state;
}

/** `req.on('socket', (socket) => socket.setTimeout(…))`. */
function isSocketHandlerWithTimeout(context: AnyRuleContext, call: TSESTree.CallExpression): boolean {
  const [event, handler] = call.arguments;
  if (!event || !handler || getStaticValueOf(context, event)?.value !== 'socket') return false;
  let found = false;
  walkDescendants(context, handler, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && !node.callee.computed && node.callee.property.type === AST_NODE_TYPES.Identifier && node.callee.property.name === 'setTimeout') {
      found = true;
    }
    return !found;
  });
  return found;
}

/** node:http `agent: new http.Agent({ timeout })`, undici `dispatcher: new Agent({ headersTimeout })`. */
function readAgentTimeout(context: AnyRuleContext, agentOption: AgentOption, options: TSESTree.Node): TimeoutState {
  const lookup = findProperty(context, options, agentOption.option);
  if (lookup.kind !== 'found' || !lookup.node) return ABSENT;
  let agent = unwrapExpression(lookup.node);
  if (agent.type === AST_NODE_TYPES.Identifier) agent = findConstInitializer(context, agent) ?? agent;
  if (agent.type !== AST_NODE_TYPES.NewExpression) return ABSENT;
  const callee = agent.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (name === undefined || !agentOption.classes.includes(name)) return ABSENT;
  const timeout = findProperty(context, agent.arguments[0], agentOption.timeoutOption);
  if (timeout.kind === 'unknown') return UNKNOWN;
  if (timeout.kind === 'absent' || isNullish(timeout)) return ABSENT;
  const value = timeout.value?.value;
  if (value === 0) return ABSENT;
  return { kind: 'set', milliseconds: typeof value === 'number' ? value : undefined };
}

/**
 * A client made in another module: the options its factory was given there, read through the type checker.
 * A write to its defaults there, or options that cannot be read, leave it unknown.
 */
function getTypedClientTimeout(client: TypedClient, settings: TimeoutSettings): TimeoutState {
  const creation = client.creation;
  const options = creation?.options;
  if (!creation || !options || !creation.fromLibrary || creation.creation.writes.some((write) => write.memberPath[0] === 'defaults')) return UNKNOWN;
  const spec = client.library.spec;
  if (spec.deadlineOptions.some((name) => options[name] !== undefined && options[name] !== null)) return { kind: 'set' };
  const option = spec.timeout.option;
  const name = `client \`${creation.variableName}\``;
  const state = option && Object.hasOwn(options, option) ? interpretTimeoutValue(client.library, { value: options[option] }, undefined) : ABSENT;
  if (state.kind === 'none') return { kind: 'none', reason: `${name} created with ${state.reason}` };
  if (state.kind !== 'absent') return state;
  const fallback = getLibraryDefault(client.library, settings);
  return fallback.kind === 'none' ? { kind: 'none', reason: `${name} created without a timeout` } : fallback;
}

/** The inventory's printable timeout. */
export function describeTimeout(state: TimeoutState): string {
  if (state.kind === 'set') return state.milliseconds === undefined ? 'unknown' : `${state.milliseconds} ms`;
  if (state.kind === 'none') return 'none';
  return 'unknown';
}
