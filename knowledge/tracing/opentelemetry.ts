/**
 * What sets up tracing for a whole process, and over which outbound libraries the setup then carries the
 * trace context by itself. OpenTelemetry: `new NodeSDK({ instrumentations }).start()`,
 * `registerInstrumentations({ instrumentations })`, `getNodeAutoInstrumentations()`, the zero-code
 * `@opentelemetry/auto-instrumentations-node/register` import; Datadog's `dd-trace` `init()`; Instana's
 * `require('@instana/collector')()`; Elastic APM's `require('elastic-apm-node').start()`.
 *
 * The SDK packages require Node 22.15 or later in their current versions, so they are not installed here:
 * their behaviour was read from the opentelemetry-js and opentelemetry-js-contrib sources named below.
 */
import type { InstrumentationSpec, TracingSetupSpec } from './types.js';

const SDK_NODE = 'open-telemetry/opentelemetry-js@5ce7acc experimental/packages/opentelemetry-sdk-node/src/sdk.ts';
const AUTO = 'open-telemetry/opentelemetry-js-contrib metapackages/auto-instrumentations-node/src/utils.ts (`InstrumentationMap`)';

export const nodeSdk = {
  name: 'OpenTelemetry NodeSDK',
  packages: ['@opentelemetry/sdk-node'],
  versionRead: '0.203.0',
  repository: 'https://github.com/open-telemetry/opentelemetry-js',
  kind: 'construct',
  exportName: 'NodeSDK',
  startMethod: 'start',
  instrumentationsOption: 'instrumentations',
  // The constructor keeps `configuration.instrumentations?.flat() ?? []`: with none given, nothing is
  // patched and no outbound call carries the context, though the propagator is set up.
  instruments: [],
  source: `${SDK_NODE} (\`this._instrumentations = configuration.instrumentations?.flat() ?? []\`; \`start()\` calls \`registerInstrumentations\` and \`setupPropagator(… ?? getPropagatorFromEnv())\`)`,
} as const satisfies TracingSetupSpec;

export const registerInstrumentations = {
  name: 'OpenTelemetry registerInstrumentations',
  packages: ['@opentelemetry/instrumentation'],
  versionRead: '0.203.0',
  repository: 'https://github.com/open-telemetry/opentelemetry-js',
  kind: 'call',
  exportName: 'registerInstrumentations',
  instrumentationsOption: 'instrumentations',
  instruments: [],
  source: 'open-telemetry/opentelemetry-js experimental/packages/opentelemetry-instrumentation/src/autoLoader.ts (`registerInstrumentations(options)` enables `options.instrumentations`)',
} as const satisfies TracingSetupSpec;

export const autoInstrumentationsRegister = {
  name: 'OpenTelemetry zero-code instrumentation',
  packages: ['@opentelemetry/auto-instrumentations-node/register'],
  versionRead: '0.62.0',
  repository: 'https://github.com/open-telemetry/opentelemetry-js-contrib',
  kind: 'import',
  exportName: '',
  instruments: 'all',
  source: 'open-telemetry/opentelemetry-js-contrib metapackages/auto-instrumentations-node/src/register.ts (starts a NodeSDK with `getNodeAutoInstrumentations()`)',
} as const satisfies TracingSetupSpec;

export const ddTrace = {
  name: 'Datadog dd-trace',
  packages: ['dd-trace'],
  versionRead: '5.x',
  repository: 'https://github.com/DataDog/dd-trace-js',
  kind: 'call',
  exportName: 'init',
  // `tracer.init()` patches http, https, fetch, kafkajs and amqplib among its default integrations.
  instruments: 'all',
  source: 'DataDog/dd-trace-js docs/API.md ("tracer.init() … all integrations are enabled by default")',
} as const satisfies TracingSetupSpec;

/**
 * Instana: the collector is started by calling the package itself, first thing in the process
 * (`require('@instana/collector')()`); it then traces and carries the context on over http/https clients
 * (so axios, got, superagent, node-fetch), Node's fetch (collector 2.15.0 and later), kafkajs and amqplib.
 */
export const instanaCollector = {
  name: 'Instana collector',
  packages: ['@instana/collector'],
  versionRead: '4.x',
  repository: 'https://github.com/instana/nodejs',
  kind: 'call',
  exportName: 'default',
  instruments: ['node:http', 'axios', 'got', 'superagent', 'node-fetch', 'fetch', 'ky', 'kafkajs', 'amqplib'],
  source: 'IBM Instana docs "Supported Node.js libraries and frameworks" (http, https: httpClient from 1.10.0; fetch: nativefetch from 2.15.0; superagent; kafkajs; amqplib) and "Monitoring Node.js" (`require(\'@instana/collector\')();` as the first statement)',
} as const satisfies TracingSetupSpec;

/**
 * Elastic APM's Node.js agent, started first thing in the process with `require('elastic-apm-node').start(…)`
 * or by loading its `elastic-apm-node/start` module. It writes `traceparent` and `tracestate` on every
 * outgoing http/https request (so axios, got, superagent, node-fetch), on undici's requests (Node's fetch
 * and ky) and into the headers of each kafkajs message it sends. Not amqplib: the agent has no amqplib
 * instrumentation. Not installed here; read from the agent's sources named below.
 */
