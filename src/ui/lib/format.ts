const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Pure: `2026-03-02` → `Mon 2 Mar 2026` (calendar arithmetic as UTC: no time zone involved). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** Pure: `2026-03-02T08:00` → `Mon 2 Mar 2026, 08:00`. */
export function formatInstant(instant: string): string {
  return instant.length >= 16 ? `${formatDate(instant.slice(0, 10))}, ${instant.slice(11, 16)}` : instant;
}

/** Pure: a short one-line summary of an event's data for lists. */
export function summarise(data: unknown, maxLength = 90): string {
  if (data === null || typeof data !== 'object') return String(data);
  const text = Object.entries(data as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
