import CircuitBreaker from 'opossum';

import { submitOrder } from './orders.js';

export const orderBreaker = new CircuitBreaker(submitOrder, { timeout: 3_000 });
