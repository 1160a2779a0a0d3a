/** The files of one entity: domain model, repository, service, HTTP controller and unit test. */
import type { FieldSpec } from '../names.js';
import { STATUSES } from '../names.js';
import type { Random } from '../random.js';
import type { EntityPlan, GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines, logCall } from '../model.js';

const snake = (camel: string): string => camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function renderDomain(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const { pascal, kebab } = entity.name;
  const statuses = random.sample(STATUSES, random.int(3, 5));
  const helpers = random.sample(DOMAIN_HELPERS, random.int(1, 3));
  const text = lines(
    "import { ValidationError } from '@acme/shared';",
    '',
    `export const ${entity.name.constant}_STATUSES = [${statuses.map((status) => `'${status}'`).join(', ')}] as const;`,
    `export type ${pascal}Status = (typeof ${entity.name.constant}_STATUSES)[number];`,
    '',
    `export interface ${pascal} {`,
    '  readonly id: string;',
    '  readonly version: number;',
    '  readonly createdAt: string;',
    '  readonly updatedAt: string;',
    `  readonly status: ${pascal}Status;`,
    entity.fields.map((field) => `  readonly ${field.name}: ${field.type};`),
    '}',
    '',
    `export type New${pascal} = Omit<${pascal}, 'id' | 'version' | 'createdAt' | 'updatedAt'>;`,
    `export type ${pascal}Patch = Partial<New${pascal}>;`,
    '',
    `export type ${pascal}Event =`,
    `  | { readonly type: '${kebab}.created'; readonly id: string; readonly version: number; readonly data: ${pascal} }`,
    `  | { readonly type: '${kebab}.updated'; readonly id: string; readonly version: number; readonly data: ${pascal} }`,
    `  | { readonly type: '${kebab}.deleted'; readonly id: string; readonly version: number };`,
    '',
    `function isStatus(value: unknown): value is ${pascal}Status {`,
    `  return (${entity.name.constant}_STATUSES as readonly unknown[]).includes(value);`,
    '}',
    '',
    'function checkField(record: Record<string, unknown>, key: string, issues: string[]): void {',
    '  const value = record[key];',
    '  switch (key) {',
    "    case 'status':",
    "      if (!isStatus(value)) issues.push('status is not a known status');",
    '      break;',
    entity.fields.map((field) => [`    case '${field.name}':`, `      ${fieldCheck(field)}`, '      break;']),
    '    default:',
    '      issues.push(`${key} is not a field of ' + kebab + '`);',
    '  }',
    '}',
    '',
    `export function parseNew${pascal}(input: unknown): New${pascal} {`,
    "  if (typeof input !== 'object' || input === null) throw new ValidationError(['body must be a JSON object']);",
    '  const record = input as Record<string, unknown>;',
    '  const issues: string[] = [];',
    `  for (const key of ['status', ${entity.fields.map((field) => `'${field.name}'`).join(', ')}]) checkField(record, key, issues);`,
    '  if (issues.length > 0) throw new ValidationError(issues);',
    '  return {',
    `    status: record.status as ${pascal}Status,`,
    entity.fields.map((field) => `    ${field.name}: record.${field.name} as ${field.type},`),
    '  };',
    '}',
    '',
    `export function parse${pascal}Patch(input: unknown): ${pascal}Patch {`,
    "  if (typeof input !== 'object' || input === null) throw new ValidationError(['body must be a JSON object']);",
    '  const record = input as Record<string, unknown>;',
    '  const issues: string[] = [];',
    '  for (const key of Object.keys(record)) checkField(record, key, issues);',
    '  if (issues.length > 0) throw new ValidationError(issues);',
    `  return record as ${pascal}Patch;`,
    '}',
    '',
    `export function apply${pascal}Patch(current: ${pascal}, patch: ${pascal}Patch, now: Date): ${pascal} {`,
    '  return { ...current, ...patch, version: current.version + 1, updatedAt: now.toISOString() };',
    '}',
    '',
    '/** Events arrive at least once and may be redelivered: apply only what is newer than what is stored. */',
    `export function isNewerThan(current: ${pascal} | undefined, event: ${pascal}Event): boolean {`,
    '  return current === undefined || event.version > current.version;',
    '}',
    helpers.map((helper) => ['', helper(entity)]),
  );
  return { path: `${plan.directory}/src/domain/${kebab}.ts`, text, patterns: [] };
}

