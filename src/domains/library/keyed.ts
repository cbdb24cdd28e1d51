/**
 * Records keyed by ids a person typed (`__proto__`, `constructor` and `toString` included): created without a
 * prototype, read with `Object.hasOwn`, written with `defineProperty`, so no id ever reaches `Object.prototype`.
 * Why not `Map`: read models and saga states are plain JSON (checkpoints), and a record restored from JSON has
 * `Object.prototype` again, so reads and writes go through these helpers rather than `record[id]`.
 */

/** A record of values by id. */
export type Keyed<T> = Record<string, T>;

/** Pure: an empty record without a prototype. */
export const emptyKeyed = <T>(): Keyed<T> => Object.create(null) as Keyed<T>;

/** Pure: the value an id names, or undefined (never one inherited from `Object.prototype`). */
export const own = <T>(record: Keyed<T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Pure: does the record hold this id? */
export const has = (record: Keyed<unknown>, key: string): boolean => Object.hasOwn(record, key);

/** Sets `record[key]` as an own property, even for `__proto__` (changes `record`: for projections only). */
export function put<T>(record: Keyed<T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Deletes `record[key]` if it is its own (changes `record`: for projections only). */
export function remove(record: Keyed<unknown>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

/** Pure: a copy of the record with `key` set to `value`; the record itself is not changed. */
export function withEntry<T>(record: Keyed<T>, key: string, value: T): Keyed<T> {
  const next = Object.assign(emptyKeyed<T>(), record);
  put(next, key, value);
  return next;
}

/** Pure: a copy of the record without `key` (the record itself when it has no such key). */
export function withoutEntry<T>(record: Keyed<T>, key: string): Keyed<T> {
  if (!Object.hasOwn(record, key)) return record;
  const next = Object.assign(emptyKeyed<T>(), record);
  delete next[key];
  return next;
}
