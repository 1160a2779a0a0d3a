/**
 * Log correlation done outside the logger's own code: OpenTelemetry's log instrumentations write the
 * active span's ids into every pino, winston and bunyan record (the auto-instrumentations bundle registers
 * all three), and dd-trace does the same with `logInjection`.
 * Read from @opentelemetry/instrumentation-pino 0.69.0, -winston 0.68.1 and -bunyan 0.68.0 as installed.
 */
import type { LogCorrelationSpec } from './types.js';

const OTEL_REPOSITORY = 'https://github.com/open-telemetry/opentelemetry-js-contrib';
const OTEL_FIELDS = ['trace_id', 'span_id', 'trace_flags'];

export const otelPino = {
  name: 'OpenTelemetry pino instrumentation',
  packages: ['@opentelemetry/instrumentation-pino'],
  versionRead: '0.69.0',
  repository: OTEL_REPOSITORY,
  instruments: ['pino', 'pino-http', 'nestjs-pino'],
  fields: OTEL_FIELDS,
  disabledBy: 'disableLogCorrelation',
  source: '@opentelemetry/instrumentation-pino@0.69.0 build/src/instrumentation.js (DEFAULT_LOG_KEYS trace_id/span_id/trace_flags, `logKeys`, `disableLogCorrelation`)',
} as const satisfies LogCorrelationSpec;

export const otelWinston = {
  name: 'OpenTelemetry winston instrumentation',
  packages: ['@opentelemetry/instrumentation-winston'],
  versionRead: '0.68.1',
  repository: OTEL_REPOSITORY,
  instruments: ['winston'],
  fields: OTEL_FIELDS,
  disabledBy: 'disableLogCorrelation',
  source: '@opentelemetry/instrumentation-winston@0.68.1 build/src/instrumentation.js (`trace_id: spanContext.traceId`, `disableLogCorrelation`)',
} as const satisfies LogCorrelationSpec;

export const otelBunyan = {
  name: 'OpenTelemetry bunyan instrumentation',
  packages: ['@opentelemetry/instrumentation-bunyan'],
  versionRead: '0.68.0',
  repository: OTEL_REPOSITORY,
  instruments: ['bunyan'],
  fields: OTEL_FIELDS,
  disabledBy: 'disableLogCorrelation',
  source: "@opentelemetry/instrumentation-bunyan@0.68.0 build/src/instrumentation.js (`record['trace_id'] = spanContext.traceId`)",
} as const satisfies LogCorrelationSpec;

export const otelAutoInstrumentations = {
  name: 'OpenTelemetry auto-instrumentations',
  packages: ['@opentelemetry/auto-instrumentations-node'],
  versionRead: 'docs',
  repository: OTEL_REPOSITORY,
  instruments: ['pino', 'pino-http', 'nestjs-pino', 'winston', 'bunyan'],
  fields: OTEL_FIELDS,
  source: 'https://github.com/open-telemetry/opentelemetry-js-contrib/tree/main/packages/auto-instrumentations-node (registers instrumentation-pino, -winston and -bunyan)',
} as const satisfies LogCorrelationSpec;

export const datadogLogInjection = {
  name: 'dd-trace log injection',
  packages: ['dd-trace'],
  versionRead: 'docs',
  repository: 'https://github.com/DataDog/dd-trace-js',
  instruments: ['pino', 'pino-http', 'nestjs-pino', 'winston', 'bunyan'],
  fields: ['dd.trace_id', 'dd.span_id'],
  source: 'https://docs.datadoghq.com/tracing/other_telemetry/connect_logs_and_traces/nodejs/ (`logInjection: true` or DD_LOGS_INJECTION)',
} as const satisfies LogCorrelationSpec;

export const LOG_CORRELATIONS = [otelPino, otelWinston, otelBunyan, otelAutoInstrumentations, datadogLogInjection] as const;