function fieldCheck(field: FieldSpec): string {
  switch (field.type) {
    case 'string':
      return `if (typeof value !== 'string' || value.trim().length === 0) issues.push('${field.name} must be a non-empty string');`;
    case 'number':
      return `if (typeof value !== 'number' || !Number.isFinite(value)) issues.push('${field.name} must be a finite number');`;
    case 'boolean':
      return `if (typeof value !== 'boolean') issues.push('${field.name} must be true or false');`;
  }
}

const DOMAIN_HELPERS: readonly ((entity: EntityPlan) => string)[] = [
  ({ name }) =>
    lines(
      `export function countBy${name.pascal}Status(items: readonly ${name.pascal}[]): Record<${name.pascal}Status, number> {`,
      `  const counts = Object.fromEntries(${name.constant}_STATUSES.map((status) => [status, 0])) as Record<${name.pascal}Status, number>;`,
      '  for (const item of items) counts[item.status] += 1;',
      '  return counts;',
      '}',
    ).trimEnd(),
  ({ name }) =>
    lines(
      `export function sortByRecency(items: readonly ${name.pascal}[]): ${name.pascal}[] {`,
      '  return [...items].sort((left, right) => right.updatedAt.localeCompare(left.updatedAt) || left.id.localeCompare(right.id));',
      '}',
    ).trimEnd(),
  ({ name, fields }) => {
    const numeric = fields.find((field) => field.type === 'number');
    return numeric
      ? lines(
          `export function total${capitalize(numeric.name)}(items: readonly ${name.pascal}[]): number {`,
          `  return items.reduce((sum, item) => sum + item.${numeric.name}, 0);`,
          '}',
        ).trimEnd()
      : lines(
          `export function latest${name.pascal}(items: readonly ${name.pascal}[]): ${name.pascal} | undefined {`,
          '  return items.reduce<' + name.pascal + ' | undefined>((latest, item) => (!latest || item.updatedAt > latest.updatedAt ? item : latest), undefined);',
          '}',
        ).trimEnd();
  },
  ({ name }) =>
    lines(
      `export function describe${name.pascal}(item: ${name.pascal}): string {`,
      `  return \`${name.kebab} \${item.id} (v\${item.version}, \${item.status})\`;`,
      '}',
    ).trimEnd(),
  ({ name }) =>
    lines(
      `export function isStale(item: ${name.pascal}, now: Date, maxAgeDays: number): boolean {`,
      '  const ageMilliseconds = now.getTime() - Date.parse(item.updatedAt);',
      '  return ageMilliseconds > maxAgeDays * 24 * 60 * 60 * 1000;',
      '}',
    ).trimEnd(),
];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function renderRepository(plan: ServicePlan, entity: EntityPlan): GeneratedFile {
  const { pascal, kebab, table } = entity.name;
  const columns = ['id', 'version', 'created_at', 'updated_at', 'status', ...entity.fields.map((field) => snake(field.name))];
  const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
  const assignments = columns.slice(3).map((column, index) => `${column} = $${index + 3}`);
  const text = lines(
    "import type { Database } from '@acme/shared';",
    '',
    `import type { ${pascal} } from '../domain/${kebab}.js';`,
    '',
    `interface ${pascal}Row {`,
    '  readonly id: string;',
    '  readonly version: number;',
    '  readonly created_at: Date;',
    '  readonly updated_at: Date;',
    `  readonly status: ${pascal}['status'];`,
    entity.fields.map((field) => `  readonly ${snake(field.name)}: ${field.type};`),
    '}',
    '',
    `const COLUMNS = '${columns.join(', ')}';`,
    '',
    `export class ${pascal}Repository {`,
    '  constructor(private readonly database: Database) {}',
    '',
    `  async findById(id: string): Promise<${pascal} | undefined> {`,
    `    const rows = await this.database.query<${pascal}Row>(\`SELECT \${COLUMNS} FROM ${table} WHERE id = $1\`, [id]);`,
    '    const row = rows[0];',
    '    return row === undefined ? undefined : toEntity(row);',
    '  }',
    '',
    `  async list(limit: number, offset: number): Promise<${pascal}[]> {`,
    `    const rows = await this.database.query<${pascal}Row>(\`SELECT \${COLUMNS} FROM ${table} ORDER BY updated_at DESC, id LIMIT $1 OFFSET $2\`, [limit, offset]);`,
    '    return rows.map(toEntity);',
    '  }',
    '',
    `  async insert(entity: ${pascal}): Promise<void> {`,
    `    await this.database.execute(\`INSERT INTO ${table} (\${COLUMNS}) VALUES (${placeholders})\`, toParams(entity));`,
    '  }',
    '',
    '  /** Optimistic concurrency: writes only if the stored version is still the expected one. */',
    `  async update(entity: ${pascal}, expectedVersion: number): Promise<boolean> {`,
    '    const result = await this.database.execute(',
    `      \`UPDATE ${table} SET version = $2, ${assignments.join(', ')} WHERE id = $1 AND version = $${columns.length}\`,`,
    '      [entity.id, entity.version, ...toParams(entity).slice(3), expectedVersion],',
    '    );',
    '    return result.rowCount === 1;',
    '  }',
    '',
    '  async delete(id: string): Promise<void> {',
    `    await this.database.execute('DELETE FROM ${table} WHERE id = $1', [id]);`,
    '  }',
    '}',
    '',
    `function toEntity(row: ${pascal}Row): ${pascal} {`,
    '  return {',
    '    id: row.id,',
    '    version: row.version,',
    '    createdAt: row.created_at.toISOString(),',
    '    updatedAt: row.updated_at.toISOString(),',
    '    status: row.status,',
    entity.fields.map((field) => `    ${field.name}: row.${snake(field.name)},`),
    '  };',
    '}',
    '',
    `function toParams(entity: ${pascal}): unknown[] {`,
    `  return [entity.id, entity.version, entity.createdAt, entity.updatedAt, entity.status, ${entity.fields.map((field) => `entity.${field.name}`).join(', ')}];`,
    '}',
  );
  return { path: `${plan.directory}/src/repositories/${kebab}-repository.ts`, text, patterns: [] };
}

