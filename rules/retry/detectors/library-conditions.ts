/** The retry conditions the libraries export (`isNetworkOrIdempotentRequestError`, `handleAll`), by reference. */
import type { TSESTree } from '@typescript-eslint/utils';

import { axiosRetryConditions } from '../../../knowledge/retry/axios-retry.js';
import { cockatielPolicies } from '../../../knowledge/retry/cockatiel.js';
import type { RetryConditionSpec } from '../../../knowledge/types.js';
import { getKnownReference, type Detection } from './detection.js';

/** Conditions exported by the retry libraries, by export name. */
const LIBRARY_CONDITIONS: Readonly<Record<string, RetryConditionSpec>> = { ...axiosRetryConditions, ...cockatielPolicies };

/** The library condition an expression names (`axiosRetry.isRetryableError`, `handleAll`), if any. */
export function getLibraryCondition(detection: Detection, node: TSESTree.Node): RetryConditionSpec | undefined {
  const known = getKnownReference(detection, node);
  if (!known) return undefined;
  const name = known.name.split('.').at(-1)!;
  return Object.hasOwn(LIBRARY_CONDITIONS, name) ? LIBRARY_CONDITIONS[name] : undefined;
}
