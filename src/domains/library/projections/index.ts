/** The library's read models and the queries of its contract, each a `QueryDefinition`. */
import type {
  Projection,
  QueryContext,
  QueryDefinition,
  ReadProjection,
} from '../../../core/boundedContext.ts';
import { own } from '../keyed.ts';
import { type BookType, idProblem } from '../rules.ts';
import { type BookStatusesView, bookStatusesProjection, statusOf } from './bookStatuses.ts';
import { type CatalogueView, catalogueProjection } from './catalogue.ts';
import { type PatronLoansState, patronLoansProjection } from './patronLoans.ts';

export { bookStatusesProjection, catalogueProjection, patronLoansProjection };
export type { BookStatusesView, CatalogueView, PatronLoansState };
export type { BookStatusView } from './bookStatuses.ts';
export type { CatalogueBookView, CatalogueInstanceView } from './catalogue.ts';
export type { CheckoutView, HoldView, PatronLoansView } from './patronLoans.ts';

/** Every read model of the library, in the order the read-models panel lists them. */
export const libraryProjections = (): Projection[] =>
  [catalogueProjection, bookStatusesProjection, patronLoansProjection] as Projection[];

export interface CatalogueEntry {
  isbn: string;
  title: string;
  author: string;
  instances: { bookId: string; branchId: string; bookType: BookType }[];
}

export interface AvailableBook {
  bookId: string;
  isbn: string;
  title: string;
  bookType: BookType;
}

export interface PatronHold {
  bookId: string;
  title: string;
  branchId: string;
  holdTill: string | null;
}

export interface PatronCheckout {
  bookId: string;
  title: string;
  branchId: string;
  till: string;
  overdue: boolean;
}

export interface DailySheet {
  holdsToExpire: { patronId: string; bookId: string; holdTill: string }[];
  checkoutsToMarkOverdue: { patronId: string; bookId: string; till: string }[];
}

