// Retry settings shared by the typed retry rule tests: values that only the type checker can follow.
export const PAYMENTS_RETRY = { retries: Infinity, minTimeout: 200 } as const;
export const LEDGER_RETRY = { retries: 4, randomize: true, minTimeout: 250 } as const;
export const CATALOG_RETRY_DELAY = 500;
export const RETRYABLE_STATUSES = [404, 429, 500, 502, 503] as const;
export const TRANSIENT_STATUSES = [408, 429, 500, 502, 503, 504] as const;
