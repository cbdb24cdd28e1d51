import { assign, setup } from 'xstate';
import type { BookType } from '../rules.ts';

/** One copy as the book process believes its stream is, after the commands it has sent so far. */
export interface BookProcessContext {
  bookId: string;
  branchId: string;
  bookType: BookType;
  /** The patron holding the copy or having it checked out, as far as the process has sent. */
  patronId: string | null;
}

export type BookProcessEvent =
  | { type: 'instance.added' }
  | { type: 'hold.placed'; patronId: string; holdTill: string | null; holdNumber?: number }
  | { type: 'hold.ended'; patronId: string }
  | { type: 'checkedOut'; patronId: string; till: string }
  | { type: 'returned'; patronId: string };

export interface BookProcessInput {
  bookId: string;
  branchId: string;
  bookType: BookType;
}

export type MarkOnHoldParams = {
  bookId: string;
  patronId: string;
  holdTill: string | null;
  holdNumber?: number;
};
export type MarkCheckedOutParams = { bookId: string; patronId: string; till: string };

const patronOf = (event: BookProcessEvent): string | null => ('patronId' in event ? event.patronId : null);

/**
 * The book follows the patrons: each patron event about a copy becomes a command on the copy's stream. The copy
 * becomes available again only when its own holder's hold ends or its holder returns it; a hold placed while
 * another patron has the copy is sent too, so the copy's stream records the duplicate and the first hold wins.
 * The machine mirrors the book decider, so it knows the copy's state from the commands it has sent.
 */
export const bookFollowsPatronsMachine = setup({
  types: {
    context: {} as BookProcessContext,
    events: {} as BookProcessEvent,
    input: {} as BookProcessInput,
  },
  actions: {
    markAvailable: (_, _params: { bookId: string }) => {},
    markOnHold: (_, _params: MarkOnHoldParams) => {},
    markCheckedOut: (_, _params: MarkCheckedOutParams) => {},
    takeHolder: assign({ patronId: ({ event }) => patronOf(event) }),
    clearHolder: assign({ patronId: () => null }),
  },
  guards: {
    isHolder: ({ context, event }) => patronOf(event) !== null && patronOf(event) === context.patronId,
    isAnotherPatron: ({ context, event }) => patronOf(event) !== null && patronOf(event) !== context.patronId,
  },
}).createMachine({
  id: 'bookFollowsPatrons',
  context: ({ input }) => ({ ...input, patronId: null }),
  initial: 'catalogued',
  states: {
    catalogued: {
      on: {
        'instance.added': {
          target: 'available',
          actions: { type: 'markAvailable', params: ({ context }) => ({ bookId: context.bookId }) },
        },
      },
    },
    available: {
      on: {
        'hold.placed': {
          target: 'onHold',
          actions: ['takeHolder', { type: 'markOnHold', params: markOnHoldParams }],
        },
        checkedOut: {
          target: 'checkedOut',
          actions: ['takeHolder', { type: 'markCheckedOut', params: markCheckedOutParams }],
        },
      },
    },
    onHold: {
      on: {
        'hold.placed': {
          guard: 'isAnotherPatron',
          actions: { type: 'markOnHold', params: markOnHoldParams },
        },
        'hold.ended': {
          guard: 'isHolder',
          target: 'available',
          actions: [
            'clearHolder',
            { type: 'markAvailable', params: ({ context }) => ({ bookId: context.bookId }) },
          ],
        },
        checkedOut: {
          target: 'checkedOut',
          actions: ['takeHolder', { type: 'markCheckedOut', params: markCheckedOutParams }],
        },
      },
    },
    checkedOut: {
      on: {
        'hold.placed': {
          guard: 'isAnotherPatron',
          actions: { type: 'markOnHold', params: markOnHoldParams },
        },
        checkedOut: {
          guard: 'isAnotherPatron',
          actions: ['takeHolder', { type: 'markCheckedOut', params: markCheckedOutParams }],
        },
        returned: {
          guard: 'isHolder',
          target: 'available',
          actions: [
            'clearHolder',
            { type: 'markAvailable', params: ({ context }) => ({ bookId: context.bookId }) },
          ],
        },
      },
    },
  },
});

function markOnHoldParams({ context, event }: { context: BookProcessContext; event: BookProcessEvent }) {
  const hold = event as Extract<BookProcessEvent, { type: 'hold.placed' }>;
  return {
    bookId: context.bookId,
    patronId: hold.patronId,
    holdTill: hold.holdTill,
    ...(hold.holdNumber === undefined ? {} : { holdNumber: hold.holdNumber }),
  };
}

function markCheckedOutParams({ context, event }: { context: BookProcessContext; event: BookProcessEvent }) {
  const checkout = event as Extract<BookProcessEvent, { type: 'checkedOut' }>;
  return { bookId: context.bookId, patronId: checkout.patronId, till: checkout.till };
}
