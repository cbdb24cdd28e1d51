import type { SchedulingError } from './errors.ts';

/** A rule check: the error when the rule is broken, null when it holds. */
export type Check = () => SchedulingError | null;

/** Pure: the first broken rule, checking in order (DOMAIN.md: first failure wins). */
export function firstFailure(...checks: Check[]): SchedulingError | null {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return null;
}
