export { inventory as inventoryClient, clients } from './clients.js';
