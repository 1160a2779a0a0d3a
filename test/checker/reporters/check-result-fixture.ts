import type { CheckResult, Finding, InventoryEntry, RuleDescriptor } from '../../../checker/report/model.js';
import { SCHEMA_VERSION } from '../../../checker/report/model.js';

const DOCS = 'https://github.com/service-policy/eslint-plugin-service-policy/blob/main/docs';

export const XSS_MESSAGE = `fetch('https://billing.internal/charge') has no timeout: <script>window.__pwned = true</script> "a slow billing API" stalls checkout. Pass { signal: AbortSignal.timeout(5000) }.`;
export const XSS_PROPERTY = `<img src="x" onerror="window.__pwned = true">`;
export const XSS_PROBLEM = `'}' expected. </td><script>window.__pwned = true</script>`;

export const RULES: readonly RuleDescriptor[] = [
  describeRule('require-http-timeout', 'Require a timeout on every HTTP call and client'),
  describeRule('no-unbounded-retry', 'Disallow retries with no upper bound'),
  describeRule('require-retry-backoff', 'Require exponential backoff with jitter between retries'),
  describeRule('require-idempotency-key', 'Require an idempotency key on retried non-idempotent requests'),
  describeRule('require-circuit-breaker', 'Require a circuit breaker around clients that retry', 'checks'),
];

/**
 * A run over a small monorepo: three services and a shared package, five rules, both severities, three
 * inventory kinds, a file that did not parse, and user code text with markup and quotes. Lists are
 * deliberately out of order: reporters sort.
 */
export function createCheckResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'policy-check', version: '0.1.0' },
    fileCount: 14,
    findings: [
      createFinding('require-retry-backoff', 'warning', 'services/orders/src/retry.ts', 21, 3, 'orders', 'axios-retry is attached with no retryDelay, so it retries at once: a burst of failures comes back as a thundering herd. Pass retryDelay: axiosRetry.exponentialDelay.'),
      createFinding('require-http-timeout', 'error', 'services/payments/src/handlers/charge.ts', 12, 24, 'payments', XSS_MESSAGE),
      createFinding('no-unbounded-retry', 'error', 'services/orders/src/retry.ts', 9, 5, 'orders', 'retries: Infinity never gives up: while inventory is down every order loops forever. Set a bound such as retries: 5.'),
      createFinding('require-http-timeout', 'error', 'services/orders/src/payments-client.ts', 8, 24, 'orders', 'axios.create() has no timeout (axios default 0 = wait forever). Set timeout.'),
      createFinding('require-idempotency-key', 'error', 'services/orders/src/payments-client.ts', 31, 10, 'orders', 'POST /charges is retried without an Idempotency-Key header: a retry can charge the customer twice.'),
      createFinding('require-circuit-breaker', 'warning', 'packages/shared/src/http.ts', 4, 14, 'shared', 'got retries calls to "inventory" with no circuit breaker: a sick dependency never gets time to recover. Wrap it with opossum.'),
      createFinding('require-http-timeout', 'warning', 'services/shipping/src/legacy client.ts', 17, 7, 'shipping', 'superagent request with no .timeout() | stalls the label printer.'),
      createFinding('no-unbounded-retry', 'error', 'services/orders/src/retry.ts', 9, 5, 'orders', 'pRetry is called with forever: true. Set retries.'),
    ],
    inventory: [
      createEntry('retry-policy', 'axios-retry', 'services/orders/src/retry.ts', 9, 5, 'orders', { backoff: 'none', bound: Infinity, jitter: false, methods: 'GET,HEAD,OPTIONS,PUT,DELETE' }),
      createEntry('http-client', 'axios', 'services/orders/src/payments-client.ts', 8, 24, 'orders', { timeout: null }),
      createEntry('http-client', 'fetch', 'services/payments/src/handlers/charge.ts', 12, 24, 'payments', { timeout: null, url: XSS_PROPERTY }),
      createEntry('retry-policy', 'p-retry', 'services/payments/src/handlers/charge.ts', 10, 3, 'payments', { backoff: 'exponential', bound: 3, jitter: true }),
      createEntry('http-client', 'got', 'packages/shared/src/http.ts', 4, 14, 'shared', { timeout: 5000 }),
      createEntry('logger', 'pino', 'packages/shared/src/logger.ts', 3, 14, 'shared', { boundFields: 'service' }),
    ],
    problems: [{ file: 'services/payments/src/broken.ts', message: XSS_PROBLEM }],
    excluded: [
      { file: 'services/orders/test/retry.test.ts', reason: 'test' },
      { file: 'services/orders/src/generated/client.ts', reason: 'ignored' },
      { file: 'services/orders/src/payments-client.spec.ts', reason: 'test' },
    ],
    notes: [{ file: 'services/shipping/tsconfig.json', message: 'lists 1 of 4 source files under services/shipping; the other 3 are checked too' }],
    rules: [...RULES].reverse(),
    ...overrides,
  };
}

