import { addDays } from '../../../core/clock.ts';
import { type Decision, accept, reject } from '../../../core/decider.ts';
import type { StreamDecider } from '../../kit/index.ts';
import { type BookState, initialState as unknownBook } from '../book/decider.ts';
import { type CatalogueState, initialState as emptyCatalogue, instanceIn } from '../catalogue/decider.ts';
import type {
  CancelHold,
  CheckOut,
  ExpireHold,
  PatronCommand,
  PlaceOnHold,
  RegisterOverdueCheckout,
  RegisterPatron,
  ReturnBook,
} from '../commands.ts';
import {
  type LibraryError,
  alreadyHeldByPatron,
  bookNotAvailable,
  bookNotFound,
  bookNotSetAsideForPatron,
  checkoutNotFound,
  checkoutNotYetOverdue,
  holdNotFound,
  holdNotYetExpired,
  maximumHoldsReached,
  openEndedHoldForRegularPatron,
  overdueAlreadyRegistered,
  patronAlreadyRegistered,
  patronNotFound,
  restrictedBookForRegularPatron,
  tooManyOverdueCheckouts,
} from '../errors.ts';
import { PATRON_REQUEST, type PatronEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, withEntry, withoutEntry } from '../keyed.ts';
import { type Check, firstFailure } from '../policy.ts';
import type { BookType, PatronType } from '../rules.ts';
import { CATALOGUE_STREAM, PATRON_PREFIX, bookStream, patronStream } from '../streams.ts';
import { MAX_HOLDS, MAX_OVERDUE_CHECKOUTS_AT_BRANCH, hasHoldLimit, isPast } from './policies.ts';

export interface Hold {
  bookId: string;
  bookType: BookType;
  branchId: string;
  holdFrom: string;
  holdTill: string | null;
  /** The hold's number in the patron's record: 1 for their first hold ever, 2 for the next… */
  holdNumber: number;
}

export interface Checkout {
  bookId: string;
  bookType: BookType;
  branchId: string;
  till: string;
  overdue: boolean;
}

/** The patron aggregate: exact about its own holds, checkouts and overdue checkouts. */
export interface PatronState {
  isRegistered: boolean;
  patronId: string;
  name: string;
  patronType: PatronType;
  /** Active holds by copy. */
  holds: Keyed<Hold>;
  /** Checkouts not returned, by copy. */
  checkouts: Keyed<Checkout>;
  /** How many holds the patron has ever placed (the last hold's number). */
  holdsPlaced: number;
}

/** Pure: a patron nobody has registered. */
export const initialState = (): PatronState => ({
  isRegistered: false,
  patronId: '',
  name: '',
  patronType: 'Regular',
  holds: emptyKeyed(),
  checkouts: emptyKeyed(),
  holdsPlaced: 0,
});

/** Pure: the patron after one event. */
export function evolve(state: PatronState, event: PatronEvent): PatronState {
  switch (event.type) {
    case 'PatronCreated':
      return { ...state, isRegistered: true, ...event.data };
    case 'BookPlacedOnHold': {
      const { bookId, bookType, branchId, holdFrom, holdTill } = event.data;
      const holdNumber = event.data.holdNumber ?? state.holdsPlaced + 1;
      const hold: Hold = { bookId, bookType, branchId, holdFrom, holdTill, holdNumber };
      return {
        ...state,
        holds: withEntry(state.holds, bookId, hold),
        holdsPlaced: Math.max(state.holdsPlaced, holdNumber),
      };
    }
    case 'BookHoldCanceled':
    case 'BookHoldExpired':
      return { ...state, holds: withoutEntry(state.holds, event.data.bookId) };
    case 'BookCheckedOut': {
      const { bookId, bookType, branchId, till } = event.data;
      return {
        ...state,
        holds: withoutEntry(state.holds, bookId),
        checkouts: withEntry(state.checkouts, bookId, { bookId, bookType, branchId, till, overdue: false }),
      };
    }
    case 'BookReturned':
      return { ...state, checkouts: withoutEntry(state.checkouts, event.data.bookId) };
    case 'OverdueCheckoutRegistered': {
      const checkout = own(state.checkouts, event.data.bookId);
      return checkout
        ? { ...state, checkouts: withEntry(state.checkouts, checkout.bookId, { ...checkout, overdue: true }) }
        : state;
    }
    default:
      return state;
  }
}

/** Pure: the patron's active hold on a copy, or null. */
export const holdOn = (state: PatronState, bookId: string): Hold | null => own(state.holds, bookId) ?? null;

/** Pure: the patron's checkout of a copy, or null. */
export const checkoutOf = (state: PatronState, bookId: string): Checkout | null =>
  own(state.checkouts, bookId) ?? null;

/** Pure: how many books the patron holds, from the patron's own stream (exact). */
export const holdsInStream = (state: PatronState): number => Object.keys(state.holds).length;

/** Pure: the patron's overdue checkouts at a branch. */
export const overdueCheckoutsAt = (state: PatronState, branchId: string): number =>
  Object.values(state.checkouts).filter((checkout) => checkout.overdue && checkout.branchId === branchId)
    .length;

