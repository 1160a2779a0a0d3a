import path from 'node:path';

import * as espree from 'espree';

import rule from '../../rules/require-log-fields.js';
import { COMMONJS, createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs over TypeScript, plain JavaScript (espree), CommonJS and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };
const NEST_APP_FILE = path.join(FIXTURE_PROJECT, 'nest-app', 'file.ts');
const NEST_CONSOLE_FILE = path.join(FIXTURE_PROJECT, 'nest-console', 'file.ts');
const OTEL_FILE = path.join(FIXTURE_PROJECT, 'otel-service', 'file.ts');
/** Untyped files on disk: one in this package (whose package.json depends on no logging library), one in the checkout fixture (pino). */
const NO_LOGGER_PACKAGE_FILE = path.resolve(FIXTURE_PROJECT, '../../../src/orders/report.ts');
const LOGGER_PACKAGE_FILE = path.resolve(FIXTURE_PROJECT, '../../../fixtures/checkout-service/src/report.ts');

const pinoTraceFix = 'a `mixin` that returns the current trace id';
const pinoBothFix = 'a `mixin` that returns the current trace id and `base: { service }`';
const winstonTraceFix = 'a format that adds the current trace id';

createRuleTester().run('require-log-fields', rule as never, {
  valid: [
    // pino: the service in `base`, the trace id from a mixin that reads the request context.
    `
import pino from 'pino';
import { getTraceId } from './tracing';

const logger = pino({ base: { service: 'orders' }, mixin: () => ({ traceId: getTraceId() }) });

export function placeOrder(orderId: string) {
  logger.info({ orderId }, 'order placed');
}
`,
    // A mixin returning the AsyncLocalStorage store, whose every run() in this module holds the trace id.
    `
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

const requestContext = new AsyncLocalStorage<{ traceId: string; userId?: string }>();

const logger = pino({ name: 'payments', mixin: () => requestContext.getStore() ?? {} });

export function withContext(traceId: string, next: () => void) {
  requestContext.run({ traceId }, next);
}

export function charge(amount: number) {
  logger.info({ amount }, 'charging');
}
`,
    // A mixin whose store comes from another module: it may hold anything, so nothing is reported.
    `
import pino from 'pino';
import { requestContext } from './context';

const logger = pino({ name: 'payments', mixin() { return requestContext.getStore() ?? {}; } });
logger.info('charging');
`,
    // A child that binds both fields for the request.
    `
import pino from 'pino';

const root = pino();

export function handle(req: { headers: Record<string, string> }) {
  const log = root.child({ traceId: req.headers['traceparent'], service: 'inventory' });
  log.info('reserving stock');
  log.warn({ sku: 'A-1' }, 'low stock');
}
`,
    // The record itself carries both fields.
    `
import pino from 'pino';

const logger = pino();

export function audit(traceId: string) {
  logger.info({ traceId, service: 'audit' }, 'audit entry written');
}
`,
    // formatters.log adds the trace id to every record; the name is the service.
    `
import pino from 'pino';
import { context, trace } from '@opentelemetry/api';

const logger = pino({
  name: 'search',
  formatters: {
    log(object) {
      const span = trace.getSpan(context.active());
      if (!span) return { ...object };
      return { ...object, traceId: span.spanContext().traceId };
    },
  },
});
logger.info('index refreshed');
`,
    // Options held in a variable, with a spread.
    `
import pino from 'pino';

const BASE = { service: 'ledger' };
const options = { base: { ...BASE, region: 'eu' }, mixin: () => ({ trace_id: currentTrace() }) };
const logger = pino(options);
logger.info('posting entries');
`,
    // winston: defaultMeta names the service, a custom format adds the trace id.
    `
import winston from 'winston';
import { currentTraceId } from './context';

const addTrace = winston.format((info) => {
  info.traceId = currentTraceId();
  return info;
});

const logger = winston.createLogger({
  defaultMeta: { service: 'notifications' },
  format: winston.format.combine(addTrace(), winston.format.timestamp(), winston.format.json()),
});
logger.info('email queued', { template: 'welcome' });
`,
    // winston child per request.
    `
import { createLogger, format } from 'winston';

const logger = createLogger({ defaultMeta: { service: 'shipping' }, format: format.json() });

export function handle(traceId: string) {
  const log = logger.child({ traceId });
  log.info('label printed');
  log.log('warn', 'carrier slow');
}
`,
    // winston: a format from elsewhere may add any field.
    `
import winston from 'winston';
import { traceFormat } from './formats';

const logger = winston.createLogger({ defaultMeta: { service: 'shipping' }, format: winston.format.combine(traceFormat(), winston.format.json()) });
logger.info('label printed');
`,
    // pino-http: customProps binds the trace id; the name is the service.
    `
import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp({ name: 'catalog', customProps: (req) => ({ traceId: req.headers['x-trace-id'] }) }));
app.get('/products', (req, res) => {
  req.log.info('listing products');
  res.json([]);
});
`,
    // express-pino-logger (pino-http under its former name), required inline: its name is the service and
    // customProps binds the incoming trace id to every request's logger.
    {
      code: `
const express = require('express');

const app = express();
app.use(require('express-pino-logger')({ name: 'basket', customProps: (req) => ({ traceId: req.get('x-b3-traceid') }) }));
app.delete('/basket/:id', (req, res) => {
  req.log.info({ basket: req.params.id }, 'basket emptied');
  res.sendStatus(204);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
    },
    // pino-http binding Google Cloud Logging's trace field, read from the load balancer's trace header.
    `
import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(
  pinoHttp({
    name: 'catalog',
    customProps: (req) => ({ 'logging.googleapis.com/trace': \`projects/\${process.env.GOOGLE_CLOUD_PROJECT}/traces/\${String(req.headers['x-cloud-trace-context'] ?? '').split('/')[0]}\` }),
  }),
);
app.get('/products', (req, res) => {
  req.log.info('listing products');
  res.json([]);
});
`,
    // pino-http: the request id is the incoming traceparent, so req.id joins services.
    `
import express from 'express';
import { pinoHttp } from 'pino-http';

const app = express();
app.use(pinoHttp({ base: { service: 'catalog' }, genReqId: (req) => String(req.headers['traceparent'] ?? '') }));
app.get('/products/:id', (req, res) => {
  req.log.debug({ id: req.params.id }, 'product read');
  res.json({});
});
`,
    // Loggers that cannot be followed (an import without type information, a parameter, a reassigned
    // variable, a container lookup) are never reported.
    `
import { logger } from './logger';

logger.info('started');
`,
    `
export function handle(log, order) {
  log.info({ orderId: order.id }, 'order received');
}
`,
    `
import pino from 'pino';

let logger = pino();
if (process.env.NODE_ENV === 'test') logger = pino({ level: 'silent' });
logger.info('started');
`,
    `
const logger = container.resolve('logger');
logger.error('boom');
`,
    // A record that cannot be read may hold the fields.
    `
import pino from 'pino';

const logger = pino({ name: 'jobs' });

export function run(context: Record<string, unknown>, meta) {
  logger.info({ ...context }, 'job started');
  logger.info(meta, 'job finished');
}
`,
    // Methods that do not write a record, and objects that are not loggers.
    `
import pino from 'pino';

const logger = pino();
logger.level = 'debug';
logger.flush();
const child = logger.child({ module: 'x' });
toast.error('Could not save');
Math.log(10);
res.status(500).json({ error: 'failed' });
`,
    // NestJS without type information: the application logger is set in another module.
    `
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  create() {
    this.logger.log('order created');
  }
}
`,
    // bunyan: the name is the service; the child binds the trace id. Plain JavaScript.
    {
      code: `
import bunyan from 'bunyan';

const log = bunyan.createLogger({ name: 'billing' });

export function handle(req) {
  const requestLog = log.child({ trace_id: req.headers['x-trace-id'] });
  requestLog.info('invoice created');
}
`,
      languageOptions: javascript,
    },
    // CommonJS, destructured require, defaultMeta with both fields.
    {
      code: `
const { createLogger, format } = require('winston');

const logger = createLogger({ defaultMeta: { service: 'mailer', traceId: process.env.BATCH_TRACE_ID }, format: format.json() });
logger.info('batch sent');
`,
      languageOptions: COMMONJS,
    },
    // console: scripts, CLIs and migrations write to the operator, not to a log pipeline.
    { code: `console.log('migrated 42 rows');`, filename: 'scripts/backfill-orders.ts' },
    { code: `console.log('migrated 42 rows');`, filename: 'src/migrations/1700000000-add-index.ts' },
    // A migration runner beside the database code, and seed data for a demo database: operator output.
    { code: `export async function runMigrations() {\n  try {\n    await migrate();\n  } catch (error) {\n    console.error('migration failed', error);\n  }\n}`, filename: 'src/database/migration-runner.ts' },
    { code: `export const seedTags = async (tags: string[]) => {\n  console.log(\`seeding \${tags.length} tags\`);\n};`, filename: 'src/tags/tag.seed.ts' },
    // Test code, by the policy's `tests` patterns: out of every rule's scope.
    { code: `console.log('test database:', process.env.DATABASE_URL);`, filename: 'vitest.setup.ts' },
    { code: `console.log('seeded', rows.length);`, filename: 'src/orders/orders.e2e-spec.ts' },
    { code: `#!/usr/bin/env node\nconsole.log('usage: reindex <collection>');`, filename: 'src/reindex.ts' },
    { code: `console.warn('cache disabled');`, options: [{ allowConsole: true }] },
    { code: `console.table(rows);` },
    // The package.json above this file depends on no logging library: console is the only logger there.
    { code: `export const report = (count: number) => console.log(\`synced \${count} orders\`);`, filename: NO_LOGGER_PACKAGE_FILE },
    {
      code: `
import { Console } from 'node:console';
const console = new Console(process.stderr);
console.log('written to stderr');
`,
    },
    // A start-up line at the top level of the module: no request to join, and the name is the service.
    `
import pino from 'pino';

const logger = pino({ name: 'orders' });
logger.info({ port: 8080 }, 'listening');
`,
    // winston with a format chosen by configuration: the JSON one adds the trace id; defaultMeta names the service.
    `
import winston from 'winston';
import { activeSpan } from './tracing';

function traceFields() {
  return winston.format((info) => {
    const span = activeSpan();
    if (span) info['trace_id'] = span.spanContext().traceId;
    return info;
  })();
}

const plain = winston.format.combine(winston.format.timestamp(), winston.format.simple());
const structured = winston.format.combine(winston.format.timestamp(), traceFields(), winston.format.json());

const logger = winston.createLogger({ defaultMeta: { service: 'exports' }, format: process.env.LOG_FORMAT === 'text' ? plain : structured });

export const exported = (count: number) => logger.info('export finished', { count });
`,
    // Options: the required fields and their aliases.
    {
      code: `
import pino from 'pino';
const logger = pino({ name: 'orders' });
logger.info('started');
`,
      options: [{ requiredFields: ['service'] }],
    },
    {
      code: `
import pino from 'pino';
const logger = pino({ base: { serviceName: 'orders' } });
export const log = (requestId: string) => logger.info({ requestId }, 'handled');
`,
      options: [{ fieldAliases: { traceId: ['requestId'] } }],
    },
    // The policy file's fields, handed over by policy-check.
    {
      code: `
import pino from 'pino';
const logger = pino({ name: 'orders' });
logger.info('started');
`,
      settings: { 'service-policy': { policy: { logging: { requiredFields: ['service'] } } } },
    },
    // Typed: loggers imported from another module that bind both fields.
    {
      code: `
import billingLogger, { tracedLogger } from './loggers.js';

export function settle(invoiceId: string) {
  tracedLogger.info({ invoiceId }, 'settling');
  billingLogger.warn('settlement late');
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // Typed: a record whose type carries both fields.
    {
      code: `
import { appLogger } from './loggers.js';

interface RequestScope { traceId: string; service: string; userId: string }

export function handle(scope: RequestScope) {
  appLogger.info(scope, 'request handled');
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // Typed: NestJS through nestjs-pino, whose pino-http options name the service and take the request id
    // from the incoming x-request-id header.
    {
      code: `
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  create(orderId: string) {
    this.logger.log(\`order \${orderId} created\`);
  }
}
`,
      filename: NEST_APP_FILE,
      languageOptions: typed,
    },
    // Typed: OpenTelemetry's pino instrumentation is registered in the service; the name is the service.
    {
      code: `
import pino from 'pino';

const logger = pino({ name: 'orders' });
logger.info('started');
`,
      filename: OTEL_FILE,
      languageOptions: typed,
    },
  ],
  invalid: [
    {
      code: `
import pino from 'pino';

const logger = pino();

export function placeOrder(orderId: string) {
  logger.info({ orderId }, 'order placed');
}
`,
      errors: [
        {
          messageId: 'missingFields',
          line: 7,
          column: 3,
          data: { fields: '`traceId` and `service`', them: 'them', logger: 'the pino logger `logger` made on line 4', fix: pinoBothFix },
        },
      ],
      output: null,
    },
    // Aliased named import; the service is bound, the trace id is not.
    {
      code: `
import { pino as createPino } from 'pino';

const log = createPino({ base: { service: 'orders' }, level: 'debug' });

export async function warmCache() {
  log.debug('cache warmed');
  log.error(new Error('cache failed'));
}
`,
      errors: [
        { messageId: 'missingFields', line: 7, column: 3, data: { fields: '`traceId`', them: 'it', logger: 'the pino logger `log` made on line 4', fix: pinoTraceFix } },
        { messageId: 'missingFields', line: 8, column: 3 },
      ],
      output: null,
    },
    // CommonJS require, options held in a variable.
    {
      code: `
const pino = require('pino');

const LOGGER_OPTIONS = { name: 'orders', level: process.env.LOG_LEVEL || 'info' };
const logger = pino(LOGGER_OPTIONS);

module.exports.placeOrder = function placeOrder(order) {
  logger.info({ orderId: order.id }, 'order placed');
};
`,
      languageOptions: COMMONJS,
      errors: [{ messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: 'the pino logger `logger` made on line 5', fix: pinoTraceFix } }],
      output: null,
    },
    // A child chain: reported on the child, naming the root where the fix belongs.
    {
      code: `
import pino from 'pino';

const base = pino({ base: { service: 'orders' } });
const log = base.child({ module: 'payments' });

export function refund(id: string) {
  log.warn({ id }, 'refund issued');
}
`,
      errors: [{ messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: '`log` (a child of the pino logger `base` made on line 4)', fix: pinoTraceFix } }],
      output: null,
    },
    // A factory function in the module.
    {
      code: `
import pino from 'pino';

function createLogger(service: string) {
  return pino({ base: { service } });
}

const logger = createLogger('orders');
export const start = () => logger.info('started');
`,
      errors: [{ messageId: 'missingFields', line: 9, column: 28, data: { fields: '`traceId`', them: 'it', logger: '`logger` (writing through the pino logger `createLogger()` made on line 5)', fix: pinoTraceFix } }],
      output: null,
    },
    // A class field initialised with a logger, and one assigned in the constructor.
    {
      code: `
import pino from 'pino';
import winston from 'winston';

export class InvoiceService {
  private readonly logger = pino({ name: 'invoices' });
  private readonly audit: winston.Logger;

  constructor() {
    this.audit = winston.createLogger({ defaultMeta: { service: 'invoices' } });
  }

  issue(invoiceId: string) {
    this.logger.info({ invoiceId }, 'invoice issued');
    this.audit.info('invoice issued', { invoiceId });
  }
}
`,
      errors: [
        { messageId: 'missingFields', line: 14, column: 5, data: { fields: '`traceId`', them: 'it', logger: 'the pino logger `this.logger` made on line 6', fix: pinoTraceFix } },
        { messageId: 'missingFields', line: 15, column: 5, data: { fields: '`traceId`', them: 'it', logger: 'the winston logger `this.audit` made on line 10', fix: winstonTraceFix } },
      ],
      output: null,
    },
    // winston's default logger, and winston's level-first log().
    {
      code: `
import winston from 'winston';

winston.info('worker started');
const logger = winston.createLogger({ format: winston.format.combine(winston.format.timestamp(), winston.format.label({ label: 'billing' })) });

export function sendInvoice(invoiceId: string) {
  logger.log('info', 'invoice sent', { invoiceId });
}
`,
      errors: [
        // At the top level of the module the line runs at start-up, outside any request: only the service is required.
        { messageId: 'missingFields', line: 4, column: 1, data: { fields: '`service`', them: 'it', logger: 'the winston logger `winston` made on line 2', fix: '`defaultMeta: { service }`' } },
        { messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId` and `service`', them: 'them', logger: 'the winston logger `logger` made on line 5', fix: 'a format that adds the current trace id and `defaultMeta: { service }`' } },
      ],
      output: null,
    },
    // bunyan: the name is the service, nothing binds the trace id. `new Logger(…)` too. Plain JavaScript.
    {
      code: `
import bunyan from 'bunyan';

const log = bunyan.createLogger({ name: 'billing', level: 'info' });
const audit = new bunyan({ name: 'audit', streams: [] });

export function createInvoice(invoiceId) {
  log.info({ invoiceId }, 'invoice created');
  audit.warn('audit trail rotated');
}
`,
      languageOptions: javascript,
      errors: [
        { messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: 'the bunyan logger `log` made on line 4', fix: 'a `child({ traceId })` per request' } },
        { messageId: 'missingFields', line: 9, column: 3 },
      ],
      output: null,
    },
    // The same configuration-chosen format with no service anywhere: only the service is reported.
    {
      code: `
import winston from 'winston';
import { activeSpan } from './tracing';

const traced = winston.format((info) => {
  info.trace_id = activeSpan()?.spanContext().traceId;
  return info;
});

const logger = winston.createLogger({
  format: process.env.LOG_FORMAT === 'text' ? winston.format.simple() : winston.format.combine(traced(), winston.format.json()),
});

export const exported = (count: number) => logger.info('export finished', { count });
`,
      errors: [{ messageId: 'missingFields', line: 14, column: 44, data: { fields: '`service`', them: 'it', logger: 'the winston logger `logger` made on line 10', fix: '`defaultMeta: { service }`' } }],
      output: null,
    },
    // Typed: a CommonJS module's logger, `module.exports = pino(…)` in another file.
    {
      code: `
const logger = require('./logger');

exports.charge = function charge(request) {
  logger.info({ amount: request.amount }, 'charging card');
};
`,
      filename: path.join(FIXTURE_PROJECT, 'commonjs-service', 'file.js'),
      languageOptions: { ...typed, ...COMMONJS },
      errors: [{ messageId: 'missingFields', line: 5, column: 3, data: { fields: '`traceId`', them: 'it', logger: '`logger` (writing through the pino logger `module.exports` made at ./logger.js:4)', fix: pinoTraceFix } }],
      output: null,
    },
    // pino-http with its default request id, a counter local to the process: the request cannot be joined.
    {
      code: `
import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp({ name: 'catalog' }));
app.get('/products', (req, res) => {
  req.log.info('listing products');
  res.json([]);
});
`,
      errors: [{ messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: '`req.log` (writing through the pino-http logger `pinoHttp()` made on line 6)', fix: '`customProps`, a `genReqId` that reads the incoming trace header, or a `mixin`' } }],
      output: null,
    },
    // express-pino-logger handed a pino logger that has neither a name nor a mixin: the request logger of every
    // route binds only the request, whose id is a counter local to the process.
    {
      code: `
const pino = require('pino');
const express = require('express');

const logger = pino({ level: 'debug' });
const app = express();
app.use(require('express-pino-logger')({ logger }));
app.use('/api', (req, res, next) => {
  req.log.debug('forwarding %s', req.originalUrl);
  next();
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
      errors: [{ messageId: 'missingFields', line: 9, column: 3, data: { fields: '`traceId` and `service`', them: 'them', logger: "`req.log` (writing through the pino-http logger `require('express-pino-logger')()` made on line 7)", fix: '`customProps`, a `genReqId` that reads the incoming trace header, or a `mixin` and `base: { service }` or `name`' } }],
      output: null,
    },
    // The same trace field returned from `reqCustomProps`, an option pino-http 11 no longer reads (it reads
    // `customProps` only): the field is never written.
    {
      code: `
import express from 'express';
import pinoHttp from 'pino-http';

const app = express();
app.use(pinoHttp({ name: 'catalog', reqCustomProps: (req) => ({ 'logging.googleapis.com/trace': req.get('x-cloud-trace-context') }) }));
app.get('/products', (req, res) => {
  req.log.info('listing products');
  res.json([]);
});
`,
      errors: [{ messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: '`req.log` (writing through the pino-http logger `pinoHttp()` made on line 6)', fix: '`customProps`, a `genReqId` that reads the incoming trace header, or a `mixin`' } }],
      output: null,
    },
    // pino-http with a fresh id per request: still not the caller's trace id.
    {
      code: `
import express from 'express';
import pinoHttp from 'pino-http';
import { randomUUID } from 'node:crypto';

const app = express();
app.use(pinoHttp({ name: 'catalog', genReqId: () => randomUUID() }));
app.post('/orders', (request, response) => {
  request.log.info('order received');
  response.status(201).end();
});
`,
      errors: [{ messageId: 'missingFields', line: 9, column: 3 }],
      output: null,
    },
    // The store of the mixin's AsyncLocalStorage never holds a trace id.
    {
      code: `
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

const session = new AsyncLocalStorage<{ userId: string }>();
const logger = pino({ name: 'accounts', mixin: () => session.getStore() ?? {} });

export function withUser(userId: string, next: () => void) {
  session.run({ userId }, () => {
    logger.info('session opened');
    next();
  });
}
`,
      errors: [{ messageId: 'missingFields', line: 10, column: 5 }],
      output: null,
    },
    // The record carries the trace id but nothing names the service.
    {
      code: `
import pino from 'pino';

const logger = pino({ base: null });
export const handled = (traceId: string) => logger.info({ traceId }, 'handled');
`,
      errors: [{ messageId: 'missingFields', line: 5, column: 45, data: { fields: '`service`', them: 'it', logger: 'the pino logger `logger` made on line 4', fix: '`base: { service }`' } }],
      output: null,
    },
    // console in service code, TypeScript and plain JavaScript.
    {
      code: `
export async function syncInventory() {
  try {
    await pull();
  } catch (error) {
    console.error('inventory sync failed', error);
  }
  console.log('inventory synced');
}
`,
      errors: [
        { messageId: 'unstructuredConsole', line: 6, column: 5, data: { method: 'error', fields: '`traceId` and `service`' } },
        { messageId: 'unstructuredConsole', line: 8, column: 3, data: { method: 'log', fields: '`traceId` and `service`' } },
      ],
      output: null,
    },
    {
      code: `
export function onRetry(attempt, error) {
  console.warn(\`retry \${attempt}: \${error.message}\`);
}
`,
      languageOptions: javascript,
      filename: 'src/clients/payments.js',
      errors: [{ messageId: 'unstructuredConsole', line: 3, column: 3 }],
      output: null,
    },
    // The same line where the team wants console reported even in packages without a logger, and in a
    // package that depends on pino, where the line bypasses the service's logger.
    {
      code: `export const report = (count: number) => console.log(\`synced \${count} orders\`);`,
      filename: NO_LOGGER_PACKAGE_FILE,
      options: [{ checkConsoleWithoutLogger: true }],
      errors: [{ messageId: 'unstructuredConsole', line: 1, column: 42 }],
      output: null,
    },
    {
      code: `export const report = (count: number) => console.log(\`synced \${count} orders\`);`,
      filename: LOGGER_PACKAGE_FILE,
      errors: [{ messageId: 'unstructuredConsole', line: 1, column: 42 }],
      output: null,
    },
    // A required field of the team's own: every logger here binds traceId and service, none the region.
    {
      code: `
import pino from 'pino';

const logger = pino({ base: { service: 'orders' }, mixin: () => ({ traceId: currentTraceId() }) });
logger.info('started');
`,
      options: [{ requiredFields: ['traceId', 'service', 'region'] }],
      errors: [{ messageId: 'missingFields', line: 5, column: 1, data: { fields: '`region`', them: 'it', logger: 'the pino logger `logger` made on line 4', fix: 'in its options' } }],
      output: null,
    },
    // The policy file's required fields, handed over by policy-check.
    {
      code: `
import pino from 'pino';
const logger = pino({ name: 'orders' });
logger.info('started');
`,
      settings: { 'service-policy': { policy: { logging: { requiredFields: ['correlationId'] } } } },
      errors: [{ messageId: 'missingFields', line: 4, column: 1, data: { fields: '`correlationId`', them: 'it', logger: 'the pino logger `logger` made on line 3', fix: 'in its options' } }],
      output: null,
    },
    // Typed: a logger imported from another module, directly, through an imported factory and through an
    // object of loggers: each line is reported where it is written, naming where the logger is made.
    {
      code: `
import { appLogger, createModuleLogger, loggers } from './loggers.js';

const log = createModuleLogger('refunds');

export function refund(orderId: string, reason: string) {
  appLogger.info({ orderId }, 'refund requested');
  log.warn(reason);
  loggers.audit.info({ orderId }, 'refund audited');
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [
        { messageId: 'missingFields', line: 7, column: 3, data: { fields: '`traceId`', them: 'it', logger: 'the pino logger `appLogger` made at ./loggers.ts:10', fix: pinoTraceFix } },
        { messageId: 'missingFields', line: 8, column: 3, data: { fields: '`traceId`', them: 'it', logger: '`log` (a child of the pino logger `appLogger` made at ./loggers.ts:10)', fix: pinoTraceFix } },
        { messageId: 'missingFields', line: 9, column: 3 },
      ],
      output: null,
    },
    // Typed: a logger class of the service wrapping pino, made here and injected.
    {
      code: `
import { ServiceLogger } from './loggers.js';

const logger = new ServiceLogger('orders');

export class OrdersController {
  constructor(private readonly log: ServiceLogger) {}

  list() {
    logger.info('listing');
    this.log.error('listing failed');
  }
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [
        { messageId: 'missingFields', line: 10, column: 5, data: { fields: '`traceId`', them: 'it', logger: '`logger` (writing through the pino logger `this.logger` made at ./loggers.ts:30)', fix: pinoTraceFix } },
        { messageId: 'missingFields', line: 11, column: 5 },
      ],
      output: null,
    },
    // Typed: a message typed as text adds no field.
    {
      code: `
import { tracedLogger as logger } from './loggers.js';
import pino from 'pino';

const local = pino({ name: 'orders' });

export function report(summary: string, error: Error) {
  local.info(summary);
  local.error(error);
  logger.info(summary);
}
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [
        { messageId: 'missingFields', line: 8, column: 3 },
        { messageId: 'missingFields', line: 9, column: 3 },
      ],
      output: null,
    },
    // Typed: NestJS keeps its ConsoleLogger, which writes neither field.
    {
      code: `
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  create() {
    this.logger.log('order created');
    Logger.warn('static warning', 'Orders');
  }
}
`,
      filename: NEST_CONSOLE_FILE,
      languageOptions: typed,
      errors: [
        { messageId: 'missingFields', line: 9, column: 5, data: { fields: '`traceId` and `service`', them: 'them', logger: '`this.logger` (writing through the nestjs logger `ConsoleLogger` made at ./main.ts:7)', fix: 'a structured application logger given to `app.useLogger()`' } },
        { messageId: 'missingFields', line: 10, column: 5 },
      ],
      output: null,
    },
  ],
});
