/**
 * Whether a request carries an idempotency key header: in its own headers (an object literal, a constant,
 * `new Headers(…)`, superagent's `.set()`, node:http's `req.setHeader()`), in its client's defaults
 * (`axios.create({ headers })`, `api.defaults.headers.common[…] = …`, `got.extend({ headers })`), or set by
 * a request interceptor or hook (`api.interceptors.request.use(…)`, `hooks.beforeRequest`).
 * With type information, the same questions are asked of a client made in another module (its factory
 * options, interceptors and defaults writes there) and of a request sent in another module: both paths
 * describe what they read the same small way (header names, a defaults path, the strings a function
 * names) and one judgement decides. Header names compare case-insensitively. A value the rule cannot read
 * counts as "unknown", never "absent".
 */
import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { findConstInitializer, findProperty } from '../ast/find-property.js';
import { getTypeServices } from '../ast/get-type-services.js';
import { evaluateExpression, OPAQUE } from '../ast/resolve-across-files.js';
import { listPropertyNames } from '../ast/list-property-names.js';
import type { AnyRuleContext } from '../ast/rule-context.js';
import { getStaticValueOf } from '../ast/static-value.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { walkDescendants } from '../ast/walk-descendants.js';
import type { ClientOrigin, ClientUse, HttpInstance, HttpLibrary, HttpRequest, HttpUsage } from './model.js';
import { followRequestChain } from './request-chain.js';
import { evaluateRemoteOptions, listRemoteArguments, type RemoteRequest } from './remote-requests.js';
import { findRequestObject, type RequestOptions } from './request-options.js';
import { listNamedStrings, type TypedClient, type TypedCreation } from './typed-clients.js';

export type KeyPresence = 'present' | 'absent' | 'unknown';

/** Methods that set a header on the request object a call returns. */
/** axios header defaults grouped by method (lib/defaults/index.js `headers.common`, `headers[method]`). */
const HEADER_BUCKETS = new Set(['common', 'delete', 'get', 'head', 'options', 'post', 'put', 'patch', 'query']);
const HOOK_NAMES = ['hooks'];

export class IdempotencyKeyFinder {
  private readonly names: ReadonlySet<string>;
  private readonly fieldNames: ReadonlySet<string>;
  private readonly instanceKeys = new Map<HttpInstance, KeyPresence>();

  constructor(
    private readonly context: AnyRuleContext,
    private readonly usage: HttpUsage,
    headerNames: readonly string[],
  ) {
    this.names = new Set(headerNames.map((name) => name.toLowerCase()));
    this.fieldNames = new Set([...headerNames, 'idempotency-key'].map(normalizeFieldName));
  }

  getRequestKey(request: HttpRequest, options: RequestOptions): KeyPresence {
    if (options.kind === 'unknown') return 'unknown';
    const headersOption = request.library.spec.headersOption;
    if (options.kind === 'options' && headersOption) {
      const lookup = findProperty(this.context, options.node, headersOption);
      if (lookup.kind === 'unknown') return 'unknown';
      if (lookup.kind === 'found') {
        const own = lookup.node ? this.findInHeaders(lookup.node) : this.findInValue(lookup.value?.value);
        if (own !== 'absent') return own;
      }
    }
    const requestObject = findRequestObject(this.context, request);
    if (requestObject) {
      const input = this.findInRequestObject(requestObject);
      if (input !== 'absent') return input;
    }
    const headerMethods = request.library.spec.headerMethods;
    if (headerMethods) {
      const chained = this.findInChain(request.node, headerMethods);
      if (chained !== 'absent') return chained;
    }
    if (this.hasKeyField(request.node)) return 'present';
    return this.getOriginKey(request.origin);
  }

