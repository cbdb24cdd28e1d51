import type { LibraryError } from './errors.ts';

/** A rule check: the error when the rule is broken, null when it holds. */
export type Check = () => LibraryError | null;

/** Pure: the first broken rule, checking in order (first failure wins). */
export function firstFailure(...checks: Check[]): LibraryError | null {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return null;
}