/**
 * What the observability families record in one service: loggers with the fields they bind (one a child of
 * another), outbound clients with whether they forward the trace context, the tracing setup, an HTTP
 * server and its access log. Property names and values as the collectors write them.
 */
export const OBSERVABILITY_INVENTORY: readonly InventoryEntry[] = [
  createEntry('logger', 'pino', 'services/orders/src/logger.ts', 7, 23, 'orders', { fields: 'hostname, name, pid', fieldsFrom: null, mayAddFields: false, name: 'logger', root: null }),
  createEntry('logger', 'pino', 'services/orders/src/routes/carts.ts', 28, 17, 'orders', { fields: 'cartId, traceId', fieldsFrom: null, mayAddFields: true, name: 'log', root: 'services/orders/src/logger.ts:7' }),
  createEntry('outbound-client', 'axios', 'services/orders/src/pricing.ts', 12, 24, 'orders', { handler: null, host: null, propagates: false, via: null }),
  createEntry('outbound-client', 'fetch', 'services/orders/src/routes/shipping.ts', 28, 9, 'orders', { handler: 'express route handler', host: 'rates.internal', propagates: true, via: 'traceparent' }),
  createEntry('tracing-setup', '@opentelemetry/sdk-node', 'services/payments/src/tracing.ts', 5, 1, 'payments', { instruments: 'all', setup: 'NodeSDK' }),
  createEntry('http-server', 'express', 'services/orders/src/server.ts', 15, 13, 'orders', {}),
  createEntry('access-log', 'pino-http', 'services/orders/src/server.ts', 20, 9, 'orders', { duration: true }),
];

/** `count` findings spread over files of ten, for collapsing and truncation. */
export function createManyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    createFinding(
      index % 3 === 0 ? 'require-retry-backoff' : 'require-http-timeout',
      index % 3 === 0 ? 'warning' : 'error',
      `services/catalog/src/clients/client-${String(Math.floor(index / 10)).padStart(4, '0')}.ts`,
      (index % 10) * 7 + 1,
      5,
      'catalog',
      `Call number ${index} to the pricing API has no timeout: a slow pricing API stalls the catalog page. Set a timeout of a few seconds.`,
    ),
  );
}

export function createFinding(name: string, severity: Finding['severity'], file: string, line: number, column: number, service: string, message: string): Finding {
  return { ruleId: `service-policy/${name}`, severity, file, line, column, endLine: line, endColumn: column + 12, message, helpUrl: RULES.find((rule) => rule.id === `service-policy/${name}`)?.helpUrl ?? `${DOCS}/rules/${name}.md`, service };
}

export function createEntry(
  kind: string,
  library: string,
  file: string,
  line: number,
  column: number,
  service: string,
  properties: InventoryEntry['properties'],
): InventoryEntry {
  return { kind, library, file, line, column, service, properties };
}

function describeRule(name: string, description: string, folder = 'rules'): RuleDescriptor {
  return { id: `service-policy/${name}`, description, helpUrl: `${DOCS}/${folder}/${name}.md` };
}

/** The same result with every list reversed: reports must not change. */
export function reverseLists(result: CheckResult): CheckResult {
  return {
    ...result,
    findings: [...result.findings].reverse(),
    inventory: [...result.inventory].reverse(),
    problems: [...result.problems].reverse(),
    excluded: [...result.excluded].reverse(),
    notes: [...result.notes].reverse(),
    rules: [...result.rules].reverse(),
  };
}
