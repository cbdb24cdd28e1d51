/**
 * The library's people, books and copies, and builders for its commands and events: one cast for the demo,
 * walkthroughs, scenarios and tests. Pure.
 */
import { addDays } from '../../core/clock.ts';
import type { EventOf, LibraryEventType } from './events.ts';
import { DUPLICATE_HOLD, PATRON_REQUEST } from './events.ts';
import type { CommandOf, LibraryCommandType } from './commands.ts';
import type { BookType, PatronType } from './rules.ts';

export interface Patron {
  patronId: string;
  name: string;
  patronType: PatronType;
}

export interface Book {
  isbn: string;
  title: string;
  author: string;
}

export interface Copy {
  bookId: string;
  isbn: string;
  branchId: string;
  bookType: BookType;
}

/** Monday 2 March 2026, 09:00: when the library opens in every example. */
export const OPENING = '2026-03-02T09:00';

/** The branches of the examples. */
export const branches = { central: 'central', riverside: 'riverside' } as const;

/** The patrons of the examples: two regular patrons and a researcher. */
export const patrons = {
  ann: { patronId: 'ann', name: 'Ann Lee', patronType: 'Regular' },
  ben: { patronId: 'ben', name: 'Ben Okafor', patronType: 'Regular' },
  cora: { patronId: 'cora', name: 'Dr Cora Reyes', patronType: 'Researcher' },
} satisfies Record<string, Patron>;

