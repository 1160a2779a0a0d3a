/**
 * Generates a realistic service monorepo, deterministically from a seed: a shared package of constants,
 * HTTP primitives and tracing, and services made of controllers, repositories, HTTP clients (axios, got,
 * ky, fetch), retry helpers (p-retry, async-retry, cockatiel, hand-written), producers and consumers
 * (kafkajs, amqplib, bullmq), loggers (pino, winston), Redis caches and token handling (jsonwebtoken,
 * jose). Most code is clean; the patterns the rules look for are seeded at a realistic density and listed
 * in `corpus.json`.
 *
 *   node dist/bench/generate-corpus.js --files 500 [--seed 1] [--out bench/corpus/500] [--defect-density 1]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import type { DependencyPlan, EntityPlan, GeneratedFile, ServicePlan } from './generator/model.js';
import { ENTITIES, FIELDS, SERVICE_DOMAINS, createName } from './generator/names.js';
import { Random } from './generator/random.js';
import { renderCache } from './generator/templates/cache.js';
import { renderController, renderDomain, renderRepository, renderService, renderTest } from './generator/templates/entity.js';
import { renderHttpClient } from './generator/templates/http-client.js';
import { renderConsumer, renderProducer } from './generator/templates/messaging.js';
import { renderRetryHelper } from './generator/templates/retry.js';
import { renderAuthMiddleware, renderConfig, renderContext, renderIndex, renderLogger, renderTokens } from './generator/templates/service-core.js';
import { SHARED_FILE_COUNT, renderSharedPackage } from './generator/templates/shared.js';
import { UTILITY_KINDS, renderUtility } from './generator/templates/utilities.js';
import { CORPUS_ROOT, isMainModule } from './paths.js';

export const DEFAULT_SEED = 1;

/** Files every service has once: config, context, logger, index, tokens, middleware, retry helper. */
const SERVICE_CORE_FILES = 7;
/** Domain, repository, service and controller. */
const ENTITY_CORE_FILES = 4;
const SMALLEST_SERVICE = SERVICE_CORE_FILES + ENTITY_CORE_FILES;
export const SMALLEST_CORPUS = SHARED_FILE_COUNT + SMALLEST_SERVICE;

export interface CorpusOptions {
  /** Number of TypeScript files. */
  readonly files: number;
  readonly seed?: number;
  /**
   * Multiplies the base probability of every seeded pattern. At 1 (the default) about one file in
   * twenty-five carries a pattern, as in a codebase that mostly does the right thing.
   */
  readonly defectDensity?: number;
}

export interface CorpusManifest {
  readonly generator: 'service-monorepo';
  readonly seed: number;
  readonly files: number;
  readonly services: number;
  readonly filesWithPatterns: number;
  /** Seeded occurrences per rule id. */
  readonly patterns: Readonly<Record<string, number>>;
  readonly seeded: readonly { readonly file: string; readonly rules: readonly string[] }[];
}

/** Every file of the corpus, sorted by path: TypeScript sources, tsconfig.json, package.json and corpus.json. */
export function renderCorpus(options: CorpusOptions): GeneratedFile[] {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(options.files) || options.files < SMALLEST_CORPUS) {
    throw new RangeError(`a corpus needs at least ${SMALLEST_CORPUS} files, got ${options.files}`);
  }
  const random = new Random(seed);
  const services = planServices(random, options.files - SHARED_FILE_COUNT, options.defectDensity ?? 1);
  const sources = [...services.flatMap((service) => renderServiceFiles(service, random)), ...renderSharedPackage(services)];
  sources.sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0));
  const manifest = createManifest(seed, services.length, sources);
  const support: GeneratedFile[] = [
    { path: 'corpus.json', text: `${JSON.stringify(manifest, null, 2)}\n`, patterns: [] },
    { path: 'package.json', text: `${JSON.stringify({ name: 'acme-services', private: true, type: 'module' }, null, 2)}\n`, patterns: [] },
    { path: 'tsconfig.json', text: `${JSON.stringify(TSCONFIG, null, 2)}\n`, patterns: [] },
  ];
  return [...sources, ...support];
}

