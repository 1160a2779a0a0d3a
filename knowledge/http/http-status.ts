/**
 * HTTP status classes and which client errors are worth retrying. A 4xx answer says the request itself is
 * wrong (bad input, no credentials, no permission, no such resource): sending it again gets the same answer.
 * Three 4xx answers are temporary by definition and may be retried, ideally after the Retry-After they carry.
 */

export const HTTP_STATUS_SOURCE = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5';

/** 4xx answers that a retry may turn into a success. */
export const RETRY_SAFE_CLIENT_ERRORS = {
  408: 'Request Timeout: the server gave up waiting for the request (RFC 9110 §15.5.9, "the client MAY repeat that request")',
  425: 'Too Early: the server will not process a replayable early-data request yet (RFC 8470 §5.2)',
  429: 'Too Many Requests: rate limited, retry after Retry-After (RFC 6585 §4)',
} as const satisfies Record<number, string>;

/**
 * 413 Content Too Large is a client error, but RFC 9110 §15.5.14 lets a server send Retry-After when the
 * condition is temporary; got and ky retry it only when Retry-After is present, so their lists may hold it.
 */
export const RETRY_AFTER_ONLY_CLIENT_ERRORS = {
  413: 'Content Too Large: temporary only when the server sends Retry-After (RFC 9110 §15.5.14)',
} as const satisfies Record<number, string>;

/**
 * Answers that a hook run before each retry can change: with fresh credentials (got and ky
 * `hooks.beforeRetry`, the ky README's token-refresh example), a 401 or 403 may turn into a success.
 */
export const CREDENTIAL_CLIENT_ERRORS: readonly number[] = [401, 403];

/** Client errors that a service commonly retries by mistake, used to describe what a condition retries. */
export const COMMON_CLIENT_ERRORS: readonly number[] = [400, 401, 403, 404, 405, 409, 410, 412, 415, 422];

/** 4xx: the request was wrong. */
export function isClientError(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 499;
}

/** 5xx: the server failed. */
export function isServerError(status: number): boolean {
  return Number.isInteger(status) && status >= 500 && status <= 599;
}

/** Whether retrying an answer with this status can help: 5xx and the temporary 4xx answers. */
export function isRetrySafeStatus(status: number): boolean {
  return isServerError(status) || Object.hasOwn(RETRY_SAFE_CLIENT_ERRORS, status);
}

/** A 4xx that retrying will not fix: every client error except 408, 425 and 429. */
export function isNonRetryableClientError(status: number): boolean {
  return isClientError(status) && !Object.hasOwn(RETRY_SAFE_CLIENT_ERRORS, status);
}