export function renderService(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const { pascal, camel, kebab } = entity.name;
  const noInvalidation = entity.cached && defects.seed('require-cache-invalidation', 0.06);
  const log = (message: string, fields: string): string =>
    logCall(plan.logger, 'info', message, random.chance(0.4) ? fields.replace(/ }$/, ', traceId: trace.traceId }') : fields);
  const publish = (type: string, id: string, version: string, data?: string): string | false =>
    entity.produces &&
    `    await this.events.publish({ type: '${kebab}.${type}', id: ${id}, version: ${version}${data ? `, data: ${data}` : ''} }, trace);`;
  const text = lines(
    "import { randomUUID } from 'node:crypto';",
    '',
    "import { ConflictError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, NotFoundError, toPage, type Page, type TraceContext } from '@acme/shared';",
    '',
    entity.cached && `import type { ${pascal}Cache } from '../cache/${kebab}-cache.js';`,
    `import { apply${pascal}Patch, isNewerThan, type ${pascal}, type ${pascal}Event, type ${pascal}Patch, type New${pascal} } from '../domain/${kebab}.js';`,
    entity.produces && `import type { ${pascal}Producer } from '../events/${kebab}-producer.js';`,
    "import { logger } from '../logger.js';",
    `import type { ${pascal}Repository } from '../repositories/${kebab}-repository.js';`,
    '',
    `export class ${pascal}Service {`,
    '  constructor(',
    `    private readonly repository: ${pascal}Repository,`,
    entity.cached && `    private readonly cache: ${pascal}Cache,`,
    entity.produces && `    private readonly events: ${pascal}Producer,`,
    '  ) {}',
    '',
    `  async get(id: string): Promise<${pascal}> {`,
    entity.cached
      ? '    const found = await this.cache.getOrLoad(id, () => this.repository.findById(id));'
      : '    const found = await this.repository.findById(id);',
    `    if (!found) throw new NotFoundError('${kebab}', id);`,
    '    return found;',
    '  }',
    '',
    `  async list(limit = DEFAULT_PAGE_SIZE, offset = 0): Promise<Page<${pascal}>> {`,
    '    const bounded = Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);',
    '    return toPage(await this.repository.list(bounded, Math.max(0, offset)), offset, bounded);',
    '  }',
    '',
    `  async create(input: New${pascal}, trace: TraceContext): Promise<${pascal}> {`,
    '    const now = new Date().toISOString();',
    `    const ${camel}: ${pascal} = { ...input, id: randomUUID(), version: 1, createdAt: now, updatedAt: now };`,
    `    await this.repository.insert(${camel});`,
    publish('created', `${camel}.id`, `${camel}.version`, camel),
    `    ${log(`'${kebab} created'`, `{ ${camel}Id: ${camel}.id }`)}`,
    `    return ${camel};`,
    '  }',
    '',
    `  async update(id: string, patch: ${pascal}Patch, expectedVersion: number, trace: TraceContext): Promise<${pascal}> {`,
    `    const current = await this.repository.findById(id);`,
    `    if (!current) throw new NotFoundError('${kebab}', id);`,
    `    if (current.version !== expectedVersion) throw new ConflictError('${kebab}', id);`,
    `    const next = apply${pascal}Patch(current, patch, new Date());`,
    `    if (!(await this.repository.update(next, expectedVersion))) throw new ConflictError('${kebab}', id);`,
    entity.cached && !noInvalidation && '    await this.cache.invalidate(id);',
    publish('updated', 'next.id', 'next.version', 'next'),
    `    ${log(`'${kebab} updated'`, `{ ${camel}Id: id, version: next.version }`)}`,
    '    return next;',
    '  }',
    '',
    '  async remove(id: string, trace: TraceContext): Promise<void> {',
    '    const current = await this.repository.findById(id);',
    '    if (!current) return;',
    '    await this.repository.delete(id);',
    entity.cached && '    await this.cache.invalidate(id);',
    publish('deleted', 'id', 'current.version + 1'),
    `    ${log(`'${kebab} deleted'`, `{ ${camel}Id: id }`)}`,
    '  }',
    entity.consumes && [
      '',
      '  /** Applies a change published elsewhere; redelivered and out-of-date events are ignored. */',
      `  async applyEvent(event: ${pascal}Event): Promise<boolean> {`,
      '    const current = await this.repository.findById(event.id);',
      '    if (!isNewerThan(current, event)) return false;',
      `    if (event.type === '${kebab}.deleted') await this.repository.delete(event.id);`,
      '    else if (current) await this.repository.update(event.data, current.version);',
      '    else await this.repository.insert(event.data);',
      entity.cached && '    await this.cache.invalidate(event.id);',
      '    return true;',
      '  }',
    ],
    '}',
  );
  return { path: `${plan.directory}/src/services/${kebab}-service.ts`, text, patterns: defects.found };
}

