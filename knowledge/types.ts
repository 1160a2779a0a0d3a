/**
 * Shared shapes of the knowledge tables. Every library module exports one spec that `satisfies` one of
 * these, with each default written beside the file in the package it was read from.
 */

/** The unit a numeric or structured option is expressed in. */
export type Unit =
  | 'milliseconds'
  | 'seconds'
  | 'duration'
  | 'count'
  | 'boolean'
  | 'http-methods'
  | 'status-codes'
  | 'function'
  | 'object';

/** One option of a library call: what it means, its unit, its real default and where that was read. */
export interface OptionSpec<Default = unknown> {
  readonly unit: Unit;
  readonly default: Default;
  readonly meaning: string;
  /** File inside the installed package (or doc page) the default was read from. */
  readonly source: string;
}

/** What every library spec carries: the packages it covers and the version its defaults were read from. */
export interface LibrarySpec {
  readonly packages: readonly string[];
  /** The installed version whose sources the defaults below were read from. */
  readonly versionRead: string;
  /** Upstream home of the source files cited in this spec. */
  readonly repository: string;
}

/** A user-supplied addition to a table: an export `name` of `package` (`default` for the default export). */
export interface Specifier {
  readonly package: string;
  readonly name: string;
}

/** How one function of an HTTP client sends a request. */
export interface HttpRequestFunctionSpec {
  /** The HTTP method it always sends; absent when the method comes from the options or an argument. */
  readonly method?: string;
  /** Zero-based index of the options (config, init) argument; absent when options are not an object. */
  readonly optionsArgument?: number;
  /** The URL just before the options may be left out and the options passed in its place (`axios(config)`). */
  readonly urlOptional?: boolean;
  /** Zero-based index of an argument that names the HTTP method (`superagent('POST', url)`). */
  readonly methodArgument?: number;
}

/** An HTTP client library: how it sends requests and what bounds how long a request may take. */
export interface HttpClientSpec extends LibrarySpec {
  /** The name used in messages and in the inventory. */
  readonly name: string;
  /** Globals that are this client (`fetch`). */
  readonly globals?: readonly string[];
  /** Calling the default export, the global or an instance itself sends a request (`axios(config)`). */
  readonly call?: HttpRequestFunctionSpec;
  /** Exported functions, and methods of instances, that send a request. */
  readonly requestFunctions: Readonly<Record<string, HttpRequestFunctionSpec>>;
  /** Functions that return a client with its own defaults (`axios.create`), and where those defaults are passed. */
  readonly instanceFactories: Readonly<Record<string, { readonly optionsArgument?: number }>>;
  /** The timeout: the option that sets it (if an option does), its unit, its real default, and what turns it off. */
  readonly timeout: OptionSpec<number | undefined> & {
    readonly option?: string;
    /** Values of `option` that mean "no timeout". */
    readonly disabledBy: readonly (number | boolean)[];
    /** How to bound a request, as the messages advise it. */
    readonly advice: string;
    /** Code that bounds one request: a property for its options object, or a call chained on the request. */
    readonly insert?: { readonly kind: 'option' | 'chain'; readonly code: string };
  };
  /** Options that bound a request by themselves when present (`signal`). */
  readonly deadlineOptions: readonly string[];
  /** Methods of the returned request or instance that set a timeout (`req.setTimeout`, superagent `.timeout`). */
  readonly timeoutMethods: readonly string[];
  /** The option that holds the HTTP method, and the one that holds request headers. */
  readonly methodOption?: string;
  readonly headersOption?: string;
  /** Methods chained on a request, or called on an instance, that set one header or several (superagent `.set()`). */
  readonly headerMethods?: readonly string[];
  /** A class whose instance may be sent in the URL's place, carrying its own options (`fetch(new Request(url, init))`). */
  readonly requestClass?: string;
  /** Every argument of an instance factory holds options, merged in order (`got.extend(a, b)`). */
  readonly factoriesMergeEveryArgument?: boolean;
  /** The library's defaults object, which the program may write and every instance made from it copies (`axios.defaults`). */
  readonly writableDefaults?: string;
  /** Methods of an instance that return the instance, so a chain on `superagent.agent()` stays the agent. */
  readonly instanceChainMethods?: readonly string[];
  /** A method chained on a request, or called on an instance, that makes it retry (superagent `.retry(n)`). */
  readonly retryMethod?: string;
  /** The property of a failed request's error that holds the request's config, ready to be sent again (`error.config`). */
  readonly errorConfigProperty?: string;
}

