// Clients that typed tracing tests import: one whose interceptor copies the trace context, one that only authenticates.
import { AsyncLocalStorage } from 'node:async_hooks';

import axios from 'axios';

export const requestContext = new AsyncLocalStorage<{ traceparent?: string }>();

export const inventoryClient = axios.create({ baseURL: 'https://inventory.internal', timeout: 2_000 });
inventoryClient.interceptors.request.use((config) => {
  const traceparent = requestContext.getStore()?.traceparent;
  if (traceparent) config.headers.set('traceparent', traceparent);
  return config;
});

export const pricingClient = axios.create({ baseURL: 'https://pricing.internal', timeout: 2_000 });
pricingClient.interceptors.request.use((config) => {
  config.headers.set('Authorization', `Bearer ${process.env.PRICING_TOKEN}`);
  return config;
});
