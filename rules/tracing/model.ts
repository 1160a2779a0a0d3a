/**
 * What the tracing rules judge: the handlers a request's or a message's trace context arrives in, the
 * outbound calls made while handling them with how (or whether) each carries that context on, and the
 * ids minted where the incoming context already brings one.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { OutboundLibraryName } from '../../knowledge/tracing/types.js';
import type { FunctionNode } from '../ast/resolve-function.js';

export type HandlerFramework =
  | 'express'
  | 'fastify'
  | 'koa'
  | 'nestjs'
  | 'kafkajs'
  | 'amqplib'
  | 'bullmq'
  | 'nestjs-microservices';

/** A function that runs once per incoming request or message. */
export interface HandlerScope {
  readonly kind: 'request' | 'message';
  readonly framework: HandlerFramework;
  /** `express route handler`, `NestJS controller method`, `kafkajs eachMessage handler`, … for messages. */
  readonly description: string;
  readonly function: FunctionNode;
  /**
   * Where the incoming context is reachable: the parameters (or their destructured bindings, or local
   * aliases) holding the request, the context, its headers or the message. Empty when the handler does not
   * take it at all.
   */
  readonly incoming: readonly IncomingRoot[];
  /** `request headers` or `message headers`, for messages. */
  readonly source: string;
}

/** A binding that holds the incoming request, context, headers or message. */
export interface IncomingRoot {
  readonly identifier: TSESTree.Identifier;
  /**
   * Property path from it to the incoming headers (`['headers']` for `req`, `[]` for `@Headers() headers`,
   * `['properties', 'headers']` for an amqplib message); undefined where any use of it may carry them on
   * (a NestJS ExecutionContext, a kafkajs batch).
   */
  readonly headersPath: readonly string[] | undefined;
}

/** How an outbound call carries the trace context of the request being handled. */
export type Propagation =
  /** Its headers name a trace header (`traceparent`, or one of the policy's `tracing.headers`). */
  | { readonly kind: 'header'; readonly header: string }
  /** Its headers are (or spread, or are computed from) the incoming headers. */
  | { readonly kind: 'incoming-headers' }
  /** `propagation.inject(context.active(), headers)` in the handler. */
  | { readonly kind: 'inject' }
  /** The client it goes through injects: an interceptor, a hook, or default headers. */
  | { readonly kind: 'client'; readonly how: string }
  /** Tracing instrumentation set up in this file covers its library. */
  | { readonly kind: 'instrumentation'; readonly setup: string }
  /**
   * Its headers cannot be read here (built by a helper, passed in), or the service's own tracing module,
   * loaded first and not readable without type information, may instrument it; the benefit of the doubt.
   */
  | { readonly kind: 'unknown' }
  /** It sends no header that carries the context. */
  | { readonly kind: 'none' };

export interface OutboundCall {
  readonly kind: 'outbound-call';
  readonly library: OutboundLibraryName;
  readonly node: TSESTree.CallExpression;
  readonly handler: HandlerScope;
  readonly propagation: Propagation;
  /** The host it calls, when its URL starts with a literal one (`https://api.stripe.com/…`). */
  readonly host: string | undefined;
}

/** A fresh id (`randomUUID()`, `uuid()`, `nanoid()`) minted as the trace or correlation id inside a handler. */
export interface MintedTraceId {
  readonly kind: 'minted-id';
  readonly node: TSESTree.CallExpression;
  /** `randomUUID()`, `uuid v4()`, `nanoid()`. */
  readonly minter: string;
  /** The name it is stored or sent under (`traceId`, `x-request-id`). */
  readonly usedAs: string;
  /** The handler it is minted in; undefined for a request-id generator option (`genReqId`). */
  readonly handler: HandlerScope | undefined;
}

export type TracingModel = OutboundCall | MintedTraceId;
