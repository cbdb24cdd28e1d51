/**
 * Ids become keys: these read and write own properties only, so a todo called `__proto__`, `constructor` or
 * `toString` is an id like any other (a plain `record[id]` would find or change `Object.prototype`).
 */

/** Pure: the entry of `id`, or undefined. */
export const entryOf = <V>(record: Readonly<Record<string, V>>, id: string): V | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

/** Pure: a copy of `record` with the entry of `id` set (a computed key defines an own property, even `__proto__`). */
export const withEntry = <V>(
  record: Readonly<Record<string, V>>,
  id: string,
  value: V,
): Record<string, V> => ({
  ...record,
  [id]: value,
});

/**
 * Sets the entry of `id` in place, for projections (which may update their own state: see `Projection`).
 * Why `defineProperty`: assigning `record['__proto__']` would replace the record's prototype instead.
 */
export function setEntry<V>(record: Record<string, V>, id: string, value: V): void {
  Object.defineProperty(record, id, { value, writable: true, enumerable: true, configurable: true });
}
