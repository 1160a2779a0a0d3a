import axios from 'axios';
import axiosRetry from 'axios-retry';

export const inventory = axios.create({ baseURL: 'http://inventory.internal', timeout: 2_000 });

axiosRetry(inventory, { retries: 3, retryDelay: axiosRetry.exponentialDelay });
inventory.interceptors.request.use((config) => config);

export const clients = { inventory, billing: axios.create({ timeout: 1_000 }) };

const CALLER_HEADER = 'x-caller';
inventory.defaults.headers.common[CALLER_HEADER] = 'orders';

const SHARED = { timeout: 2_000, headers: { 'User-Agent': 'orders' } };
export const shipping = axios.create({ ...SHARED, baseURL: 'http://shipping.internal', transformRequest: [(data: unknown) => data] });
