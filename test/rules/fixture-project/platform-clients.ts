// Clients made, and retried, in a platform module; typed rule tests use them from another module.
import axios from 'axios';
import axiosRetry from 'axios-retry';

import { HTTP_DEFAULTS, IDEMPOTENCY_HEADER } from './platform-settings.js';

/** Retried by axios-retry's default condition: network errors on every method, POST included. */
export const inventoryClient = axios.create({ ...HTTP_DEFAULTS, baseURL: 'https://inventory.internal' });
axiosRetry(inventoryClient, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

/** Retried, and every request carries a key set by an interceptor. */
export const paymentsClient = axios.create({ ...HTTP_DEFAULTS, baseURL: 'https://payments.internal' });
axiosRetry(paymentsClient, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
paymentsClient.interceptors.request.use((config) => {
  config.headers[IDEMPOTENCY_HEADER] ??= crypto.randomUUID();
  return config;
});

/** Retried, with a key in the defaults of POST requests. */
export const refundsClient = axios.create({ ...HTTP_DEFAULTS, baseURL: 'https://refunds.internal', headers: { post: { [IDEMPOTENCY_HEADER]: 'refunds' } } });
axiosRetry(refundsClient, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

/** Retries idempotent requests only. */
export const shippingClient = axios.create({ ...HTTP_DEFAULTS, baseURL: 'https://shipping.internal' });
axiosRetry(shippingClient, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isIdempotentRequestError });

/** Not retried. */
export const ordersClient = axios.create({ ...HTTP_DEFAULTS, baseURL: 'https://orders.internal' });

/** Made by a helper: how, this module does not say in one call. */
export const legacyClient = createClient('https://legacy.internal');

function createClient(baseURL: string) {
  return axios.create({ baseURL });
}

export interface Order {
  readonly id: string;
  readonly total: number;
}

/** POSTs with no key. */
export async function submitOrder(order: Order): Promise<void> {
  await ordersClient.post('/orders', order);
}

/** POSTs with the order id as its key. */
export async function recordOrder(order: Order): Promise<void> {
  await ordersClient.post('/ledger', order, { headers: { [IDEMPOTENCY_HEADER]: order.id } });
}

/** A GET: axios rejects on a 4xx answer. */
export async function fetchQuote(id: string): Promise<unknown> {
  return (await ordersClient.get(`/quotes/${id}`)).data;
}

/** Reads a local table: no request at all. */
export async function lookUpRate(currency: string): Promise<number> {
  const rates = new Map([['EUR', 1]]);
  return rates.get(currency) ?? 1;
}
