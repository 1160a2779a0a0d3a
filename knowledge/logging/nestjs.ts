/**
 * NestJS: the `Logger` class writes through the application logger (`app.useLogger()`, or the `logger`
 * option of `NestFactory.create`); the default application logger is `ConsoleLogger`, which writes text
 * (or JSON with level, pid, timestamp, message and context) and no trace or service field. nestjs-pino
 * replaces it with pino and pino-http's request logger, found through AsyncLocalStorage.
 * Read from @nestjs/common 11.2.12 and nestjs-pino 4.6.1 as installed.
 */
import type { LoggerLibrarySpec } from './types.js';
import { pino } from './pino.js';

export const nestjsLogger = {
  name: 'nestjs',
  fix: { service: 'a structured application logger given to `app.useLogger()`', trace: 'a structured application logger given to `app.useLogger()`' },
  writesThrough: 'application-logger',
  packages: ['@nestjs/common'],
  versionRead: '11.2.12',
  repository: 'https://github.com/nestjs/nest',
  // services/logger.service.js: `Logger` delegates every call to `Logger.staticInstanceRef`, the application
  // logger; services/console-logger.service.js `ConsoleLogger` is the default one.
  factories: [{ paths: [['Logger'], ['ConsoleLogger']], construct: true, optionsArgument: 1 }],
  alwaysFields: ['level', 'pid', 'timestamp', 'message', 'context'],
  fieldOptions: {},
  logMethods: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'],
  recordShape: 'message',
  source: '@nestjs/common@11.2.12 services/logger.service.js (`localInstance` → `Logger.staticInstanceRef`), services/console-logger.service.js `printMessages`',
} as const satisfies LoggerLibrarySpec;

/** The classes whose instances write through the application logger, and the one that is the default. */
export const nestjsApplicationLogger = {
  delegatingClasses: ['Logger'],
  defaultClass: 'ConsoleLogger',
  /** `app.useLogger(logger)` and `NestFactory.create(module, { logger })` set it. */
  useLoggerMethod: 'useLogger',
  factoryOption: 'logger',
  factory: { package: '@nestjs/core', path: ['NestFactory', 'create'] },
  source: '@nestjs/common@11.2.12 interfaces/nest-application-context.interface.d.ts (`useLogger`), interfaces/nest-application-context-options.interface.d.ts (`logger?: LoggerService | LogLevel[] | false`)',
} as const;

export const nestjsPino = {
  name: 'nestjs-pino',
  fix: { service: '`name` in the `pinoHttp` options of `LoggerModule.forRoot()`', trace: 'a `mixin` or `customProps` in the `pinoHttp` options of `LoggerModule.forRoot()`' },
  writesThrough: 'configured-module',
  packages: ['nestjs-pino'],
  versionRead: '4.6.1',
  repository: 'https://github.com/iamolegga/nestjs-pino',
  // PinoLogger.js: `get logger() { return storage.getStore()?.logger || outOfContext }`: pino-http's request
  // logger inside a request, the root pino logger made from the `pinoHttp` options outside one.
  factories: [{ paths: [['PinoLogger'], ['Logger']], construct: true, optionsArgument: 0 }],
  alwaysFields: pino.alwaysFields,
  fieldOptions: {},
  logMethods: [...pino.logMethods, 'log', 'verbose'],
  recordShape: 'object-first',
  source: 'nestjs-pino@4.6.1 PinoLogger.js (`call(method, ...args)`: an object first argument is merged with `context`), Logger.js',
} as const satisfies LoggerLibrarySpec;

/** `LoggerModule.forRoot({ pinoHttp })` / `forRootAsync({ useFactory })`: where the pino-http options are. */
export const nestjsPinoModule = {
  module: 'LoggerModule',
  methods: ['forRoot', 'forRootAsync'],
  asyncFactoryOption: 'useFactory',
  pinoHttpOption: 'pinoHttp',
  source: 'nestjs-pino@4.6.1 LoggerModule.js (`forRoot(params)`, `forRootAsync(params)`), PinoLogger.js constructor (`pinoHttp` as options, `[options, stream]` or `{ logger }`)',
} as const;
