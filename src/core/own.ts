/**
 * Records keyed by ids that people type: an id like `__proto__`, `constructor` or `toString` must be an ordinary
 * key, never an inherited member or the prototype. Read with `own`, write with `putOwn`: the records stay plain
 * JSON (they survive structured clone, IndexedDB and JSON unchanged), and no id can reach `Object.prototype`.
 */

/** Pure: the record's own entry for `key`, never an inherited member. */
export const own = <V>(record: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Sets the record's own entry for `key` in place (even `__proto__`), and returns the value. */
export function putOwn<V>(record: Record<string, V>, key: string, value: NoInfer<V>): V {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The record's own entry for `key`, made with `create` (and stored) when missing. */
export const ownOrPut = <V>(record: Record<string, V>, key: string, create: () => NoInfer<V>): V =>
  Object.hasOwn(record, key) ? record[key] : putOwn(record, key, create());

/** Pure: a copy of the record with one own entry set (for states that are never changed in place). */
export function withOwn<V>(
  record: Readonly<Record<string, V>>,
  key: string,
  value: NoInfer<V>,
): Record<string, V> {
  const copy = { ...record };
  putOwn(copy, key, value);
  return copy;
}

/** Removes the record's own entry for `key`, if any. */
export function deleteOwn<V>(record: Record<string, V>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

/** Pure: is `key` one of the record's own entries? */
export const hasOwn = (record: Readonly<Record<string, unknown>>, key: string): boolean =>
  Object.hasOwn(record, key);

/** Pure: a copy of the record without its own entry for `key` (the record itself when it has none). */
export function withoutOwn<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  if (!Object.hasOwn(record, key)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}
