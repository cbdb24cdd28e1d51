/** The library's built-in walkthroughs: step-by-step teaching stories, each caption true once its step has run. */
import type { Walkthrough, WalkthroughStep } from '../../../core/domain/index.ts';
import {
  OPENING,
  type Copy,
  type Patron,
  addBook,
  addBookInstance,
  books,
  checkOut,
  copies,
  patrons,
  placeOnHold,
  registerPatron,
  returnBook,
} from '../builders.ts';

const LIBRARIAN = 'Librarian (Sam Ortiz)';
const { ann, ben, cora } = patrons;

/** Pure: the steps that open a library with these copies and patrons, then let the book process shelve them. */
function openLibrary(items: Copy[], people: Patron[], note?: string): WalkthroughStep[] {
  const isbns = new Set(items.map((item) => item.isbn));
  return [
    ...Object.values(books)
      .filter((book) => isbns.has(book.isbn))
      .map((book) => ({ kind: 'command' as const, command: addBook(book), actor: LIBRARIAN })),
    ...items.map((item) => ({ kind: 'command' as const, command: addBookInstance(item), actor: LIBRARIAN })),
    ...people.map((person) => ({
      kind: 'command' as const,
      command: registerPatron(person),
      actor: LIBRARIAN,
    })),
    {
      kind: 'settle',
      note:
        note ??
        'The book process has put every copy on the shelf: each copy’s own stream starts with BookBecameAvailable',
    },
  ];
}

const hold = (patron: Patron, item: Copy, days?: number, note?: string): WalkthroughStep => ({
  kind: 'command',
  command: placeOnHold(patron, item, days),
  actor: patron.name,
  ...(note ? { note } : {}),
});

/** Both holds accepted, the duplicate found, the second hold cancelled. */
export const twoPatronsOneCopy: Walkthrough = {
  id: 'two-patrons-one-copy',
  title: 'Two patrons, one copy',
  summary:
    'Ann and Ben place the only copy of Domain-Driven Design on hold at the same moment. Each patron’s stream accepts ' +
    'its own hold; the copy only follows, so for a moment two patrons hold one copy. The book process finds the ' +
    'duplicate and the compensation cancels the second hold: the first hold wins.',
  tags: ['saga', 'compensation', 'eventual-consistency', 'cross-aggregate'],
  now: OPENING,
  latencyMs: 1000,
  steps: [
    ...openLibrary([copies.ddd1], [ann, ben]),
    {
      kind: 'concurrent',
      commands: [
        { command: placeOnHold(ann, copies.ddd1, 7), actor: ann.name },
        { command: placeOnHold(ben, copies.ddd1, 7), actor: ben.name },
      ],
      note:
        'Both holds are accepted: each patron’s stream knows only its own holds, and the copy’s stream still says ' +
        'available. Two patrons hold one copy',
    },
    {
      kind: 'settle',
      note:
        'The book process followed the log: the copy went on hold for the hold that came first, the other was found ' +
        'a duplicate (BookDuplicateHoldFound), and the compensation cancelled that second hold (reason duplicate-hold)',
    },
  ],
};

const shelf = [copies.ddd1, copies.iddd1, copies.ddia1, copies.legacy1, copies.eip1, copies.refactoring1];

/** A regular patron's fifth hold reaches the maximum, the sixth is refused. */
export const theSixthHold: Walkthrough = {
  id: 'the-sixth-hold',
  title: 'The sixth hold',
  summary:
    'A regular patron may hold five books. Ann’s fifth hold says so in the same append; her sixth is refused by her own ' +
    'stream, exactly, however fast she clicks. Cora, a researcher, then holds the copy Ann could not.',
  tags: ['aggregate', 'invariant', 'consistency-boundary'],
  now: OPENING,
  steps: [
    ...openLibrary(shelf, [ann, cora]),
    ...shelf.slice(0, 4).map((item) => hold(ann, item, 14)),
    hold(
      ann,
      shelf[4],
      14,
      'The fifth hold: the same append records MaximumNumberOfHoldsReached, because the patron is the consistency boundary',
    ),
    hold(ann, shelf[5], 14, 'Refused with MaximumHoldsReached: Ann’s own stream counts her holds, exactly'),
    { kind: 'settle', note: 'The book process has set Ann’s five copies aside for her' },
    hold(cora, shelf[0], 30, 'Refused with BookNotAvailable: the copy’s stream says it is on hold for Ann'),
    hold(cora, shelf[5], 30, 'Accepted: the copy Ann could not hold is free for Cora'),
    { kind: 'settle' },
  ],
};

