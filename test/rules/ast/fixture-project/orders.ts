import { inventoryClient } from './index.js';

export async function submitOrder(order: { id: string }): Promise<unknown> {
  return inventoryClient.post('/orders', order);
}

export const cancelOrder = async (id: string): Promise<unknown> => inventoryClient.delete(`/orders/${id}`);

export class OrdersApi {
  async create(order: { id: string }): Promise<unknown> {
    return submitOrder(order);
  }
}
