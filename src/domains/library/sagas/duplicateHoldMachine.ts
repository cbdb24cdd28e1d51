import { setup } from 'xstate';

/** One duplicate hold the book process found, as the compensation sees it. */
export interface DuplicateHoldContext {
  bookId: string;
  firstPatronId: string;
  secondPatronId: string;
  /** The second patron's hold that is the duplicate (its number in the patron's record). */
  holdNumber: number | null;
}

export type DuplicateHoldEvent =
  | { type: 'hold.active' }
  | { type: 'hold.gone' }
  | { type: 'hold.canceledByCompensation' }
  | { type: 'hold.endedOtherwise' };

export type CancelSecondHoldParams = { patronId: string; bookId: string; holdNumber: number | null };

/**
 * The first hold wins: a duplicate hold is compensated by cancelling the second patron's hold (that very hold, by
 * its number), unless it has already ended. The first patron's hold is never touched.
 */
export const duplicateHoldMachine = setup({
  types: {
    context: {} as DuplicateHoldContext,
    events: {} as DuplicateHoldEvent,
    input: {} as DuplicateHoldContext,
  },
  actions: {
    cancelSecondHold: (_, _params: CancelSecondHoldParams) => {},
  },
}).createMachine({
  id: 'duplicateHoldCompensation',
  context: ({ input }) => ({ ...input }),
  initial: 'found',
  states: {
    found: {
      on: {
        'hold.active': {
          target: 'compensating',
          actions: {
            type: 'cancelSecondHold',
            params: ({ context }) => ({
              patronId: context.secondPatronId,
              bookId: context.bookId,
              holdNumber: context.holdNumber,
            }),
          },
        },
        'hold.gone': { target: 'endedBeforeCompensation' },
      },
    },
    compensating: {
      on: {
        'hold.canceledByCompensation': { target: 'compensated' },
        'hold.endedOtherwise': { target: 'endedBeforeCompensation' },
      },
    },
    compensated: { type: 'final' },
    endedBeforeCompensation: { type: 'final' },
  },
});
