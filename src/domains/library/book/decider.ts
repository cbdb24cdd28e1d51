import { type Decision, accept, reject } from '../../../core/decider.ts';
import type { StreamDecider } from '../../kit/index.ts';
import { type CatalogueState, instanceIn, initialState as emptyCatalogue } from '../catalogue/decider.ts';
import type { BookCommand, MarkBookAvailable, MarkBookCheckedOut, MarkBookOnHold } from '../commands.ts';
import { type LibraryError, bookNotFound } from '../errors.ts';
import type { BookEvent } from '../events.ts';
import type { BookType } from '../rules.ts';
import { BOOK_PREFIX, CATALOGUE_STREAM, bookStream } from '../streams.ts';

/** A copy as the library believes it is; `unknown` until its stream starts. */
export type BookStatus = 'unknown' | 'available' | 'on-hold' | 'checked-out';

export interface BookState {
  bookId: string;
  branchId: string;
  bookType: BookType;
  status: BookStatus;
  /** Who holds it or has it checked out; null when available or unknown. */
  patronId: string | null;
  /** The holder's hold the copy is set aside for (its number in the patron's record), when known. */
  holdNumber: number | null;
  holdTill: string | null;
  till: string | null;
}

/** Pure: a copy whose stream has not started. */
export const initialState = (): BookState => ({
  bookId: '',
  branchId: '',
  bookType: 'Circulating',
  status: 'unknown',
  patronId: null,
  holdNumber: null,
  holdTill: null,
  till: null,
});

/** Pure: the copy after one event. */
export function evolve(state: BookState, event: BookEvent): BookState {
  switch (event.type) {
    case 'BookBecameAvailable':
      return {
        ...event.data,
        status: 'available',
        patronId: null,
        holdNumber: null,
        holdTill: null,
        till: null,
      };
    case 'BookMarkedOnHold':
      return {
        ...state,
        status: 'on-hold',
        patronId: event.data.patronId,
        holdNumber: event.data.holdNumber ?? null,
        holdTill: event.data.holdTill,
      };
    case 'BookMarkedCheckedOut':
      return {
        ...state,
        status: 'checked-out',
        patronId: event.data.patronId,
        holdNumber: null,
        till: event.data.till,
      };
    default:
      return state;
  }
}

/** Pure: the patron holding the copy or having it checked out, or null. */
export const holderOf = (state: BookState): string | null =>
  state.status === 'on-hold' || state.status === 'checked-out' ? state.patronId : null;

type BookDecision = Decision<BookEvent, LibraryError>;

/**
 * On hold for the patron when available. When another patron already holds it or has it checked out, the world
 * disagreed with a hold the patron's stream accepted: that is recorded (the first hold wins), not refused.
 */
export function markBookOnHold(command: MarkBookOnHold, state: BookState): BookDecision {
  const { bookId, patronId, holdTill, holdNumber } = command.data;
  if (state.status === 'unknown') return reject(bookNotFound(bookId));
  const holder = holderOf(state);
  if (holder === patronId) return accept<BookEvent>();
  if (holder !== null)
    return accept<BookEvent>({
      type: 'BookDuplicateHoldFound',
      data: {
        bookId,
        firstPatronId: holder,
        secondPatronId: patronId,
        branchId: state.branchId,
        ...(holdNumber === undefined ? {} : { secondHoldNumber: holdNumber }),
      },
    });
  return accept<BookEvent>({
    type: 'BookMarkedOnHold',
    data: { bookId, patronId, holdTill, ...(holdNumber === undefined ? {} : { holdNumber }) },
  });
}

/** Available again; the first time, the copy's branch and type come from the catalogue. */
function markBookAvailable(
  command: MarkBookAvailable,
  state: BookState,
  catalogue: CatalogueState,
): BookDecision {
  const { bookId } = command.data;
  if (state.status === 'available') return accept<BookEvent>();
  if (state.status !== 'unknown')
    return accept<BookEvent>({
      type: 'BookBecameAvailable',
      data: { bookId, branchId: state.branchId, bookType: state.bookType },
    });
  const instance = instanceIn(catalogue, bookId);
  if (!instance) return reject(bookNotFound(bookId));
  return accept<BookEvent>({
    type: 'BookBecameAvailable',
    data: { bookId, branchId: instance.branchId, bookType: instance.bookType },
  });
}

/** Checked out by the patron: the copy left the library with them, whatever the record said before. */
function markBookCheckedOut(command: MarkBookCheckedOut, state: BookState): BookDecision {
  const { bookId, patronId, till } = command.data;
  if (state.status === 'unknown') return reject(bookNotFound(bookId));
  if (state.status === 'checked-out' && state.patronId === patronId) return accept<BookEvent>();
  return accept<BookEvent>({ type: 'BookMarkedCheckedOut', data: { bookId, patronId, till } });
}

/**
 * One physical copy, in stream `book-<bookId>`: what the library believes about it, kept by the book process that
 * follows the patrons. Every command is idempotent: repeating one changes nothing.
 */
export const bookDecider: StreamDecider<BookState, BookCommand, BookEvent> = {
  name: 'book',
  streamPrefix: BOOK_PREFIX,
  commands: ['MarkBookOnHold', 'MarkBookAvailable', 'MarkBookCheckedOut'],
  streamOf: (command) => bookStream(command.data.bookId),
  guardsOf: (command) => (command.type === 'MarkBookAvailable' ? [CATALOGUE_STREAM] : []),
  initialState,
  evolve,
  decide(command, state, { guards }) {
    switch (command.type) {
      case 'MarkBookOnHold':
        return markBookOnHold(command, state);
      case 'MarkBookAvailable':
        return markBookAvailable(
          command,
          state,
          (guards[CATALOGUE_STREAM] as CatalogueState | undefined) ?? emptyCatalogue(),
        );
      case 'MarkBookCheckedOut':
        return markBookCheckedOut(command, state);
    }
  },
};