type PatronDecision = Decision<PatronEvent, LibraryError>;

const patronMustBeRegistered =
  (state: PatronState, patronId: string): Check =>
  () =>
    state.isRegistered ? null : patronNotFound(patronId);

/** What PlaceOnHold reads besides the patron: the clock, the catalogue and the copy's stream (best effort). */
export interface PlaceOnHoldContext {
  now: string;
  catalogue: CatalogueState;
  book: BookState;
  /**
   * How many books the patron holds, for the hold limit. The patron's own stream (exact) unless a planted bug
   * counts them somewhere else.
   */
  holdsCounted?: number;
}

/** Pure: places a copy on hold, every rule checked in order; the fifth hold of a regular patron says so. */
export function placeOnHold(
  command: PlaceOnHold,
  state: PatronState,
  context: PlaceOnHoldContext,
): PatronDecision {
  const { patronId, bookId, days } = command.data;
  const instance = instanceIn(context.catalogue, bookId);
  const isRegular = hasHoldLimit(state.patronType);
  const holds = context.holdsCounted ?? holdsInStream(state);
  const failure = firstFailure(
    patronMustBeRegistered(state, patronId),
    () => (instance ? null : bookNotFound(bookId)),
    () => {
      // Best effort: the copy's stream may not yet show a hold another patron's stream has just accepted.
      const { status, patronId: holderId } = context.book;
      if (status !== 'on-hold' && status !== 'checked-out') return null;
      return holderId !== null && holderId !== patronId
        ? bookNotAvailable(bookId, status, patronId, holderId)
        : null;
    },
    () =>
      instance?.bookType === 'Restricted' && isRegular
        ? restrictedBookForRegularPatron(bookId, patronId)
        : null,
    () => {
      const branchId = instance?.branchId ?? '';
      const overdue = overdueCheckoutsAt(state, branchId);
      return overdue >= MAX_OVERDUE_CHECKOUTS_AT_BRANCH
        ? tooManyOverdueCheckouts(patronId, branchId, overdue, MAX_OVERDUE_CHECKOUTS_AT_BRANCH)
        : null;
    },
    () => (isRegular && holds >= MAX_HOLDS ? maximumHoldsReached(patronId, holds, MAX_HOLDS) : null),
    () => (isRegular && days === undefined ? openEndedHoldForRegularPatron(patronId, bookId) : null),
    () => {
      if (holdOn(state, bookId)) return alreadyHeldByPatron(patronId, bookId, 'hold');
      return checkoutOf(state, bookId) ? alreadyHeldByPatron(patronId, bookId, 'checkout') : null;
    },
  );
  if (failure || !instance) return reject(failure ?? bookNotFound(bookId));
  const placed: PatronEvent = {
    type: 'BookPlacedOnHold',
    data: {
      patronId,
      bookId,
      bookType: instance.bookType,
      branchId: instance.branchId,
      holdFrom: context.now,
      holdTill: days === undefined ? null : addDays(context.now, days),
      holdNumber: state.holdsPlaced + 1,
    },
  };
  // Why in the same append: the patron's stream is the consistency boundary, so the limit is reached exactly here.
  const reachesLimit = isRegular && holds + 1 === MAX_HOLDS;
  return reachesLimit
    ? accept<PatronEvent>(placed, {
        type: 'MaximumNumberOfHoldsReached',
        data: { patronId, numberOfHolds: MAX_HOLDS },
      })
    : accept<PatronEvent>(placed);
}

function registerPatron(command: RegisterPatron, state: PatronState): PatronDecision {
  if (state.isRegistered) return reject(patronAlreadyRegistered(state.patronId, state.name));
  return accept<PatronEvent>({ type: 'PatronCreated', data: { ...command.data } });
}

function cancelHold(command: CancelHold, state: PatronState): PatronDecision {
  const { patronId, bookId, holdNumber } = command.data;
  const hold = holdOn(state, bookId);
  const failure = firstFailure(patronMustBeRegistered(state, patronId), () =>
    hold && (holdNumber === undefined || hold.holdNumber === holdNumber)
      ? null
      : holdNotFound(patronId, bookId, holdNumber),
  );
  if (failure || !hold) return reject(failure ?? holdNotFound(patronId, bookId));
  return accept<PatronEvent>({
    type: 'BookHoldCanceled',
    data: { patronId, bookId, branchId: hold.branchId, reason: command.data.reason ?? PATRON_REQUEST },
  });
}

/**
 * Why the copy's stream is read: the first hold wins. A patron whose hold the book process found to be a duplicate
 * must not walk out with the copy before the compensation lands, so only a copy set aside for them is lent, and
 * for this very hold: a copy the stream shows set aside for an earlier, cancelled hold of theirs may be another
 * patron's by now.
 */
