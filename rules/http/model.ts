/**
 * What the HTTP rules judge: the requests a file sends and the clients it makes, with where each client
 * comes from and what else is done with it (defaults written, interceptors, agent methods). The HTTP
 * collector (collect.ts) finds them once per file; the timeout and idempotency questions are asked of them.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { HttpRequestFunctionSpec } from '../../knowledge/types.js';
import type { FunctionNode } from '../ast/resolve-function.js';
import type { HttpLibrary } from './http-libraries.js';
import type { TypedClient } from './typed-clients.js';

export type { HttpLibrary, HttpLibraryName } from './http-libraries.js';

/** Where a client comes from: the library itself, an instance created in this file, or (typed) elsewhere. */
export type ClientOrigin =
  | { readonly kind: 'library'; readonly library: HttpLibrary }
  | { readonly kind: 'instance'; readonly instance: HttpInstance }
  | { readonly kind: 'typed'; readonly client: TypedClient };

export interface HttpRequest {
  readonly library: HttpLibrary;
  readonly node: TSESTree.CallExpression;
  /** The request function called (`post`), or '' when the client itself is called (`axios(config)`, `fetch(url)`). */
  readonly name: string;
  readonly function: HttpRequestFunctionSpec;
  readonly origin: ClientOrigin;
}

/** What a client is used for, besides sending requests. */
export type ClientUse =
  /** `client.defaults.timeout = 5000`, `client.defaults.headers.common['Idempotency-Key'] = …` */
  | { readonly kind: 'defaults-write'; readonly path: readonly (string | undefined)[]; readonly node: TSESTree.AssignmentExpression }
  /** `client.interceptors.request.use(fn)` */
  | { readonly kind: 'request-interceptor'; readonly node: TSESTree.CallExpression }
  /** `agent.timeout(…)`, `agent.set(…)`, `agent.retry(…)` on a superagent agent */
  | { readonly kind: 'method'; readonly name: string; readonly node: TSESTree.CallExpression };

export interface HttpInstance {
  readonly library: HttpLibrary;
  /** The call that creates it. */
  readonly node: TSESTree.CallExpression;
  readonly factory: string;
  /** Its defaults argument, when one is passed. */
  readonly options: TSESTree.Node | undefined;
  readonly parent: ClientOrigin;
  readonly uses: ClientUse[];
  readonly requests: HttpRequest[];
  /** Instances created from this one (`base.extend(…)`, `api.create(…)`). */
  readonly children: HttpInstance[];
  /** Expressions that refer to it: the reads of where it is stored (`api`, `this.http`) or the call itself. */
  references: readonly TSESTree.Node[];
  /** Used where this file cannot follow it: exported, returned, passed to a function other than a known one. */
  escapes: boolean;
}

export interface HttpUsage {
  readonly requests: readonly HttpRequest[];
  /** Requests through NestJS's HttpService; only the timeout rule judges them so far. */
  readonly serviceRequests: readonly ServiceRequest[];
  readonly instances: readonly HttpInstance[];
  /** Uses of each library's own default client (`axios.defaults.timeout = …`). */
  readonly libraryUses: ReadonlyMap<HttpLibrary, readonly ClientUse[]>;
}

/** Whether a request or a client is bounded in time. */
export type TimeoutState =
  /** Bounded: by a timeout (value in ms when known) or a signal. */
  | { readonly kind: 'set'; readonly milliseconds?: number }
  /** Not bounded; `disabledBy` when a value turns the timeout off (`timeout: false`, `timeout: 0`). */
  | { readonly kind: 'none'; readonly disabledBy?: TSESTree.Node; readonly reason: string }
  /** Nothing is said at this level: the client's defaults apply. */
  | { readonly kind: 'absent' }
  /** Cannot be told (a value from elsewhere, a spread, a request handed to other code). */
  | { readonly kind: 'unknown' };

/** A value of a wrapper's caller that becomes a bounding option of the wrapper's request. */
export interface ForwardedTimeout {
  readonly function: FunctionNode;
  /** Zero-based index of the wrapper's parameter that carries it. */
  readonly parameter: number;
  /** The property of that argument that bounds the request (`signal`, `timeoutMs`); undefined when the argument is the value itself. */
  readonly property: string | undefined;
  readonly parameterName: string;
  /** It becomes the library's timeout option (read as a number: `0` turns it off), not a deadline such as a signal. */
  readonly isTimeoutOption: boolean;
}

/** A function of the project whose request is bounded only by what its caller passes (request-wrappers.ts). */
export interface RequestWrapper {
  readonly node: FunctionNode;
  readonly name: string;
  /** Absolute file name of the module that declares it, and its line there. */
  readonly file: string;
  readonly line: number;
  /** The request it sends with the caller's options. */
  readonly request: HttpRequest;
  readonly forwarded: readonly ForwardedTimeout[];
}

/** A call of a request wrapper that passes nothing that bounds the request. */
export interface WrapperCall {
  readonly node: TSESTree.CallExpression;
  readonly wrapper: RequestWrapper;
  /** `no timeout`, or the value that turns it off (`` `timeoutMs: 0` ``). */
  readonly problem: string;
}

/** Where a NestJS `HttpService` comes from, which decides the axios instance it wraps. */
export interface HttpService {
  /** Injected into a provider class, a parameter of a function, or made here with `new HttpService(…)`. */
  readonly kind: 'injected' | 'parameter' | 'constructed';
  /** The member, parameter or `new` expression. */
  readonly node: TSESTree.Node;
  /** The class it is injected into. */
  readonly provider: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined;
}

/** A request sent through an `HttpService` or its `axiosRef`: an axios request with the service's instance defaults. */
export interface ServiceRequest extends HttpRequest {
  readonly service: HttpService;
}
