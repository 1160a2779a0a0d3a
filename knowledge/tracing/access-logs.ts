/**
 * Access logs: middleware, or an option of the app, that writes one line per request with its method,
 * path, status and duration. Without one, nobody can tell which requests a service served, how slowly,
 * and with what answer.
 * Read from pino-http 11.0.0, morgan 1.12.1 and fastify 4.29.1 as installed; the others from their docs.
 */
import type { AccessLogSpec } from './types.js';

export const pinoHttp = {
  name: 'pino-http',
  packages: ['pino-http', 'express-pino-logger', 'koa-pino-logger', 'hono-pino'],
  versionRead: '11.0.0',
  repository: 'https://github.com/pinojs/pino-http',
  kind: 'middleware',
  names: ['default', 'pinoHttp'],
  logsDuration: true,
  // logger.js `onResFinished`: logs `req`, `res` (statusCode) and `responseTime` ('request completed').
  source: 'pino-http@11.0.0 logger.js (`const responseTime = Date.now() - res[startTime]`, `[responseTimeKey]: responseTime`)',
} as const satisfies AccessLogSpec;

export const morgan = {
  name: 'morgan',
  packages: ['morgan'],
  versionRead: '1.12.1',
  repository: 'https://github.com/expressjs/morgan',
  kind: 'middleware',
  names: ['default'],
  // 'combined' and 'common' log method, url and status but no duration; 'dev', 'short' and 'tiny' add :response-time.
  logsDuration: false,
  durationByFormat: { timedFormats: ['dev', 'short', 'tiny'], timedTokens: [':response-time', ':total-time'] },
  source: 'morgan@1.12.1 index.js (`morgan.format(\'combined\', …":method :url HTTP/:http-version" :status…\')`, `morgan.format(\'tiny\', \':method :url :status :res[content-length] - :response-time ms\')`)',
} as const satisfies AccessLogSpec;

export const expressWinston = {
  name: 'express-winston',
  packages: ['express-winston'],
  versionRead: '4.2.0',
  repository: 'https://github.com/bithavoc/express-winston',
  kind: 'middleware',
  names: ['logger'],
  logsDuration: true,
  source: 'bithavoc/express-winston Readme.md (`expressWinston.logger({ … })`: "HTTP {{req.method}} {{req.url}} {{res.statusCode}} {{res.responseTime}}ms")',
} as const satisfies AccessLogSpec;

export const koaLogger = {
  name: 'koa-logger',
  packages: ['koa-logger'],
  versionRead: '3.2.1',
  repository: 'https://github.com/koajs/logger',
  kind: 'middleware',
  names: ['default'],
  logsDuration: true,
  source: 'koajs/logger README.md ("<-- GET /", "--> GET / 200 835ms 746b")',
} as const satisfies AccessLogSpec;

/** nestjs-pino: `LoggerModule.forRoot({ pinoHttp })` installs pino-http for every route. */
export const nestjsPino = {
  name: 'nestjs-pino',
  packages: ['nestjs-pino'],
  versionRead: '4.x',
  repository: 'https://github.com/iamolegga/nestjs-pino',
  kind: 'module',
  names: ['LoggerModule'],
  logsDuration: true,
  source: 'iamolegga/nestjs-pino README.md ("LoggerModule.forRoot() … logs every request with pino-http")',
} as const satisfies AccessLogSpec;

/**
 * fastify: `logger: true`, a logger options object, or (v5) `loggerInstance` turns on its request log, which
 * writes 'incoming request' and 'request completed' with `responseTime`; `disableRequestLogging: true`
 * turns that log off again. The default `logger` is false: a null logger.
 */
export const fastifyLogger = {
  name: 'fastify logger',
  packages: ['fastify'],
  versionRead: '4.29.1',
  repository: 'https://github.com/fastify/fastify',
  kind: 'app-option',
  framework: 'fastify',
  names: ['logger', 'loggerInstance'],
  turnedOffBy: 'disableRequestLogging',
  logsDuration: true,
  source: 'fastify@4.29.1 lib/logger.js (`if (!options.logger) { const logger = nullLogger …`), lib/reply.js (`responseTime` … \'request completed\'), lib/configValidator.js (`disableRequestLogging` default false)',
} as const satisfies AccessLogSpec;

export const ACCESS_LOGS: readonly AccessLogSpec[] = [pinoHttp, morgan, expressWinston, koaLogger, nestjsPino, fastifyLogger];

/**
 * A hand-written access log reads these on the response side, and measures time with one of `timers`.
 * A middleware or interceptor that reads a status and a timer and the method counts as one.
 */
export const handWrittenAccessLog = {
  statusProperties: ['statusCode', 'status'],
  methodProperties: ['method'],
  timers: [['Date', 'now'], ['performance', 'now'], ['process', 'hrtime']],
  /**
   * Durations a framework measures itself, read from its reply: fastify's `reply.elapsedTime` (4.x and 5.x;
   * `reply.getResponseTime()` before it, deprecated in 4.x). Source: fastify@4.29.1 lib/reply.js
   * (`Object.defineProperties(Reply.prototype, { … elapsedTime: { get () { … } } })`).
   */
  durationProperties: ['elapsedTime', 'getResponseTime'],
  /** Response events after which the status and duration are known. */
  finishEvents: ['finish', 'close'],
  /**
   * Hooks a framework runs once the response is sent, registered as `app.addHook(name, fn)`: fastify's
   * `onResponse`. Source: fastify@4.29.1 docs/Reference/Hooks.md ("onResponse … executed when a response
   * has been sent, so you will not be able to send more data to the client").
   */
  responseHooks: { method: 'addHook', names: ['onResponse'] },
  /**
   * What writes the line, besides a logger's level methods (`log.info(…)`, `console.log(…)`): a stream's
   * `write` (`process.stdout.write(…)`), or a function of the service's own whose name says it logs
   * (`log(…)`, `logRequest(…)`, `writeAccessLog(…)`). A middleware that only tags a span or feeds a metric
   * with the method and status writes no line per request.
   */
  writeMethods: ['write'],
  logFunctionName: /^log(?:[A-Z]\w*)?$|Log$/,
} as const;
