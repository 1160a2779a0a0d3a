/**
 * The tracing tables: versions match what is installed where the package is installed, every default
 * names where it was read, the instrumentations say which clients they inject into, and host names are
 * told apart the way the rule relies on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ACCESS_LOGS, fastifyLogger, morgan, pinoHttp } from '../../knowledge/tracing/access-logs.js';
import { ID_MINTERS, nanoid, uuid } from '../../knowledge/tracing/id-minters.js';
import { amqplibProducer, kafkajsProducer } from '../../knowledge/tracing/messaging.js';
import { INSTRUMENTATIONS, nodeSdk, TRACING_SETUPS } from '../../knowledge/tracing/opentelemetry.js';
import { express, fastify, koa, nestjs, REQUEST_FRAMEWORKS } from '../../knowledge/tracing/request-handlers.js';
import { isExternalHost, normalizeIdName, propagationApi, w3cTraceContext } from '../../knowledge/tracing/trace-context.js';
import { DEFAULT_POLICY } from '../../policy/policy.js';

const NODE_MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules');
/** Read from the manifest on disk: some packages do not export their package.json. */
const installedVersion = (name: string): string => (JSON.parse(readFileSync(path.join(NODE_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;

describe('tracing knowledge', () => {
  it('was read from the installed versions', () => {
    expect(express.versionRead).toBe(installedVersion('express'));
    expect(fastify.versionRead).toBe(installedVersion('fastify'));
    expect(koa.versionRead).toBe(installedVersion('koa'));
    expect(nestjs.versionRead).toBe(installedVersion('@nestjs/common'));
    expect(w3cTraceContext.versionRead).toBe(installedVersion('@opentelemetry/core'));
    expect(propagationApi.versionRead).toBe(installedVersion('@opentelemetry/api'));
    expect(pinoHttp.versionRead).toBe(installedVersion('pino-http'));
    expect(morgan.versionRead).toBe(installedVersion('morgan'));
    expect(fastifyLogger.versionRead).toBe(installedVersion('fastify'));
    expect(kafkajsProducer.versionRead).toBe(installedVersion('kafkajs'));
    expect(amqplibProducer.versionRead).toBe(installedVersion('amqplib'));
    expect(uuid.source).toContain(`uuid@${installedVersion('uuid')}`);
    expect(nanoid.source).toContain(`nanoid@${installedVersion('nanoid')}`);
  });

  it('names the source of every spec, with its version for installed packages', () => {
    for (const spec of [...REQUEST_FRAMEWORKS, ...ACCESS_LOGS, kafkajsProducer, amqplibProducer]) {
      expect(spec.repository, spec.name).toMatch(/^https:\/\/github\.com\//);
      expect(spec.source.length, spec.name).toBeGreaterThan(20);
    }
    for (const spec of [express, fastify, koa, nestjs, pinoHttp, morgan]) expect(spec.source, spec.name).toContain(spec.versionRead);
    for (const spec of [...ID_MINTERS, ...TRACING_SETUPS, ...INSTRUMENTATIONS]) expect(spec.source.length).toBeGreaterThan(20);
  });

  it('models the W3C headers and the policy defaults the rule relies on', () => {
    expect([w3cTraceContext.traceParentHeader.name, w3cTraceContext.traceStateHeader.name]).toEqual(['traceparent', 'tracestate']);
    expect(DEFAULT_POLICY.tracing.headers).toEqual(expect.arrayContaining(['traceparent', 'tracestate', 'x-request-id']));
    expect(new RegExp(w3cTraceContext.traceParentPattern.pattern).test('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(true);
    expect(new RegExp(w3cTraceContext.traceParentPattern.pattern).test('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(false);
    expect(['traceId', 'trace_id', 'X-Request-Id', 'correlationId'].map(normalizeIdName)).toEqual(['traceid', 'traceid', 'xrequestid', 'correlationid']);
  });

  it('says which clients each instrumentation injects into', () => {
    const injects = (pkg: string) => INSTRUMENTATIONS.find((entry) => entry.package === pkg)?.injectsInto;
    expect(injects('@opentelemetry/auto-instrumentations-node')).toBe('all');
    // Node's global fetch and ky go through undici, which the http instrumentation does not patch.
    expect(injects('@opentelemetry/instrumentation-http')).not.toContain('fetch');
    expect(injects('@opentelemetry/instrumentation-http')).toContain('axios');
    expect(injects('@opentelemetry/instrumentation-undici')).toEqual(expect.arrayContaining(['fetch', 'ky']));
    // NodeSDK instruments nothing unless given instrumentations.
    expect(nodeSdk.instruments).toEqual([]);
  });

  it('tells third-party hosts from the system\'s own', () => {
    expect(['api.stripe.com', 'hooks.slack.com', 'api.openai.com'].map(isExternalHost)).toEqual([true, true, true]);
    expect(['orders', 'orders.internal', 'billing.default.svc.cluster.local', 'localhost', '10.0.3.7', '172.20.1.1', 'ledger.service.consul'].map(isExternalHost)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});
