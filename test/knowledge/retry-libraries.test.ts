/**
 * The retry tables say what the installed packages do: versions match node_modules, every cited file
 * exists, units and sentinels are consistent, and the traps (no delay, no jitter, retry forever, POST
 * retried on network errors) are written as the sources have them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { amqplibRedelivery } from '../../knowledge/retry/amqplib-redelivery.js';
import { asyncRetry } from '../../knowledge/retry/async-retry.js';
import { axiosRetry, axiosRetryConditionMethods, axiosRetryConditions, axiosRetryDelays } from '../../knowledge/retry/axios-retry.js';
import { cockatiel, cockatielBackoffs, cockatielGenerators, cockatielPolicies } from '../../knowledge/retry/cockatiel.js';
import { got } from '../../knowledge/http/got.js';
import { RETRY_AFTER_ONLY_CLIENT_ERRORS, RETRY_SAFE_CLIENT_ERRORS, isClientError, isNonRetryableClientError, isRetrySafeStatus } from '../../knowledge/http/http-status.js';
import { ky } from '../../knowledge/http/ky.js';
import { nodeRetry } from '../../knowledge/retry/node-retry.js';
import { pRetry } from '../../knowledge/retry/p-retry.js';
import { retryAxios } from '../../knowledge/retry/retry-axios.js';
import { rxjs } from '../../knowledge/retry/rxjs.js';
import type { RetryDefaultsSpec, RetryLibrarySpec, Unit } from '../../knowledge/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const RETRY_LIBRARIES: readonly RetryLibrarySpec[] = [axiosRetry, retryAxios, pRetry, asyncRetry, nodeRetry, cockatiel, rxjs];
const HTTP_CLIENTS = [got, ky] as const;
const ALL: ReadonlyArray<{ name: string; packages: readonly string[]; versionRead: string; repository: string; retry: RetryDefaultsSpec }> = [
  ...RETRY_LIBRARIES.map((spec) => ({ ...spec, retry: spec })),
  ...HTTP_CLIENTS,
];
const UNITS: readonly Unit[] = ['milliseconds', 'seconds', 'duration', 'count', 'boolean', 'http-methods', 'status-codes', 'function', 'object'];

/** `pkg@version path/to/file.js` citations in a source string. */
function citedFiles(source: string): Array<{ packageName: string; version: string; file: string }> {
  return [...source.matchAll(/([@\w./-]+)@(\d+\.\d+\.\d+) ([\w./-]+\.(?:js|ts|cjs|mjs))/g)].map((match) => ({
    packageName: match[1]!,
    version: match[2]!,
    file: match[3]!,
  }));
}

function allSources(spec: RetryDefaultsSpec): string[] {
  return [spec.limit.source, spec.backoff.source, spec.condition.source, spec.methods.source, ...Object.values(spec.options).map((option) => option.source)];
}

