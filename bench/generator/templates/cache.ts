/** A Redis cache of one entity, with TTL and single-flight loading (or, sometimes, without). */
import type { Random } from '../random.js';
import type { EntityPlan, GeneratedFile, ServicePlan } from '../model.js';
import { Defects, lines } from '../model.js';

export function renderCache(plan: ServicePlan, entity: EntityPlan, random: Random): GeneratedFile {
  const defects = new Defects(random, plan.defectDensity);
  const { pascal, kebab } = entity.name;
  const noTtl = defects.seed('require-cache-ttl', 0.07);
  const stampede = defects.seed('no-cache-stampede', 0.1);
  const text = lines(
    "import type { Redis } from 'ioredis';",
    '',
    `import { CACHE_TTL_SECONDS${stampede ? '' : ', LOCK_TTL_MS, sleep'} } from '@acme/shared';`,
    '',
    `import type { ${pascal} } from '../domain/${kebab}.js';`,
    '',
    `const keyOf = (id: string): string => \`${plan.name.kebab}:${kebab}:\${id}\`;`,
    '',
    `export class ${pascal}Cache {`,
    !stampede && `  private readonly inFlight = new Map<string, Promise<${pascal} | undefined>>();`,
    !stampede && '',
    '  constructor(',
    '    private readonly redis: Redis,',
    '    private readonly ttlSeconds = CACHE_TTL_SECONDS,',
    '  ) {}',
    '',
    `  async get(id: string): Promise<${pascal} | undefined> {`,
    '    const raw = await this.redis.get(keyOf(id));',
    `    return raw === null ? undefined : (JSON.parse(raw) as ${pascal});`,
    '  }',
    '',
    `  async set(value: ${pascal}): Promise<void> {`,
    noTtl
      ? '    await this.redis.set(keyOf(value.id), JSON.stringify(value));'
      : "    await this.redis.set(keyOf(value.id), JSON.stringify(value), 'EX', this.ttlSeconds);",
    '  }',
    '',
    '  async invalidate(id: string): Promise<void> {',
    '    await this.redis.del(keyOf(id));',
    '  }',
    '',
    stampede
      ? [
          `  async getOrLoad(id: string, load: () => Promise<${pascal} | undefined>): Promise<${pascal} | undefined> {`,
          '    const cached = await this.get(id);',
          '    if (cached) return cached;',
          '    const loaded = await load();',
          '    if (loaded) await this.set(loaded);',
          '    return loaded;',
          '  }',
        ]
      : [
          '  /** Cache-aside with one loader per key in this process and a short Redis lock across processes. */',
          `  async getOrLoad(id: string, load: () => Promise<${pascal} | undefined>): Promise<${pascal} | undefined> {`,
          '    const cached = await this.get(id);',
          '    if (cached) return cached;',
          '    const pending = this.inFlight.get(id);',
          '    if (pending) return pending;',
          '    const loading = this.loadWithLock(id, load).finally(() => this.inFlight.delete(id));',
          '    this.inFlight.set(id, loading);',
          '    return loading;',
          '  }',
          '',
          `  private async loadWithLock(id: string, load: () => Promise<${pascal} | undefined>): Promise<${pascal} | undefined> {`,
          "    const locked = await this.redis.set(`${keyOf(id)}:lock`, '1', 'PX', LOCK_TTL_MS, 'NX');",
          '    if (locked === null) {',
          `      await sleep(${random.pick([50, 100, 150])});`,
          '      return (await this.get(id)) ?? load();',
          '    }',
          '    try {',
          '      const loaded = await load();',
          '      if (loaded) await this.set(loaded);',
          '      return loaded;',
          '    } finally {',
          '      await this.redis.del(`${keyOf(id)}:lock`);',
          '    }',
          '  }',
        ],
    '}',
  );
  return { path: `${plan.directory}/src/cache/${kebab}-cache.ts`, text, patterns: defects.found };
}
