/**
 * The logging tables: versions match what is installed, every default names the file it was read from,
 * and the defaults the rules rely on are the libraries' real ones.
 */
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { bunyan } from '../../knowledge/logging/bunyan.js';
import { consoleLogger, structuredLoggerPackages } from '../../knowledge/logging/console.js';
import { LOGGER_LIBRARIES, LOGGER_PACKAGES } from '../../knowledge/logging/index.js';
import { LOG_CORRELATIONS, otelBunyan, otelPino, otelWinston } from '../../knowledge/logging/log-correlation.js';
import { nestjsApplicationLogger, nestjsLogger, nestjsPino } from '../../knowledge/logging/nestjs.js';
import { pino } from '../../knowledge/logging/pino.js';
import { pinoHttp, pinoHttpGenReqId, pinoHttpRequestLogger } from '../../knowledge/logging/pino-http.js';
import { winston, winstonFormats } from '../../knowledge/logging/winston.js';

const require = createRequire(import.meta.url);
const installedVersion = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

describe('logging library knowledge', () => {
  it.each(LOGGER_LIBRARIES.map((spec) => [spec.name, spec] as const))('%s was read from the installed version', (_, spec) => {
    expect(spec.versionRead).toBe(installedVersion(spec.packages[0]!));
    expect(spec.source).toContain(`@${spec.versionRead}`);
    // Each option cites a file of an installed package at the version read (pino-http's are pino's own).
    for (const [option, described] of Object.entries(spec.fieldOptions)) expect(described.source, option).toMatch(/^(?:@[\w-]+\/)?[\w-]+@\d+\.\d+\.\d+ \S/);
    if (spec.child) expect(spec.child.source).toMatch(/^[\w-]+@\d+\.\d+\.\d+ \S/);
    expect(spec.repository).toMatch(/^https:\/\/github\.com\//);
  });

  it.each([otelPino, otelWinston, otelBunyan].map((spec) => [spec.name, spec] as const))('%s was read from the installed version', (_, spec) => {
    expect(spec.versionRead).toBe(installedVersion(spec.packages[0]!));
    expect(spec.source).toContain(`${spec.packages[0]}@${spec.versionRead}`);
  });

  it('models the defaults the rule relies on', () => {
    // pino binds pid and hostname, no service; `name` becomes a field; the mixin's object is merged.
    expect(pino.fieldOptions.base.fieldsWhenAbsent).toEqual(['pid', 'hostname']);
    expect(pino.fieldOptions.name.role).toBe('field');
    expect(pino.fieldOptions.mixin.role).toBe('fields-function');
    expect(pinoHttp.fieldOptions).toBe(pino.fieldOptions);
    // pino-http's own request id is a counter local to the process; req.log binds the request.
    expect(pinoHttpGenReqId.default).toMatch(/counter/);
    expect(pinoHttpRequestLogger.requestIdField).toBe('req.id');
    // winston has no defaultMeta unless given one; label and timestamp are the formats that add fields.
    expect(winston.fieldOptions.defaultMeta.fieldsWhenAbsent).toEqual([]);
    expect(Object.entries(winstonFormats).filter(([, format]) => format.adds.length > 0).map(([name]) => name)).toEqual(['label', 'timestamp', 'ms']);
    // bunyan: every option but its own is a field, the required name included.
    expect(bunyan.nonFieldOptions).toEqual(['stream', 'streams', 'level', 'serializers', 'src']);
    expect(bunyan.nonFieldOptions).not.toContain('name');
    // NestJS writes through the application logger; ConsoleLogger is the default.
    expect(nestjsApplicationLogger.defaultClass).toBe('ConsoleLogger');
    expect(nestjsLogger.recordShape).toBe('message');
    expect(nestjsPino.recordShape).toBe('object-first');
    // OpenTelemetry's log correlation writes trace_id and span_id.
    for (const spec of LOG_CORRELATIONS.filter((correlation) => correlation.packages[0]!.startsWith('@opentelemetry/'))) expect(spec.fields).toContain('trace_id');
    expect(consoleLogger.recordShape).toBe('text');
  });

  it('reads the methods that write a record from the libraries themselves', () => {
    const pinoLogger = (require('pino') as (options: object) => Record<string, unknown>)({ level: 'silent' });
    for (const method of pino.logMethods) expect(typeof pinoLogger[method], method).toBe('function');
    const winstonLogger = (require('winston') as { createLogger: () => Record<string, unknown> }).createLogger();
    for (const method of ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'log']) expect(typeof winstonLogger[method], method).toBe('function');
    const bunyanLogger = (require('bunyan') as { createLogger: (options: object) => Record<string, unknown> }).createLogger({ name: 'test', streams: [] });
    for (const method of bunyan.logMethods) expect(typeof bunyanLogger[method], method).toBe('function');
  });

  it('treats every modelled logging package as a structured logger for console', () => {
    for (const name of LOGGER_PACKAGES) expect(structuredLoggerPackages as readonly string[]).toContain(name);
  });
});
