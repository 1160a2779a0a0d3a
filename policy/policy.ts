/**
 * The policy file: one shape for the ESLint plugin and for policy-check. Types, defaults, the JSON schema
 * it is validated against, and the pure merge of a user file over the defaults.
 */
import { Ajv, type ErrorObject } from 'ajv';

import type { Specifier } from '../knowledge/types.js';

export type Severity = 'off' | 'warn' | 'error';
export type RuleSetting = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2, ...unknown[]];

export interface Policy {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly jwt: { readonly maxLifetime: string | number };
  readonly logging: {
    readonly requiredFields: readonly string[];
    readonly fieldAliases: Readonly<Record<string, readonly string[]>>;
  };
  readonly tracing: { readonly headers: readonly string[] };
  readonly ordering: { readonly topics: readonly string[]; readonly queues: readonly string[] };
  readonly idempotency: { readonly headers: readonly string[] };
  /** Additions to the knowledge tables: local wrappers and clients the rules should treat as known. */
  readonly libraries: {
    readonly retryWrappers: readonly Specifier[];
    readonly circuitBreakers: readonly Specifier[];
  };
  readonly include: readonly string[];
  readonly ignore: readonly string[];
}

/** What a policy file may hold: every key optional. */
export type PolicyInput = {
  readonly [Key in keyof Policy]?: Key extends 'rules' | 'include' | 'ignore' ? Policy[Key] : Partial<Policy[Key]>;
};

export const DEFAULT_POLICY: Policy = {
  rules: {},
  jwt: { maxLifetime: '1h' },
  logging: {
    requiredFields: ['traceId', 'service'],
    fieldAliases: {
      traceId: ['trace_id', 'traceID', 'trace.id', 'dd.trace_id', 'traceid'],
      service: ['service.name', 'serviceName', 'service_name', 'name'],
    },
  },
  tracing: { headers: ['traceparent', 'tracestate', 'x-request-id', 'x-correlation-id', 'x-b3-traceid', 'b3'] },
  ordering: { topics: [], queues: [] },
  idempotency: { headers: ['Idempotency-Key', 'X-Idempotency-Key'] },
  libraries: { retryWrappers: [], circuitBreakers: [] },
  include: [],
  ignore: [],
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
      properties: { retryWrappers: specifierArray, circuitBreakers: specifierArray },
    },
    include: stringArray,
    ignore: stringArray,
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

/** Validates a raw policy object; throws a PolicyError naming the file, the key and what was expected. */
export function validatePolicy(raw: unknown, file: string): PolicyInput {
  compiledValidator ??= new Ajv({ allErrors: false, strict: false }).compile(POLICY_SCHEMA);
  if (compiledValidator(raw)) return raw as PolicyInput;
  const errors = compiledValidator.errors ?? [];
  // An `anyOf` failure explains itself better than the first branch's type error.
  const error = errors.find((candidate) => candidate.keyword === 'anyOf') ?? errors[0];
  throw new PolicyError(file, describeKey(error), describeExpectation(error));
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
  if (error.keyword === 'pattern' || (error.keyword === 'anyOf' && error.schemaPath.includes('/jwt/'))) {
    return 'must be a duration such as "1h", "30m" or a number of seconds';
  }
  if (error.keyword === 'anyOf' || error.keyword === 'enum') return 'must be "off", "warn", "error" (or 0, 1, 2), optionally in an array with rule options';
  return error.message ?? 'is not valid';
}

/** Merges a validated policy file over the defaults, one level deep. */
export function resolvePolicy(input: PolicyInput | undefined): Policy {
  if (!input) return DEFAULT_POLICY;
  return {
    rules: { ...input.rules },
    jwt: { ...DEFAULT_POLICY.jwt, ...input.jwt },
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
  };
}

/** Types a policy file written in JavaScript or TypeScript. */
export function defineConfig(policy: PolicyInput): PolicyInput {
  return policy;
}
