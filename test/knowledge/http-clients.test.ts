/**
 * The HTTP client tables: versions match what is installed, defaults are what the rules rely on, every
 * default names the file it was read from, and request methods are ones HTTP defines.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { axios, axiosDefaultMethod } from '../../knowledge/http/axios.js';
import { fetch, fetchDefaultMethod, nodeFetch, undiciDispatcherTimeouts, undiciRequest } from '../../knowledge/http/fetch.js';
import { HTTP_METHODS, NON_IDEMPOTENT_METHODS, isIdempotentMethod, normalizeHttpMethod } from '../../knowledge/http/http-methods.js';
import { nestjsAxios, nestjsModuleMetadata } from '../../knowledge/http/nestjs-axios.js';
import { nodeHttp } from '../../knowledge/http/node-http.js';
import { superagent, superagentRetry } from '../../knowledge/http/superagent.js';
import type { HttpClientSpec } from '../../knowledge/types.js';

const require = createRequire(import.meta.url);
const installedVersion = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

const SPECS: ReadonlyArray<[HttpClientSpec, string]> = [
  [axios, 'axios'],
  [fetch, 'undici'],
  [undiciRequest, 'undici'],
  [nodeFetch, 'node-fetch'],
  [nodeHttp, '@types/node'],
  [superagent, 'superagent'],
];

describe('HTTP client knowledge', () => {
  it.each(SPECS.map(([spec, name]) => [spec.name, spec, name] as const))('%s was read from the installed version', (_, spec, name) => {
    expect(spec.versionRead).toBe(installedVersion(name));
    expect(spec.timeout.source).toContain(spec.versionRead);
    expect(spec.repository).toMatch(/^https:\/\/github\.com\//);
  });

  it('gives every request function a method HTTP defines, or none', () => {
    for (const [spec] of SPECS) {
      for (const requestFunction of Object.values(spec.requestFunctions)) {
        if (requestFunction.method !== undefined) expect(normalizeHttpMethod(requestFunction.method), spec.name).toBe(requestFunction.method);
      }
    }
  });

  it('models the defaults the rules rely on', () => {
    // No client here bounds a request by default: axios 0, fetch and undici only per-phase limits, node-fetch 0.
    expect(SPECS.map(([spec]) => spec.timeout.default)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(nodeFetch.timeout.disabledBy).toEqual([0]);
    expect(axios.timeout.disabledBy).toEqual([0]);
    expect(axios.deadlineOptions).toContain('signal');
    expect(fetch.deadlineOptions).toEqual(['signal']);
    expect(undiciDispatcherTimeouts.headersTimeout.default).toBe(300_000);
    expect(undiciDispatcherTimeouts.bodyTimeout.default).toBe(300_000);
    expect(superagent.timeoutMethods).toEqual(['timeout']);
    expect(superagentRetry.methods.default).toBe('all');
    expect(nodeHttp.timeoutMethods).toEqual(['setTimeout']);
    expect([axiosDefaultMethod.default, fetchDefaultMethod.default]).toEqual(['GET', 'GET']);
  });
});

describe('NestJS HttpService knowledge', () => {
  it('was read from the installed @nestjs/axios', () => {
    // Its exports map hides package.json: read the file next to its resolved entry.
    const manifest = path.join(path.dirname(require.resolve('@nestjs/axios')), '..', 'package.json');
    expect(nestjsAxios.versionRead).toBe((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version);
    expect(nestjsAxios.defaultInstance.source).toContain(`@nestjs/axios@${nestjsAxios.versionRead}`);
    expect(nestjsModuleMetadata.source).toContain(`@nestjs/common@${installedVersion('@nestjs/common')}`);
  });

  it('sends each service method with the arguments of the axios method of the same name', () => {
    for (const method of nestjsAxios.requestMethods) expect(Object.keys(axios.requestFunctions), method).toContain(method);
    expect(nestjsAxios.requestMethods).not.toContain('options');
  });

  it('models a plain HttpModule import as axios\'s default instance, which has no timeout', () => {
    expect(nestjsAxios.defaultInstance.source).toContain('useValue: Axios');
    expect(axios.timeout.default).toBeUndefined();
  });
});

describe('HTTP methods (RFC 9110 §9.2)', () => {
  it('knows which methods are idempotent', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'].map(isIdempotentMethod)).toEqual([true, true, true, true, true, true]);
    expect(['POST', 'PATCH', 'post', ' patch '].map(isIdempotentMethod)).toEqual([false, false, false, false]);
    expect(isIdempotentMethod('PURGE')).toBeUndefined();
    expect(NON_IDEMPOTENT_METHODS).toEqual(['POST', 'CONNECT', 'PATCH']);
  });

  it('marks safe methods as idempotent and cites a section for each', () => {
    for (const [method, spec] of Object.entries(HTTP_METHODS)) {
      if (spec.safe) expect(spec.idempotent, method).toBe(true);
      expect(spec.source, method).toMatch(/RFC \d+ §|draft-ietf-/);
    }
  });
});
