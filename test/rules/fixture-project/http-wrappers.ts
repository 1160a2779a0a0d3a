// Request wrappers that typed rule tests import: the caller decides the deadline of the first two.
import axios from 'axios';

/** Forwards the caller's init: bounded only when the caller passes a signal. */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  return (await response.json()) as T;
}

/** The timeout is the caller's `timeoutMs`, with no fallback. */
export const httpGet = (url: string, { timeoutMs, ...rest }: { timeoutMs?: number; headers?: Record<string, string> } = {}) =>
  axios.get(url, { ...rest, timeout: timeoutMs });

/** Sets its own limit when the caller gives none. */
export async function fetchWithDeadline(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(5_000) });
}

/** Looks a record up by id: named like a request, sends none. */
export function fetchRecord(records: ReadonlyMap<string, object>, id: string): object | undefined {
  return records.get(id);
}

export class PartnerClient {
  constructor(private readonly baseUrl: string) {}

  /** Forwards the caller's config to axios. */
  send(path: string, config: { method?: string; data?: unknown; timeout?: number } = {}) {
    return axios.request({ url: `${this.baseUrl}${path}`, ...config });
  }
}

export const partners = new PartnerClient('https://partners.internal');