  /** The value given to the key header in the request's own headers or superagent `.set()`, when it is written in this file. */
  getRequestKeyValue(request: HttpRequest, options: RequestOptions): TSESTree.Node | undefined {
    const headersOption = request.library.spec.headersOption;
    if (options.kind === 'options' && headersOption) {
      const lookup = findProperty(this.context, options.node, headersOption);
      let headers = lookup.kind === 'found' ? lookup.node && unwrapExpression(lookup.node) : undefined;
      if (headers?.type === AST_NODE_TYPES.Identifier) headers = findConstInitializer(this.context, headers);
      if (headers?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of headers.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const name = property.computed ? getStaticValueOf(this.context, property.key)?.value : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : (property.key as TSESTree.Literal).value;
          if (typeof name === 'string' && this.isKeyName(name)) return property.value;
        }
      }
    }
    const headerMethods = request.library.spec.headerMethods;
    if (!headerMethods) return undefined;
    for (const chained of followRequestChain(this.context, request.node).calls) {
      const [name, value] = chained.node.arguments;
      if (headerMethods.includes(chained.name) && name && value && this.isKeyName(getStaticValueOf(this.context, name)?.value as string | undefined)) return value;
    }
    return undefined;
  }

  private getOriginKey(origin: ClientOrigin): KeyPresence {
    if (origin.kind === 'typed') return this.getTypedClientKey(origin.client);
    if (origin.kind === 'library') return this.findInUses(this.usage.libraryUses.get(origin.library) ?? [], origin.library);
    let key = this.instanceKeys.get(origin.instance);
    if (!key) {
      this.instanceKeys.set(origin.instance, 'unknown');
      key = this.getInstanceKey(origin.instance);
      this.instanceKeys.set(origin.instance, key);
    }
    return key;
  }

  /** A request sent by a function in another module: its arguments and its client, read there. */
  getRemoteRequestKey(request: RemoteRequest): KeyPresence {
    const checker = this.getChecker();
    const options = checker && evaluateRemoteOptions(checker, request);
    if (!checker || !options) return 'unknown';
    const headersOption = request.library.spec.headersOption;
    if (options.value !== undefined) {
      if (options.value === null || typeof options.value !== 'object') return 'unknown';
      const headers = headersOption ? (options.value as Record<string, unknown>)[headersOption] : undefined;
      const own = headers === undefined ? 'absent' : this.findInValue(headers);
      if (own !== 'absent') return own;
    }
    if (listRemoteArguments(checker, request).some((value) => this.hasKeyFieldValue(value))) return 'present';
    return request.client ? this.getTypedCreationKey(request.library, request.client) : 'absent';
  }

  private getTypedClientKey(client: TypedClient): KeyPresence {
    return client.creation ? this.getTypedCreationKey(client.library, client.creation) : 'unknown';
  }

  /** A client made in another module: its factory options, and the interceptors and defaults writes there. */
  private getTypedCreationKey(library: HttpLibrary, typed: TypedCreation): KeyPresence {
    const checker = this.getChecker();
    if (!checker || !typed.options || !typed.fromLibrary || typed.options[HOOK_NAMES[0]!] !== undefined) return 'unknown';
    let result: KeyPresence = 'absent';
    for (const write of typed.creation.writes) {
      if (write.memberPath[0] !== 'defaults' || write.memberPath[1] !== 'headers') continue;
      result = combine(result, this.judgeDefaultsWrite(write.memberPath.slice(2), () => this.findInValue(evaluateExpression(checker, write.node.right)?.value, true)));
    }
    for (const attachment of typed.creation.attachments) {
      if (attachment.position === 'receiver' && attachment.memberPath.join('.') === 'interceptors.request.use') {
        const named = listNamedStrings(checker, attachment.node.arguments[0]);
        result = combine(result, this.judgeNamedStrings(named.strings, named.readable));
      }
    }
    const headers = library.spec.headersOption ? typed.options[library.spec.headersOption] : undefined;
    return headers === undefined ? result : combine(result, this.findInValue(headers, true));
  }

  private getInstanceKey(instance: HttpInstance): KeyPresence {
    const fromUses = this.findInUses(instance.uses, instance.library);
    if (fromUses !== 'absent') return fromUses;
    const optionArguments = instance.library.spec.factoriesMergeEveryArgument ? instance.node.arguments : instance.options ? [instance.options] : [];
    for (const argument of optionArguments) {
      const fromOptions = this.findInClientOptions(instance.library, argument);
      if (fromOptions !== 'absent') return fromOptions;
    }
    // Header defaults are inherited (axios `instance.create`, `got.extend`, `ky.extend`); interceptors are not.
    const parent = instance.parent;
    if (parent.kind === 'instance') return this.getInstanceKey(parent.instance);
    if (parent.kind === 'library' && instance.library.spec.writableDefaults) return this.findInDefaultsWrites(this.usage.libraryUses.get(parent.library) ?? []);
    return 'absent';
  }

  /** `axios.create({ headers: { common: {…} } })`, got/ky `hooks.beforeRequest`. */
  private findInClientOptions(library: HttpLibrary, options: TSESTree.Node): KeyPresence {
    const headersOption = library.spec.headersOption;
    if (headersOption) {
      const headers = findProperty(this.context, options, headersOption);
      if (headers.kind === 'unknown') return 'unknown';
      if (headers.kind === 'found') {
        const found = headers.node ? this.findInHeaders(headers.node, true) : this.findInValue(headers.value?.value);
        if (found !== 'absent') return found;
      }
    }
    for (const name of HOOK_NAMES) {
      const hooks = findProperty(this.context, options, name);
      if (hooks.kind === 'unknown') return 'unknown';
      if (hooks.kind === 'found') return hooks.node ? this.findInFunctionBodies(hooks.node) : 'unknown';
    }
    return 'absent';
  }

  private findInUses(uses: readonly ClientUse[], library: HttpLibrary): KeyPresence {
    let result = this.findInDefaultsWrites(uses);
    for (const use of uses) {
      if (result === 'present') return result;
      if (use.kind === 'request-interceptor') result = combine(result, this.findInFunctionBodies(use.node.arguments[0]));
      if (use.kind === 'method' && library.spec.headerMethods?.includes(use.name) === true) result = combine(result, this.findInSetCall(use.node));
    }
    return result;
  }

  /** `client.defaults.headers.common['Idempotency-Key'] = …`, `client.defaults.headers.post = { … }`. */
  private findInDefaultsWrites(uses: readonly ClientUse[]): KeyPresence {
    let result: KeyPresence = 'absent';
    for (const use of uses) {
      if (use.kind !== 'defaults-write' || use.path[1] !== 'headers') continue;
      result = combine(result, this.judgeDefaultsWrite(use.path.slice(2), () => this.findInHeaders(use.node.right, true)));
      if (result === 'present') return result;
    }
    return result;
  }

  /**
   * A write under `defaults.headers`, by the rest of its path: a key header named in it; a write that names
   * another header (`defaults.headers.common['X-Api-Key'] = …`) sets only that header's value; else what
   * the headers object (or method bucket) written holds.
   */
  private judgeDefaultsWrite(rest: readonly (string | undefined)[], readValue: () => KeyPresence): KeyPresence {
    if (rest.some((segment) => segment === undefined)) return 'unknown';
    if (rest.some((segment) => this.isKeyName(segment))) return 'present';
    const namesHeader = rest.length > 1 || (rest.length === 1 && !HEADER_BUCKETS.has(rest[0]!));
    return namesHeader ? 'absent' : readValue();
  }

  /** A headers expression: object literal or constant (with axios method buckets when `buckets`), `new Headers(…)`, pairs. */
  private findInHeaders(node: TSESTree.Node, buckets = false, depth = 0): KeyPresence {
    if (depth > 3) return 'unknown';
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const initializer = findConstInitializer(this.context, expression);
      if (initializer && (initializer.type === AST_NODE_TYPES.NewExpression || initializer.type === AST_NODE_TYPES.ArrayExpression)) {
        return combine(this.findInHeaders(initializer, buckets, depth + 1), this.findInHeaderMutations(expression));
      }
    }
    if (expression.type === AST_NODE_TYPES.NewExpression) {
      const init = expression.arguments[0];
      return init ? this.findInHeaders(init, buckets, depth + 1) : 'absent';
    }
    if (expression.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of expression.elements) {
        const pair = element && unwrapExpression(element);
        if (pair?.type !== AST_NODE_TYPES.ArrayExpression || !pair.elements[0]) return 'unknown';
        const name = getStaticValueOf(this.context, pair.elements[0])?.value;
        if (typeof name !== 'string') return 'unknown';
        if (this.isKeyName(name)) return 'present';
      }
      return 'absent';
    }
    const names = listPropertyNames(this.context, expression);
    if (names.kind === 'unknown') return 'unknown';
    return this.judgeHeaderNames(names.names, buckets, (bucket) => {
      const inBucket = findProperty(this.context, expression, bucket);
      if (inBucket.kind !== 'found') return 'unknown';
      return inBucket.node ? this.findInHeaders(inBucket.node, false, depth + 1) : this.findInValue(inBucket.value?.value);
    });
  }

  /** A headers object by its names: a key header among them; with axios method buckets, what each bucket holds. */
  private judgeHeaderNames(names: readonly string[], buckets: boolean, readBucket: (bucket: string) => KeyPresence): KeyPresence {
    if (names.some((name) => this.isKeyName(name))) return 'present';
    if (!buckets) return 'absent';
    let result: KeyPresence = 'absent';
    for (const bucket of names.filter((name) => HEADER_BUCKETS.has(name))) result = combine(result, readBucket(bucket));
    return result;
  }

  /** `const headers = new Headers(); headers.set('Idempotency-Key', key)`. */
  private findInHeaderMutations(identifier: TSESTree.Identifier): KeyPresence {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    for (const reference of variable?.references ?? []) {
      const member = reference.identifier.parent;
      const call = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
      if (member.property.type === AST_NODE_TYPES.Identifier && ['set', 'append'].includes(member.property.name)) {
        const found = this.findInSetCall(call);
        if (found !== 'absent') return found;
      }
    }
    return 'absent';
  }

  /** A headers value read statically or evaluated in another module. */
  private findInValue(value: unknown, buckets = false): KeyPresence {
    if (value === null || typeof value !== 'object' || value === OPAQUE || Array.isArray(value)) return 'unknown';
    const record = value as Record<string, unknown>;
    return this.judgeHeaderNames(Object.keys(record), buckets, (bucket) => this.findInValue(record[bucket]));
  }

  /** `fetch(new Request(url, { headers }))`. */
  private findInRequestObject(created: TSESTree.NewExpression): KeyPresence {
    const headers = findProperty(this.context, created.arguments[1], 'headers');
    if (headers.kind === 'found') return headers.node ? this.findInHeaders(headers.node) : 'unknown';
    return headers.kind === 'unknown' && created.arguments[1] ? 'unknown' : 'absent';
  }

  /** superagent `.set(name, value)` / `.set({ … })`, node:http `req.setHeader(name, value)`. */
  private findInChain(call: TSESTree.CallExpression, headerMethods: readonly string[]): KeyPresence {
    const chain = followRequestChain(this.context, call);
    let result: KeyPresence = chain.escapes ? 'unknown' : 'absent';
    for (const chained of chain.calls) {
      if (!headerMethods.includes(chained.name)) continue;
      const found = this.findInSetCall(chained.node);
      if (found === 'present') return found;
      result = combine(result, found);
    }
    return result;
  }

  private findInSetCall(call: TSESTree.CallExpression): KeyPresence {
    const first = call.arguments[0];
    if (!first) return 'absent';
    if (call.arguments.length === 1) return this.findInHeaders(first);
    const name = getStaticValueOf(this.context, first)?.value;
    if (typeof name !== 'string') return 'unknown';
    return this.isKeyName(name) ? 'present' : 'absent';
  }

  /** An interceptor or hook: inline functions that name the header count; functions defined elsewhere cannot be read. */
  private findInFunctionBodies(node: TSESTree.Node | undefined): KeyPresence {
    if (!node) return 'absent';
    let expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(expression), expression);
      const definition = variable?.defs[0];
      if (definition?.type === 'FunctionName') expression = definition.node;
      else if (definition?.type === 'Variable' && definition.node.init) expression = definition.node.init;
      else return 'unknown';
    }
    const strings: unknown[] = [];
    walkDescendants(this.context, expression, (current) => void strings.push(this.getNamedString(current)));
    return this.judgeNamedStrings(strings, isReadable(expression));
  }

  /** A function described by the strings it names: one of the header names counts; a body that cannot be read is unknown. */
  private judgeNamedStrings(strings: readonly unknown[], readable: boolean): KeyPresence {
    if (strings.some((value) => typeof value === 'string' && this.isKeyName(value))) return 'present';
    return readable ? 'absent' : 'unknown';
  }

  /** The string a literal, a plain template or a constant used as a value names. */
  private getNamedString(node: TSESTree.Node): unknown {
    if (node.type === AST_NODE_TYPES.Literal) return node.value;
    if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
    return node.type === AST_NODE_TYPES.Identifier && isValuePosition(node) ? getStaticValueOf(this.context, node)?.value : undefined;
  }

  /** A body field that carries the key, in a value evaluated in another module (headers are judged above). */
  private hasKeyFieldValue(value: unknown, depth = 0): boolean {
    if (value === null || typeof value !== 'object' || depth > 3) return false;
    return Object.entries(value).some(([key, inner]) => key !== 'headers' && (this.fieldNames.has(normalizeFieldName(key)) || this.hasKeyFieldValue(inner, depth + 1)));
  }

  private getChecker(): ts.TypeChecker | undefined {
    return getTypeServices(this.context)?.program.getTypeChecker();
  }

  /** APIs that take the key in the body (`{ idempotency_key }`, `idempotencyKey`) written in the call. */
  private hasKeyField(call: TSESTree.CallExpression): boolean {
    let found = false;
    for (const argument of call.arguments) {
      walkDescendants(this.context, argument, (node) => {
        if (found || isFunction(node)) return false;
        if (node.type === AST_NODE_TYPES.Property && !node.computed) {
          const key = node.key.type === AST_NODE_TYPES.Identifier ? node.key.name : node.key.type === AST_NODE_TYPES.Literal ? String(node.key.value) : '';
          // Headers are judged by their exact names above; only body fields are read here.
          if (key === 'headers') return false;
          found = this.fieldNames.has(normalizeFieldName(key));
        }
        return !found;
      });
    }
    return found;
  }

  private isKeyName(name: string | undefined): boolean {
    return typeof name === 'string' && this.names.has(name.toLowerCase());
  }
}

/** `Idempotency-Key`, `idempotency_key`, `idempotencyKey` → `idempotencykey`. */
function normalizeFieldName(name: string): string {
  return name.replaceAll(/[-_\s]/g, '').toLowerCase();
}

function isFunction(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression;
}

function combine(left: KeyPresence, right: KeyPresence): KeyPresence {
  if (left === 'present' || right === 'present') return 'present';
  if (left === 'unknown' || right === 'unknown') return 'unknown';
  return 'absent';
}

function isReadable(node: TSESTree.Node): boolean {
  return [AST_NODE_TYPES.ArrowFunctionExpression, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.ObjectExpression, AST_NODE_TYPES.ArrayExpression].includes(node.type);
}

/** An identifier used as a value: a computed key or a call argument (`headers[HEADER]`, `headers.set(HEADER, …)`). */
function isValuePosition(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.computed && parent.property === node;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.arguments.includes(node);
  if (parent?.type === AST_NODE_TYPES.Property) return parent.computed && parent.key === node;
  return false;
}
