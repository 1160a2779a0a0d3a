// Settings a platform module shares with the clients it makes: values only the type checker can follow.
export const HTTP_TIMEOUT_MS = 2_000;

export const HTTP_DEFAULTS = {
  timeout: HTTP_TIMEOUT_MS,
  headers: { 'User-Agent': 'shop-platform/1.0' },
};

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
