// HTTP clients that typed rule tests import from another module.
import axios from 'axios';
import got from 'got';
import ky from 'ky';

export const billingApi = axios.create({ baseURL: 'https://billing.internal' });

export const inventoryApi = axios.create({ baseURL: 'https://inventory.internal', timeout: 2_000 });

export const searchClient = got.extend({ prefixUrl: 'https://search.internal' });

export const catalogClient = got.extend({ prefixUrl: 'https://catalog.internal', timeout: { request: 3_000 } });

export const exportClient = ky.create({ prefixUrl: 'https://exports.internal', timeout: false });

export const profileClient = ky.create({ prefixUrl: 'https://profiles.internal' });

export const ordersApi = axios.create({ baseURL: 'https://orders.internal', timeout: 5_000 });
