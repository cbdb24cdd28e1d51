import type { RecordedEvent } from '../../../core/event.ts';

export interface EventFilter {
  stream: string;
  type: string;
  text: string;
}

export const emptyFilter: EventFilter = { stream: '', type: '', text: '' };

/** Pure: the events matching every non-empty criterion (stream prefix or exact id, exact type, text anywhere). */
export function filterEvents(events: readonly RecordedEvent[], filter: EventFilter): RecordedEvent[] {
  const text = filter.text.trim().toLowerCase();
  const stream = filter.stream.trim();
  if (!stream && !filter.type && !text) return events as RecordedEvent[];
  return events.filter(
    (e) =>
      (!stream || e.streamId === stream || e.streamId.startsWith(stream)) &&
      (!filter.type || e.type === filter.type) &&
      (!text || searchText(e).includes(text)),
  );
}

const searchText = (e: RecordedEvent) =>
  `${e.id} ${e.streamId} ${e.type} ${JSON.stringify(e.data)} ${JSON.stringify(e.metadata)}`.toLowerCase();

/** Pure: distinct values, sorted, for the filter's drop-downs. */
export function distinct(events: readonly RecordedEvent[], key: 'streamId' | 'type'): string[] {
  return [...new Set(events.map((e) => e[key]))].sort();
}

/** Pure: one page of a list (1-based page numbers, clamped). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}

export type Cause =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'command'; commandId: string }
  | { kind: 'unknown'; id: string };

/** Pure: what caused an event: the saga's triggering event, or the user's command. */
export function causeOf(event: RecordedEvent, byId: ReadonlyMap<string, RecordedEvent>): Cause {
  const id = event.metadata.causationId;
  const cause = byId.get(id);
  if (cause) return { kind: 'event', event: cause };
  if (id === event.metadata.commandId) return { kind: 'command', commandId: id };
  return { kind: 'unknown', id };
}
