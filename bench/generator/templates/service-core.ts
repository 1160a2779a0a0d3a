/** The files every service has once: configuration, request context, logger, auth, bootstrap. */
import type { Random } from '../random.js';
import type { GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines, logCall } from '../model.js';

export function renderConfig(plan: ServicePlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const port = random.pick([3000, 8080, 8000, 4000]);
  const text = lines(
    "import { readFileSync } from 'node:fs';",
    '',
    'function required(name: string): string {',
    '  const value = process.env[name];',
    '  if (value === undefined || value.length === 0) throw new Error(`missing environment variable ${name}`);',
    '  return value;',
    '}',
    '',
    'function readSecret(name: string): string {',
    '  const file = process.env[`${name}_FILE`];',
    "  return file ? readFileSync(file, 'utf8').trim() : required(name);",
    '}',
    '',
    defects.seed('no-disabled-tls-verification', 0.02) && [
      '// The staging broker uses a self-signed certificate.',
      "if (process.env.NODE_ENV !== 'production') process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      '',
    ],
    'export const config = {',
    `  serviceName: '${plan.name.kebab}',`,
    `  port: Number(process.env.PORT ?? ${port}),`,
    "  logLevel: process.env.LOG_LEVEL ?? 'info',",
    "  version: process.env.SERVICE_VERSION ?? '0.0.0-dev',",
    "  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',",
    "  kafkaBrokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),",
    "  amqpUrl: process.env.AMQP_URL ?? 'amqp://localhost',",
    "  redisHost: process.env.REDIS_HOST ?? 'localhost',",
    "  redisPort: Number(process.env.REDIS_PORT ?? 6379),",
    "  get jwtSecret(): string {",
    "    return readSecret('JWT_SECRET');",
    '  },',
    "  get apiKey(): string {",
    "    return readSecret('API_KEY');",
    '  },',
    '  services: {',
    plan.dependencies.map(
      (dependency) => `    ${dependency.service.camel}: process.env.${dependency.service.constant}_URL ?? 'http://${dependency.service.kebab}:8080',`,
    ),
    '  },',
    '} as const;',
  );
  return { path: `${plan.directory}/src/config.ts`, text, patterns: defects.found };
}

export function renderContext(plan: ServicePlan): GeneratedFile {
  const text = lines(
    "import { AsyncLocalStorage } from 'node:async_hooks';",
    '',
    "import type { TraceContext } from '@acme/shared';",
    '',
    '/** The trace of the request or message being handled, for loggers and outbound calls. */',
    'export const requestContext = new AsyncLocalStorage<TraceContext>();',
    '',
    'export function currentTraceId(): string | undefined {',
    '  return requestContext.getStore()?.traceId;',
    '}',
  );
  return { path: `${plan.directory}/src/context.ts`, text, patterns: [] };
}

export function renderLogger(plan: ServicePlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const withoutService = defects.seed('require-log-fields', 0.05);
  const withoutTrace = !withoutService && defects.seed('require-log-fields', 0.05);
  const text =
    plan.logger === 'pino'
      ? lines(
          "import { pino } from 'pino';",
          '',
          "import { config } from './config.js';",
          !withoutTrace && "import { currentTraceId } from './context.js';",
          '',
          'export const logger = pino({',
          '  level: config.logLevel,',
          !withoutService && '  base: { service: config.serviceName, version: config.version },',
          !withoutTrace && '  mixin: () => ({ traceId: currentTraceId() }),',
          "  redact: ['req.headers.authorization', '*.password', '*.token'],",
          '});',
        )
      : lines(
          "import { createLogger, format, transports } from 'winston';",
          '',
          "import { config } from './config.js';",
          !withoutTrace && "import { currentTraceId } from './context.js';",
          '',
          !withoutTrace && [
            'const addTraceId = format((info) => {',
            '  const traceId = currentTraceId();',
            '  if (traceId) info.traceId = traceId;',
            '  return info;',
            '});',
            '',
          ],
          'export const logger = createLogger({',
          '  level: config.logLevel,',
          !withoutService && '  defaultMeta: { service: config.serviceName, version: config.version },',
          `  format: format.combine(${withoutTrace ? '' : 'addTraceId(), '}format.timestamp(), format.json()),`,
          '  transports: [new transports.Console()],',
          '});',
        );
  return { path: `${plan.directory}/src/logger.ts`, text, patterns: defects.found };
}

