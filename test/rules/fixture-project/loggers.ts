// Loggers that typed rule tests import from another module.
import { AsyncLocalStorage } from 'node:async_hooks';

import pino from 'pino';
import winston from 'winston';

const context = new AsyncLocalStorage<{ traceId: string }>();

/** Names the service, binds no trace id. */
export const appLogger = pino({ name: 'orders', level: 'info' });

/** Binds both: the service in `base`, the trace id from the request context. */
export const tracedLogger = pino({
  base: { service: 'orders' },
  mixin: () => ({ traceId: context.getStore()?.traceId }),
});

export function createModuleLogger(module: string) {
  return appLogger.child({ module });
}

export const winstonLogger = winston.createLogger({ defaultMeta: { service: 'orders' } });

export const loggers = { audit: appLogger.child({ component: 'audit' }) };

export default pino({ name: 'billing', mixin: () => ({ trace_id: context.getStore()?.traceId }) });

/** A service's own logger class over pino: each level method adds the service, none the trace id. */
export class ServiceLogger {
  private readonly logger = pino({ base: null });

  constructor(private readonly service: string) {}

  info(message: string): void {
    this.logger.info({ service: this.service }, message);
  }

  error(message: string): void {
    this.logger.error({ service: this.service }, message);
  }
}
