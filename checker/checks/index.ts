/** Every project-wide check, in the order they run. A new check is one file and one line here. */
import type { ProjectCheck } from './check.js';
import { invalidSuppression } from './invalid-suppression.js';
import { requireCircuitBreaker } from './require-circuit-breaker.js';

export type { CheckedProject, FindingLocation, ProjectCheck } from './check.js';

export const checks: readonly ProjectCheck[] = [invalidSuppression, requireCircuitBreaker];
