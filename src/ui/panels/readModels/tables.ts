/** Pure shaping of a projection's JSON state into tables for the read-models panel. */

/** A cell: its text, and the full JSON when the value is nested (shown on demand). */
export interface Cell {
  text: string;
  detail?: string;
}

export interface Table {
  title: string;
  columns: string[];
  rows: Record<string, Cell>[];
  total: number;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function cell(value: unknown): Cell {
  if (value === undefined) return { text: '' };
  if (typeof value !== 'object' || value === null) return { text: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return { text: value.length === 0 ? '—' : value.join(', ') };
  }
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  return { text: `${count} ${count === 1 ? 'entry' : 'entries'}`, detail: JSON.stringify(value, null, 2) };
}

function rowsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.map((v) => (isPlain(v) ? v : { value: v }));
  if (!isPlain(value)) return [{ value }];
  return Object.entries(value).flatMap(([key, v]) =>
    Array.isArray(v)
      ? v.map((item) => ({ key, ...(isPlain(item) ? item : { value: item }) }))
      : isPlain(v)
        ? [{ key, ...v }]
        : [{ key, value: v }],
  );
}

/** Pure: one table of rows (record entries or array items), capped at `limit` rows. */
export function tableOf(title: string, value: unknown, limit = 100): Table {
  const all = rowsOf(value);
  const columns = [...new Set(all.flatMap((r) => Object.keys(r)))];
  const rows = all.slice(0, limit).map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c])])));
  return { title, columns, rows, total: all.length };
}

/** Pure: a state with named parts (`{ days: {...}, doctorNames: {...} }`) gives a table per part; otherwise one table. */
export function tablesOf(name: string, state: unknown, limit = 100): Table[] {
  if (isPlain(state)) {
    const keys = Object.keys(state);
    const isNamedParts =
      keys.length > 0 &&
      keys.every((k) => /^[a-z][a-zA-Z]*$/.test(k) && typeof state[k] === 'object' && state[k] !== null);
    if (isNamedParts) return keys.map((k) => tableOf(k, state[k], limit));
  }
  return [tableOf(name, state, limit)];
}
