import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { asLibraryEvent } from '../events.ts';
import { type Keyed, emptyKeyed, own, put } from '../keyed.ts';
import type { PatronType } from '../rules.ts';

export interface HoldView {
  bookId: string;
  branchId: string;
  holdFrom: string;
  holdTill: string | null;
}

export interface CheckoutView {
  bookId: string;
  branchId: string;
  till: string;
  overdue: boolean;
}

export interface PatronLoansView {
  patronId: string;
  name: string;
  patronType: PatronType;
  /** Active holds in the order the patron placed them. */
  holds: HoldView[];
  /** Checkouts not returned, in the order they were made. */
  checkouts: CheckoutView[];
}

export interface PatronLoansState {
  patrons: Keyed<PatronLoansView>;
}

function patronIn(state: PatronLoansState, patronId: string): PatronLoansView {
  const existing = own(state.patrons, patronId);
  if (existing) return existing;
  const created: PatronLoansView = {
    patronId,
    name: patronId,
    patronType: 'Regular',
    holds: [],
    checkouts: [],
  };
  put(state.patrons, patronId, created);
  return created;
}

function apply(state: PatronLoansState, recorded: RecordedEvent): PatronLoansState {
  const event = asLibraryEvent(recorded);
  switch (event.type) {
    case 'PatronCreated':
      Object.assign(patronIn(state, event.data.patronId), {
        name: event.data.name,
        patronType: event.data.patronType,
      });
      break;
    case 'BookPlacedOnHold': {
      const { bookId, branchId, holdFrom, holdTill } = event.data;
      patronIn(state, event.data.patronId).holds.push({ bookId, branchId, holdFrom, holdTill });
      break;
    }
    case 'BookHoldCanceled':
    case 'BookHoldExpired': {
      const patron = patronIn(state, event.data.patronId);
      patron.holds = patron.holds.filter((hold) => hold.bookId !== event.data.bookId);
      break;
    }
    case 'BookCheckedOut': {
      const { bookId, branchId, till } = event.data;
      const patron = patronIn(state, event.data.patronId);
      patron.holds = patron.holds.filter((hold) => hold.bookId !== bookId);
      patron.checkouts.push({ bookId, branchId, till, overdue: false });
      break;
    }
    case 'BookReturned': {
      const patron = patronIn(state, event.data.patronId);
      patron.checkouts = patron.checkouts.filter((checkout) => checkout.bookId !== event.data.bookId);
      break;
    }
    case 'OverdueCheckoutRegistered': {
      const checkout = patronIn(state, event.data.patronId).checkouts.find(
        (candidate) => candidate.bookId === event.data.bookId,
      );
      if (checkout) checkout.overdue = true;
      break;
    }
  }
  return state;
}

/** Each patron's holds and checkouts (from the `patron-` streams only): feeds the patron views and the daily sheet. */
export const patronLoansProjection: Projection<PatronLoansState> = {
  name: 'patronLoans',
  description:
    "Each patron's active holds and unreturned checkouts (overdue or not), from the patrons' streams.",
  initialState: () => ({ patrons: emptyKeyed() }),
  apply,
};
