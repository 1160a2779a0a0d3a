/**
 * The policy file: one shape for the ESLint plugin and for policy-check. Types, defaults, the JSON schema
 * it is validated against, and the pure merge of a user file over the defaults, done once per file.
 */
import { Ajv, type ErrorObject } from 'ajv';

import { toMilliseconds } from '../knowledge/durations.js';
import type { Specifier } from '../knowledge/types.js';
import { DEFAULT_TEST_PATTERNS, type TestScope } from './test-files.js';

/** The prefix of every rule and check id; the policy's `rules` keys may carry it or not. */
export const PLUGIN_NAME = 'service-policy';

export type Severity = 'off' | 'warn' | 'error';
export type RuleSetting = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2, ...unknown[]];

export interface Policy {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly jwt: {
    /** As written: `"1h"`, `"15m"`, or a number of seconds. */
    readonly maxLifetime: string | number;
    /** `maxLifetime` read as a duration. */
    readonly maxLifetimeMilliseconds: number;
  };
  readonly logging: {
    readonly requiredFields: readonly string[];
    readonly fieldAliases: Readonly<Record<string, readonly string[]>>;
  };
  readonly tracing: { readonly headers: readonly string[] };
  readonly ordering: { readonly topics: readonly string[]; readonly queues: readonly string[] };
  readonly idempotency: { readonly headers: readonly string[] };
  /** Additions to the knowledge tables: the project's own circuit breakers. */
  readonly libraries: {
    readonly circuitBreakers: readonly Specifier[];
  };
  readonly include: readonly string[];
  readonly ignore: readonly string[];
  /** Glob patterns that name test code, left out of every rule and of policy-check; `false` checks tests too. */
  readonly tests: TestScope;
}

/** What a policy file may hold: every key optional. */
export type PolicyInput = {
  readonly [Key in keyof Policy]?: Key extends 'rules' | 'include' | 'ignore' | 'tests' ? Policy[Key] : Key extends 'jwt' ? Partial<Pick<Policy['jwt'], 'maxLifetime'>> : Partial<Policy[Key]>;
};

const DEFAULT_MAX_LIFETIME = '1h';

export const DEFAULT_POLICY: Policy = {
  rules: {},
  jwt: { maxLifetime: DEFAULT_MAX_LIFETIME, maxLifetimeMilliseconds: readLifetime(DEFAULT_MAX_LIFETIME)! },
  logging: {
    requiredFields: ['traceId', 'service'],
    fieldAliases: {
      // `logging.googleapis.com/trace`: the field Google Cloud Logging joins a line to its trace by.
      traceId: ['trace_id', 'traceID', 'trace.id', 'dd.trace_id', 'traceid', 'logging.googleapis.com/trace'],
      service: ['service.name', 'serviceName', 'service_name', 'name'],
    },
  },
  tracing: { headers: ['traceparent', 'tracestate', 'x-request-id', 'x-correlation-id', 'x-b3-traceid', 'b3'] },
  ordering: { topics: [], queues: [] },
  idempotency: { headers: ['Idempotency-Key', 'X-Idempotency-Key'] },
  libraries: { circuitBreakers: [] },
  include: [],
  ignore: [],
  tests: DEFAULT_TEST_PATTERNS,
};

const stringArray = { type: 'array', items: { type: 'string' } } as const;
const specifierArray = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['package', 'name'],
    properties: { package: { type: 'string' }, name: { type: 'string' } },
  },
} as const;
const severity = { anyOf: [{ enum: ['off', 'warn', 'error', 0, 1, 2] }] } as const;

/** JSON schema of the policy file (draft 2019-09 subset understood by Ajv). */
export const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [severity, { type: 'array', minItems: 1, items: [severity], additionalItems: true }],
      },
    },
    jwt: {
      type: 'object',
      additionalProperties: false,
      properties: { maxLifetime: { anyOf: [{ type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*[a-zA-Z]*\\s*$' }, { type: 'number', minimum: 0 }] } },
    },
    logging: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requiredFields: stringArray,
        fieldAliases: { type: 'object', additionalProperties: stringArray },
      },
    },
    tracing: { type: 'object', additionalProperties: false, properties: { headers: stringArray } },
    ordering: { type: 'object', additionalProperties: false, properties: { topics: stringArray, queues: stringArray } },
    idempotency: { type: 'object', additionalProperties: false, properties: { headers: stringArray } },
    libraries: {
      type: 'object',
      additionalProperties: false,
      properties: { circuitBreakers: specifierArray },
    },
    include: stringArray,
    ignore: stringArray,
    tests: { anyOf: [stringArray, { const: false }] },
  },
} as const;

