/**
 * Functions that return a fresh random id: a trace or correlation id made with one of these, where the
 * request already brought one, starts a new trace instead of continuing the caller's.
 * Read from uuid 14.0.3 and nanoid 5.1.16 as installed, and Node's `crypto` (@types/node 20).
 */
import type { IdMinterSpec } from './types.js';

export const nodeCrypto = {
  packages: ['crypto', 'node:crypto'],
  exportPaths: [['randomUUID'], ['default', 'randomUUID'], ['randomBytes']],
  source: '@types/node crypto.d.ts (`function randomUUID(options?: RandomUUIDOptions): UUID`)',
} as const satisfies IdMinterSpec;

/** The Web Crypto global: `crypto.randomUUID()` with no import. */
export const webCrypto = {
  packages: ['crypto'],
  exportPaths: [['randomUUID']],
  source: '@types/node globals (`crypto: webcrypto.Crypto`, `Crypto.randomUUID()`)',
} as const satisfies IdMinterSpec;

export const uuid = {
  packages: ['uuid'],
  // dist/index.js re-exports v1…v7; dist/v4.js returns `crypto.randomUUID()` when called without options.
  exportPaths: [['v1'], ['v4'], ['v6'], ['v7'], ['default', 'v4'], ['default', 'v1'], ['default', 'v7']],
  source: 'uuid@14.0.3 dist/index.js, dist/v4.js (`if (!buf && !options && crypto.randomUUID) return crypto.randomUUID()`)',
} as const satisfies IdMinterSpec;

export const nanoid = {
  packages: ['nanoid'],
  exportPaths: [['nanoid']],
  source: 'nanoid@5.1.16 index.d.ts (`export function nanoid<Type extends string>(size?: number): Type`)',
} as const satisfies IdMinterSpec;

export const ID_MINTERS: readonly IdMinterSpec[] = [nodeCrypto, uuid, nanoid];
