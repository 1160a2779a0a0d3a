/**
 * The inventory policy-check writes: one fact for each thing a family's collector finds in a file (a retry
 * policy, an HTTP client or request, a logger, an outbound call, …), recorded once per file and read by
 * the report and the project-wide checks. Each family has its members (one per kind of fact it records): a
 * new family adds its member types below and names them in `InventoryFact`.
 */
import type ts from 'typescript';

/** What every fact carries: its kind (one per family), the library, and its family's printable properties. */
interface Fact<Kind extends string, Properties extends FactProperties> {
  readonly kind: Kind;
  /** The library it was written with, as its family names it (`axios-retry`, `fetch`, `hand-written`, …). */
  readonly library: string;
  /** What the report shows, in this order; null where it cannot be told. */
  readonly properties: Properties;
}

type FactProperties = { readonly [name: string]: string | number | boolean | null };

/** A retry: from a library or hand-written. */
export type RetryPolicyFact = Fact<
  'retry-policy',
  {
    /** `3 retries`, `time budget`, `unbounded`, `unknown`. */
    readonly bound: string;
    /** `none`, `constant`, `linear`, `exponential`, `custom`, `unknown`. */
    readonly backoff: string;
    readonly jitter: boolean | null;
    /** `default`, `every-error`, `client-errors`, `transient-only`, `unknown`. */
    readonly condition: string;
    /** The retried HTTP methods (`GET,PUT`), or `all`, `unknown`. */
    readonly methods: string;
  }
>;

/** An HTTP client made, or a request sent, and the timeout that bounds it. */
export type HttpClientFact = Fact<
  'http-client',
  {
    /** `5000 ms`, `none`, `unknown`. */
    readonly timeout: string;
  }
>;

/** A logger made (a factory call, a `child()`, a NestJS or pino-http logger) and the fields it binds. */
export type LoggerFact = Fact<
  'logger',
  {
    /** How the code names it: `logger`, `this.logger`, `req.log`. */
    readonly name: string | null;
    /** The fields bound to every record it writes, `service, traceId`. */
    readonly fields: string | null;
    /** Whether something that cannot be read (a mixin, a spread) may add other fields. */
    readonly mayAddFields: boolean | null;
    /** What supplies fields from outside its code (OpenTelemetry log correlation), or the incoming header a bound trace id is taken from. */
    readonly fieldsFrom: string | null;
    /** The root logger a child derives from, `file:line`; null for a root. */
    readonly root: string | null;
  }
>;

/** Tracing: a tracing SDK or auto-instrumentation set up, and which outbound libraries it instruments. */
export type TracingSetupFact = Fact<
  'tracing-setup',
  {
    /** The setup's name in the knowledge tables. */
    readonly setup: string;
    /** `all`, or the instrumented libraries, `axios,fetch`. */
    readonly instruments: string;
  }
>;

/** Tracing: an HTTP server (express, fastify, koa, …) made. */
export type HttpServerFact = Fact<'http-server', Record<string, never>>;

/** Tracing: an access log (morgan, pino-http, …) on a server, and whether it logs each request's duration. */
export type AccessLogFact = Fact<'access-log', { readonly duration: boolean }>;

/** Tracing: an outbound client or call, and whether it forwards the incoming trace context. */
export type OutboundClientFact = Fact<
  'outbound-client',
  {
    /** Whether it forwards the trace context; null where it cannot be told. */
    readonly propagates: boolean | null;
    /** How: the header, the client setting or the instrumentation that forwards it. */
    readonly via: string | null;
    /** The request or message handler it is called in, for a call. */
    readonly handler: string | null;
    /** The host it calls, when its URL starts with a literal one. */
    readonly host: string | null;
  }
>;

export type InventoryFact = RetryPolicyFact | HttpClientFact | LoggerFact | TracingSetupFact | HttpServerFact | AccessLogFact | OutboundClientFact;

export type InventoryKind = InventoryFact['kind'];

/** Where a fact was recorded, added by the rule factory. */
export interface FactLocation {
  /** Absolute path of the linted file. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  /**
   * The fact's node in the TypeScript program ESLint was given (policy-check's own program), when there is
   * one: project-wide checks start from it instead of looking the location up again.
   */
  readonly programNode: ts.Node | undefined;
}

export type LocatedInventoryFact = InventoryFact & FactLocation;
