/**
 * require-access-log on one project of several services: each makes an HTTP app, and logs its requests in
 * a different way, in another module than the one that makes the app, or not at all.
 */
import { describe, expect, it } from 'vitest';

import { useScenarioProject } from './scenario-project.js';

const ID = 'service-policy/require-access-log';

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'platform', private: true, type: 'module' }),
  '.policy-checkrc.json': JSON.stringify({ rules: { 'require-http-timeout': 'off' } }),
  // express with morgan mounted from another module: logged.
  'services/orders/src/app.ts': [
    "import express from 'express';",
    "import { requestLog } from './logging.js';",
    'export const app = express();',
    'app.use(requestLog);',
    "app.get('/orders', (_req, res) => { res.json([]); });",
    '',
  ].join('\n'),
  'services/orders/src/logging.ts': ["import morgan from 'morgan';", "export const requestLog = morgan('tiny');", ''].join('\n'),
  // express with no access log at all: reported at the app, once, though a router is made too.
  'services/billing/src/main.ts': [
    "import express, { Router } from 'express';",
    'const invoices = Router();',
    "invoices.get('/', (_req, res) => { res.json([]); });",
    'const app = express();',
    "app.use('/invoices', invoices);",
    'app.listen(8080);',
    '',
  ].join('\n'),
  // fastify with its request log on, and fastify with it turned off again.
  'services/gateway/src/server.ts': ["import Fastify from 'fastify';", 'export const server = Fastify({ logger: { level: \'info\' } });', ''].join('\n'),
  'services/edge/src/server.ts': ["import Fastify from 'fastify';", 'export const server = Fastify({ logger: true, disableRequestLogging: true });', ''].join('\n'),
  // fastify with its own request log off, and a plugin in another module whose after-response hook logs the
  // method, the URL, the status and fastify's measured duration (at debug level): an access log.
  'services/ingest/src/app.ts': [
    "import Fastify from 'fastify';",
    "import requestLogging from './request-logging.js';",
    "export const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, disableRequestLogging: true });",
    'app.register(requestLogging);',
    '',
  ].join('\n'),
  'services/ingest/src/request-logging.ts': [
    "import type { FastifyInstance } from 'fastify';",
    'export default async function requestLogging(app: FastifyInstance) {',
    "  app.addHook('onResponse', async (request, reply) => {",
    "    request.log.debug({ event: 'request-done', method: request.method, url: request.url, status: reply.statusCode, seconds: reply.elapsedTime / 1000 });",
    '  });',
    '}',
    '',
  ].join('\n'),
  // fastify whose after-response hook only counts statuses: no line per request, still reported.
  'services/beacon/src/server.ts': [
    "import Fastify from 'fastify';",
    'const counts = new Map<number, number>();',
    'export const server = Fastify({ logger: false });',
    "server.addHook('onResponse', async (_request, reply) => {",
    '  counts.set(reply.statusCode, (counts.get(reply.statusCode) ?? 0) + 1);',
    '});',
    '',
  ].join('\n'),
  // NestJS with nestjs-pino's LoggerModule in the app module.
  'services/catalog/src/main.ts': [
    "import { NestFactory } from '@nestjs/core';",
    "import { AppModule } from './app.module.js';",
    'const app = await NestFactory.create(AppModule);',
    'await app.listen(3000);',
    '',
  ].join('\n'),
  'services/catalog/src/app.module.ts': [
    "import { Module } from '@nestjs/common';",
    "import { LoggerModule } from 'nestjs-pino';",
    '@Module({ imports: [LoggerModule.forRoot()] })',
    'export class AppModule {}',
    '',
  ].join('\n'),
  // NestJS with only the built-in logger: reported.
  'services/search/src/main.ts': [
    "import { NestFactory } from '@nestjs/core';",
    "import { SearchModule } from './search.module.js';",
    'const app = await NestFactory.create(SearchModule, { logger: [\'error\', \'warn\'] });',
    'await app.listen(3000);',
    '',
  ].join('\n'),
  // koa with a hand-written middleware that logs method, path, status and duration.
  'services/carts/src/app.ts': [
    "import Koa from 'koa';",
    "import pino from 'pino';",
    'const log = pino();',
    'export const app = new Koa();',
    'app.use(async (ctx, next) => {',
    '  const started = Date.now();',
    '  await next();',
    '  log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started });',
    '});',
    '',
  ].join('\n'),
  // express with a request logger made by a factory, logging on 'finish' (method, path and status, no duration).
  'services/flags/src/app.ts': [
    "import express from 'express';",
    "import { requestLogger } from './request-logger.js';",
    'export const app = express();',
    'app.use(requestLogger());',
    '',
  ].join('\n'),
  'services/flags/src/request-logger.ts': [
    "import type { RequestHandler } from 'express';",
    'export const requestLogger = (): RequestHandler => (req, res, next) => {',
    "  res.on('finish', () => console.info(`${res.statusCode} ${req.method} ${req.originalUrl}`));",
    '  next();',
    '};',
    '',
  ].join('\n'),
  // express whose only per-request middleware tags a span and feeds a latency histogram with the method and
  // the status: traces and metrics, but no line per request, so still reported.
  'services/quotes/src/app.ts': [
    "import express from 'express';",
    "import { observeRequests } from './observe.js';",
    'export const app = express();',
    'app.use(observeRequests);',
    "app.get('/quotes/:id', (req, res) => { res.json({ id: req.params.id }); });",
    '',
  ].join('\n'),
  'services/quotes/src/observe.ts': [
    "import { trace } from '@opentelemetry/api';",
    "import type { NextFunction, Request, Response } from 'express';",
    "import { latency } from './metrics.js';",
    "const tracer = trace.getTracer('quotes');",
    'export function observeRequests(req: Request, res: Response, next: NextFunction) {',
    '  const started = Date.now();',
    '  const span = tracer.startSpan(`${req.method} ${req.path}`);',
    "  res.on('finish', () => {",
    "    span.setAttribute('http.status_code', res.statusCode);",
    '    span.end();',
    '    latency.observe({ method: req.method, status: String(res.statusCode) }, (Date.now() - started) / 1000);',
    '  });',
    '  next();',
    '}',
    '',
  ].join('\n'),
  'services/quotes/src/metrics.ts': ["export const latency = { observe(_labels: Record<string, string>, _seconds: number): void {} };", ''].join('\n'),
  // express whose middleware writes one JSON line per request to standard output: an access log.
  'services/ledger/src/app.ts': [
    "import express from 'express';",
    'export const app = express();',
    'app.use((req, res, next) => {',
    '  const started = process.hrtime.bigint();',
    "  res.on('finish', () => {",
    '    const ms = Number(process.hrtime.bigint() - started) / 1e6;',
    "    process.stdout.write(JSON.stringify({ method: req.method, path: req.path, status: res.statusCode, ms }) + '\\n');",
    '  });',
    '  next();',
    '});',
    '',
  ].join('\n'),
  // An app made by a test harness is not a service.
  'services/flags/test/harness.ts': ["import express from 'express';", 'export const testApp = express();', ''].join('\n'),
  // A library package that only makes a router: no app, nothing to report.
  'packages/routes/src/index.ts': ["import { Router } from 'express';", 'export const health = Router();', "health.get('/health', (_req, res) => { res.send('ok'); });", ''].join('\n'),
};