export function renderController(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const { pascal, pluralKebab, kebab } = entity.name;
  const freshTrace = defects.seed('require-trace-propagation', 0.04);
  const text = lines(
    'import {',
    '  DEFAULT_PAGE_SIZE,',
    '  json,',
    freshTrace ? '  newTraceContext,' : '  readTraceContext,',
    '  toResponse,',
    '  type HttpRequest,',
    '  type HttpResponse,',
    '  type Router,',
    '  type TraceContext,',
    "} from '@acme/shared';",
    '',
    "import { requireAuth } from '../auth/middleware.js';",
    "import { requestContext } from '../context.js';",
    `import { parse${pascal}Patch, parseNew${pascal} } from '../domain/${kebab}.js';`,
    `import type { ${pascal}Service } from '../services/${kebab}-service.js';`,
    '',
    'async function handle(request: HttpRequest, work: (trace: TraceContext) => Promise<HttpResponse>): Promise<HttpResponse> {',
    freshTrace ? '  const trace = newTraceContext();' : '  const trace = readTraceContext(request);',
    '  return requestContext.run(trace, async () => {',
    '    try {',
    '      return await work(trace);',
    '    } catch (error) {',
    '      return toResponse(error);',
    '    }',
    '  });',
    '}',
    '',
    `export function register${pascal}Routes(router: Router, service: ${pascal}Service): void {`,
    `  router.get(`,
    `    '/${pluralKebab}',`,
    '    requireAuth((request) =>',
    '      handle(request, async () => {',
    '        const limit = Number(request.query.limit ?? DEFAULT_PAGE_SIZE);',
    "        const offset = Number(request.query.offset ?? '0');",
    '        return json(200, await service.list(limit, offset));',
    '      }),',
    '    ),',
    '  );',
    '',
    `  router.get(`,
    `    '/${pluralKebab}/:id',`,
    '    requireAuth((request) => handle(request, async () => json(200, await service.get(request.params.id as string)))),',
    '  );',
    '',
    `  router.post(`,
    `    '/${pluralKebab}',`,
    `    requireAuth((request) => handle(request, async (trace) => json(201, await service.create(parseNew${pascal}(request.body), trace)))),`,
    '  );',
    '',
    `  router.patch(`,
    `    '/${pluralKebab}/:id',`,
    '    requireAuth((request) =>',
    '      handle(request, async (trace) => {',
    "        const expectedVersion = Number(request.headers['if-match']);",
    "        if (!Number.isInteger(expectedVersion)) return json(428, { error: 'send If-Match with the current version' });",
    `        const updated = await service.update(request.params.id as string, parse${pascal}Patch(request.body), expectedVersion, trace);`,
    '        return json(200, updated);',
    '      }),',
    '    ),',
    '  );',
    '',
    `  router.delete(`,
    `    '/${pluralKebab}/:id',`,
    '    requireAuth((request) =>',
    '      handle(request, async (trace) => {',
    '        await service.remove(request.params.id as string, trace);',
    '        return { status: 204 };',
    '      }),',
    '    ),',
    '  );',
    '}',
  );
  return { path: `${plan.directory}/src/controllers/${kebab}-controller.ts`, text, patterns: defects.found };
}

