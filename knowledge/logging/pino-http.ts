/**
 * pino-http: the request logger it puts on `req.log` and `res.log`, and what it binds there.
 * Read from pino-http 11.0.0 as installed (logger.js).
 */
import type { OptionSpec } from '../types.js';
import type { LoggerLibrarySpec } from './types.js';
import { pino } from './pino.js';

export const pinoHttp = {
  name: 'pino-http',
  fix: { service: '`base: { service }` or `name`', trace: '`customProps`, a `genReqId` that reads the incoming trace header, or a `mixin`' },
  makesRequestLoggers: true,
  // express-pino-logger is pino-http under its former name: 7.0.0 depends on pino-http ^7.0.0 and exports its
  // middleware, with the same options and the same `req.log` (package.json, README "same options of pino").
  packages: ['pino-http', 'express-pino-logger'],
  versionRead: '11.0.0',
  repository: 'https://github.com/pinojs/pino-http',
  // logger.js: `module.exports = pinoLogger`, `.default = pinoLogger`, `.pinoHttp = pinoLogger`. Its options are
  // pino's options plus its own (`wrapChild`: `pino(opts, stream)` unless `opts.logger` is given).
  factories: [{ paths: [[], ['default'], ['pinoHttp']], construct: false, optionsArgument: 0 }],
  alwaysFields: pino.alwaysFields,
  fieldOptions: pino.fieldOptions,
  child: pino.child,
  logMethods: pino.logMethods,
  recordShape: 'object-first',
  source: 'pino-http@11.0.0 logger.js `loggingMiddleware` (`req.log = requestLogger`, a child of the pino logger)',
} as const satisfies LoggerLibrarySpec;

/** What the request logger (`req.log`) binds besides the parent logger's fields. */
export const pinoHttpRequestLogger = {
  /** The request properties the request logger may be read from. */
  properties: ['log'],
  /** `log.child({ [reqKey]: req })`; pino-std-serializers writes `req.id` (lib/req.js). */
  requestField: 'req',
  requestIdField: 'req.id',
  /** With `quietReqLogger: true` the request logger binds `{ [requestIdKey]: req.id }` instead. */
  quietRequestIdField: 'reqId',
  customProps: {
    unit: 'function',
    default: undefined,
    meaning: 'An object, or a function of (req, res) returning one, bound to the request logger with `child()`.',
    source: 'pino-http@11.0.0 logger.js `loggingMiddleware` (`fullReqLogger = fullReqLogger.child(customPropBindings)`)',
  } satisfies OptionSpec,
  source: 'pino-http@11.0.0 logger.js `loggingMiddleware` (`log.child({ [reqKey]: req })`, `quietReqLogger ? logger.child({ [requestIdKey]: req.id })`)',
} as const;

/** `genReqId`: where `req.id` comes from. */
export const pinoHttpGenReqId = {
  unit: 'function',
  default: 'a counter local to the process',
  meaning: 'Returns the request id; the default numbers requests from 1 in each process, so it joins nothing across services.',
  source: 'pino-http@11.0.0 logger.js `reqIdGenFactory` (`return req.id || (nextReqId = (nextReqId + 1) & maxInt)`)',
} as const satisfies OptionSpec<string>;
