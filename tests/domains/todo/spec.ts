import { givenWhenThen, recordEvents, type DomainEvent } from '../../../src/index.ts';
import { todo } from '../../../src/domains/todo/index.ts';

/** The virtual clock of every spec: Monday 2 March 2026, 08:00. */
export const NOW = '2026-03-02T08:00';

/** Given/When/Then for the todo domain, throwing a readable diff on mismatch. */
export const { given } = givenWhenThen(todo.context, {
  now: NOW,
  streamIdOf: todo.streamOfEvent,
  throwOnFailure: true,
});

/** Pure: events as a recorded log (ids `evt-<position>`, streams from the domain). */
export const log = (events: DomainEvent[]) => recordEvents(events, { streamIdOf: todo.streamOfEvent });