/** Two midnights at once: one expiry, two overdue checkouts, a hold refused then accepted. */
export const theDailySheet: Walkthrough = {
  id: 'the-daily-sheet',
  title: 'The daily sheet',
  summary:
    'Every midnight the daily sheet expires the holds whose time is up and records late checkouts overdue, once each. ' +
    'Two overdue checkouts at a branch stop Ben from placing holds there until he returns one.',
  tags: ['saga', 'time', 'idempotence'],
  now: OPENING,
  steps: [
    ...openLibrary([copies.ddd1, copies.iddd1, copies.ddia1, copies.legacy1], [ann, ben]),
    hold(ann, copies.ddd1, 1, 'Ann’s hold lasts one day, until Tuesday 09:00'),
    hold(ben, copies.ddia1, 7),
    hold(ben, copies.legacy1, 7),
    { kind: 'settle', note: 'The book process has set ddia-1 and legacy-1 aside for Ben' },
    { kind: 'command', command: checkOut(ben, copies.ddia1, 1), actor: ben.name },
    {
      kind: 'command',
      command: checkOut(ben, copies.legacy1, 1),
      actor: ben.name,
      note: 'Ben has both books checked out until Tuesday 09:00',
    },
    { kind: 'settle' },
    {
      kind: 'clock',
      to: '2026-03-04T08:00',
      note: 'Wednesday 08:00: the clock passed two midnights, so the daily sheet runs for 3 and 4 March',
    },
    {
      kind: 'settle',
      note:
        'Ann’s hold expired (once, though the sheet ran twice) and ddd-1 is available again; both of Ben’s checkouts ' +
        'are recorded overdue',
    },
    hold(
      ben,
      copies.iddd1,
      7,
      'Refused with TooManyOverdueCheckouts: Ben has two overdue checkouts at central',
    ),
    { kind: 'command', command: returnBook(ben, copies.ddia1), actor: ben.name },
    hold(ben, copies.iddd1, 7, 'Accepted: one overdue checkout is allowed'),
    { kind: 'settle' },
  ],
};

/** Restricted and open-ended holds are for researchers only. */
export const researchersRestrictedBook: Walkthrough = {
  id: 'a-researchers-restricted-book',
  title: 'A researcher’s restricted book',
  summary:
    'Structure and Interpretation of Computer Programs is a restricted copy: only researchers may hold it, and only ' +
    'researchers may hold a book open-ended. Cora holds it with no end; a month of daily sheets never expires it.',
  tags: ['rules', 'patron-types'],
  now: OPENING,
  steps: [
    ...openLibrary([copies.ddd1, copies.sicp1], [ann, cora]),
    hold(ann, copies.sicp1, 7, 'Refused with RestrictedBookForRegularPatron: Ann is a regular patron'),
    hold(
      ann,
      copies.ddd1,
      undefined,
      'Refused with OpenEndedHoldForRegularPatron: Ann must say for how long',
    ),
    hold(cora, copies.sicp1, undefined, 'Accepted: a researcher may hold a restricted copy, open-ended'),
    { kind: 'settle', note: 'The book process has put sicp-1 on hold for Cora' },
    {
      kind: 'clock',
      to: '2026-04-01T09:00',
      note: 'A month later: the daily sheet has run every night, and an open-ended hold never expires',
    },
    { kind: 'settle', note: 'Cora still holds sicp-1' },
    {
      kind: 'command',
      command: checkOut(cora, copies.sicp1, 60),
      actor: cora.name,
      note: 'Cora checks it out for sixty days, the longest a checkout may last',
    },
    { kind: 'settle' },
  ],
};

/** Every built-in walkthrough, in the order the walkthrough picker lists them. */
export const libraryWalkthroughs: Walkthrough[] = [
  twoPatronsOneCopy,
  theSixthHold,
  theDailySheet,
  researchersRestrictedBook,
];