export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
  ) {
    super(`${file}: ${key ? `"${key}" ` : ''}${expected}`);
    this.name = 'PolicyError';
  }
}

let compiledValidator: ReturnType<Ajv['compile']> | undefined;

const DURATION_EXPECTED = 'must be a duration such as "1h", "30m" or a number of seconds';

/** Validates a raw policy object; throws a PolicyError naming the file, the key and what was expected. */
export function validatePolicy(raw: unknown, file: string): PolicyInput {
  compiledValidator ??= new Ajv({ allErrors: false, strict: false }).compile(POLICY_SCHEMA);
  if (!compiledValidator(raw)) {
    const errors = compiledValidator.errors ?? [];
    // An `anyOf` failure explains itself better than the first branch's type error.
    const error = errors.find((candidate) => candidate.keyword === 'anyOf') ?? errors[0];
    throw new PolicyError(file, describeKey(error), describeExpectation(error));
  }
  const input = raw as PolicyInput;
  // The schema checks the shape of a duration; its unit is checked against the units durations are read in.
  if (input.jwt?.maxLifetime !== undefined && readLifetime(input.jwt.maxLifetime) === undefined) {
    throw new PolicyError(file, 'jwt.maxLifetime', DURATION_EXPECTED);
  }
  return input;
}

/** A policy lifetime in milliseconds: numbers, and strings with no unit, are seconds. */
function readLifetime(value: string | number): number | undefined {
  return toMilliseconds(value, 'seconds', 'seconds');
}

/** The input where there is no policy file: one object, read as the defaults. */
export const NO_POLICY_INPUT: PolicyInput = Object.freeze({});

const readByRaw = new WeakMap<object, Policy>([[NO_POLICY_INPUT, DEFAULT_POLICY]]);

/**
 * Validates a raw policy (a file's content, or a policy given in code or ESLint settings) and merges it
 * over the defaults, once per object: the checker and the rules it runs share the result.
 */
export function readPolicy(raw: unknown, file: string): Policy {
  if (typeof raw !== 'object' || raw === null) return resolvePolicy(validatePolicy(raw, file));
  let policy = readByRaw.get(raw);
  if (!policy) {
    policy = resolvePolicy(validatePolicy(raw, file));
    readByRaw.set(raw, policy);
  }
  return policy;
}

function describeKey(error: ErrorObject | undefined): string {
  if (!error) return '';
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return path ? `${path}.${extra}` : extra;
  }
  return path;
}

function describeExpectation(error: ErrorObject | undefined): string {
  if (!error) return 'is not a valid policy';
  if (error.keyword === 'additionalProperties') return 'is not a known key';
  if (error.keyword === 'pattern' || (error.keyword === 'anyOf' && error.schemaPath.includes('/jwt/'))) return DURATION_EXPECTED;
  if (error.keyword === 'anyOf' && error.instancePath === '/tests') return 'must be an array of glob patterns, or false to check test code too';
  if (error.keyword === 'anyOf' || error.keyword === 'enum') return 'must be "off", "warn", "error" (or 0, 1, 2), optionally in an array with rule options';
  return error.message ?? 'is not valid';
}

/** Merges a validated policy over the defaults, one level deep. */
export function resolvePolicy(input: PolicyInput | undefined): Policy {
  if (!input) return DEFAULT_POLICY;
  const maxLifetime = input.jwt?.maxLifetime ?? DEFAULT_POLICY.jwt.maxLifetime;
  return {
    rules: { ...input.rules },
    jwt: { maxLifetime, maxLifetimeMilliseconds: readLifetime(maxLifetime) ?? DEFAULT_POLICY.jwt.maxLifetimeMilliseconds },
    logging: {
      requiredFields: input.logging?.requiredFields ?? DEFAULT_POLICY.logging.requiredFields,
      fieldAliases: { ...DEFAULT_POLICY.logging.fieldAliases, ...input.logging?.fieldAliases },
    },
    tracing: { ...DEFAULT_POLICY.tracing, ...input.tracing },
    ordering: { ...DEFAULT_POLICY.ordering, ...input.ordering },
    idempotency: { ...DEFAULT_POLICY.idempotency, ...input.idempotency },
    libraries: { ...DEFAULT_POLICY.libraries, ...input.libraries },
    include: input.include ?? [],
    ignore: input.ignore ?? [],
    tests: input.tests ?? DEFAULT_TEST_PATTERNS,
  };
}

/** Types a policy file written in JavaScript or TypeScript. */
export function defineConfig(policy: PolicyInput): PolicyInput {
  return policy;
}
