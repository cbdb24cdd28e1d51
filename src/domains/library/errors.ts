/** The library's rejections: the broken rule, a sentence a person understands, and the facts. Pure. */
import type { DomainError } from '../../core/decider.ts';

/** Every rejection code, in the order the rules are checked across commands. */
export const libraryErrorCodes = [
  'InvalidCommand',
  'BookAlreadyAdded',
  'BookNotInCatalogue',
  'BookInstanceAlreadyAdded',
  'PatronAlreadyRegistered',
  'PatronNotFound',
  'BookNotFound',
  'BookNotAvailable',
  'RestrictedBookForRegularPatron',
  'TooManyOverdueCheckouts',
  'MaximumHoldsReached',
  'OpenEndedHoldForRegularPatron',
  'AlreadyHeldByPatron',
  'HoldNotFound',
  'BookNotSetAsideForPatron',
  'CheckoutNotFound',
  'HoldNotYetExpired',
  'CheckoutNotYetOverdue',
  'OverdueAlreadyRegistered',
  'DailySheetNotDue',
] as const;

export type LibraryErrorCode = (typeof libraryErrorCodes)[number];

/** A rejection of the library context. */
export interface LibraryError extends DomainError<LibraryErrorCode> {
  code: LibraryErrorCode;
}

const error = (code: LibraryErrorCode, message: string, facts: Record<string, unknown>): LibraryError => ({
  code,
  message,
  ...facts,
});

const at = (instant: string) => instant.replace('T', ' ');

/** Pure: the ISBN is in the catalogue already. */
export const bookAlreadyAdded = (isbn: string, title: string) =>
  error('BookAlreadyAdded', `The catalogue already has ISBN ${isbn} (“${title}”)`, { isbn, title });

/** Pure: a copy of a book the catalogue does not have. */
export const bookNotInCatalogue = (isbn: string, bookId: string) =>
  error(
    'BookNotInCatalogue',
    `The catalogue has no book with ISBN ${isbn}; add the book before its copy ${bookId}`,
    { isbn, bookId },
  );

/** Pure: the copy id is used already. */
export const bookInstanceAlreadyAdded = (bookId: string, isbn: string, branchId: string) =>
  error(
    'BookInstanceAlreadyAdded',
    `Copy ${bookId} is already in the catalogue (ISBN ${isbn} at ${branchId})`,
    { bookId, isbn, branchId },
  );

/** Pure: the patron id is registered already. */
export const patronAlreadyRegistered = (patronId: string, name: string) =>
  error('PatronAlreadyRegistered', `Patron ${patronId} (${name}) is already registered`, { patronId });

/** Pure: no patron registered with that id. */
export const patronNotFound = (patronId: string) =>
  error('PatronNotFound', `Patron ${patronId} is not registered at the library`, { patronId });

/** Pure: no copy with that id (in the catalogue, or on its own stream yet). */
export const bookNotFound = (bookId: string) =>
  error('BookNotFound', `The library has no copy ${bookId}`, { bookId });

/** Pure: the copy's stream shows it held or checked out by another patron (a guard read). */
export const bookNotAvailable = (
  bookId: string,
  status: 'on-hold' | 'checked-out',
  patronId: string,
  holderId: string,
) =>
  error(
    'BookNotAvailable',
    `Copy ${bookId} is ${status === 'on-hold' ? 'on hold for' : 'checked out by'} another patron, so ${patronId} cannot place it on hold`,
    { bookId, status, patronId, holderId },
  );

/** Pure: a restricted copy is for researchers only. */
export const restrictedBookForRegularPatron = (bookId: string, patronId: string) =>
  error(
    'RestrictedBookForRegularPatron',
    `Copy ${bookId} is restricted: only researchers may place it on hold, and ${patronId} is a regular patron`,
    { bookId, patronId },
  );

/** Pure: two or more overdue checkouts at the branch block holds there. */
export const tooManyOverdueCheckouts = (
  patronId: string,
  branchId: string,
  overdueCheckouts: number,
  maxOverdueCheckouts: number,
) =>
  error(
    'TooManyOverdueCheckouts',
    `${patronId} has ${overdueCheckouts} overdue checkouts at ${branchId}; a patron with ${maxOverdueCheckouts} or more cannot place holds there until they return them`,
    { patronId, branchId, overdueCheckouts, maxOverdueCheckouts },
  );