function checkOut(command: CheckOut, state: PatronState, now: string, book: BookState): PatronDecision {
  const { patronId, bookId, days } = command.data;
  const hold = holdOn(state, bookId);
  const failure = firstFailure(
    patronMustBeRegistered(state, patronId),
    () => (hold ? null : holdNotFound(patronId, bookId)),
    () =>
      book.status === 'on-hold' &&
      book.patronId === patronId &&
      (book.holdNumber === null || book.holdNumber === hold?.holdNumber)
        ? null
        : bookNotSetAsideForPatron(patronId, bookId, book.status, book.patronId, {
            holdNumber: hold?.holdNumber ?? null,
            setAsideFor: book.patronId === patronId ? book.holdNumber : null,
          }),
  );
  if (failure || !hold) return reject(failure ?? holdNotFound(patronId, bookId));
  return accept<PatronEvent>({
    type: 'BookCheckedOut',
    data: { patronId, bookId, bookType: hold.bookType, branchId: hold.branchId, till: addDays(now, days) },
  });
}

function returnBook(command: ReturnBook, state: PatronState): PatronDecision {
  const { patronId, bookId } = command.data;
  const checkout = checkoutOf(state, bookId);
  const failure = firstFailure(patronMustBeRegistered(state, patronId), () =>
    checkout ? null : checkoutNotFound(patronId, bookId),
  );
  if (failure || !checkout) return reject(failure ?? checkoutNotFound(patronId, bookId));
  return accept<PatronEvent>({
    type: 'BookReturned',
    data: { patronId, bookId, branchId: checkout.branchId },
  });
}

function expireHold(command: ExpireHold, state: PatronState, now: string): PatronDecision {
  const { patronId, bookId } = command.data;
  const hold = holdOn(state, bookId);
  const failure = firstFailure(
    () => (hold ? null : holdNotFound(patronId, bookId)),
    () =>
      hold && (hold.holdTill === null || !isPast(hold.holdTill, now))
        ? holdNotYetExpired(patronId, bookId, hold.holdTill, now)
        : null,
  );
  if (failure || !hold) return reject(failure ?? holdNotFound(patronId, bookId));
  return accept<PatronEvent>({
    type: 'BookHoldExpired',
    data: { patronId, bookId, branchId: hold.branchId },
  });
}

function registerOverdueCheckout(
  command: RegisterOverdueCheckout,
  state: PatronState,
  now: string,
): PatronDecision {
  const { patronId, bookId } = command.data;
  const checkout = checkoutOf(state, bookId);
  const failure = firstFailure(
    () => (checkout ? null : checkoutNotFound(patronId, bookId)),
    () =>
      checkout && !isPast(checkout.till, now)
        ? checkoutNotYetOverdue(patronId, bookId, checkout.till, now)
        : null,
    () => (checkout?.overdue ? overdueAlreadyRegistered(patronId, bookId) : null),
  );
  if (failure || !checkout) return reject(failure ?? checkoutNotFound(patronId, bookId));
  return accept<PatronEvent>({
    type: 'OverdueCheckoutRegistered',
    data: { patronId, bookId, branchId: checkout.branchId },
  });
}

/** Pure: the guard streams PlaceOnHold and CheckOut read first (the catalogue, and the copy's own stream). */
export function patronGuardsOf(command: PatronCommand): string[] {
  if (command.type === 'PlaceOnHold') return [CATALOGUE_STREAM, bookStream(command.data.bookId)];
  if (command.type === 'CheckOut') return [bookStream(command.data.bookId)];
  return [];
}

/** Pure: decides a patron command on the patron's stream and its guard streams, every rule in order. */
export function decidePatron(
  command: PatronCommand,
  state: PatronState,
  context: { now: string; guards: Readonly<Record<string, unknown>> },
): PatronDecision {
  const { now, guards } = context;
  const bookOf = (bookId: string) =>
    (Object.hasOwn(guards, bookStream(bookId)) ? (guards[bookStream(bookId)] as BookState) : null) ??
    unknownBook();
  switch (command.type) {
    case 'RegisterPatron':
      return registerPatron(command, state);
    case 'PlaceOnHold':
      return placeOnHold(command, state, {
        now,
        catalogue: (guards[CATALOGUE_STREAM] as CatalogueState | undefined) ?? emptyCatalogue(),
        book: bookOf(command.data.bookId),
      });
    case 'CancelHold':
      return cancelHold(command, state);
    case 'CheckOut':
      return checkOut(command, state, now, bookOf(command.data.bookId));
    case 'ReturnBook':
      return returnBook(command, state);
    case 'ExpireHold':
      return expireHold(command, state, now);
    case 'RegisterOverdueCheckout':
      return registerOverdueCheckout(command, state, now);
  }
}

/** The patron aggregate, in stream `patron-<patronId>`: the consistency boundary for holds and checkouts. */
export const patronDecider: StreamDecider<PatronState, PatronCommand, PatronEvent> = {
  name: 'patron',
  streamPrefix: PATRON_PREFIX,
  commands: [
    'RegisterPatron',
    'PlaceOnHold',
    'CancelHold',
    'CheckOut',
    'ReturnBook',
    'ExpireHold',
    'RegisterOverdueCheckout',
  ],
  streamOf: (command) => patronStream(command.data.patronId),
  guardsOf: patronGuardsOf,
  initialState,
  evolve,
  decide: decidePatron,
};
