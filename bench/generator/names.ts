/** Identifier spellings of one name, and the vocabulary generated services are made of. */

export interface Name {
  /** `customer-account` */
  readonly kebab: string;
  /** `customerAccount` */
  readonly camel: string;
  /** `CustomerAccount` */
  readonly pascal: string;
  /** `CUSTOMER_ACCOUNT` */
  readonly constant: string;
  /** `customer accounts` */
  readonly plural: string;
  /** `customer-accounts` */
  readonly pluralKebab: string;
  /** `customer_accounts` */
  readonly table: string;
}

export function createName(kebab: string): Name {
  const words = kebab.split('-');
  const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  const pluralWords = [...words.slice(0, -1), pluralize(words.at(-1) as string)];
  return {
    kebab,
    camel: words.map((word, index) => (index === 0 ? word : capitalize(word))).join(''),
    pascal: words.map(capitalize).join(''),
    constant: words.join('_').toUpperCase(),
    plural: pluralWords.join(' '),
    pluralKebab: pluralWords.join('-'),
    table: pluralWords.join('_'),
  };
}

function pluralize(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export const SERVICE_DOMAINS = [
  'accounts', 'billing', 'catalog', 'checkout', 'fulfilment', 'identity', 'inventory', 'ledger', 'loyalty',
  'notifications', 'orders', 'payments', 'pricing', 'profiles', 'recommendations', 'returns', 'reviews',
  'search', 'shipping', 'subscriptions', 'support', 'tax', 'warehouse', 'onboarding', 'documents',
  'scheduling', 'reporting', 'audit', 'compliance', 'fraud', 'invoicing', 'promotions', 'partners',
  'routing', 'media', 'messaging', 'settlement', 'claims', 'quotes', 'contracts',
] as const;

export const ENTITIES = [
  'customer', 'order', 'invoice', 'payment', 'shipment', 'product', 'price', 'cart', 'refund', 'coupon',
  'account', 'address', 'parcel', 'carrier', 'ticket', 'review', 'subscription', 'plan', 'document',
  'partner', 'quote', 'contract', 'claim', 'booking', 'slot', 'warehouse-item', 'stock-level',
  'ledger-entry', 'tax-rate', 'payout', 'dispute', 'notification', 'template', 'report', 'audit-event',
  'device', 'session', 'voucher', 'return-request', 'delivery-window',
] as const;

export interface FieldSpec {
  readonly name: string;
  readonly type: 'string' | 'number' | 'boolean';
}

export const FIELDS: readonly FieldSpec[] = [
  { name: 'status', type: 'string' },
  { name: 'currency', type: 'string' },
  { name: 'amountMinor', type: 'number' },
  { name: 'quantity', type: 'number' },
  { name: 'reference', type: 'string' },
  { name: 'countryCode', type: 'string' },
  { name: 'email', type: 'string' },
  { name: 'displayName', type: 'string' },
  { name: 'notes', type: 'string' },
  { name: 'priority', type: 'number' },
  { name: 'archived', type: 'boolean' },
  { name: 'locale', type: 'string' },
  { name: 'ownerId', type: 'string' },
  { name: 'externalId', type: 'string' },
  { name: 'weightGrams', type: 'number' },
  { name: 'verified', type: 'boolean' },
  { name: 'channel', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'score', type: 'number' },
  { name: 'category', type: 'string' },
];

export const STATUSES = ['pending', 'active', 'suspended', 'completed', 'cancelled', 'failed', 'draft', 'settled'] as const;
