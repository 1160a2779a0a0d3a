/**
 * got's built-in retry: limit 2, exponential backoff with up to 100 ms of random noise, GET/PUT/HEAD/DELETE/
 * OPTIONS/TRACE only. A `calculateDelay` that ignores `computedValue` overrides the limit (unless
 * `enforceRetryRules` is true): one that never returns 0 retries forever.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { got } from '../../../knowledge/http/got.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import { walkDescendants } from '../../ast/walk-descendants.js';
import type { RetryBackoff, RetryBound } from '../model.js';
import { classifyDelay } from './delay.js';
import { getBound, readBoolean, readNumber, type Detection } from './detection.js';
import { createHttpClientRetryDetector, findRetryOption, hasSignal, readRetryLimit, type RetrySettings } from './http-client-retries.js';

const LIBRARY = 'got';

export const gotDetector = createHttpClientRetryDetector({
  library: LIBRARY,
  spec: got,
  inheritingFactories: ['extend'],
  freshFactories: [],
  getBound: getGotBound,
  getBackoff: getGotBackoff,
});

function getGotBound(detection: Detection, settings: RetrySettings): RetryBound {
  const timeBudget = hasSignal(detection, settings);
  const calculateDelay = getCustomDelay(detection, settings);
  if (calculateDelay === 'unknown') return timeBudget === true ? { kind: 'time-budget' } : { kind: 'unknown' };
  if (calculateDelay?.overridesLimit) {
    if (timeBudget === true) return { kind: 'time-budget' };
    return calculateDelay.backoff.kind === 'constant'
      ? { kind: 'unbounded', reason: 'calculateDelay never returns 0 and ignores computedValue, so retry.limit no longer applies' }
      : { kind: 'unknown' };
  }
  return getBound(readRetryLimit(detection, settings), { option: 'retry.limit', defaultLimit: got.retry.limit.default, library: LIBRARY, timeBudget });
}

function getGotBackoff(detection: Detection, settings: RetrySettings): RetryBackoff {
  const calculateDelay = getCustomDelay(detection, settings);
  if (calculateDelay === 'unknown') return { kind: 'unknown', jitter: 'unknown', reason: 'calculateDelay' };
  if (calculateDelay) return calculateDelay.backoff;
  const noise = readNumber(findRetryOption(detection, settings, 'noise'));
  if (noise.kind === 'unknown') return { kind: 'exponential', jitter: 'unknown', reason: 'got retry noise' };
  const value = noise.kind === 'value' ? noise.value : got.retry.options.noise.default;
  return value === 0
    ? { kind: 'exponential', jitter: false, reason: 'got exponential backoff with noise: 0, no jitter' }
    : { kind: 'exponential', jitter: true, reason: `got exponential backoff with ${value} ms of random noise` };
}

interface CustomDelay {
  readonly backoff: RetryBackoff;
  /** The function decides alone whether to retry: it ignores `computedValue` and the rules are not enforced. */
  readonly overridesLimit: boolean;
}

/** A `calculateDelay` other than the default, read; undefined when none is set. */
function getCustomDelay(detection: Detection, settings: RetrySettings): CustomDelay | 'unknown' | undefined {
  const found = findRetryOption(detection, settings, 'calculateDelay');
  if (found.kind === 'absent') return undefined;
  const delayFunction = found.kind === 'found' ? resolveFunction(detection.context, found.node) : undefined;
  if (!delayFunction) return 'unknown';
  const enforced = readBoolean(findRetryOption(detection, settings, 'enforceRetryRules'));
  let readsComputedValue = false;
  walkDescendants(detection.context, delayFunction, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'computedValue') readsComputedValue = true;
    return !readsComputedValue;
  });
  if (readsComputedValue) {
    return { backoff: { kind: 'custom', jitter: 'unknown', reason: 'calculateDelay' }, overridesLimit: false };
  }
  const backoff = classifyDelay(detection, delayFunction, undefined, 'calculateDelay');
  if (enforced.kind === 'value' && enforced.value) return { backoff, overridesLimit: false };
  return { backoff, overridesLimit: enforced.kind !== 'unknown' };
}