describe('retry knowledge', () => {
  it.each(ALL.map((spec) => [spec.name, spec] as const))('%s was read from the installed version', (_name, spec) => {
    expect(installedVersion(spec.packages[0]!.split('/')[0]!)).toBe(spec.versionRead);
    expect(spec.repository).toMatch(/^https:\/\/github\.com\/[\w-]+\/[\w.-]+$/);
  });

  it.each(ALL.map((spec) => [spec.name, spec] as const))('%s cites files that exist in the installed package', (_name, spec) => {
    const cited = allSources(spec.retry).flatMap(citedFiles);
    expect(cited.length).toBeGreaterThan(0);
    for (const { packageName, version, file } of cited) {
      expect(installedVersion(packageName), packageName).toBe(version);
      expect(existsSync(path.join(root, 'node_modules', packageName, file)), `${packageName}/${file}`).toBe(true);
    }
  });

  it.each(ALL.map((spec) => [spec.name, spec] as const))('%s uses known units, counts for limits and Infinity as the unbounded sentinel', (_name, spec) => {
    const { retry } = spec;
    expect(retry.limit.unit).toBe('count');
    expect(retry.limit.role).toBe('limit');
    expect(retry.options[retry.limit.option]?.default).toBe(retry.limit.default);
    expect(Number.isNaN(retry.limit.default)).toBe(false);
    for (const [name, option] of Object.entries(retry.options)) {
      expect(UNITS, name).toContain(option.unit);
      if (option.role === 'limit' || option.role === 'time-budget' || option.role === 'max-delay') {
        expect(typeof option.default, name).toBe('number');
      }
    }
  });

  it('records the bounds each library applies by default', () => {
    expect(axiosRetry.limit.default).toBe(3);
    expect(retryAxios.limit.default).toBe(3);
    expect(pRetry.limit.default).toBe(10);
    expect(asyncRetry.limit.default).toBe(10);
    expect(nodeRetry.limit.default).toBe(10);
    expect(got.retry.limit.default).toBe(2);
    expect(ky.retry.limit.default).toBe(2);
    // the unbounded defaults
    expect(cockatiel.limit.default).toBe(Number.POSITIVE_INFINITY);
    expect(rxjs.limit.default).toBe(Number.POSITIVE_INFINITY);
    expect(pRetry.options.maxRetryTime.default).toBe(Number.POSITIVE_INFINITY);
    expect(pRetry.options.maxRetryTime.role).toBe('time-budget');
    expect(pRetry.options.signal.role).toBe('signal');
  });

  it('records which defaults have no delay and which have no jitter', () => {
    expect(axiosRetry.backoff).toMatchObject({ shape: 'none', jitter: false });
    expect(cockatiel.backoff).toMatchObject({ shape: 'none', jitter: false });
    expect(rxjs.backoff).toMatchObject({ shape: 'none', jitter: false });
    expect(pRetry.backoff).toMatchObject({ shape: 'exponential', jitter: false });
    expect(nodeRetry.backoff).toMatchObject({ shape: 'exponential', jitter: false });
    expect(retryAxios.backoff).toMatchObject({ shape: 'exponential', jitter: false });
    expect(ky.retry.backoff).toMatchObject({ shape: 'exponential', jitter: false });
    // jittered by default
    expect(asyncRetry.backoff).toMatchObject({ shape: 'exponential', jitter: true });
    expect(asyncRetry.options.randomize.default).toBe(true);
    expect(got.retry.backoff).toMatchObject({ shape: 'exponential', jitter: true });
    expect(got.retry.options.noise.default).toBe(100);
    expect(axiosRetryDelays.exponentialDelay.jitter).toBe(true);
    expect(axiosRetryDelays.linearDelay.jitter).toBe(false);
    expect(cockatielBackoffs.ExponentialBackoff.jitter).toBe(true);
    expect(cockatielBackoffs.ConstantBackoff.jitter).toBe(false);
    expect(cockatielGenerators.noJitterGenerator.jitter).toBe(false);
    expect(cockatielGenerators.decorrelatedJitterGenerator.jitter).toBe(true);
  });

  it('records the methods and conditions retried by default', () => {
    expect(axiosRetry.methods.methods).toBe('all');
    expect(axiosRetryConditionMethods.isNetworkOrIdempotentRequestError).toBe('all');
    expect(axiosRetryConditionMethods.isIdempotentRequestError).not.toContain('POST');
    for (const methods of [got.retry.methods.methods, ky.retry.methods.methods, retryAxios.methods.methods]) {
      expect(methods).not.toContain('POST');
      expect(methods).not.toContain('PATCH');
      expect(methods).toContain('GET');
    }
    for (const wrapper of [pRetry, asyncRetry, nodeRetry, cockatiel, rxjs]) expect(wrapper.methods.methods).toBe('all');
    for (const condition of Object.values(axiosRetryConditions)) {
      expect(condition.everyError).toBe(false);
      expect(condition.statuses.filter(isNonRetryableClientError)).toEqual([]);
    }
    expect(cockatielPolicies.handleAll.everyError).toBe(true);
    for (const client of HTTP_CLIENTS) {
      const unsafe = client.retry.condition.statuses.filter(
        (status) => isNonRetryableClientError(status) && !Object.hasOwn(RETRY_AFTER_ONLY_CLIENT_ERRORS, status),
      );
      expect(unsafe, client.name).toEqual([]);
    }
  });

  it('records the timeouts the timeout rule reads', () => {
    expect(got.timeout).toMatchObject({ option: 'timeout', unit: 'milliseconds', default: undefined });
    expect(ky.timeout).toMatchObject({ option: 'timeout', unit: 'milliseconds', default: 10_000, disabledBy: [false] });
    expect(got.requestFunctions.post.method).toBe('POST');
    expect(ky.instanceFactories).toHaveProperty('create');
    expect(got.instanceFactories).toHaveProperty('extend');
  });

  it('records that amqplib requeues by default', () => {
    expect(installedVersion('amqplib')).toBe(amqplibRedelivery.versionRead);
    expect(amqplibRedelivery.requeue.default).toBe(true);
    for (const { packageName, version, file } of citedFiles(amqplibRedelivery.requeue.source)) {
      expect(installedVersion(packageName)).toBe(version);
      expect(existsSync(path.join(root, 'node_modules', packageName, file))).toBe(true);
    }
    expect(amqplibRedelivery.methods.nack.requeueArgument).toBe(2);
    expect(amqplibRedelivery.methods.reject.requeueArgument).toBe(1);
  });

  it('classifies HTTP statuses', () => {
    expect(Object.keys(RETRY_SAFE_CLIENT_ERRORS).map(Number)).toEqual([408, 425, 429]);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(isNonRetryableClientError(status), String(status)).toBe(true);
    for (const status of [408, 425, 429, 500, 503]) expect(isNonRetryableClientError(status), String(status)).toBe(false);
    expect(isRetrySafeStatus(503)).toBe(true);
    expect(isRetrySafeStatus(404)).toBe(false);
    expect(isClientError(499)).toBe(true);
    expect(isClientError(500)).toBe(false);
  });
});