/** A framework's injectable wrapper of an HTTP client, whose instance is configured where its module is imported. */
export interface HttpServiceSpec extends LibrarySpec {
  readonly name: string;
  readonly serviceClass: string;
  /** The client library whose instance it wraps. */
  readonly client: HttpClientSpec;
  /** Methods of the service that send a request with the wrapped client's arguments. */
  readonly requestMethods: readonly string[];
  /** The property that is the wrapped client instance itself. */
  readonly instanceProperty: string;
  readonly module: {
    readonly name: string;
    /** Takes the client's config directly. */
    readonly register: string;
    /** Takes a factory option that returns the config, or classes that make it. */
    readonly registerAsync: string;
    readonly asyncFactoryOption: string;
    readonly asyncClassOptions: readonly string[];
  };
  /** How to bound a request, by where the service comes from. */
  readonly advice: Readonly<Record<'injected' | 'parameter' | 'constructed', string>>;
  /** The instance the module gives when imported without configuration. */
  readonly defaultInstance: OptionSpec<string>;
}

/** One HTTP method and its properties as the HTTP specification defines them. */
export interface HttpMethodSpec {
  readonly safe: boolean;
  readonly idempotent: boolean;
  /** Section of the specification that defines it. */
  readonly source: string;
}

/** The shape of the delay between retries. */
export type RetryDelayShape = 'none' | 'constant' | 'linear' | 'exponential' | 'custom';

/** What one retry option does: the rules look options up by role, not by name. */
export type RetryOptionRole =
  | 'limit'
  | 'forever'
  | 'time-budget'
  | 'signal'
  | 'delay'
  | 'factor'
  | 'max-delay'
  | 'jitter'
  | 'condition'
  | 'methods'
  | 'status-codes'
  | 'other';

/** One option of a retry library or of an HTTP client's built-in retry. */
export interface RetryOptionSpec<Default = unknown> extends OptionSpec<Default> {
  readonly role: RetryOptionRole;
}

/** How a library spaces its retries when nothing else is configured. */
export interface RetryBackoffSpec {
  readonly shape: RetryDelayShape;
  /** Whether the default delay is randomized. */
  readonly jitter: boolean;
  /** The delay of retry n, in words. */
  readonly formula: string;
  readonly source: string;
}

/** Which failures a retry condition (a library's default, or a predicate it exports) retries. */
export interface RetryConditionSpec {
  /** Every thrown error is retried, whatever it is (4xx answers included). */
  readonly everyError: boolean;
  /** Errors without an answer (ECONNRESET, ETIMEDOUT, …). */
  readonly networkErrors: boolean;
  /** Every 5xx answer. */
  readonly serverErrors: boolean;
  /** Further statuses retried, listed one by one. */
  readonly statuses: readonly number[];
  readonly meaning: string;
  readonly source: string;
}

/** Which HTTP methods a retry applies to by default: a list, or every method ('all', POST included). */
export interface RetryMethodsSpec {
  readonly methods: readonly string[] | 'all';
  readonly meaning: string;
  readonly source: string;
}

/** What a retry does when it is given no options: how many retries, how far apart, on what, for which methods. */
export interface RetryDefaultsSpec {
  /** Retries after the first attempt when no limit is given; Infinity when the default is unbounded. */
  readonly limit: RetryOptionSpec<number> & { readonly option: string };
  readonly backoff: RetryBackoffSpec;
  readonly condition: RetryConditionSpec;
  readonly methods: RetryMethodsSpec;
  /** Every option the rules read, by name. */
  readonly options: Readonly<Record<string, RetryOptionSpec>>;
}

/** A retry library (axios-retry, p-retry, cockatiel, …). */
export interface RetryLibrarySpec extends LibrarySpec, RetryDefaultsSpec {
  /** The name used in messages and in the inventory. */
  readonly name: string;
  /** The export that makes the retry (`retry` from rxjs or cockatiel), when it is one function of many. */
  readonly exportName?: string;
}

/** An HTTP client with a retry built in (got, ky): the client spec plus its retry defaults. */
export interface HttpClientWithRetrySpec extends HttpClientSpec {
  readonly retry: RetryDefaultsSpec;
}

/** A circuit breaker library: the exports that make a breaker and the options that decide when it opens. */
export interface CircuitBreakerSpec extends LibrarySpec {
  readonly name: string;
  /** Exports that make a breaker or put a call behind one (`default` for the default export). */
  readonly breakers: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
}