/** Pure: a regular patron holds five books already. */
export const maximumHoldsReached = (patronId: string, numberOfHolds: number, maxHolds: number) =>
  error(
    'MaximumHoldsReached',
    `${patronId} already holds ${numberOfHolds} books, the most a regular patron may hold`,
    { patronId, numberOfHolds, maxHolds },
  );

/** Pure: a regular patron must say for how many days. */
export const openEndedHoldForRegularPatron = (patronId: string, bookId: string) =>
  error(
    'OpenEndedHoldForRegularPatron',
    `${patronId} is a regular patron and must say for how many days to hold ${bookId}; only researchers may hold a book open-ended`,
    { patronId, bookId },
  );

/** Pure: the patron holds the copy or has it checked out already. */
export const alreadyHeldByPatron = (patronId: string, bookId: string, has: 'hold' | 'checkout') =>
  error(
    'AlreadyHeldByPatron',
    has === 'hold'
      ? `${patronId} already holds copy ${bookId}`
      : `${patronId} has copy ${bookId} checked out already`,
    { patronId, bookId, has },
  );

/** Pure: no active hold by this patron on this copy (or not the hold named). */
export const holdNotFound = (patronId: string, bookId: string, holdNumber?: number) =>
  error(
    'HoldNotFound',
    holdNumber === undefined
      ? `${patronId} has no active hold on copy ${bookId}`
      : `${patronId}'s hold #${holdNumber} on copy ${bookId} is no longer active`,
    holdNumber === undefined ? { patronId, bookId } : { patronId, bookId, holdNumber },
  );

/** Pure: the copy's stream does not show it on hold for this patron. */
export const bookNotSetAsideForPatron = (
  patronId: string,
  bookId: string,
  status: 'unknown' | 'available' | 'on-hold' | 'checked-out',
  holderId: string | null,
  holds: { holdNumber: number | null; setAsideFor: number | null } = { holdNumber: null, setAsideFor: null },
) =>
  error(
    'BookNotSetAsideForPatron',
    holderId !== null && holderId !== patronId
      ? `Copy ${bookId} is ${status === 'checked-out' ? 'checked out by' : 'held for'} another patron whose hold came first, so ${patronId} cannot check it out`
      : holds.setAsideFor !== null
        ? `The library set copy ${bookId} aside for ${patronId}'s earlier hold #${holds.setAsideFor}, not yet for this hold #${holds.holdNumber}; try again once the hold shelf has caught up`
        : `The library has not set copy ${bookId} aside for ${patronId} yet (its record says ${status === 'unknown' ? 'nothing yet' : status}); try again once the hold shelf has caught up`,
    { patronId, bookId, status, holderId, ...holds },
  );

/** Pure: the patron has not checked out this copy (or returned it). */
export const checkoutNotFound = (patronId: string, bookId: string) =>
  error('CheckoutNotFound', `${patronId} has not checked out copy ${bookId}`, { patronId, bookId });

/** Pure: the hold's end has not passed (or it is open-ended). */
export const holdNotYetExpired = (patronId: string, bookId: string, holdTill: string | null, now: string) =>
  error(
    'HoldNotYetExpired',
    holdTill === null
      ? `${patronId}'s hold on ${bookId} is open-ended and never expires`
      : `${patronId}'s hold on ${bookId} lasts until ${at(holdTill)} (it is now ${at(now)})`,
    { patronId, bookId, holdTill, now },
  );

/** Pure: the checkout's end has not passed. */
export const checkoutNotYetOverdue = (patronId: string, bookId: string, till: string, now: string) =>
  error('CheckoutNotYetOverdue', `${patronId} may keep ${bookId} until ${at(till)} (it is now ${at(now)})`, {
    patronId,
    bookId,
    till,
    now,
  });

/** Pure: the checkout is recorded overdue already. */
export const overdueAlreadyRegistered = (patronId: string, bookId: string) =>
  error('OverdueAlreadyRegistered', `${patronId}'s checkout of ${bookId} is already recorded overdue`, {
    patronId,
    bookId,
  });

/** Pure: the day to run the sheet for has not started. */
export const dailySheetNotDue = (date: string, now: string) =>
  error(
    'DailySheetNotDue',
    `The daily sheet for ${date} cannot run before that day starts (it is now ${at(now)})`,
    { date, now },
  );
