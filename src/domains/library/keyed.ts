/**
 * Records keyed by ids a person typed (`__proto__`, `constructor` and `toString` included): read and written only
 * through the kernel's own-property helpers (src/core/own.ts), so no id ever reaches `Object.prototype`, and the
 * records stay plain JSON for checkpoints.
 */
import { deleteOwn, hasOwn, own, putOwn, withOwn, withoutOwn } from '../../core/own.ts';

/** A record of values by id. */
export type Keyed<T> = Record<string, T>;

/** Pure: an empty record (without a prototype while it lives in memory). */
export const emptyKeyed = <T>(): Keyed<T> => Object.create(null) as Keyed<T>;

export {
  own,
  hasOwn as has,
  putOwn as put,
  deleteOwn as remove,
  withOwn as withEntry,
  withoutOwn as withoutEntry,
};
