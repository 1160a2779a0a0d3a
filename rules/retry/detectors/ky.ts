/**
 * ky's built-in retry: limit 2 (`retry: n` is shorthand for the limit), 0.3 s × 2^(n−1) with no jitter unless
 * `retry.jitter` is true or a function, GET/PUT/HEAD/DELETE/OPTIONS/TRACE only.
 */
import { ky } from '../../../knowledge/http/ky.js';
import { resolveFunction } from '../../ast/resolve-function.js';
import type { RetryBackoff, RetryBound } from '../model.js';
import { classifyDelay } from './delay.js';
import { getBound, type Detection } from './detection.js';
import { createHttpClientRetryDetector, findRetryOption, hasSignal, readRetryLimit, type RetrySettings } from './http-client-retries.js';

const LIBRARY = 'ky';

export const kyDetector = createHttpClientRetryDetector({
  library: LIBRARY,
  spec: ky,
  inheritingFactories: ['extend'],
  freshFactories: ['create'],
  getBound: getKyBound,
  getBackoff: getKyBackoff,
});

function getKyBound(detection: Detection, settings: RetrySettings): RetryBound {
  return getBound(readRetryLimit(detection, settings), {
    option: 'retry.limit',
    defaultLimit: ky.retry.limit.default,
    library: LIBRARY,
    timeBudget: hasSignal(detection, settings),
  });
}

function getKyBackoff(detection: Detection, settings: RetrySettings): RetryBackoff {
  const jitter = getJitter(detection, findRetryOption(detection, settings, 'jitter'));
  const delay = findRetryOption(detection, settings, 'delay');
  if (delay.kind === 'unknown') return { kind: 'unknown', jitter, reason: 'retry.delay' };
  if (delay.kind === 'found') {
    const custom = classifyDelay(detection, delay.node, delay.node ? undefined : delay.value?.value, 'retry.delay');
    return jitter === true ? { ...custom, jitter: true } : custom.jitter === true ? custom : { ...custom, jitter: jitter === 'unknown' || custom.jitter === 'unknown' ? 'unknown' : false };
  }
  return jitter === false
    ? { kind: 'exponential', jitter: false, reason: 'ky default backoff, 0.3 s doubled on each retry, no jitter' }
    : { kind: 'exponential', jitter, reason: 'ky exponential backoff with retry.jitter' };
}

/** `jitter: true` or a function randomizes; `false`/undefined (the default) does not. */
function getJitter(detection: Detection, found: ReturnType<typeof findRetryOption>): boolean | 'unknown' {
  if (found.kind === 'absent') return false;
  if (found.kind === 'unknown') return 'unknown';
  const value = found.value?.value;
  if (value === true) return true;
  if (found.value && (value === false || value === undefined)) return false;
  return resolveFunction(detection.context, found.node) ? true : 'unknown';
}