export function renderTokens(plan: ServicePlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const scopes = `'${plan.name.kebab}:read', '${plan.name.kebab}:write'`;
  let text: string;
  if (plan.auth === 'jsonwebtoken') {
    const noExpiry = defects.seed('no-long-lived-jwt', 0.03);
    const longExpiry = !noExpiry && defects.seed('no-long-lived-jwt', 0.04);
    const unpinned = defects.seed('no-insecure-jwt', 0.05);
    const ignoreExpiration = defects.seed('no-long-lived-jwt', 0.015);
    text = lines(
      "import jwt from 'jsonwebtoken';",
      '',
      "import { TOKEN_ALGORITHM, TOKEN_LIFETIME } from '@acme/shared';",
      '',
      "import { config } from '../config.js';",
      '',
      'export interface TokenClaims {',
      '  readonly sub: string;',
      '  readonly scope: string;',
      '  readonly iss: string;',
      '}',
      '',
      `export const SCOPES = [${scopes}] as const;`,
      '',
      'export function issueToken(subject: string, scopes: readonly string[]): string {',
      "  return jwt.sign({ scope: scopes.join(' ') }, config.jwtSecret, {",
      '    subject,',
      '    issuer: config.serviceName,',
      '    algorithm: TOKEN_ALGORITHM,',
      noExpiry ? false : longExpiry ? `    expiresIn: '${random.pick(['30d', '90d', '365d', '7d'])}',` : '    expiresIn: TOKEN_LIFETIME,',
      '  });',
      '}',
      '',
      'export function verifyToken(token: string): TokenClaims {',
      '  const claims = jwt.verify(token, config.jwtSecret, {',
      !unpinned && '    algorithms: [TOKEN_ALGORITHM],',
      ignoreExpiration && '    ignoreExpiration: true,',
      "    clockTolerance: 5,",
      '  });',
      "  if (typeof claims === 'string') throw new Error('unexpected token payload');",
      '  return claims as unknown as TokenClaims;',
      '}',
    );
  } else {
    const noExpiry = defects.seed('no-long-lived-jwt', 0.03);
    const longExpiry = !noExpiry && defects.seed('no-long-lived-jwt', 0.04);
    const unpinned = defects.seed('no-insecure-jwt', 0.05);
    text = lines(
      "import { SignJWT, jwtVerify, type JWTPayload } from 'jose';",
      '',
      "import { TOKEN_ALGORITHM, TOKEN_LIFETIME } from '@acme/shared';",
      '',
      "import { config } from '../config.js';",
      '',
      `export const SCOPES = [${scopes}] as const;`,
      '',
      'function secretKey(): Uint8Array {',
      '  return new TextEncoder().encode(config.jwtSecret);',
      '}',
      '',
      'export async function issueToken(subject: string, scopes: readonly string[]): Promise<string> {',
      "  return new SignJWT({ scope: scopes.join(' ') })",
      '    .setProtectedHeader({ alg: TOKEN_ALGORITHM })',
      '    .setSubject(subject)',
      '    .setIssuer(config.serviceName)',
      '    .setIssuedAt()',
      noExpiry ? false : longExpiry ? `    .setExpirationTime('${random.pick(['30d', '90d', '1y'])}')` : '    .setExpirationTime(TOKEN_LIFETIME)',
      '    .sign(secretKey());',
      '}',
      '',
      'export async function verifyToken(token: string): Promise<JWTPayload> {',
      '  const { payload } = await jwtVerify(token, secretKey(), {',
      !unpinned && '    algorithms: [TOKEN_ALGORITHM],',
      '    issuer: config.serviceName,',
      '  });',
      '  return payload;',
      '}',
    );
  }
  return { path: `${plan.directory}/src/auth/tokens.ts`, text, patterns: defects.found };
}

