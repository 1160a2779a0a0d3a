// OpenTelemetry set up for the service: pino records get the active trace id.
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';

export const instrumentations = [new PinoInstrumentation()];