const ELASTIC_APM_SOURCE =
  'elastic/apm-agent-nodejs lib/instrumentation/http-shared.js (`newHeaders.traceparent = headerValue` on outgoing requests), lib/instrumentation/modules/undici.js (`propagateTraceContextHeaders` on `undici:request:create`, also for Node\'s fetch), lib/instrumentation/modules/kafkajs.js (`propagateTraceContextHeaders` into each message\'s headers on `send`)';
const ELASTIC_APM_INSTRUMENTS = ['node:http', 'axios', 'got', 'superagent', 'node-fetch', 'fetch', 'undici', 'ky', 'kafkajs'] as const;

export const elasticApm = {
  name: 'Elastic APM agent',
  packages: ['elastic-apm-node'],
  versionRead: '4.x',
  repository: 'https://github.com/elastic/apm-agent-nodejs',
  kind: 'call',
  exportName: 'start',
  instruments: ELASTIC_APM_INSTRUMENTS,
  source: ELASTIC_APM_SOURCE,
} as const satisfies TracingSetupSpec;

/** `import 'elastic-apm-node/start'` (or `require`): starts the agent from its environment variables. */
export const elasticApmStart = {
  name: 'Elastic APM agent',
  packages: ['elastic-apm-node/start', 'elastic-apm-node/start.js'],
  versionRead: '4.x',
  repository: 'https://github.com/elastic/apm-agent-nodejs',
  kind: 'import',
  exportName: '',
  instruments: ELASTIC_APM_INSTRUMENTS,
  source: `${ELASTIC_APM_SOURCE}; start.js (\`const apm = require('./')\`, then \`apm.start()\` on the main thread)`,
} as const satisfies TracingSetupSpec;

export const TRACING_SETUPS: readonly TracingSetupSpec[] = [nodeSdk, registerInstrumentations, autoInstrumentationsRegister, ddTrace, instanaCollector, elasticApm, elasticApmStart];

/**
 * A service's own module that starts tracing, loaded before the rest of the code: `import './instrumentation'`,
 * `require('./tracing')`, or `import { setupTracing } from './tracer'` then `setupTracing(…)` at the top of
 * the entry module. The names are the convention of OpenTelemetry's getting-started guide for Node.js
 * (`instrumentation.ts`, loaded first), of opentelemetry-js-contrib's examples (`tracer.ts` exporting
 * `setupTracing(serviceName)`) and of Datadog's and Elastic's guides (`tracer.js`, `tracing.js`). What such a
 * module instruments can be read only with type information; without it, a call it may cover is given the
 * benefit of the doubt.
 */
export const localTracingModule = {
  basenames: ['tracing', 'tracer', 'telemetry', 'otel', 'opentelemetry', 'instrumentation', 'instrument', 'observability'],
  setupFunction: /^(?:setup|init|initialize|start|register|configure)(?:Tracing|Tracer|Telemetry|OpenTelemetry|Otel|Instrumentation|Observability)$/i,
  source: 'opentelemetry.io/docs/languages/js/getting-started/nodejs ("instrumentation.ts" run with --import before the app); open-telemetry/opentelemetry-js-contrib examples/express/src/tracer.ts (`setupTracing`) and server.ts (`setupTracing(…)` first)',
} as const;

/**
 * Instrumentations and the outbound libraries they inject `traceparent` into. The http instrumentation
 * patches `http.request`/`https.request`, which axios, got, superagent and node-fetch send through; Node's
 * global fetch and ky go through undici and need the undici instrumentation.
 */
export const INSTRUMENTATIONS: readonly InstrumentationSpec[] = [
  { package: '@opentelemetry/auto-instrumentations-node', exportName: 'getNodeAutoInstrumentations', injectsInto: 'all', source: `${AUTO}: http, undici, kafkajs, amqplib and the rest, each enabled unless turned off` },
  { package: '@opentelemetry/instrumentation-http', exportName: 'HttpInstrumentation', injectsInto: ['node:http', 'axios', 'got', 'superagent', 'node-fetch'], source: 'opentelemetry-js experimental/packages/opentelemetry-instrumentation-http/src/http.ts (`propagation.inject(…, optionsParsed.headers)` in `_getPatchOutgoingRequestFunction`)' },
  { package: '@opentelemetry/instrumentation-undici', exportName: 'UndiciInstrumentation', injectsInto: ['fetch', 'undici', 'ky'], source: 'opentelemetry-js-contrib packages/instrumentation-undici/src/undici.ts (`propagation.inject` into the request headers on `undici:request:create`)' },
  { package: '@opentelemetry/instrumentation-kafkajs', exportName: 'KafkaJsInstrumentation', injectsInto: ['kafkajs'], source: 'opentelemetry-js-contrib packages/instrumentation-kafkajs/src/instrumentation.ts (`propagation.inject` into `message.headers` on send)' },
  { package: '@opentelemetry/instrumentation-amqplib', exportName: 'AmqplibInstrumentation', injectsInto: ['amqplib'], source: 'opentelemetry-js-contrib packages/instrumentation-amqplib/src/amqplib.ts (`propagation.inject` into `options.headers` on publish)' },
];

/** Every package whose import is a tracing setup or an instrumentation, for the cheap text pre-check. */
export const TRACING_PACKAGES: readonly string[] = [
  ...TRACING_SETUPS.flatMap((setup) => setup.packages),
  ...INSTRUMENTATIONS.map((instrumentation) => instrumentation.package),
];