export function renderTest(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const { pascal, kebab, camel } = entity.name;
  const sample = (field: FieldSpec): string => {
    switch (field.type) {
      case 'string':
        return `'${random.pick(['alpha', 'beta', 'gamma', 'delta', 'EUR', 'GB', 'north'])}'`;
      case 'number':
        return String(random.int(1, 9_999));
      case 'boolean':
        return random.pick(['true', 'false']);
    }
  };
  const text = lines(
    "import assert from 'node:assert/strict';",
    "import { describe, it } from 'node:test';",
    '',
    "import { ValidationError } from '@acme/shared';",
    '',
    `import { ${entity.name.constant}_STATUSES, apply${pascal}Patch, isNewerThan, parseNew${pascal}, type ${pascal} } from '../src/domain/${kebab}.js';`,
    '',
    `const ${camel}: ${pascal} = {`,
    `  id: '${kebab}-${random.int(1, 999)}',`,
    `  version: ${random.int(2, 9)},`,
    "  createdAt: '2024-03-01T09:00:00.000Z',",
    "  updatedAt: '2024-03-02T10:30:00.000Z',",
    `  status: ${entity.name.constant}_STATUSES[0],`,
    entity.fields.map((field) => `  ${field.name}: ${sample(field)},`),
    '};',
    '',
    `describe('${kebab}', () => {`,
    "  it('rejects a body that is not an object', () => {",
    `    assert.throws(() => parseNew${pascal}(null), ValidationError);`,
    '  });',
    '',
    "  it('accepts a complete body', () => {",
    `    const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = ${camel};`,
    `    assert.deepEqual(parseNew${pascal}(input), input);`,
    '  });',
    '',
    "  it('bumps the version on every patch', () => {",
    `    assert.equal(apply${pascal}Patch(${camel}, {}, new Date(0)).version, ${camel}.version + 1);`,
    '  });',
    '',
    "  it('ignores events older than the stored version', () => {",
    `    assert.equal(isNewerThan(${camel}, { type: '${kebab}.deleted', id: ${camel}.id, version: ${camel}.version - 1 }), false);`,
    '  });',
    '});',
  );
  return { path: `${plan.directory}/test/${kebab}.test.ts`, text, patterns: [] };
}
