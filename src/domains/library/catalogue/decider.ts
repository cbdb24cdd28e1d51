import { accept, reject } from '../../../core/decider.ts';
import type { StreamDecider } from '../../kit/index.ts';
import type { AddBook, AddBookInstance, CatalogueCommand } from '../commands.ts';
import { bookAlreadyAdded, bookInstanceAlreadyAdded, bookNotInCatalogue } from '../errors.ts';
import type { CatalogueEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, withEntry } from '../keyed.ts';
import { firstFailure } from '../policy.ts';
import type { BookType } from '../rules.ts';
import { CATALOGUE_STREAM } from '../streams.ts';

export interface CatalogueBook {
  isbn: string;
  title: string;
  author: string;
}

export interface CatalogueInstance {
  bookId: string;
  isbn: string;
  branchId: string;
  bookType: BookType;
}

/** The catalogue: every book by ISBN and every copy by id. */
export interface CatalogueState {
  books: Keyed<CatalogueBook>;
  instances: Keyed<CatalogueInstance>;
}

/** Pure: an empty catalogue. */
export const initialState = (): CatalogueState => ({ books: emptyKeyed(), instances: emptyKeyed() });

/** Pure: the catalogue after one event. */
export function evolve(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  switch (event.type) {
    case 'BookAdded':
      return { ...state, books: withEntry(state.books, event.data.isbn, { ...event.data }) };
    case 'BookInstanceAddedToCatalogue':
      return { ...state, instances: withEntry(state.instances, event.data.bookId, { ...event.data }) };
    default:
      return state;
  }
}

/** Pure: the copy with this id, or null. */
export const instanceIn = (state: CatalogueState, bookId: string): CatalogueInstance | null =>
  own(state.instances, bookId) ?? null;

/** Pure: the book with this ISBN, or null. */
export const bookIn = (state: CatalogueState, isbn: string): CatalogueBook | null =>
  own(state.books, isbn) ?? null;

function addBook(command: AddBook, state: CatalogueState) {
  const { isbn } = command.data;
  const existing = bookIn(state, isbn);
  if (existing) return reject(bookAlreadyAdded(isbn, existing.title));
  return accept<CatalogueEvent>({ type: 'BookAdded', data: { ...command.data } });
}

function addBookInstance(command: AddBookInstance, state: CatalogueState) {
  const { bookId, isbn } = command.data;
  const failure = firstFailure(
    () => (bookIn(state, isbn) ? null : bookNotInCatalogue(isbn, bookId)),
    () => {
      const existing = instanceIn(state, bookId);
      return existing ? bookInstanceAlreadyAdded(bookId, existing.isbn, existing.branchId) : null;
    },
  );
  if (failure) return reject(failure);
  return accept<CatalogueEvent>({ type: 'BookInstanceAddedToCatalogue', data: { ...command.data } });
}

/** The catalogue aggregate, in stream `catalogue`: books by ISBN and their copies. */
export const catalogueDecider: StreamDecider<CatalogueState, CatalogueCommand, CatalogueEvent> = {
  name: 'catalogue',
  streamPrefix: CATALOGUE_STREAM,
  commands: ['AddBook', 'AddBookInstance'],
  streamOf: () => CATALOGUE_STREAM,
  initialState,
  evolve,
  decide(command, state) {
    return command.type === 'AddBook' ? addBook(command, state) : addBookInstance(command, state);
  },
};
