import type { RecordedEvent } from '../../../core/event.ts';
import { isSagaEvent, type WhatIfEdit } from '../../../tools/what-if/whatIf.ts';

/** How many events of the log the what-if lists at once. */
export const PAGE_SIZE = 30;

/** Pure: what an event is about, in one id (its slot, day, patient or doctor). */
export function subjectOf(event: { data: unknown }): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const value = data.slotId ?? data.dayId ?? data.patientId ?? data.doctorId;
  return typeof value === 'string' ? value : '';
}

// Why a cache: every keystroke of a search over a 10k-event log would stringify every event again.
const texts = new WeakMap<RecordedEvent, string>();
const textOf = (event: RecordedEvent) => {
  let text = texts.get(event);
  if (text === undefined) {
    text = `#${event.position} ${event.type} ${JSON.stringify(event.data)}`.toLowerCase();
    texts.set(event, text);
  }
  return text;
};

/** Pure: the users' events (the sagas' run again on both sides) matching every word of `search`. */
export function searchLog(events: readonly RecordedEvent[], search: string): RecordedEvent[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return events.filter((event) => !isSagaEvent(event) && words.every((word) => textOf(event).includes(word)));
}

export interface LogPage {
  rows: RecordedEvent[];
  /** Index of the first row among the matches. */
  start: number;
  total: number;
}

/** Pure: `PAGE_SIZE` matches from index `start`, or (start null) the page that ends at the fork position. */
export function pageOf(matches: readonly RecordedEvent[], fork: number, start: number | null): LogPage {
  const upToFork = matches.findLastIndex((event) => event.position <= fork) + 1;
  const from = Math.max(0, Math.min(start ?? upToFork - PAGE_SIZE, matches.length - PAGE_SIZE));
  return { rows: matches.slice(from, from + PAGE_SIZE), start: from, total: matches.length };
}

/** Pure: an event named by its position, type and subject: `#12 SlotBooked ana-silva_2026-03-02_09:00`. */
export function nameOf(position: number, byPosition: ReadonlyMap<number, RecordedEvent>): string {
  const event = byPosition.get(position);
  return event ? `#${position} ${event.type} ${subjectOf(event)}`.trim() : `#${position}`;
}

/** Pure: one line per edit, naming the events by position and type, for the list of changes on the branch. */
export function describeEdit(edit: WhatIfEdit, byPosition: ReadonlyMap<number, RecordedEvent>): string {
  const name = (position: number) => nameOf(position, byPosition);
  const where = (before: number | null) => (before === null ? 'at the end' : `before ${name(before)}`);
  if (edit.kind === 'skip') return `Skip ${name(edit.position)}`;
  if (edit.kind === 'change') {
    const original = (byPosition.get(edit.position)?.data ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'none'));
    const changed = [...new Set([...Object.keys(original), ...Object.keys(edit.data)])]
      .filter((key) => text(original[key]) !== text(edit.data[key]))
      .map((key) => `${key} → ${text(edit.data[key])}`);
    return `Change the data of ${name(edit.position)}${changed.length > 0 ? `: ${changed.join(', ')}` : ''}`;
  }
  if (edit.kind === 'move')
    return 'before' in edit
      ? `Move ${name(edit.position)} ${where(edit.before)}`
      : `Move ${name(edit.position)} to step ${edit.to + 1}`;
  return 'before' in edit
    ? `Insert ${edit.command.type} ${subjectOf(edit.command)} ${where(edit.before)}`.replace('  ', ' ')
    : `Insert ${edit.command.type} at step ${edit.at + 1}`;
}

/** Up to this many days, both sides list every day; beyond, only the days that differ. */
export const DAYS_LISTED = 12;

/** Pure: the days the comparison lists, and how many the same on both sides it leaves out. */
export function daysToShow(
  original: Record<string, unknown>,
  branch: Record<string, unknown>,
): { days: string[]; sameLeftOut: number } {
  const all = [...new Set([...Object.keys(original), ...Object.keys(branch)])].sort();
  if (all.length <= DAYS_LISTED) return { days: all, sameLeftOut: 0 };
  const days = all.filter((day) => JSON.stringify(original[day]) !== JSON.stringify(branch[day]));
  return { days, sameLeftOut: all.length - days.length };
}