export interface BookStatusAnswer {
  bookId: string;
  status: 'available' | 'on-hold' | 'checked-out';
  patronId?: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const catalogueOf = (read: ReadProjection) => read(catalogueProjection.name) as CatalogueView;
const statusesOf = (read: ReadProjection) => read(bookStatusesProjection.name) as BookStatusesView;
const loansOf = (read: ReadProjection) => read(patronLoansProjection.name) as PatronLoansState;

/**
 * Pure: a copy's title from the catalogue. Why a fallback: read models are folded stream by stream, so a
 * patron's hold may be known before the catalogue read model has the copy; the copy's id stands in until then.
 */
function titleOf(catalogue: CatalogueView, bookId: string): string {
  const instance = own(catalogue.instances, bookId);
  return (instance && own(catalogue.books, instance.isbn)?.title) ?? bookId;
}

/** Pure: every book of the catalogue by title (then ISBN), each with its copies by id. */
function catalogue({ read }: QueryContext): CatalogueEntry[] {
  const state = catalogueOf(read);
  const copies = Object.values(state.instances).sort((a, b) => byText(a.bookId, b.bookId));
  return Object.values(state.books)
    .sort((a, b) => byText(a.title, b.title) || byText(a.isbn, b.isbn))
    .map(({ isbn, title, author }) => ({
      isbn,
      title,
      author,
      instances: copies
        .filter((copy) => copy.isbn === isbn)
        .map(({ bookId, branchId, bookType }) => ({ bookId, branchId, bookType })),
    }));
}

/** Pure: the copies of a branch whose own stream says available, by title then id. */
function availableBooks({ read }: QueryContext, branchId: string): AvailableBook[] {
  const state = catalogueOf(read);
  const statuses = statusesOf(read);
  return Object.values(state.instances)
    .filter((copy) => copy.branchId === branchId && statusOf(statuses, copy.bookId)?.status === 'available')
    .map(({ bookId, isbn, bookType }) => ({ bookId, isbn, title: titleOf(state, bookId), bookType }))
    .sort((a, b) => byText(a.title, b.title) || byText(a.bookId, b.bookId));
}

/** Pure: the patron's active holds, oldest first. */
function patronHolds({ read }: QueryContext, patronId: string): PatronHold[] {
  const state = catalogueOf(read);
  return (own(loansOf(read).patrons, patronId)?.holds ?? []).map(({ bookId, branchId, holdTill }) => ({
    bookId,
    title: titleOf(state, bookId),
    branchId,
    holdTill,
  }));
}

/** Pure: the patron's checkouts not returned, oldest first; `overdue` once the library has recorded it so. */
function patronCheckouts({ read }: QueryContext, patronId: string): PatronCheckout[] {
  const state = catalogueOf(read);
  return (own(loansOf(read).patrons, patronId)?.checkouts ?? []).map(
    ({ bookId, branchId, till, overdue }) => ({
      bookId,
      title: titleOf(state, bookId),
      branchId,
      till,
      overdue,
    }),
  );
}

/**
 * Pure: what the daily sheet would do now: holds past their end (open-ended ones never are) and checkouts past
 * their end not yet recorded overdue, each by end, then patron, then copy.
 */
function dailySheet({ read, now }: QueryContext): DailySheet {
  const patrons = Object.values(loansOf(read).patrons);
  const holdsToExpire = patrons
    .flatMap((patron) =>
      patron.holds.flatMap(({ bookId, holdTill }) =>
        holdTill !== null && holdTill < now ? [{ patronId: patron.patronId, bookId, holdTill }] : [],
      ),
    )
    .sort(
      (a, b) =>
        byText(a.holdTill, b.holdTill) || byText(a.patronId, b.patronId) || byText(a.bookId, b.bookId),
    );
  const checkoutsToMarkOverdue = patrons
    .flatMap((patron) =>
      patron.checkouts.flatMap(({ bookId, till, overdue }) =>
        !overdue && till < now ? [{ patronId: patron.patronId, bookId, till }] : [],
      ),
    )
    .sort((a, b) => byText(a.till, b.till) || byText(a.patronId, b.patronId) || byText(a.bookId, b.bookId));
  return { holdsToExpire, checkoutsToMarkOverdue };
}

/** Pure: the copy as its own stream says (with its holder), or null before its stream starts. */
function bookStatus({ read }: QueryContext, bookId: string): BookStatusAnswer | null {
  const status = statusOf(statusesOf(read), bookId);
  if (!status) return null;
  return status.patronId === undefined
    ? { bookId, status: status.status }
    : { bookId, status: status.status, patronId: status.patronId };
}

const patronArg = { name: 'patronId', label: 'Patron', idKind: 'patron', problem: idProblem };
const bookArg = { name: 'bookId', label: 'Copy', idKind: 'book', problem: idProblem };
const branchArg = { name: 'branchId', label: 'Branch', idKind: 'branch', problem: idProblem };

/** The library's named queries: arguments by name, the kind of answer, and how each is read. */
export const libraryQueries = {
  catalogue: {
    description: 'Every book of the catalogue by title, with its copies',
    args: [],
    answer: 'list',
    run: catalogue,
  } satisfies QueryDefinition<[], CatalogueEntry[]>,
  availableBooks: {
    description: "A branch's copies that are available, by title",
    args: [branchArg],
    answer: 'list',
    run: availableBooks,
  } satisfies QueryDefinition<[string], AvailableBook[]>,
  patronHolds: {
    description: "A patron's active holds, oldest first",
    args: [patronArg],
    answer: 'list',
    run: patronHolds,
  } satisfies QueryDefinition<[string], PatronHold[]>,
  patronCheckouts: {
    description: "A patron's checkouts not yet returned, oldest first",
    args: [patronArg],
    answer: 'list',
    run: patronCheckouts,
  } satisfies QueryDefinition<[string], PatronCheckout[]>,
  dailySheet: {
    description: 'The holds to expire and the checkouts to record overdue, as of now',
    args: [],
    answer: 'value',
    run: dailySheet,
  } satisfies QueryDefinition<[], DailySheet>,
  bookStatus: {
    description: 'A copy as the library believes it is: available, on hold or checked out, and by whom',
    args: [bookArg],
    answer: 'oneOrNull',
    run: bookStatus,
  } satisfies QueryDefinition<[string], BookStatusAnswer | null>,
};

export type LibraryQueries = typeof libraryQueries;