export function renderAuthMiddleware(plan: ServicePlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const staticKey = defects.seed('no-static-api-key-auth', 0.04);
  const text = lines(
    "import type { Handler, HttpRequest } from '@acme/shared';",
    '',
    staticKey && "import { config } from '../config.js';",
    "import { verifyToken } from './tokens.js';",
    '',
    'function bearerToken(request: HttpRequest): string | undefined {',
    "  const header = request.headers.authorization ?? '';",
    "  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;",
    '}',
    '',
    '/** Rejects requests without a valid bearer token. */',
    'export function requireAuth(handler: Handler): Handler {',
    '  return async (request) => {',
    staticKey && [
      "    if (request.headers['x-api-key'] === config.apiKey) return handler(request);",
    ],
    '    const token = bearerToken(request);',
    "    if (!token) return { status: 401, body: { error: 'missing bearer token' } };",
    '    try {',
    '      await verifyToken(token);',
    '    } catch {',
    "      return { status: 401, body: { error: 'invalid token' } };",
    '    }',
    '    return handler(request);',
    '  };',
    '}',
  );
  return { path: `${plan.directory}/src/auth/middleware.ts`, text, patterns: defects.found };
}

export function renderIndex(plan: ServicePlan): GeneratedFile {
  const cached = plan.entities.some((entity) => entity.cached);
  const text = lines(
    "import { Router, type Database } from '@acme/shared';",
    cached && "import { Redis } from 'ioredis';",
    '',
    "import { config } from './config.js';",
    "import { logger } from './logger.js';",
    plan.entities.map((entity) => [
      entity.cached && `import { ${entity.name.pascal}Cache } from './cache/${entity.name.kebab}-cache.js';`,
      `import { register${entity.name.pascal}Routes } from './controllers/${entity.name.kebab}-controller.js';`,
      entity.consumes && `import { start${entity.name.pascal}Consumer } from './events/${entity.name.kebab}-consumer.js';`,
      entity.produces && `import { ${entity.name.pascal}Producer } from './events/${entity.name.kebab}-producer.js';`,
      `import { ${entity.name.pascal}Repository } from './repositories/${entity.name.kebab}-repository.js';`,
      `import { ${entity.name.pascal}Service } from './services/${entity.name.kebab}-service.js';`,
    ]),
    '',
    'export async function start(database: Database): Promise<Router> {',
    cached && "  const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });",
    '  const router = new Router();',
    plan.entities.map((entity) => {
      const variable = `${entity.name.camel}Service`;
      const parts = [
        `new ${entity.name.pascal}Repository(database)`,
        entity.cached && `new ${entity.name.pascal}Cache(redis)`,
        entity.produces && `${entity.name.camel}Producer`,
      ].filter(Boolean);
      return [
        '',
        entity.produces && `  const ${entity.name.camel}Producer = new ${entity.name.pascal}Producer();`,
        entity.produces && `  await ${entity.name.camel}Producer.connect();`,
        `  const ${variable} = new ${entity.name.pascal}Service(${parts.join(', ')});`,
        `  register${entity.name.pascal}Routes(router, ${variable});`,
        entity.consumes && `  await start${entity.name.pascal}Consumer(${variable});`,
      ];
    }),
    '',
    `  ${logCall(plan.logger, 'info', "'service started'", '{ port: config.port }')}`,
    '  return router;',
    '}',
  );
  return { path: `${plan.directory}/src/index.ts`, text, patterns: [] };
}
