/**
 * cockatiel: `retry(policy, { maxAttempts, backoff })` builds a RetryPolicy run with `.execute(fn, signal?)`.
 * The trap: with no `maxAttempts` it retries FOREVER, and with no `backoff` it retries IMMEDIATELY
 * (`ConstantBackoff(0)`). `ExponentialBackoff` is jittered by default (decorrelated jitter); `ConstantBackoff`
 * never is; `noJitterGenerator` turns the jitter off.
 * Read from cockatiel 3.2.1 as installed (dist/Policy.js, dist/RetryPolicy.js, dist/backoff/*.js); 3.2.1 is the
 * newest release that runs on Node 20 (4.x needs Node 22), and these defaults are the same in 4.0.0.
 */
import type { RetryBackoffSpec, RetryConditionSpec, RetryLibrarySpec } from '../types.js';

const VERSION = '3.2.1';
const POLICY = `cockatiel@${VERSION} dist/Policy.js`;
const RETRY_POLICY = `cockatiel@${VERSION} dist/RetryPolicy.js`;
const GENERATORS = `cockatiel@${VERSION} dist/backoff/ExponentialBackoffGenerators.js`;

export const cockatiel = {
  name: 'cockatiel',
  packages: ['cockatiel'],
  /** The factory of a retry policy: `import { retry } from 'cockatiel'`. */
  exportName: 'retry',
  versionRead: VERSION,
  repository: 'https://github.com/connor4312/cockatiel',
  limit: {
    option: 'maxAttempts',
    role: 'limit',
    unit: 'count',
    default: Number.POSITIVE_INFINITY,
    meaning: 'Retries after the first attempt (`retries < maxAttempts`); unbounded when omitted.',
    source: `${POLICY} (\`retry\`: \`maxAttempts: opts.maxAttempts ?? Infinity\`); ${RETRY_POLICY} (\`if (!signal.aborted && retries < this.options.maxAttempts)\`)`,
  },
  backoff: {
    shape: 'none',
    jitter: false,
    formula: '0 ms: `new ConstantBackoff(0)`',
    source: `${POLICY} (\`retry\`: \`backoff: opts.backoff || new ConstantBackoff(0)\`)`,
  },
  condition: {
    everyError: false,
    networkErrors: false,
    serverErrors: false,
    statuses: [],
    meaning: 'Set by the policy passed in: `handleAll` retries every error, `handleType`/`handleWhen` what they match.',
    source: `${POLICY} (\`handleAll\`, \`handleType\`, \`handleWhen\`)`,
  },
  methods: { methods: 'all', meaning: 'A wrapper around any function, a POST included.', source: RETRY_POLICY },
  options: {
    maxAttempts: { role: 'limit', unit: 'count', default: Number.POSITIVE_INFINITY, meaning: 'Retries after the first attempt.', source: POLICY },
    backoff: { role: 'delay', unit: 'object', default: 'new ConstantBackoff(0)', meaning: 'An IBackoff: ConstantBackoff, ExponentialBackoff, IterableBackoff, DelegateBackoff.', source: POLICY },
  },
} as const satisfies RetryLibrarySpec;

/** The backoff classes, as their constructors leave them. */
export const cockatielBackoffs = {
  ConstantBackoff: {
    shape: 'constant',
    jitter: false,
    formula: 'the interval given to the constructor, every time',
    source: `cockatiel@${VERSION} dist/backoff/ConstantBackoff.js (\`instance(interval)\` returns itself)`,
  },
  ExponentialBackoff: {
    shape: 'exponential',
    jitter: true,
    formula: 'decorrelatedJitterGenerator: initialDelay 128 ms, exponent 2, maxDelay 30 000 ms',
    source: `cockatiel@${VERSION} dist/backoff/ExponentialBackoff.js (\`defaultOptions\`: \`generator: decorrelatedJitterGenerator, maxDelay: 30000, exponent: 2, initialDelay: 128\`)`,
  },
  IterableBackoff: {
    shape: 'custom',
    jitter: false,
    formula: 'the durations given, in order, then the last one repeated',
    source: `cockatiel@${VERSION} dist/backoff/IterableBackoff.js`,
  },
  DelegateBackoff: {
    shape: 'custom',
    jitter: false,
    formula: 'whatever the delegate function returns',
    source: `cockatiel@${VERSION} dist/backoff/DelegateBackoff.js`,
  },
} as const satisfies Record<string, RetryBackoffSpec>;

/** ExponentialBackoff `generator` values and whether they add jitter. */
export const cockatielGenerators = {
  decorrelatedJitterGenerator: { jitter: true, source: `${GENERATORS} (\`t = attempt + Math.random()\`)` },
  fullJitterGenerator: { jitter: true, source: `${GENERATORS} (\`Math.random() * delay\`)` },
  halfJitterGenerator: { jitter: true, source: `${GENERATORS} (\`(delay + Math.random() * delay) / 2\`)` },
  noJitterGenerator: { jitter: false, source: `${GENERATORS} (\`options.initialDelay * 2 ** attempts\`)` },
} as const satisfies Record<string, { jitter: boolean; source: string }>;

/** The policies `retry()` takes and what they make it retry. */
export const cockatielPolicies = {
  handleAll: {
    everyError: true,
    networkErrors: true,
    serverErrors: true,
    statuses: [],
    meaning: 'Every error, 4xx answers included.',
    source: `${POLICY} (\`export const handleAll = new Policy({ errorFilter: always, resultFilter: never })\`)`,
  },
} as const satisfies Record<string, RetryConditionSpec>;

/** `policy.execute(fn, signal)`: the optional AbortSignal ends the retries. */
export const COCKATIEL_EXECUTE = { method: 'execute', signalArgument: 1, source: `${RETRY_POLICY} (\`async execute(fn, signal = neverAbortedSignal)\`)` } as const;
