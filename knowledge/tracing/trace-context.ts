/**
 * Trace context on the wire: the W3C Trace Context headers, the older request-id style headers the policy
 * lists by default (`tracing.headers` in policy/policy.ts), and the OpenTelemetry API that writes the
 * active context into an outgoing carrier.
 * Read from @opentelemetry/core 2.0.1 and @opentelemetry/api 1.9.1 as installed.
 */

const CORE = '@opentelemetry/core@2.0.1 build/src/trace/W3CTraceContextPropagator.js';
const API = '@opentelemetry/api@1.9.1 build/src/api/propagation.js';

export const w3cTraceContext = {
  packages: ['@opentelemetry/core'],
  versionRead: '2.0.1',
  repository: 'https://github.com/open-telemetry/opentelemetry-js',
  /** `traceparent`: version-traceid-parentid-flags; the one header a callee needs to continue the trace. */
  traceParentHeader: { name: 'traceparent', source: `${CORE} (\`TRACE_PARENT_HEADER = 'traceparent'\`)` },
  /** `tracestate`: vendor entries carried along with traceparent. */
  traceStateHeader: { name: 'tracestate', source: `${CORE} (\`TRACE_STATE_HEADER = 'tracestate'\`)` },
  /** The shape a traceparent value must have; a bare UUID is not one. */
  traceParentPattern: { pattern: '^(?!ff)[\\da-f]{2}-[\\da-f]{32}-[\\da-f]{16}-[\\da-f]{2}', source: `${CORE} (\`TRACE_PARENT_REGEX\`)` },
} as const;

/**
 * `propagation.inject(context, carrier, setter?)` writes the active trace context into `carrier` (the
 * outgoing headers object) through the global propagator, W3C Trace Context unless configured otherwise.
 */
export const propagationApi = {
  packages: ['@opentelemetry/api'],
  versionRead: '1.9.1',
  repository: 'https://github.com/open-telemetry/opentelemetry-js',
  /** Export paths whose call writes trace context into its `carrierArgument`. */
  injectors: [
    { path: ['propagation', 'inject'], carrierArgument: 1 },
    { path: ['default', 'propagation', 'inject'], carrierArgument: 1 },
  ],
  source: `${API} (\`inject(context, carrier, setter = defaultTextMapSetter)\`)`,
} as const;

/**
 * Names a minted id is stored under when it stands for the request's trace or correlation id. A fresh
 * order id or file name is not one; a `traceId`, `correlationId` or `requestId` is.
 */
export const traceIdNames = {
  /** Identifier or property names, compared without case, `-` and `_`. */
  names: ['traceid', 'traceparent', 'correlationid', 'requestid', 'reqid', 'xrequestid', 'xcorrelationid', 'spanid', 'parentid'],
} as const;

/** Header names compared the way HTTP compares them: without case. */
export function normalizeHeaderName(name: string): string {
  return name.trim().toLowerCase();
}

/** An identifier or property name compared with traceIdNames: lower case, without `-` and `_`. */
export function normalizeIdName(name: string): string {
  return name.replace(/[-_.\s]/g, '').toLowerCase();
}

/**
 * Hosts inside one's own system: a bare service name (`http://orders:8080`), loopback, private address
 * ranges (RFC 1918) and the suffixes of cluster, cloud-internal and service-discovery names. A call to any
 * other host (`api.stripe.com`) leaves the system; its trace context ends at the boundary on purpose.
 */
export const internalHosts = {
  suffixes: ['.internal', '.local', '.localdomain', '.svc', '.cluster.local', '.lan', '.corp', '.intranet', '.consul', '.home.arpa', '.test', '.example', '.localhost'],
  names: ['localhost', 'host.docker.internal'],
  privateAddress: /^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|0\.0\.0\.0$|\[?::1\]?$)/,
  source: 'RFC 1918 (private address space), RFC 6761 (special-use domain names), RFC 8375 (home.arpa)',
} as const;

/** A host outside the service's own system (a third-party API), by its name alone. */
export function isExternalHost(host: string): boolean {
  const name = host.toLowerCase();
  if (!name.includes('.') || internalHosts.names.includes(name as never) || internalHosts.privateAddress.test(name)) return false;
  return !internalHosts.suffixes.some((suffix) => name.endsWith(suffix));
}

/**
 * Code that runs only outside production: `if (process.env.NODE_ENV === 'development') { app.get(…) }`
 * registers a route for local work (a proxy to a storage emulator, a fixture server) that production never
 * serves, so no trace arrives there to be carried on. `NODE_ENV` is the convention express and most Node
 * tooling read (expressjs.com "Production best practices: performance and reliability", "Set NODE_ENV to
 * production").
 */
export const developmentOnlyCode = {
  environmentVariable: 'NODE_ENV',
  /** Values that name a non-production environment. */
  developmentValues: ['development', 'dev', 'local', 'test'],
  productionValue: 'production',
} as const;
