/** Header helpers shared by the services' clients, imported by typed rule tests. */
export const TRACE_HEADER = 'traceparent';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function traceHeaders(traceId: string): Record<string, string> {
  return { [TRACE_HEADER]: `00-${traceId}-01` };
}

export function writeHeaders(traceId: string, idempotencyKey: string): Record<string, string> {
  return { [TRACE_HEADER]: `00-${traceId}-01`, [IDEMPOTENCY_HEADER]: idempotencyKey };
}
