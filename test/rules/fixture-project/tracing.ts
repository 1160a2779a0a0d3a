// The service's own tracing module that typed tracing tests load first: OpenTelemetry with the http
// instrumentation only, so clients built on node:http carry the context and Node's global fetch does not.
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';

export function setupTracing(): void {
  registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });
}