/** The books of the examples, by short name. */
export const books = {
  ddd: { isbn: '9780321125217', title: 'Domain-Driven Design', author: 'Eric Evans' },
  iddd: { isbn: '9780321834577', title: 'Implementing Domain-Driven Design', author: 'Vaughn Vernon' },
  ddia: { isbn: '9781449373320', title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann' },
  legacy: {
    isbn: '9780131177055',
    title: 'Working Effectively with Legacy Code',
    author: 'Michael Feathers',
  },
  eip: {
    isbn: '9780321200686',
    title: 'Enterprise Integration Patterns',
    author: 'Gregor Hohpe and Bobby Woolf',
  },
  refactoring: { isbn: '9780134757599', title: 'Refactoring', author: 'Martin Fowler' },
  sicp: {
    isbn: '9780262510875',
    title: 'Structure and Interpretation of Computer Programs',
    author: 'Harold Abelson and Gerald Jay Sussman',
  },
} satisfies Record<string, Book>;

const copy = (bookId: string, book: Book, branchId: string, bookType: BookType = 'Circulating'): Copy => ({
  bookId,
  isbn: book.isbn,
  branchId,
  bookType,
});

/** The copies of the examples, one restricted. */
export const copies = {
  ddd1: copy('ddd-1', books.ddd, branches.central),
  ddd2: copy('ddd-2', books.ddd, branches.riverside),
  iddd1: copy('iddd-1', books.iddd, branches.central),
  ddia1: copy('ddia-1', books.ddia, branches.central),
  legacy1: copy('legacy-1', books.legacy, branches.central),
  eip1: copy('eip-1', books.eip, branches.central),
  refactoring1: copy('refactoring-1', books.refactoring, branches.central),
  sicp1: copy('sicp-1', books.sicp, branches.central, 'Restricted'),
} satisfies Record<string, Copy>;

const command = <T extends LibraryCommandType>(type: T, data: CommandOf<T>['data']): CommandOf<T> => ({
  type,
  data,
});
const event = <T extends LibraryEventType>(type: T, data: EventOf<T>['data']): EventOf<T> => ({ type, data });

/** Pure: a `AddBook` command, Ann and ddd-1 unless told otherwise. */
export const addBook = (book: Book = books.ddd) => command('AddBook', { ...book });
/** Pure: a `AddBookInstance` command, Ann and ddd-1 unless told otherwise. */
export const addBookInstance = (item: Copy = copies.ddd1) => command('AddBookInstance', { ...item });
/** Pure: a `RegisterPatron` command, Ann and ddd-1 unless told otherwise. */
export const registerPatron = (patron: Patron = patrons.ann) => command('RegisterPatron', { ...patron });
/** Pure: a `PlaceOnHold` command, Ann and ddd-1 unless told otherwise. */
export const placeOnHold = (patron: Patron = patrons.ann, item: Copy = copies.ddd1, days?: number) =>
  command('PlaceOnHold', {
    patronId: patron.patronId,
    bookId: item.bookId,
    ...(days === undefined ? {} : { days }),
  });
/** Pure: a `CancelHold` command, Ann and ddd-1 unless told otherwise. */
export const cancelHold = (
  patron: Patron = patrons.ann,
  item: Copy = copies.ddd1,
  options: { reason?: string; holdNumber?: number } = {},
) => command('CancelHold', { patronId: patron.patronId, bookId: item.bookId, ...options });
/** Pure: a `CheckOut` command, Ann and ddd-1 unless told otherwise. */
export const checkOut = (patron: Patron = patrons.ann, item: Copy = copies.ddd1, days = 14) =>
  command('CheckOut', { patronId: patron.patronId, bookId: item.bookId, days });
/** Pure: a `ReturnBook` command, Ann and ddd-1 unless told otherwise. */
export const returnBook = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  command('ReturnBook', { patronId: patron.patronId, bookId: item.bookId });
/** Pure: a `ExpireHold` command, Ann and ddd-1 unless told otherwise. */
export const expireHold = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  command('ExpireHold', { patronId: patron.patronId, bookId: item.bookId });
/** Pure: a `RegisterOverdueCheckout` command, Ann and ddd-1 unless told otherwise. */
export const registerOverdueCheckout = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  command('RegisterOverdueCheckout', { patronId: patron.patronId, bookId: item.bookId });
/** Pure: a `MarkBookOnHold` command, Ann and ddd-1 unless told otherwise. */
export const markBookOnHold = (
  item: Copy = copies.ddd1,
  patron: Patron = patrons.ann,
  holdTill: string | null = null,
  holdNumber?: number,
) =>
  command('MarkBookOnHold', {
    bookId: item.bookId,
    patronId: patron.patronId,
    holdTill,
    ...(holdNumber === undefined ? {} : { holdNumber }),
  });
/** Pure: a `MarkBookAvailable` command, Ann and ddd-1 unless told otherwise. */
export const markBookAvailable = (item: Copy = copies.ddd1) =>
  command('MarkBookAvailable', { bookId: item.bookId });
/** Pure: a `MarkBookCheckedOut` command, Ann and ddd-1 unless told otherwise. */
export const markBookCheckedOut = (item: Copy = copies.ddd1, patron: Patron = patrons.ann, till: string) =>
  command('MarkBookCheckedOut', { bookId: item.bookId, patronId: patron.patronId, till });
/** Pure: a `RunDailySheet` command for a date. */
export const runDailySheet = (date: string) => command('RunDailySheet', { date });

/** Pure: a `BookAdded` event, Ann and ddd-1 unless told otherwise. */
export const bookAdded = (book: Book = books.ddd) => event('BookAdded', { ...book });
/** Pure: a `BookInstanceAddedToCatalogue` event, Ann and ddd-1 unless told otherwise. */
export const instanceAdded = (item: Copy = copies.ddd1) => event('BookInstanceAddedToCatalogue', { ...item });
/** Pure: a `PatronCreated` event, Ann and ddd-1 unless told otherwise. */
export const patronCreated = (patron: Patron = patrons.ann) => event('PatronCreated', { ...patron });
/** Pure: a `BookPlacedOnHold` event from the opening for 7 days, Ann and ddd-1 unless told otherwise. */
export const placedOnHold = (
  patron: Patron = patrons.ann,
  item: Copy = copies.ddd1,
  options: { holdFrom?: string; days?: number | null; holdNumber?: number } = {},
) => {
  const holdFrom = options.holdFrom ?? OPENING;
  const days = options.days === undefined ? 7 : options.days;
  return event('BookPlacedOnHold', {
    patronId: patron.patronId,
    bookId: item.bookId,
    bookType: item.bookType,
    branchId: item.branchId,
    holdFrom,
    holdTill: days === null ? null : addDays(holdFrom, days),
    ...(options.holdNumber === undefined ? {} : { holdNumber: options.holdNumber }),
  });
};
/** Pure: a `MaximumNumberOfHoldsReached` event, Ann and ddd-1 unless told otherwise. */
export const maximumReached = (patron: Patron = patrons.ann) =>
  event('MaximumNumberOfHoldsReached', { patronId: patron.patronId, numberOfHolds: 5 });
/** Pure: a `BookHoldCanceled` event, Ann and ddd-1 unless told otherwise. */
export const holdCanceled = (
  patron: Patron = patrons.ann,
  item: Copy = copies.ddd1,
  reason = PATRON_REQUEST,
) =>
  event('BookHoldCanceled', {
    patronId: patron.patronId,
    bookId: item.bookId,
    branchId: item.branchId,
    reason,
  });
/** Pure: the compensation's `BookHoldCanceled` (reason duplicate-hold). */
export const duplicateCanceled = (patron: Patron, item: Copy = copies.ddd1) =>
  holdCanceled(patron, item, DUPLICATE_HOLD);
/** Pure: a `BookCheckedOut` event, Ann and ddd-1 unless told otherwise. */
export const checkedOut = (
  patron: Patron = patrons.ann,
  item: Copy = copies.ddd1,
  till = addDays(OPENING, 14),
) =>
  event('BookCheckedOut', {
    patronId: patron.patronId,
    bookId: item.bookId,
    bookType: item.bookType,
    branchId: item.branchId,
    till,
  });
/** Pure: a `BookReturned` event, Ann and ddd-1 unless told otherwise. */
export const returned = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  event('BookReturned', { patronId: patron.patronId, bookId: item.bookId, branchId: item.branchId });
/** Pure: a `BookHoldExpired` event, Ann and ddd-1 unless told otherwise. */
export const holdExpired = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  event('BookHoldExpired', { patronId: patron.patronId, bookId: item.bookId, branchId: item.branchId });
/** Pure: a `OverdueCheckoutRegistered` event, Ann and ddd-1 unless told otherwise. */
export const overdueRegistered = (patron: Patron = patrons.ann, item: Copy = copies.ddd1) =>
  event('OverdueCheckoutRegistered', {
    patronId: patron.patronId,
    bookId: item.bookId,
    branchId: item.branchId,
  });
/** Pure: a `BookBecameAvailable` event, Ann and ddd-1 unless told otherwise. */
export const becameAvailable = (item: Copy = copies.ddd1) =>
  event('BookBecameAvailable', { bookId: item.bookId, branchId: item.branchId, bookType: item.bookType });
/** Pure: a `BookMarkedOnHold` event, Ann and ddd-1 unless told otherwise. */
export const markedOnHold = (
  item: Copy = copies.ddd1,
  patron: Patron = patrons.ann,
  holdTill: string | null = null,
  holdNumber?: number,
) =>
  event('BookMarkedOnHold', {
    bookId: item.bookId,
    patronId: patron.patronId,
    holdTill,
    ...(holdNumber === undefined ? {} : { holdNumber }),
  });
/** Pure: a `BookDuplicateHoldFound` event, Ann and ddd-1 unless told otherwise. */
export const duplicateFound = (
  item: Copy = copies.ddd1,
  first: Patron = patrons.ann,
  second: Patron = patrons.ben,
  secondHoldNumber?: number,
) =>
  event('BookDuplicateHoldFound', {
    bookId: item.bookId,
    firstPatronId: first.patronId,
    secondPatronId: second.patronId,
    branchId: item.branchId,
    ...(secondHoldNumber === undefined ? {} : { secondHoldNumber }),
  });
/** Pure: a `BookMarkedCheckedOut` event, Ann and ddd-1 unless told otherwise. */
export const markedCheckedOut = (
  item: Copy = copies.ddd1,
  patron: Patron = patrons.ann,
  till = addDays(OPENING, 14),
) => event('BookMarkedCheckedOut', { bookId: item.bookId, patronId: patron.patronId, till });
/** Pure: a `DailySheetRun` event for a date. */
export const dailySheetRun = (date: string) => event('DailySheetRun', { date });