const project = useScenarioProject('policy-check-access-log-', files);

describe('require-access-log', () => {
  it('reports each HTTP service with no access log once, at the app it makes', () => {
    const found = project.result().findings.filter((finding) => finding.ruleId === ID).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.service} ${finding.severity}`);
    expect(found).toEqual([
      'services/beacon/src/server.ts:3:23 beacon warning',
      'services/billing/src/main.ts:4:13 billing warning',
      'services/edge/src/server.ts:2:23 edge warning',
      'services/quotes/src/app.ts:3:20 quotes warning',
      'services/search/src/main.ts:3:19 search warning',
    ]);
  });

  it('names the framework and the service, and what to add', () => {
    const message = project.result().findings.find((finding) => finding.ruleId === ID && finding.service === 'billing')?.message ?? '';
    expect(message).toMatch(/^The express app of service `billing` writes no access log anywhere in the service/);
    expect(message).toContain('pino-http');
  });

  it('lists the apps and access logs in the inventory', () => {
    const entries = project.result().inventory.filter((entry) => entry.kind === 'http-server' || entry.kind === 'access-log').map((entry) => `${entry.kind} ${entry.library} ${entry.service}`);
    expect(entries).toEqual(
      expect.arrayContaining([
        'access-log morgan orders',
        'access-log fastify logger gateway',
        'access-log nestjs-pino catalog',
        'access-log hand-written carts',
        'access-log hand-written flags',
        'access-log hand-written ingest',
        'access-log hand-written ledger',
        'http-server express billing',
        'http-server koa carts',
        'http-server nestjs search',
      ]),
    );
    expect(entries.filter((entry) => entry.endsWith(' routes') || entry.endsWith(' quotes'))).toEqual(['http-server express quotes']);
  });

  it('links its documentation', () => {
    expect(project.result().rules.find((rule) => rule.id === ID)?.helpUrl).toBe('https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs/checks/require-access-log.md');
  });
});
