/**
 * Shapes of the tracing tables: where a request or a message carries its trace context in, what sends one
 * out, what sets up tracing for a whole process, what mints a fresh id and what writes an access log.
 */
import type { LibrarySpec } from '../types.js';

/** A library whose outbound calls carry (or drop) trace context, as the tracing rules name it. */
export type OutboundLibraryName = 'fetch' | 'node-fetch' | 'axios' | 'got' | 'ky' | 'node:http' | 'superagent' | 'undici' | 'kafkajs' | 'amqplib';

/** A web framework: how it makes an app, registers handlers, and where a handler finds the incoming headers. */
export interface RequestFrameworkSpec extends LibrarySpec {
  readonly name: 'express' | 'fastify' | 'koa' | 'nestjs';
  /** How messages name it, when not by `name`. */
  readonly displayName?: string;
  /** Exports that create an app or a router (`default` for the default export), and whether they are constructed with `new`. */
  readonly appFactories: Readonly<Record<string, { readonly construct: boolean; readonly isServer: boolean; readonly method?: string }>>;
  /** Router packages whose default export is constructed (`new Router()`) and takes the same handlers. */
  readonly routerPackages?: readonly string[];
  /** Methods of an app or router whose function arguments handle requests, or the method decorators that make a handler. */
  readonly routeMethods: readonly string[];
  /** Whether `routeMethods` are called on an app (`app.get(path, handler)`) or decorate a controller's methods (`@Get()`). */
  readonly routesBy: 'method-call' | 'decorator';
  /** The handler's parameters, in order, with the names they are usually given (used without type information). */
  readonly handlerParameters: readonly (readonly string[])[];
  /** Whether a handler may take the incoming request alone: a koa middleware often takes only the context. */
  readonly handlerMayTakeIncomingAlone: boolean;
  /** Index of the parameter that holds the incoming request (or context). */
  readonly incomingParameter: number;
  /** Property paths from that parameter to the incoming headers (`req.headers`, `ctx.request.headers`). */
  readonly headerPaths: readonly (readonly string[])[];
  /** Methods on that parameter that read one incoming header (`req.get('traceparent')`, `ctx.get(…)`). */
  readonly headerGetters: readonly string[];
  readonly source: string;
}

/** A message consumer: where its handler is registered and where a message's headers are. */
export interface ConsumerSpec extends LibrarySpec {
  readonly name: 'kafkajs' | 'amqplib' | 'bullmq';
  /** Handler options or methods by name (`eachMessage`, `consume`), and where the message's headers are. */
  readonly handlers?: Readonly<Record<string, unknown>>;
  /** A worker class whose constructor takes the processor (`new Worker(name, processor)`). */
  readonly worker?: { readonly className: string; readonly processorArgument: number };
  readonly source: string;
}

/** A message producer call and where it takes the headers sent along with the message. */
export interface ProducerCallSpec {
  /** Number of arguments the call takes at least, to tell it from unrelated methods of the same name. */
  readonly minimumArguments: number;
  /** Zero-based index of the options argument that holds `headers`, or of the record whose messages do. */
  readonly optionsArgument: number;
  /** Path from the options argument to the headers object; `[]` items stand for every element of an array. */
  readonly headersPath: readonly string[];
}

export interface ProducerSpec extends LibrarySpec {
  readonly name: 'kafkajs' | 'amqplib';
  readonly calls: Readonly<Record<string, ProducerCallSpec>>;
  readonly source: string;
}

/** A tracing SDK export whose use in a process propagates trace context over the libraries it instruments. */
export interface TracingSetupSpec extends LibrarySpec {
  readonly name: string;
  /** `construct`: `new NodeSDK(…)` then `.start()`; `call`: `registerInstrumentations(…)`; `import`: importing the module is enough. */
  readonly kind: 'construct' | 'call' | 'import';
  /** The export (`default` for the default export, '' for a side-effect import). */
  readonly exportName: string;
  /** The method that starts it, when making it is not enough. */
  readonly startMethod?: string;
  /** The option that lists instrumentations, when the setup takes them as an argument. */
  readonly instrumentationsOption?: string;
  /** Libraries whose calls are instrumented without any instrumentation being named ('all' for auto-instrumentation). */
  readonly instruments: readonly OutboundLibraryName[] | 'all';
  readonly source: string;
}

/** An instrumentation package: which outbound libraries its patches inject trace context into. */
export interface InstrumentationSpec {
  readonly package: string;
  /** Its class (`new HttpInstrumentation()`), or the function that returns a list of them. */
  readonly exportName: string;
  readonly injectsInto: readonly OutboundLibraryName[] | 'all';
  readonly source: string;
}

/** A function that returns a fresh random id. */
export interface IdMinterSpec {
  /** Package (or `node:crypto`, or a global for `crypto.randomUUID`). */
  readonly packages: readonly string[];
  /** Export path of the minting function: `['randomUUID']`, `['v4']`, `['nanoid']`. */
  readonly exportPaths: readonly (readonly string[])[];
  readonly source: string;
}

/** Middleware or an option that writes one log line per request with method, path, status and duration. */
export interface AccessLogSpec extends LibrarySpec {
  readonly name: string;
  /**
   * How it is turned on: calling an export (`morgan('tiny')`), importing a module into the app
   * (`LoggerModule.forRoot()` among a NestJS module's imports), or an option of the app factory (`logger: true`).
   */
  readonly kind: 'middleware' | 'module' | 'app-option';
  /** For an app option: the framework whose app factory takes it, and the option that turns the log off again. */
  readonly framework?: RequestFrameworkSpec['name'];
  readonly turnedOffBy?: string;
  /** Exports that make the middleware (`default`), or the option names that turn the app's request log on. */
  readonly names: readonly string[];
  /** Whether the default line includes the request's duration. */
  readonly logsDuration: boolean;
  /** When the line's format is its first argument: the named formats and the tokens that include the duration. */
  readonly durationByFormat?: { readonly timedFormats: readonly string[]; readonly timedTokens: readonly string[] };
  readonly source: string;
}
