import * as espree from 'espree';

import rule from '../../rules/require-trace-propagation.js';
import { COMMONJS, createRuleTester, FIXTURE_PROJECT, TYPED_FILENAME } from './rule-tester.js';

/** Per-case parsers, so the rule runs over TypeScript, plain JavaScript (espree) and typed code. */
const javascript = { parser: espree as never, parserOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } };
const typed = { parserOptions: { projectService: true, tsconfigRootDir: FIXTURE_PROJECT } };

const missing = (line: number, column: number, library: string, handler: string, source = 'request headers') => ({
  messageId: 'missingPropagation' as const,
  line,
  column,
  data: { library, handler: `this ${handler}`, source },
});
const fresh = (line: number, column: number) => ({ messageId: 'freshTraceId' as const, line, column });

createRuleTester().run('require-trace-propagation', rule as never, {
  valid: [
    // express: the incoming trace headers forwarded by name.
    `
import express from 'express';
import axios from 'axios';

const app = express();

app.get('/orders/:id', async (req, res) => {
  const { data } = await axios.get(\`https://orders.internal/orders/\${req.params.id}\`, {
    timeout: 2_000,
    headers: { traceparent: req.headers.traceparent ?? '', tracestate: req.headers.tracestate ?? '' },
  });
  res.json(data);
});
`,
    // The incoming headers spread into the outgoing ones, or a pick of them built first.
    `
import { Router } from 'express';

export const router = Router();

router.post('/checkout', async (req, res) => {
  const response = await fetch('https://payments.internal/charges', {
    method: 'POST',
    headers: { ...req.headers, 'content-type': 'application/json' },
    body: JSON.stringify(req.body),
    signal: AbortSignal.timeout(3_000),
  });
  res.status(response.status).end();
});
`,
    `
import { Router } from 'express';
import got from 'got';

const FORWARDED = ['traceparent', 'tracestate', 'x-request-id'];

export function mount(router: Router) {
  router.get('/stock/:sku', async (req, res) => {
    const forwarded = Object.fromEntries(FORWARDED.map((name) => [name, String(req.headers[name] ?? '')]));
    const stock = await got(\`https://stock.internal/\${req.params.sku}\`, { headers: forwarded, timeout: { request: 2_000 } }).json();
    res.json(stock);
  });
}
`,
    // propagation.inject writes the active context into the carrier that is sent.
    `
import express from 'express';
import { context, propagation } from '@opentelemetry/api';

const app = express();

app.get('/quote', async (req, res) => {
  const headers: Record<string, string> = { accept: 'application/json' };
  propagation.inject(context.active(), headers);
  const quote = await fetch('https://pricing.internal/quote', { headers, signal: AbortSignal.timeout(1_000) });
  res.json(await quote.json());
});
`,
    // An axios instance whose request interceptor copies traceparent from the request context.
    `
import { AsyncLocalStorage } from 'node:async_hooks';
import express from 'express';
import axios from 'axios';

const als = new AsyncLocalStorage<{ traceparent: string }>();
const inventory = axios.create({ baseURL: 'https://inventory.internal', timeout: 2_000 });
inventory.interceptors.request.use((config) => {
  config.headers['traceparent'] = als.getStore()?.traceparent;
  return config;
});

const app = express();
app.use((req, _res, next) => als.run({ traceparent: String(req.headers.traceparent ?? '') }, next));
app.get('/items/:id', async (req, res) => {
  const { data } = await inventory.get(\`/items/\${req.params.id}\`);
  res.json(data);
});
`,
    // got and ky instances with a beforeRequest hook that sets the trace header.
    `
import express from 'express';
import got from 'got';
import ky from 'ky';
import { getTraceparent } from './trace-context.js';

const ledger = got.extend({
  prefixUrl: 'https://ledger.internal',
  timeout: { request: 2_000 },
  hooks: { beforeRequest: [(options) => { options.headers.traceparent = getTraceparent(); }] },
});
const audit = ky.create({
  prefixUrl: 'https://audit.internal',
  hooks: { beforeRequest: [(request) => request.headers.set('traceparent', getTraceparent())] },
});

const app = express();
app.post('/entries', async (req, res) => {
  await ledger.post('entries', { json: req.body });
  await audit.post('events', { json: { type: 'entry' } });
  res.sendStatus(201);
});
`,
    // OpenTelemetry instrumentation set up in the same file carries the context for http and fetch.
    `
import { NodeSDK } from '@opentelemetry/sdk-node';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import express from 'express';

const sdk = new NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] });
sdk.start();

const app = express();
app.get('/rates', async (_req, res) => {
  const rates = await fetch('https://fx.internal/rates', { signal: AbortSignal.timeout(1_000) });
  res.json(await rates.json());
});
`,
    // Outside any handler: startup and scheduled jobs have no incoming context.
    `
import axios from 'axios';
import cron from 'node-cron';

export async function warmCache() {
  await axios.get('https://catalog.internal/products', { timeout: 5_000 });
}

cron.schedule('*/5 * * * *', async () => {
  await fetch('https://reports.internal/nightly', { method: 'POST', signal: AbortSignal.timeout(10_000) });
});
`,
    // Headers built by a helper this file cannot read: the benefit of the doubt.
    `
import express from 'express';
import axios from 'axios';
import { outgoingHeaders } from './headers.js';

const app = express();
app.get('/profile', async (req, res) => {
  const { data } = await axios.get('https://users.internal/me', { headers: outgoingHeaders(req), timeout: 2_000 });
  res.json(data);
});
`,
    // A helper that receives the request, and a headers object handed to one before it is sent.
    `
import express from 'express';
import { addTraceHeaders } from './tracing.js';

const app = express();
app.get('/search', async (req, res) => {
  const headers = new Headers({ accept: 'application/json' });
  addTraceHeaders(headers, req);
  const found = await fetch('https://search.internal/q?term=' + req.query.term, { headers, signal: AbortSignal.timeout(2_000) });
  res.json(await found.json());
});
`,
    // fastify: `request.headers` forwarded; koa: `ctx.get('traceparent')`.
    `
import Fastify from 'fastify';
import axios from 'axios';

const server = Fastify({ logger: true });
server.get('/users/:id', async (request, reply) => {
  const { data } = await axios.get('https://users.internal/' + (request.params as { id: string }).id, {
    headers: { traceparent: request.headers.traceparent as string },
    timeout: 1_000,
  });
  return reply.send(data);
});
`,
    `
import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
router.get('/carts/:id', async (ctx) => {
  const cart = await fetch('https://carts.internal/' + ctx.params.id, {
    headers: { traceparent: ctx.get('traceparent'), 'x-request-id': ctx.get('x-request-id') },
    signal: AbortSignal.timeout(1_000),
  });
  ctx.body = await cart.json();
});
app.use(router.routes());
`,
    // NestJS: @Headers() forwarded; an interceptor that forwards the request's headers.
    `
import { Controller, Get, Headers, Param } from '@nestjs/common';
import axios from 'axios';

@Controller('invoices')
export class InvoicesController {
  @Get(':id')
  async find(@Param('id') id: string, @Headers() headers: Record<string, string>) {
    const { data } = await axios.get(\`https://billing.internal/invoices/\${id}\`, { headers: { traceparent: headers.traceparent }, timeout: 2_000 });
    return data;
  }
}
`,
    // kafkajs: the consumed message's headers sent on with the produced one.
    `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });
const producer = kafka.producer();

await consumer.run({
  eachMessage: async ({ message }) => {
    await producer.send({ topic: 'invoice-created', messages: [{ key: message.key, value: message.value, headers: message.headers }] });
  },
});
`,
    // amqplib: republished with the incoming message's headers.
    `
import amqp from 'amqplib';

const connection = await amqp.connect('amqp://rabbit');
const channel = await connection.createChannel();
await channel.consume('orders', async (msg) => {
  if (!msg) return;
  channel.publish('events', 'order.accepted', msg.content, { headers: msg.properties.headers });
  channel.ack(msg);
});
`,
    // A fresh id only where the incoming one is missing.
    `
import { randomUUID } from 'node:crypto';
import express from 'express';

const app = express();
app.use((req, res, next) => {
  const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
  res.setHeader('x-request-id', requestId);
  next();
});
app.use((req, _res, next) => {
  if (!req.headers['x-correlation-id']) req.headers['x-correlation-id'] = randomUUID();
  next();
});
`,
    // A traceparent built from the incoming trace id and a fresh span id continues the trace.
    `
import { randomBytes } from 'node:crypto';
import express from 'express';

const app = express();
app.get('/labels/:id', async (req, res) => {
  const traceId = req.header('traceparent')?.split('-')[1] ?? '';
  const label = await fetch('http://labels:8080/' + req.params.id, {
    headers: { traceparent: \`00-\${traceId}-\${randomBytes(8).toString('hex')}-01\` },
    signal: AbortSignal.timeout(1_000),
  });
  res.json(await label.json());
});
`,
    // A fresh id for a new entity is not a trace id.
    `
import { v4 as uuid } from 'uuid';
import express from 'express';

const app = express();
app.post('/orders', async (req, res) => {
  const orderId = uuid();
  res.status(201).json({ id: orderId, ...req.body });
});
`,
    // A call through a client made in another module whose interceptor copies the trace context.
    {
      code: `
import express from 'express';
import { inventoryClient } from './traced-clients.js';

const app = express();
app.get('/stock/:sku', async (req, res) => {
  const { data } = await inventoryClient.get(\`/stock/\${req.params.sku}\`);
  res.json(data);
});
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
    // Plain JavaScript, CommonJS: forwarded headers.
    {
      code: `
const express = require('express');
const axios = require('axios');

const app = express();
app.get('/health/deps', async (req, res) => {
  const { data } = await axios.get('http://deps.internal/health', { headers: { 'x-request-id': req.get('x-request-id') }, timeout: 500 });
  res.json(data);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
    },
    // A request-id generator that looks at the incoming id first mints one only as a fallback.
    `
import { ClsModule } from 'nestjs-cls';
import { nanoid } from 'nanoid';

export const requestScope = ClsModule.forRoot({
  middleware: {
    mount: true,
    idGenerator: (req: { headers: Record<string, string | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      if (incoming) return incoming;
      return nanoid();
    },
  },
});
`,
    // A third-party API: the trace ends at the system's boundary on purpose.
    `
import express from 'express';
import axios from 'axios';

const stripe = axios.create({ baseURL: 'https://api.stripe.com/v1', timeout: 10_000 });
const app = express();
app.post('/checkout', async (req, res) => {
  const charge = await stripe.post('/charges', { amount: req.body.amount });
  await fetch(\`https://hooks.slack.com/services/\${process.env.SLACK_HOOK}\`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2_000) });
  res.json(charge.data);
});
`,
    // Plain JavaScript classes (espree gives them no decorators) and a request made outside the class's handlers.
    {
      code: `
import axios from 'axios';

export class Reporter {
  constructor(baseURL) {
    this.client = axios.create({ baseURL, timeout: 1000 });
  }

  async send(report) {
    await this.client.post('/reports', report);
  }
}
`,
      languageOptions: javascript,
    },
    // Message handlers are skipped when the option says so.
    {
      code: `
import { Worker } from 'bullmq';

new Worker('emails', async (job) => {
  await fetch('https://mailer.internal/send', { method: 'POST', body: JSON.stringify(job.data), signal: AbortSignal.timeout(5_000) });
});
`,
      options: [{ checkMessageHandlers: false }],
    },
    // A module function called from a handler that is handed the incoming headers and sends them on.
    `
import express from 'express';

const app = express();

async function loadProfile(userId: string, incoming: Record<string, string | string[] | undefined>) {
  const response = await fetch('http://profiles:8080/users/' + userId, { headers: { traceparent: String(incoming.traceparent ?? '') }, signal: AbortSignal.timeout(1_000) });
  return response.json();
}

app.get('/me', async (req, res) => {
  res.json(await loadProfile(String(req.query.id), req.headers));
});
`,
    // A module function that injects the active context itself, called from a handler.
    `
import express from 'express';
import axios from 'axios';
import { context, propagation } from '@opentelemetry/api';

const app = express();

const reserveSeat = async (showId: string) => {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return axios.post('http://seating:8080/reservations', { showId }, { headers, timeout: 2_000 });
};

app.post('/bookings', async (req, res) => {
  await reserveSeat(req.body.showId);
  res.sendStatus(201);
});
`,
    // A module function called only at start-up, outside any handler: no incoming context to forward.
    `
import express from 'express';
import axios from 'axios';

const app = express();
let rates: unknown;

async function warmRates() {
  rates = (await axios.get('http://rates:8080/all', { timeout: 2_000 })).data;
}

app.get('/rates', (_req, res) => {
  res.json(rates);
});

await warmRates();
app.listen(8080);
`,
    // A module function called from a handler that calls a literal third-party host: the trace ends there.
    `
import express from 'express';
import axios from 'axios';

const app = express();

function verifyCaptcha(token: string) {
  return axios.post('https://www.google.com/recaptcha/api/siteverify', { token }, { timeout: 3_000 });
}

app.post('/signup', async (req, res) => {
  await verifyCaptcha(req.body.captcha);
  res.sendStatus(204);
});
`,
    // Routes registered only outside production (a proxy to a local storage emulator) handle no traced traffic.
    `
import express from 'express';

const app = express();

if (process.env.NODE_ENV === 'development' && process.env.BLOB_EMULATOR_URL) {
  app.get('/dev/blobs/:name', async (req, res) => {
    const blob = await fetch(\`\${process.env.BLOB_EMULATOR_URL}/blobs/\${req.params.name}\`);
    res.status(blob.status).send(Buffer.from(await blob.arrayBuffer()));
  });
}

if (process.env['NODE_ENV'] !== 'production') {
  app.post('/dev/reset', async (_req, res) => {
    await fetch('http://fixtures:8080/reset', { method: 'POST' });
    res.sendStatus(204);
  });
}
`,
    // Instana's collector started first thing (CommonJS): it carries the context on over axios by itself.
    {
      code: `
const instana = require('@instana/collector');
instana({ tracing: { enabled: true } });

const express = require('express');
const axios = require('axios');

const app = express();

function fetchStock(sku) {
  return axios.get('http://stock:8080/items/' + sku, { timeout: 2000 });
}

app.get('/items/:sku', async (req, res) => {
  const { data } = await fetchStock(req.params.sku);
  res.json(data);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
    },
    // The same, imported as an ES module: fetch is instrumented too.
    `
import instana from '@instana/collector';
import express from 'express';

instana();

const app = express();
app.get('/quotes/:id', async (req, res) => {
  const quote = await fetch('http://quotes:8080/' + req.params.id, { signal: AbortSignal.timeout(1_000) });
  res.json(await quote.json());
});
`,
    // Elastic APM's agent started first thing (CommonJS): a proxy middleware that copies the method and the
    // path but no header still sends traceparent, because the agent writes it on every node:http request.
    {
      code: `
const apm = require('elastic-apm-node').start({ serviceName: 'storefront' });
const http = require('http');
const express = require('express');

const app = express();
app.use('/api', (req, res) => {
  const upstream = http.request({ method: req.method, hostname: 'catalog', port: 8080, path: req.originalUrl, timeout: 5000 });
  upstream.on('response', (answer) => answer.pipe(res));
  req.pipe(upstream);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
    },
    // The agent started by importing its start module: kafkajs messages get the context in their headers.
    `
import 'elastic-apm-node/start';
import express from 'express';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
const app = express();
app.post('/orders', async (req, res) => {
  await producer.send({ topic: 'order-placed', messages: [{ key: req.body.id, value: JSON.stringify(req.body) }] });
  res.sendStatus(202);
});
`,
    // The service's own tracing module, imported and started first thing: what it instruments cannot be read
    // without type information, so calls it may cover are given the benefit of the doubt.
    `
import { startTracing } from './tracing';
const tracer = startTracing('inventory');

import express from 'express';
import axios from 'axios';

const app = express();
app.get('/stock/:sku', async (req, res) => {
  const { data } = await tracer.startActiveSpan('stock', () => axios.get('http://warehouse:8080/stock/' + req.params.sku, { timeout: 2000 }));
  res.json(data);
});
`,
    // The same loaded for its side effects, as OpenTelemetry's getting-started guide does.
    `
import './instrumentation.js';
import express from 'express';

const app = express();
app.get('/rates/:currency', async (req, res) => {
  const rates = await fetch('http://fx:8080/rates/' + req.params.currency, { signal: AbortSignal.timeout(1_000) });
  res.json(await rates.json());
});
`,
    // A CommonJS start-up function named for telemetry, from a module with another name, called at the top.
    {
      code: `
const { initTelemetry } = require('./lib/bootstrap');
initTelemetry({ serviceName: 'ledger' });

const express = require('express');
const got = require('got');

const app = express();
app.post('/entries', async (req, res) => {
  const account = await got('http://accounts:8080/accounts/' + req.body.account, { timeout: { request: 2000 } }).json();
  res.status(201).json(account);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
    },
    // Typed: the tracing module is read, and its http instrumentation covers axios.
    {
      code: `
import { setupTracing } from './tracing.js';
setupTracing();

import express from 'express';
import axios from 'axios';

const app = express();
app.get('/stock/:sku', async (req, res) => {
  const { data } = await axios.get('http://warehouse:8080/stock/' + req.params.sku, { timeout: 2000 });
  res.json(data);
});
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
    },
  ],
  invalid: [
    // express: axios with no headers at all.
    {
      code: `
import express from 'express';
import axios from 'axios';

const app = express();

app.get('/orders/:id', async (req, res) => {
  const { data } = await axios.get(\`https://orders.internal/orders/\${req.params.id}\`, { timeout: 2_000 });
  res.json(data);
});
`,
      errors: [missing(8, 26, 'axios', 'express route handler')],
    },
    // Aliased import, a router passed in, headers that only authenticate.
    {
      code: `
import type { Router } from 'express';
import httpClient from 'axios';

export function routes(router: Router) {
  router.post('/payments', async (req, res) => {
    await httpClient.post('https://psp.internal/charges', req.body, {
      headers: { authorization: req.headers.authorization ?? '' },
      timeout: 5_000,
    });
    res.sendStatus(202);
  });
}
`,
      errors: [missing(7, 11, 'axios', 'express route handler')],
    },
    // fetch, got and ky in one handler; an axios instance whose interceptor only authenticates.
    {
      code: `
import express from 'express';
import axios from 'axios';
import got from 'got';
import ky from 'ky';

const catalog = axios.create({ baseURL: 'https://catalog.internal', timeout: 2_000 });
catalog.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.CATALOG_TOKEN}\`;
  return config;
});

const app = express();
app.get('/product/:id', async (req, res) => {
  const product = await catalog.get(\`/products/\${req.params.id}\`);
  const price = await fetch('https://pricing.internal/' + req.params.id, { signal: AbortSignal.timeout(1_000) });
  const stock = await got('https://stock.internal/' + req.params.id, { timeout: { request: 1_000 } }).json();
  const reviews = await ky.get('https://reviews.internal/' + req.params.id).json();
  res.json({ product: product.data, price: await price.json(), stock, reviews });
});
`,
      errors: [
        missing(15, 25, 'axios', 'express route handler'),
        missing(16, 23, 'fetch', 'express route handler'),
        missing(17, 23, 'got', 'express route handler'),
        missing(18, 25, 'ky', 'express route handler'),
      ],
    },
    // Middleware that calls an auth service: `app.use((req, res, next) => …)`.
    {
      code: `
import express from 'express';

const app = express();
app.use(async (req, res, next) => {
  const session = await fetch('https://auth.internal/sessions/current', {
    headers: { cookie: req.headers.cookie ?? '' },
    signal: AbortSignal.timeout(1_000),
  });
  if (!session.ok) return res.sendStatus(401);
  next();
});
`,
      errors: [missing(6, 25, 'fetch', 'express route handler')],
    },
    // A handler typed with express's Request and Response, in a controller module with no router.
    {
      code: `
import type { Request, Response } from 'express';
import axios from 'axios';

export async function getCustomer(req: Request, res: Response) {
  const { data } = await axios.get(\`https://crm.internal/customers/\${req.params.id}\`, { timeout: 2_000 });
  res.json(data);
}
`,
      errors: [missing(6, 26, 'axios', 'express request handler')],
    },
    // fastify and koa.
    {
      code: `
import Fastify from 'fastify';

const server = Fastify();
server.route({
  method: 'GET',
  url: '/weather',
  handler: async (request, reply) => {
    const forecast = await fetch('https://weather.internal/today', { signal: AbortSignal.timeout(1_000) });
    return reply.send(await forecast.json());
  },
});
`,
      errors: [missing(9, 28, 'fetch', 'fastify route handler')],
    },
    {
      code: `
import Koa from 'koa';
import got from 'got';

const app = new Koa();
app.use(async (ctx, next) => {
  ctx.state.flags = await got('https://flags.internal/all', { timeout: { request: 500 } }).json();
  await next();
});
`,
      errors: [missing(7, 27, 'got', 'koa route handler')],
    },
    // NestJS: a controller method, and an interceptor.
    {
      code: `
import { Controller, Post, Body } from '@nestjs/common';
import axios from 'axios';

@Controller('shipments')
export class ShipmentsController {
  @Post()
  async create(@Body() body: { orderId: string }) {
    const { data } = await axios.post('https://carrier.internal/labels', body, { timeout: 5_000 });
    return data;
  }
}
`,
      errors: [missing(9, 28, 'axios', 'NestJS controller method')],
    },
    {
      code: `
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, switchMap } from 'rxjs';

@Injectable()
export class FeatureFlagsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    return from(fetch('https://flags.internal/all', { signal: AbortSignal.timeout(500) })).pipe(switchMap(() => next.handle()));
  }
}
`,
      errors: [missing(8, 17, 'fetch', 'NestJS interceptor')],
    },
    // kafkajs: a message produced from a consumer without the consumed headers; amqplib likewise.
    {
      code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'shipping', brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'shipping' });
const producer = kafka.producer();

await consumer.run({
  eachMessage: async ({ message }) => {
    await producer.send({ topic: 'shipment-requested', messages: [{ key: message.key, value: message.value }] });
  },
});
`,
      errors: [missing(10, 11, 'kafkajs', 'kafkajs eachMessage handler', 'message headers')],
    },
    {
      code: `
import amqp from 'amqplib';

const connection = await amqp.connect('amqp://rabbit');
const channel = await connection.createChannel();
await channel.consume('payments', async (msg) => {
  if (!msg) return;
  channel.sendToQueue('receipts', Buffer.from(msg.content.toString()), { persistent: true });
  channel.ack(msg);
});
`,
      errors: [missing(8, 3, 'amqplib', 'amqplib consume handler', 'message headers')],
    },
    // A kafkajs message produced while handling an HTTP request.
    {
      code: `
import express from 'express';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const app = express();
app.post('/orders', async (req, res) => {
  await producer.send({ topic: 'order-placed', messages: [{ key: req.body.id, value: JSON.stringify(req.body) }] });
  res.sendStatus(202);
});
`,
      errors: [missing(8, 9, 'kafkajs', 'express route handler')],
    },
    // OpenTelemetry in the file that instruments http only: global fetch goes through undici.
    {
      code: `
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import express from 'express';

new NodeSDK({ instrumentations: [new HttpInstrumentation()] }).start();

const app = express();
app.get('/rates', async (_req, res) => {
  const rates = await fetch('https://fx.internal/rates', { signal: AbortSignal.timeout(1_000) });
  res.json(await rates.json());
});
`,
      errors: [missing(10, 23, 'fetch', 'express route handler')],
    },
    // Fresh trace ids where the request brings one.
    {
      code: `
import { randomUUID } from 'node:crypto';
import express from 'express';
import axios from 'axios';

const app = express();
app.get('/report', async (req, res) => {
  const traceId = randomUUID();
  await axios.get('https://reports.internal/build', { headers: { 'x-request-id': traceId }, timeout: 5_000 });
  res.json({ traceId });
});
`,
      errors: [fresh(8, 19)],
    },
    {
      code: `
import { v4 as uuidv4 } from 'uuid';
import express from 'express';

const app = express();
app.use((req, res, next) => {
  res.setHeader('x-request-id', uuidv4());
  next();
});
`,
      errors: [fresh(7, 33)],
    },
    {
      code: `
import { nanoid } from 'nanoid';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'audit' });
await consumer.run({
  eachMessage: async ({ message }) => {
    const context = { correlationId: nanoid(), payload: message.value };
    console.log(context);
  },
});
`,
      errors: [fresh(8, 38)],
    },
    // pino-http asked to mint every request's id without looking at the incoming one.
    {
      code: `
import pinoHttp from 'pino-http';
import { randomUUID } from 'node:crypto';

export const accessLog = pinoHttp({ genReqId: () => randomUUID() });
`,
      errors: [fresh(5, 53)],
    },
    // A client made in another module whose interceptor only authenticates (typed).
    {
      code: `
import express from 'express';
import { pricingClient } from './traced-clients.js';

const app = express();
app.get('/price/:sku', async (req, res) => {
  const { data } = await pricingClient.get(\`/prices/\${req.params.sku}\`);
  res.json(data);
});
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [missing(7, 26, 'axios', 'express route handler')],
    },
    // Plain JavaScript (espree), CommonJS require.
    {
      code: `
const express = require('express');
const fetchClient = require('node-fetch');

const app = express();
app.get('/avatar/:id', async (req, res) => {
  const image = await fetchClient('https://media.internal/avatars/' + req.params.id, { timeout: 2000 });
  image.body.pipe(res);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
      errors: [missing(7, 23, 'node-fetch', 'express route handler')],
    },
    // Calls to third-party hosts too, when asked; an internal service name is always checked.
    {
      code: `
import express from 'express';
import axios from 'axios';

const app = express();
app.post('/checkout', async (req, res) => {
  const charge = await axios.post('https://api.stripe.com/v1/charges', { amount: req.body.amount }, { timeout: 10_000 });
  await fetch('http://ledger:8080/entries', { method: 'POST', body: JSON.stringify(charge.data), signal: AbortSignal.timeout(2_000) });
  res.sendStatus(201);
});
`,
      options: [{ checkExternalHosts: true }],
      errors: [missing(7, 24, 'axios', 'express route handler'), missing(8, 9, 'fetch', 'express route handler')],
    },
    // bullmq worker processor calling out without the job's context.
    {
      code: `
import { Worker } from 'bullmq';
import axios from 'axios';

export const worker = new Worker('invoices', async (job) => {
  await axios.post('https://pdf.internal/render', job.data, { timeout: 30_000 });
});
`,
      errors: [missing(6, 9, 'axios', 'bullmq Worker processor', 'message headers')],
    },
    // A module function wrapping the call in a promise, called from a route handler (plain JavaScript, CommonJS).
    {
      code: `
const express = require('express');
const axios = require('axios');

const pricingHost = process.env.PRICING_HOST || 'pricing';
const app = express();

function fetchPrice(sku) {
  return new Promise((resolve, reject) => {
    axios.get('http://' + pricingHost + ':8080/price/' + sku, { timeout: 2000 }).then((r) => resolve(r.data), reject);
  });
}

app.get('/basket/:id/add/:sku', async (req, res) => {
  const price = await fetchPrice(req.params.sku);
  res.json({ sku: req.params.sku, price });
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
      errors: [missing(10, 5, 'axios', 'function `fetchPrice` (called from an express route handler)')],
    },
    // An arrow function a kafkajs handler calls that produces the next event with no headers.
    {
      code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });
const producer = kafka.producer();

export const announceInvoice = async (orderId: string) => {
  await producer.send({ topic: 'invoice-issued', messages: [{ key: orderId, value: orderId }] });
};

await consumer.run({
  eachMessage: async ({ message }) => {
    await announceInvoice(String(message.key));
  },
});
`,
      errors: [missing(9, 9, 'kafkajs', 'function `announceInvoice` (called from a kafkajs eachMessage handler)', 'message headers')],
    },
    // A route registered only in production is checked like any other.
    {
      code: `
import express from 'express';

const app = express();

if (process.env.NODE_ENV === 'production') {
  app.get('/inventory/:sku', async (req, res) => {
    const stock = await fetch('http://inventory:8080/stock/' + req.params.sku, { signal: AbortSignal.timeout(1_000) });
    res.json(await stock.json());
  });
} else {
  app.get('/inventory/:sku', (_req, res) => { res.json({ stock: 1 }); });
}
`,
      errors: [missing(8, 25, 'fetch', 'express route handler')],
    },
    // Typed: the tracing module is read, and its http instrumentation does not cover Node's global fetch.
    {
      code: `
import { setupTracing } from './tracing.js';
setupTracing();

import express from 'express';

const app = express();
app.get('/rates/:currency', async (req, res) => {
  const rates = await fetch('http://fx:8080/rates/' + req.params.currency, { signal: AbortSignal.timeout(1_000) });
  res.json(await rates.json());
});
`,
      filename: TYPED_FILENAME,
      languageOptions: typed,
      errors: [missing(9, 23, 'fetch', 'express route handler')],
    },
    // A helper imported from the tracing module but nothing started at the top: no setup.
    {
      code: `
import express from 'express';
import axios from 'axios';
import { currentTraceId } from './tracing';

const app = express();
app.get('/stock/:sku', async (req, res) => {
  console.info('stock read', currentTraceId());
  const { data } = await axios.get('http://warehouse:8080/stock/' + req.params.sku, { timeout: 2000 });
  res.json(data);
});
`,
      errors: [missing(9, 26, 'axios', 'express route handler')],
    },
    // A start-up call from a module named for something else (configuration): no setup either.
    {
      code: `
import express from 'express';
import axios from 'axios';
import { loadConfig } from './config';

loadConfig();
const app = express();
app.get('/stock/:sku', async (req, res) => {
  const { data } = await axios.get('http://warehouse:8080/stock/' + req.params.sku, { timeout: 2000 });
  res.json(data);
});
`,
      errors: [missing(9, 26, 'axios', 'express route handler')],
    },
    // Elastic APM's agent has no amqplib instrumentation: a message published from a handler stays reported.
    {
      code: `
import apm from 'elastic-apm-node';
import amqp from 'amqplib';
import express from 'express';

apm.start();
const channel = await (await amqp.connect('amqp://rabbit')).createChannel();
const app = express();
app.post('/refunds', (req, res) => {
  channel.publish('payments', 'refund.requested', Buffer.from(JSON.stringify(req.body)), { persistent: true });
  res.sendStatus(202);
});
`,
      errors: [missing(10, 3, 'amqplib', 'express route handler')],
    },
    // The agent's package imported but never started (its API used for labels only) sets nothing up.
    {
      code: `
const apm = require('elastic-apm-node');
const express = require('express');
const axios = require('axios');

const app = express();
app.get('/stock/:sku', async (req, res) => {
  apm.setLabel('sku', req.params.sku);
  const { data } = await axios.get('http://stock:8080/items/' + req.params.sku, { timeout: 2000 });
  res.json(data);
});
`,
      languageOptions: { ...javascript, ...COMMONJS },
      errors: [missing(9, 26, 'axios', 'express route handler')],
    },
    // Instana's collector instruments Node's fetch, but not undici's own request API.
    {
      code: `
import instana from '@instana/collector';
import express from 'express';
import { request } from 'undici';

instana();

const app = express();
app.get('/quotes/:id', async (req, res) => {
  const quote = await request('http://quotes:8080/' + req.params.id, { headersTimeout: 1_000, bodyTimeout: 1_000 });
  res.json(await quote.body.json());
});
`,
      errors: [missing(10, 23, 'undici', 'express route handler')],
    },
  ],
});
