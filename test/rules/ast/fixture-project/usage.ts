import pRetry from 'p-retry';

import { clients, inventoryClient } from './index.js';
import { cancelOrder, OrdersApi, submitOrder } from './orders.js';

const alias = inventoryClient;

export async function run(): Promise<void> {
  await alias.get('/health');
  await clients.billing.get('/status');
  await pRetry(() => submitOrder({ id: '1' }), { retries: 3 });
  await pRetry(cancelOrder, { retries: 2 });
  await new OrdersApi().create({ id: '2' });
}
