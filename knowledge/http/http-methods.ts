/**
 * HTTP methods and whether they are safe and idempotent, as RFC 9110 §9.2 defines them. A client may
 * resend an idempotent request after a lost response; a non-idempotent one (POST, PATCH) needs an
 * idempotency key for the server to recognise the resend.
 */
import type { HttpMethodSpec } from '../types.js';

export const HTTP_METHODS_SOURCE = 'https://www.rfc-editor.org/rfc/rfc9110#section-9.2';

export const HTTP_METHODS = {
  GET: { safe: true, idempotent: true, source: 'RFC 9110 §9.3.1' },
  HEAD: { safe: true, idempotent: true, source: 'RFC 9110 §9.3.2' },
  OPTIONS: { safe: true, idempotent: true, source: 'RFC 9110 §9.3.7' },
  TRACE: { safe: true, idempotent: true, source: 'RFC 9110 §9.3.8' },
  PUT: { safe: false, idempotent: true, source: 'RFC 9110 §9.3.4' },
  DELETE: { safe: false, idempotent: true, source: 'RFC 9110 §9.3.5' },
  POST: { safe: false, idempotent: false, source: 'RFC 9110 §9.3.3' },
  CONNECT: { safe: false, idempotent: false, source: 'RFC 9110 §9.3.6' },
  PATCH: { safe: false, idempotent: false, source: 'RFC 5789 §2 ("PATCH is neither safe nor idempotent")' },
  // Safe and idempotent by definition; axios (`query`) and ky (retry methods) already send it.
  QUERY: { safe: true, idempotent: true, source: 'draft-ietf-httpbis-safe-method-w-body §2' },
} as const satisfies Record<string, HttpMethodSpec>;

export type HttpMethod = keyof typeof HTTP_METHODS;

/** Methods whose repeat has a different effect from one request: a retry of these needs an idempotency key. */
export const NON_IDEMPOTENT_METHODS: readonly HttpMethod[] = (Object.keys(HTTP_METHODS) as HttpMethod[]).filter(
  (method) => !HTTP_METHODS[method].idempotent,
);

/** The method name in upper case when it is one the specification defines; undefined otherwise. */
export function normalizeHttpMethod(method: string): HttpMethod | undefined {
  const upper = method.trim().toUpperCase();
  return Object.hasOwn(HTTP_METHODS, upper) ? (upper as HttpMethod) : undefined;
}

/** Whether repeating a request with this method has the effect of sending it once; undefined for unknown methods. */
export function isIdempotentMethod(method: string): boolean | undefined {
  const known = normalizeHttpMethod(method);
  return known === undefined ? undefined : HTTP_METHODS[known].idempotent;
}
