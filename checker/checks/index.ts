/** Every project-wide check, in the order they run. A new check is one file and one line here. */
import type { ProjectCheck } from './check.js';
import { invalidSuppression } from './invalid-suppression.js';
import { requireAccessLog } from './require-access-log.js';
import { requireCircuitBreaker } from './require-circuit-breaker.js';
import { requireTracePropagation } from './require-trace-propagation.js';

export type { CheckedProject, FindingLocation, ProjectCheck } from './check.js';

export const checks: readonly ProjectCheck[] = [invalidSuppression, requireCircuitBreaker, requireAccessLog, requireTracePropagation];
