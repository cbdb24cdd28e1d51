import { assign, setup } from 'xstate';

/** One hold or checkout, as the daily sheet watches it. */
export interface LoanWatchContext {
  kind: 'hold' | 'checkout';
  patronId: string;
  bookId: string;
  /** When the hold or checkout ends; null for an open-ended hold (it never expires). */
  end: string | null;
}

export type LoanWatchEvent =
  | { type: 'hold.placed'; holdTill: string | null }
  | { type: 'hold.ended' }
  | { type: 'checkout.started'; till: string }
  | { type: 'overdue.registered' }
  | { type: 'returned' }
  | { type: 'sheet.run'; now: string };

export type LoanWatchInput = Pick<LoanWatchContext, 'kind' | 'patronId' | 'bookId'>;

export type LoanActionParams = { patronId: string; bookId: string };

const loanParams = ({ context }: { context: LoanWatchContext }): LoanActionParams => ({
  patronId: context.patronId,
  bookId: context.bookId,
});

/**
 * The daily sheet, for one hold or checkout: when a run finds it past its end, it asks once to expire the hold or
 * to record the checkout overdue, then waits for the patron's stream to say it happened (or that the hold or
 * checkout ended some other way). It never asks twice.
 */
export const dailySheetMachine = setup({
  types: {
    context: {} as LoanWatchContext,
    events: {} as LoanWatchEvent,
    input: {} as LoanWatchInput,
  },
  actions: {
    requestExpiry: (_, _params: LoanActionParams) => {},
    requestOverdue: (_, _params: LoanActionParams) => {},
    rememberHoldEnd: assign({
      end: ({ event }) => (event.type === 'hold.placed' ? event.holdTill : null),
    }),
    rememberCheckoutEnd: assign({
      end: ({ event }) => (event.type === 'checkout.started' ? event.till : null),
    }),
  },
  guards: {
    isPastItsEnd: ({ context, event }) =>
      event.type === 'sheet.run' && context.end !== null && context.end < event.now,
  },
}).createMachine({
  id: 'dailySheet',
  context: ({ input }) => ({ ...input, end: null }),
  initial: 'watching',
  states: {
    watching: {
      on: {
        'hold.placed': { target: 'held', actions: 'rememberHoldEnd' },
        'checkout.started': { target: 'checkedOut', actions: 'rememberCheckoutEnd' },
      },
    },
    held: {
      on: {
        'sheet.run': {
          guard: 'isPastItsEnd',
          target: 'expiryRequested',
          actions: { type: 'requestExpiry', params: loanParams },
        },
        'hold.ended': { target: 'done' },
      },
    },
    expiryRequested: { on: { 'hold.ended': { target: 'done' } } },
    checkedOut: {
      on: {
        'sheet.run': {
          guard: 'isPastItsEnd',
          target: 'overdueRequested',
          actions: { type: 'requestOverdue', params: loanParams },
        },
        'overdue.registered': { target: 'overdue' },
        returned: { target: 'done' },
      },
    },
    overdueRequested: {
      on: { 'overdue.registered': { target: 'overdue' }, returned: { target: 'done' } },
    },
    overdue: { on: { returned: { target: 'done' } } },
    done: { type: 'final' },
  },
});