/** Writes the corpus into `directory`, replacing whatever was there. Returns the manifest. */
export function writeCorpus(directory: string, options: CorpusOptions): CorpusManifest {
  const files = renderCorpus(options);
  rmSync(directory, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(directory, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  const manifest = files.find((file) => file.path === 'corpus.json') as GeneratedFile;
  return JSON.parse(manifest.text) as CorpusManifest;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node'],
    paths: { '@acme/shared': ['./packages/shared/src/index.ts'] },
  },
  include: ['packages/*/src/**/*.ts', 'services/*/src/**/*.ts', 'services/*/test/**/*.ts'],
};

function planServices(random: Random, budget: number, defectDensity: number): ServicePlan[] {
  const plans: ServicePlan[] = [];
  const usedNames = new Map<string, number>();
  let remaining = budget;
  while (remaining > 0) {
    const domain = random.pick(SERVICE_DOMAINS);
    const seen = usedNames.get(domain) ?? 0;
    usedNames.set(domain, seen + 1);
    const name = createName(seen === 0 ? domain : `${domain}-${seen + 1}`);
    const dependencies = planDependencies(random, domain, Math.max(0, Math.min(random.weighted([[0, 1], [1, 3], [2, 3], [3, 1]]), remaining - SMALLEST_SERVICE)));
    const utilityCount = Math.max(0, Math.min(random.int(1, 3), remaining - SMALLEST_SERVICE - dependencies.length));
    let used = SERVICE_CORE_FILES + dependencies.length + utilityCount;
    const entities: EntityPlan[] = [];
    const wanted = random.int(3, 8);
    for (const entityName of random.sample(ENTITIES, wanted)) {
      const entity = planEntity(random, entityName, remaining - used);
      if (!entity) break;
      entities.push(entity);
      used += countEntityFiles(entity);
    }
    remaining -= used;
    // What is left is too small for another service: it becomes more helpers in this one.
    const extraUtilities = remaining < SMALLEST_SERVICE ? remaining : 0;
    remaining -= extraUtilities;
    plans.push({
      name,
      directory: `services/${name.kebab}`,
      logger: random.weighted([['pino', 3], ['winston', 2]]),
      broker: random.weighted([['kafkajs', 3], ['amqplib', 2], ['bullmq', 2]]),
      retry: random.weighted([['p-retry', 3], ['cockatiel', 2], ['loop', 2], ['async-retry', 1]]),
      auth: random.weighted([['jsonwebtoken', 3], ['jose', 2]]),
      entities,
      dependencies,
      utilities: utilityNames(random, utilityCount + extraUtilities),
      defectDensity,
    });
  }
  return plans;
}

function planDependencies(random: Random, ownDomain: string, count: number): DependencyPlan[] {
  const others = SERVICE_DOMAINS.filter((domain) => domain !== ownDomain);
  return random.sample(others, count).map((domain) => ({
    service: createName(domain),
    resource: createName(random.pick(ENTITIES)),
    library: random.weighted([['axios', 4], ['fetch', 3], ['got', 2], ['ky', 1]]),
  }));
}

/** An entity whose files fit in `room`, dropping optional files if needed; undefined if none fits. */
function planEntity(random: Random, kebab: string, room: number): EntityPlan | undefined {
  if (room < ENTITY_CORE_FILES) return undefined;
  const wanted = {
    cached: random.chance(0.45),
    produces: random.chance(0.5),
    consumes: random.chance(0.35),
    tested: random.chance(0.55),
  };
  const fields = random.sample(FIELDS.filter((field) => field.name !== 'status'), random.int(3, 7));
  let spare = room - ENTITY_CORE_FILES;
  const take = (flag: boolean): boolean => {
    if (!flag || spare === 0) return false;
    spare -= 1;
    return true;
  };
  return {
    name: createName(kebab),
    fields,
    tested: take(wanted.tested),
    cached: take(wanted.cached),
    produces: take(wanted.produces),
    consumes: take(wanted.consumes),
  };
}

function countEntityFiles(entity: EntityPlan): number {
  return ENTITY_CORE_FILES + [entity.cached, entity.produces, entity.consumes, entity.tested].filter(Boolean).length;
}

function utilityNames(random: Random, count: number): string[] {
  const names: string[] = [];
  const kinds = random.sample(UTILITY_KINDS, UTILITY_KINDS.length);
  for (let index = 0; index < count; index++) {
    const kind = kinds[index % kinds.length] as string;
    const round = Math.floor(index / kinds.length);
    names.push(round === 0 ? kind : `${kind}-${round + 1}`);
  }
  return names;
}

function renderServiceFiles(plan: ServicePlan, random: Random): GeneratedFile[] {
  return [
    renderConfig(plan, random),
    renderContext(plan),
    renderLogger(plan, random),
    renderTokens(plan, random),
    renderAuthMiddleware(plan, random),
    renderRetryHelper(plan, random),
    ...plan.dependencies.map((dependency) => renderHttpClient(plan, dependency, random)),
    ...plan.utilities.map((utility) => renderUtility(plan, utility, random)),
    ...plan.entities.flatMap((entity) => [
      renderDomain(plan, entity, random),
      renderRepository(plan, entity),
      renderService(plan, entity, random),
      renderController(plan, entity, random),
      ...(entity.cached ? [renderCache(plan, entity, random)] : []),
      ...(entity.produces ? [renderProducer(plan, entity, random)] : []),
      ...(entity.consumes ? [renderConsumer(plan, entity, random)] : []),
      ...(entity.tested ? [renderTest(plan, entity, random)] : []),
    ]),
    renderIndex(plan),
  ];
}

function createManifest(seed: number, services: number, sources: readonly GeneratedFile[]): CorpusManifest {
  const patterns: Record<string, number> = {};
  const seeded: { file: string; rules: string[] }[] = [];
  for (const file of sources) {
    if (file.patterns.length === 0) continue;
    seeded.push({ file: file.path, rules: [...file.patterns] });
    for (const rule of file.patterns) patterns[rule] = (patterns[rule] ?? 0) + 1;
  }
  const sortedPatterns = Object.fromEntries(Object.entries(patterns).sort(([left], [right]) => (left < right ? -1 : 1)));
  return {
    generator: 'service-monorepo',
    seed,
    files: sources.length,
    services,
    filesWithPatterns: seeded.length,
    patterns: sortedPatterns,
    seeded,
  };
}

if (isMainModule(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '500' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
      'defect-density': { type: 'string', default: '1' },
    },
  });
  const files = Number(values.files);
  const directory = path.resolve(values.out ?? path.join(CORPUS_ROOT, String(files)));
  const manifest = writeCorpus(directory, { files, seed: Number(values.seed), defectDensity: Number(values['defect-density']) });
  console.log(`${manifest.files} files in ${manifest.services} services, ${manifest.filesWithPatterns} with a seeded pattern: ${directory}`);
}
