/** The library's built-in Given/When/Then scenarios: rules a product owner reads, runs and changes without code. */
import type { GivenItem, Message, ScenarioSpec } from '../../core/domain/index.ts';
import {
  OPENING,
  becameAvailable,
  bookAdded,
  books,
  cancelHold,
  checkOut,
  checkedOut,
  copies,
  dailySheetRun,
  duplicateFound,
  expireHold,
  holdCanceled,
  holdExpired,
  instanceAdded,
  markBookOnHold,
  markedOnHold,
  maximumReached,
  overdueRegistered,
  patrons,
  placeOnHold,
  placedOnHold,
  registerPatron,
  runDailySheet,
} from './builders.ts';
import { DUPLICATE_HOLD } from './events.ts';

const { ann, ben, cora } = patrons;
const { ddd1, iddd1, ddia1, legacy1, eip1, refactoring1, sicp1 } = copies;
const shelf = [ddd1, iddd1, ddia1, legacy1, eip1, refactoring1];

const event = (message: { type: string; data: object }): GivenItem => ({
  kind: 'event',
  event: message as Message,
});
const command = (message: { type: string; data: object }): GivenItem => ({
  kind: 'command',
  command: message as Message,
});
const message = (value: { type: string; data: object }): Message => value as Message;

/** The catalogue with every copy on its shelf, and Ann, Ben (regular) and Cora (researcher) registered. */
const library: GivenItem[] = [
  ...Object.values(books).map((book) => event(bookAdded(book))),
  ...Object.values(copies).map((copy) => event(instanceAdded(copy))),
  ...Object.values(copies).map((copy) => event(becameAvailable(copy))),
  command(registerPatron(ann)),
  command(registerPatron(ben)),
  command(registerPatron(cora)),
];

