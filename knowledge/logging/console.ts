/**
 * console: writes a line of text; nothing in it is a field a log pipeline can index or join on.
 * Node.js documentation (https://nodejs.org/api/console.html).
 */
import type { LoggerLibrarySpec } from './types.js';

export const consoleLogger = {
  name: 'console',
  packages: [],
  global: 'console',
  versionRead: '20.20.2',
  repository: 'https://github.com/nodejs/node',
  factories: [],
  alwaysFields: [],
  fieldOptions: {},
  logMethods: ['log', 'info', 'warn', 'error', 'debug', 'trace'],
  recordShape: 'text',
  source: 'node@20.20.2 lib/internal/console/constructor.js (log, info, warn, error, debug, trace write formatted text)',
} as const satisfies LoggerLibrarySpec;

/**
 * Packages that give a service a structured logger. A console line in a package that depends on one of
 * them bypasses the service's logger; in a package that depends on none, console is its logger.
 */
export const structuredLoggerPackages = [
  'pino',
  'pino-http',
  'express-pino-logger',
  'winston',
  'bunyan',
  '@nestjs/common',
  'nestjs-pino',
  'nest-winston',
  'log4js',
  'loglevel',
  'roarr',
  'tslog',
  '@opentelemetry/api-logs',
] as const;
