/** The library's events: each one's data schema (the single source of its type) and what it records. */
import { z } from 'zod';
import type { DomainEvent } from '../../core/event.ts';
import { dateRule, idRule, instantRule, textRule } from '../../core/rules.ts';
import { messageDefinitions } from './messages.ts';
import { bookTypeRule, holdNumberRule, isbnRule, patronTypeRule } from './rules.ts';

/** The reason a patron's own cancellation gives when it names none. */
export const PATRON_REQUEST = 'patron-request';
/** The reason the duplicate-hold compensation gives. */
export const DUPLICATE_HOLD = 'duplicate-hold';

/** Each event type's data schema. */
export const eventSchemas = {
  BookAdded: z.object({ isbn: isbnRule, title: textRule, author: textRule }),
  BookInstanceAddedToCatalogue: z.object({
    bookId: idRule,
    isbn: isbnRule,
    branchId: idRule,
    bookType: bookTypeRule,
  }),
  PatronCreated: z.object({ patronId: idRule, name: textRule, patronType: patronTypeRule }),
  BookPlacedOnHold: z.object({
    patronId: idRule,
    bookId: idRule,
    bookType: bookTypeRule,
    branchId: idRule,
    holdFrom: instantRule,
    holdTill: instantRule.nullable(),
    /** The hold's number in the patron's record (1 for their first hold); counted when absent. */
    holdNumber: holdNumberRule.optional(),
  }),
  MaximumNumberOfHoldsReached: z.object({ patronId: idRule, numberOfHolds: holdNumberRule }),
  BookHoldCanceled: z.object({ patronId: idRule, bookId: idRule, branchId: idRule, reason: textRule }),
  BookCheckedOut: z.object({
    patronId: idRule,
    bookId: idRule,
    bookType: bookTypeRule,
    branchId: idRule,
    till: instantRule,
  }),
  BookReturned: z.object({ patronId: idRule, bookId: idRule, branchId: idRule }),
  BookHoldExpired: z.object({ patronId: idRule, bookId: idRule, branchId: idRule }),
  OverdueCheckoutRegistered: z.object({ patronId: idRule, bookId: idRule, branchId: idRule }),
  BookBecameAvailable: z.object({ bookId: idRule, branchId: idRule, bookType: bookTypeRule }),
  BookMarkedOnHold: z.object({
    bookId: idRule,
    patronId: idRule,
    holdTill: instantRule.nullable(),
    /** The patron's hold the copy is set aside for, when the book process knew it. */
    holdNumber: holdNumberRule.optional(),
  }),
  BookDuplicateHoldFound: z.object({
    bookId: idRule,
    firstPatronId: idRule,
    secondPatronId: idRule,
    branchId: idRule,
    /** The second patron's hold that is the duplicate, when the book process knew it. */
    secondHoldNumber: holdNumberRule.optional(),
  }),
  BookMarkedCheckedOut: z.object({ bookId: idRule, patronId: idRule, till: instantRule }),
  DailySheetRun: z.object({ date: dateRule }),
};

export type LibraryEventType = keyof typeof eventSchemas;

/** A library event of one type, its data typed by its schema. */
export type EventOf<T extends LibraryEventType> = DomainEvent<T, z.infer<(typeof eventSchemas)[T]>>;

export type BookAdded = EventOf<'BookAdded'>;
export type BookInstanceAddedToCatalogue = EventOf<'BookInstanceAddedToCatalogue'>;
export type PatronCreated = EventOf<'PatronCreated'>;
export type BookPlacedOnHold = EventOf<'BookPlacedOnHold'>;
export type MaximumNumberOfHoldsReached = EventOf<'MaximumNumberOfHoldsReached'>;
export type BookHoldCanceled = EventOf<'BookHoldCanceled'>;
export type BookCheckedOut = EventOf<'BookCheckedOut'>;
export type BookReturned = EventOf<'BookReturned'>;
export type BookHoldExpired = EventOf<'BookHoldExpired'>;
export type OverdueCheckoutRegistered = EventOf<'OverdueCheckoutRegistered'>;
export type BookBecameAvailable = EventOf<'BookBecameAvailable'>;
export type BookMarkedOnHold = EventOf<'BookMarkedOnHold'>;
export type BookDuplicateHoldFound = EventOf<'BookDuplicateHoldFound'>;
export type BookMarkedCheckedOut = EventOf<'BookMarkedCheckedOut'>;
export type DailySheetRun = EventOf<'DailySheetRun'>;

export type CatalogueEvent = BookAdded | BookInstanceAddedToCatalogue;
export type PatronEvent =
  | PatronCreated
  | BookPlacedOnHold
  | MaximumNumberOfHoldsReached
  | BookHoldCanceled
  | BookCheckedOut
  | BookReturned
  | BookHoldExpired
  | OverdueCheckoutRegistered;
export type BookEvent =
  BookBecameAvailable | BookMarkedOnHold | BookDuplicateHoldFound | BookMarkedCheckedOut;
export type DailySheetEvent = DailySheetRun;
export type LibraryEvent = CatalogueEvent | PatronEvent | BookEvent | DailySheetEvent;

/** Pure: narrows an event of unknown type to one library event type. */
export function isEvent<T extends LibraryEventType>(
  event: { type: string; data: unknown },
  type: T,
): event is EventOf<T> {
  return event.type === type;
}

/** Pure: an event of unknown type as a library event (for switches over `type`; unknown types match no case). */
export const asLibraryEvent = (event: { type: string; data: unknown }): LibraryEvent => event as LibraryEvent;

const descriptions: Record<LibraryEventType, string> = {
  BookAdded: 'A book (a title by its ISBN) was added to the catalogue.',
  BookInstanceAddedToCatalogue: 'A physical copy of a catalogued book was added to a branch.',
  PatronCreated: 'A patron was registered.',
  BookPlacedOnHold: 'A patron placed a copy on hold.',
  MaximumNumberOfHoldsReached: 'A regular patron now holds the most books they may (5).',
  BookHoldCanceled: "A patron's hold was cancelled (by the patron, or by the duplicate-hold compensation).",
  BookCheckedOut: 'A patron checked out a copy they held.',
  BookReturned: 'A patron returned a copy.',
  BookHoldExpired: "A hold's time was up and it ended.",
  OverdueCheckoutRegistered: 'A checkout went past its end and was recorded overdue.',
  BookBecameAvailable: 'The copy is available, as far as the library knows.',
  BookMarkedOnHold: 'The copy is on hold for a patron, as far as the library knows.',
  BookDuplicateHoldFound:
    'A second patron placed a hold on a copy another patron already held: the first hold wins.',
  BookMarkedCheckedOut: 'The copy is checked out by a patron, as far as the library knows.',
  DailySheetRun: 'The daily sheet ran for a date.',
};

/** Every event type with its schema and description, as `defineDomain` takes them. */
export const eventDefinitions = messageDefinitions(eventSchemas, descriptions);
