/** The live what-if's list of the log: pages of the users' events, searched, and each edit named in words. */
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { Message } from '../../../core/domain/scenario.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { questionLabel, type QueryAnswer } from '../../../tools/shared/readSide.ts';
import { subjectOf as idsOf } from '../../../tools/shared/scratchSandbox.ts';
import { describeEdit as describeAnyEdit, type WhatIfEdit } from '../../../tools/what-if/edits.ts';
import { isSagaEvent } from '../../../tools/what-if/whatIf.ts';

/** How many events of the log the what-if lists at once. */
export const PAGE_SIZE = 30;

/** Pure: what a message is about, in one id: the longest (most specific) of the ids its data names. */
export function subjectOf(domain: DomainModule, message: { data: unknown }): string {
  const ids = idsOf(domain, message).split(', ').filter(Boolean);
  return ids.reduce((longest, id) => (id.length > longest.length ? id : longest), '');
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
export function nameOf(
  domain: DomainModule,
  position: number,
  byPosition: ReadonlyMap<number, RecordedEvent>,
): string {
  const event = byPosition.get(position);
  return event ? `#${position} ${event.type} ${subjectOf(domain, event)}`.trim() : `#${position}`;
}

/** Pure: one line per edit, naming the events by position and type, for the list of changes on the branch. */
export const describeEdit = (
  domain: DomainModule,
  edit: WhatIfEdit<Message>,
  byPosition: ReadonlyMap<number, RecordedEvent>,
): string =>
  describeAnyEdit(edit, {
    original: (position) => nameOf(domain, position, byPosition),
    inserted: (command) => `${command.type} ${subjectOf(domain, command)}`.trim(),
    dataOf: (position) => (byPosition.get(position)?.data ?? {}) as Record<string, unknown>,
  });

/** Up to this many answers, both sides list every one; beyond, only those that differ. */
export const ANSWERS_LISTED = 24;

/** Pure: the questions the comparison lists (by label), and how many answered the same on both sides it leaves out. */
export function answersToShow(
  original: readonly QueryAnswer[],
  branch: readonly QueryAnswer[],
): { questions: string[]; sameLeftOut: number } {
  const left = new Map(original.map((answer) => [questionLabel(answer), JSON.stringify(answer.answer)]));
  const right = new Map(branch.map((answer) => [questionLabel(answer), JSON.stringify(answer.answer)]));
  const all = [...new Set([...left.keys(), ...right.keys()])];
  if (all.length <= ANSWERS_LISTED) return { questions: all, sameLeftOut: 0 };
  const questions = all.filter((question) => left.get(question) !== right.get(question));
  return { questions, sameLeftOut: all.length - questions.length };
}
