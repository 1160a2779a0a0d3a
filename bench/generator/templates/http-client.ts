/** A client of another service, written with the HTTP library the plan picked for that dependency. */
import type { Random } from '../random.js';
import type { DependencyPlan, GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines } from '../model.js';

export function renderHttpClient(plan: ServicePlan, dependency: DependencyPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const resource = dependency.resource;
  const remote = dependency.service;
  const resourceType = `${remote.pascal}${resource.pascal}`;
  const body = renderResourceTypes(resourceType, random);
  const path = `/${resource.pluralKebab}`;
  let text: string;
  switch (dependency.library) {
    case 'axios': {
      const noTimeout = defects.seed('require-http-timeout', 0.1);
      const unbounded = defects.seed('no-unbounded-retry', 0.03);
      const noDelay = defects.seed('require-retry-backoff', 0.15);
      const retryAll = defects.seed('no-retry-on-client-error', 0.05);
      const noKey = defects.seed('require-idempotency-key', 0.1);
      const insecure = defects.seed('no-disabled-tls-verification', 0.03);
      const staticKey = defects.seed('no-static-api-key-auth', 0.03);
      text = lines(
        insecure && "import https from 'node:https';",
        insecure && '',
        "import axios from 'axios';",
        "import axiosRetry from 'axios-retry';",
        '',
        `import { ${noTimeout ? '' : 'HTTP_TIMEOUT_MS, '}${noKey ? '' : 'IDEMPOTENCY_HEADER, '}${unbounded ? '' : 'RETRY_ATTEMPTS, '}traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        '',
        body,
        '',
        `const http = axios.create({`,
        `  baseURL: config.services.${remote.camel},`,
        !noTimeout && '  timeout: HTTP_TIMEOUT_MS,',
        insecure && '  httpsAgent: new https.Agent({ rejectUnauthorized: false }),',
        "  headers: { 'content-type': 'application/json'" + (staticKey ? `, 'x-api-key': '${fakeKey(random)}'` : '') + ' },',
        '});',
        '',
        'axiosRetry(http, {',
        unbounded ? '  retries: Infinity,' : '  retries: RETRY_ATTEMPTS,',
        !noDelay && '  retryDelay: axiosRetry.exponentialDelay,',
        retryAll ? '  retryCondition: () => true,' : '  retryCondition: (error) => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.response?.status === 429,',
        '});',
        '',
        `export async function get${resourceType}(id: string, trace: TraceContext): Promise<${resourceType} | undefined> {`,
        `  const response = await http.get<${resourceType}>(\`${path}/\${encodeURIComponent(id)}\`, {`,
        '    headers: traceHeaders(trace),',
        '    validateStatus: (status) => status < 400 || status === 404,',
        '  });',
        '  return response.status === 404 ? undefined : response.data;',
        '}',
        '',
        `export async function create${resourceType}(input: New${resourceType}, trace: TraceContext, idempotencyKey: string): Promise<${resourceType}> {`,
        `  const response = await http.post<${resourceType}>('${path}', input, {`,
        noKey ? '    headers: { ...traceHeaders(trace), \'x-request-source\': idempotencyKey.slice(0, 8) },' : '    headers: { ...traceHeaders(trace), [IDEMPOTENCY_HEADER]: idempotencyKey },',
        '  });',
        '  return response.data;',
        '}',
      );
      break;
    }
    case 'got': {
      const noTimeout = defects.seed('require-http-timeout', 0.1);
      const retriesPost = defects.seed('require-idempotency-key', 0.06);
      const unbounded = defects.seed('no-unbounded-retry', 0.02);
      text = lines(
        "import got from 'got';",
        '',
        `import { ${noTimeout ? '' : 'HTTP_TIMEOUT_MS, '}IDEMPOTENCY_HEADER, ${unbounded ? '' : 'RETRY_ATTEMPTS, '}traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        '',
        body,
        '',
        'const client = got.extend({',
        `  prefixUrl: config.services.${remote.camel},`,
        !noTimeout && '  timeout: { request: HTTP_TIMEOUT_MS },',
        '  retry: {',
        unbounded ? '    limit: Infinity,' : '    limit: RETRY_ATTEMPTS,',
        retriesPost ? "    methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'POST']," : "    methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS'],",
        '    statusCodes: [408, 429, 500, 502, 503, 504],',
        '  },',
        '});',
        '',
        `export async function get${resourceType}(id: string, trace: TraceContext): Promise<${resourceType} | undefined> {`,
        `  const response = await client.get(\`${path.slice(1)}/\${encodeURIComponent(id)}\`, { headers: traceHeaders(trace), throwHttpErrors: false });`,
        '  if (response.statusCode === 404) return undefined;',
        `  return JSON.parse(response.body) as ${resourceType};`,
        '}',
        '',
        `export async function create${resourceType}(input: New${resourceType}, trace: TraceContext, idempotencyKey: string): Promise<${resourceType}> {`,
        `  return client`,
        `    .post('${path.slice(1)}', {`,
        '      json: input,',
        retriesPost ? '      headers: traceHeaders(trace),' : '      headers: { ...traceHeaders(trace), [IDEMPOTENCY_HEADER]: idempotencyKey },',
        '    })',
        `    .json<${resourceType}>();`,
        '}',
      );
      break;
    }
    case 'ky': {
      const retryNotFound = defects.seed('no-retry-on-client-error', 0.06);
      const retriesPost = defects.seed('require-idempotency-key', 0.05);
      // ky's default backoff has no jitter.
      const noJitter = defects.seed('require-retry-backoff', 0.15);
      text = lines(
        "import ky from 'ky';",
        '',
        `import { HTTP_TIMEOUT_MS, IDEMPOTENCY_HEADER, RETRY_ATTEMPTS, traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        '',
        body,
        '',
        'const api = ky.create({',
        `  prefixUrl: config.services.${remote.camel},`,
        '  timeout: HTTP_TIMEOUT_MS,',
        '  retry: {',
        '    limit: RETRY_ATTEMPTS,',
        retriesPost ? "    methods: ['get', 'put', 'delete', 'post']," : "    methods: ['get', 'put', 'delete'],",
        retryNotFound ? '    statusCodes: [404, 408, 429, 500, 502, 503, 504],' : '    statusCodes: [408, 429, 500, 502, 503, 504],',
        !noJitter && '    jitter: true,',
        '  },',
        '});',
        '',
        `export async function get${resourceType}(id: string, trace: TraceContext): Promise<${resourceType} | undefined> {`,
        `  const response = await api.get(\`${path.slice(1)}/\${encodeURIComponent(id)}\`, { headers: traceHeaders(trace), throwHttpErrors: false });`,
        '  if (response.status === 404) return undefined;',
        `  return response.json<${resourceType}>();`,
        '}',
        '',
        `export async function create${resourceType}(input: New${resourceType}, trace: TraceContext, idempotencyKey: string): Promise<${resourceType}> {`,
        `  return api`,
        `    .post('${path.slice(1)}', {`,
        '      json: input,',
        retriesPost ? '      headers: traceHeaders(trace),' : '      headers: { ...traceHeaders(trace), [IDEMPOTENCY_HEADER]: idempotencyKey },',
        '    })',
        `    .json<${resourceType}>();`,
        '}',
      );
      break;
    }
    case 'fetch': {
      const noSignal = defects.seed('require-http-timeout', 0.12);
      const noKey = defects.seed('require-idempotency-key', 0.08);
      const fields = noSignal ? '' : ', signal: AbortSignal.timeout(HTTP_TIMEOUT_MS)';
      text = lines(
        `import { ${noSignal ? '' : 'HTTP_TIMEOUT_MS, '}HttpError, ${noKey ? '' : 'IDEMPOTENCY_HEADER, '}traceHeaders, type TraceContext } from '@acme/shared';`,
        '',
        "import { config } from '../config.js';",
        "import { withRetry } from '../retry/with-retry.js';",
        '',
        body,
        '',
        `const baseUrl = config.services.${remote.camel};`,
        '',
        'async function readJson<T>(response: Response): Promise<T> {',
        '  if (!response.ok) throw new HttpError(response.status, `${response.url} answered ${response.status}`);',
        '  return (await response.json()) as T;',
        '}',
        '',
        `export async function get${resourceType}(id: string, trace: TraceContext): Promise<${resourceType} | undefined> {`,
        `  return withRetry('get ${resource.kebab}', async () => {`,
        `    const response = await fetch(\`\${baseUrl}${path}/\${encodeURIComponent(id)}\`, { headers: traceHeaders(trace)${fields} });`,
        '    if (response.status === 404) return undefined;',
        `    return readJson<${resourceType}>(response);`,
        '  });',
        '}',
        '',
        `export async function create${resourceType}(input: New${resourceType}, trace: TraceContext, idempotencyKey: string): Promise<${resourceType}> {`,
        `  return withRetry('create ${resource.kebab}', async () => {`,
        `    const response = await fetch(\`\${baseUrl}${path}\`, {`,
        "      method: 'POST',",
        noKey
          ? "      headers: { ...traceHeaders(trace), 'content-type': 'application/json', 'x-correlation-id': idempotencyKey },"
          : "      headers: { ...traceHeaders(trace), 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: idempotencyKey },",
        '      body: JSON.stringify(input),',
        noSignal ? false : '      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),',
        '    });',
        `    return readJson<${resourceType}>(response);`,
        '  });',
        '}',
      );
      break;
    }
  }
  return { path: `${plan.directory}/src/clients/${remote.kebab}-client.ts`, text, patterns: defects.found };
}

function renderResourceTypes(typeName: string, random: Random): string {
  const optional = random.sample(['description', 'externalReference', 'labels', 'region'], random.int(1, 3));
  return lines(
    `export interface ${typeName} {`,
    '  readonly id: string;',
    '  readonly version: number;',
    `  readonly status: '${random.sample(['pending', 'active', 'closed', 'failed', 'archived'], 3).join("' | '")}';`,
    optional.map((field) => (field === 'labels' ? '  readonly labels?: readonly string[];' : `  readonly ${field}?: string;`)),
    '  readonly updatedAt: string;',
    '}',
    '',
    `export type New${typeName} = Omit<${typeName}, 'id' | 'version' | 'updatedAt'>;`,
  ).trimEnd();
}

function fakeKey(random: Random): string {
  let key = 'sk_live_';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let index = 0; index < 24; index++) key += alphabet.charAt(random.int(0, alphabet.length - 1));
  return key;
}