/** The built-in scenarios, from the contract's rules and the walkthroughs. */
export const libraryScenarios: ScenarioSpec[] = [
  {
    id: 'hold-an-available-copy',
    title: 'A patron places an available copy on hold',
    tags: ['hold', 'basics'],
    description: 'The hold starts now and lasts the days asked for; it is Ann’s first hold.',
    now: OPENING,
    given: library,
    when: message(placeOnHold(ann, ddd1, 7)),
    then: { events: [message(placedOnHold(ann, ddd1, { holdFrom: OPENING, days: 7, holdNumber: 1 }))] },
  },
  {
    id: 'fifth-hold-reaches-the-maximum',
    title: 'The fifth hold of a regular patron reaches the maximum',
    tags: ['hold', 'limit', 'aggregate'],
    description: 'From “The sixth hold”: the same append records that Ann now holds the most books she may.',
    now: OPENING,
    given: [...library, ...shelf.slice(0, 4).map((copy) => command(placeOnHold(ann, copy, 14)))],
    when: message(placeOnHold(ann, eip1, 14)),
    then: {
      events: [message(placedOnHold(ann, eip1, { days: 14, holdNumber: 5 })), message(maximumReached(ann))],
    },
  },
  {
    id: 'sixth-hold-refused',
    title: 'A regular patron cannot hold a sixth book',
    tags: ['hold', 'limit', 'aggregate'],
    now: OPENING,
    given: [...library, ...shelf.slice(0, 5).map((copy) => command(placeOnHold(ann, copy, 14)))],
    when: message(placeOnHold(ann, refactoring1, 14)),
    then: { rejection: 'MaximumHoldsReached' },
  },
  {
    id: 'restricted-copy-for-researchers-only',
    title: 'Only researchers may hold a restricted copy',
    tags: ['hold', 'patron-types'],
    description: 'From “A researcher’s restricted book”.',
    now: OPENING,
    given: library,
    when: message(placeOnHold(ann, sicp1, 7)),
    then: { rejection: 'RestrictedBookForRegularPatron' },
  },
  {
    id: 'researcher-holds-open-ended',
    title: 'A researcher may hold a copy open-ended',
    tags: ['hold', 'patron-types'],
    now: OPENING,
    given: library,
    when: message(placeOnHold(cora, sicp1)),
    then: { events: [message(placedOnHold(cora, sicp1, { days: null, holdNumber: 1 }))] },
  },
  {
    id: 'two-overdue-checkouts-block-holds',
    title: 'Two overdue checkouts at a branch block holds there',
    tags: ['hold', 'overdue'],
    description:
      'From “The daily sheet”: Ben must return a book before he may place another hold at central.',
    now: OPENING,
    given: [
      ...library,
      event(placedOnHold(ben, ddia1)),
      event(checkedOut(ben, ddia1)),
      event(overdueRegistered(ben, ddia1)),
      event(placedOnHold(ben, legacy1)),
      event(checkedOut(ben, legacy1)),
      event(overdueRegistered(ben, legacy1)),
    ],
    when: message(placeOnHold(ben, iddd1, 7)),
    then: { rejection: 'TooManyOverdueCheckouts' },
  },
  {
    id: 'duplicate-hold-found',
    title: 'A copy already on hold records a duplicate, not a second holder',
    tags: ['book-process', 'eventual-consistency'],
    description:
      'From “Two patrons, one copy”: Ben’s stream accepted his hold, but the copy is on hold for Ann. The copy ' +
      'records the duplicate; the first hold wins.',
    now: OPENING,
    given: [...library, event(placedOnHold(ann, ddd1)), event(markedOnHold(ddd1, ann, '2026-03-09T09:00'))],
    when: message(markBookOnHold(ddd1, ben, '2026-03-09T09:00', 1)),
    then: { events: [message(duplicateFound(ddd1, ann, ben, 1))] },
  },
  {
    id: 'compensation-cancels-the-second-hold',
    title: 'The compensation cancels the second patron’s hold',
    tags: ['saga', 'compensation'],
    now: OPENING,
    given: [
      ...library,
      event(placedOnHold(ann, ddd1, { holdNumber: 1 })),
      event(placedOnHold(ben, ddd1, { holdNumber: 1 })),
      event(markedOnHold(ddd1, ann, '2026-03-09T09:00')),
      event(duplicateFound(ddd1, ann, ben, 1)),
    ],
    when: message(cancelHold(ben, ddd1, { reason: DUPLICATE_HOLD, holdNumber: 1 })),
    then: { events: [message(holdCanceled(ben, ddd1, DUPLICATE_HOLD))] },
  },
  {
    id: 'checkout-needs-the-copy-set-aside',
    title: 'A patron checks out only a copy set aside for them',
    tags: ['checkout', 'first-hold-wins'],
    description: 'Ben holds ddd-1 too, but the copy is on hold for Ann, whose hold came first.',
    now: OPENING,
    given: [
      ...library,
      event(placedOnHold(ann, ddd1)),
      event(placedOnHold(ben, ddd1)),
      event(markedOnHold(ddd1, ann, '2026-03-09T09:00')),
    ],
    when: message(checkOut(ben, ddd1, 14)),
    then: { rejection: 'BookNotSetAsideForPatron' },
  },
  {
    id: 'hold-expires-when-its-time-is-up',
    title: 'A hold expires once its time is up',
    tags: ['daily-sheet', 'time'],
    now: '2026-03-04T00:00',
    given: [...library, event(placedOnHold(ann, ddd1, { days: 1 }))],
    when: message(expireHold(ann, ddd1)),
    then: { events: [message(holdExpired(ann, ddd1))] },
  },
  {
    id: 'daily-sheet-runs-once-a-day',
    title: 'The daily sheet runs once for a date',
    tags: ['daily-sheet', 'idempotence'],
    description: 'A second run for the same date records nothing, so nothing expires twice.',
    now: '2026-03-04T08:00',
    given: [event(dailySheetRun('2026-03-04'))],
    when: message(runDailySheet('2026-03-04')),
    then: { events: [] },
  },
];
