import { assign, setup } from 'xstate';

/** One patient's bookings in one month, as the overbooking saga sees them. */
export interface OverbookingContext {
  patientId: string;
  month: string;
  monthlyLimit: number;
  /** Active bookings, as `<dayId>|<slotId>`, oldest first. */
  activeSlots: string[];
  /** Bookings the saga asked to cancel whose cancellation has not arrived yet. */
  pendingCancellations: string[];
}

export type OverbookingMachineEvent =
  /** `monthlyLimit`: the limit in force at this booking (the practice may have changed it since the first). */
  | { type: 'booking.add'; dayId: string; slotId: string; monthlyLimit: number }
  | { type: 'booking.remove'; dayId: string; slotId: string; reason: string; eventId: string };

export interface OverbookingInput {
  patientId: string;
  month: string;
  monthlyLimit: number;
}

const keyOf = (event: { dayId: string; slotId: string }) => `${event.dayId}|${event.slotId}`;

/**
 * Why pending cancellations are subtracted: a booking whose compensation is already requested is on its way
 * out. Counting it again would cancel a later booking that fits, e.g. after the patient freed a place; so a
 * double slot that overshoots by two loses exactly its two surplus halves and nothing more.
 */
export const countsTowardsLimit = (context: OverbookingContext): number =>
  context.activeSlots.length - context.pendingCancellations.length;

/** The monthly limit of seed 000 as a process: accept, then compensate the booking that overshot. */
export const overbookingMachine = setup({
  types: {
    context: {} as OverbookingContext,
    events: {} as OverbookingMachineEvent,
    input: {} as OverbookingInput,
  },
  actions: {
    requestCancellation: (_, _params: { patientId: string; dayId: string; slotId: string }) => {},
    notifyPatient: (_, _params: { patientId: string; dayId: string; slotId: string; eventId: string }) => {},
    addBooking: assign({
      monthlyLimit: ({ context, event }) =>
        event.type === 'booking.add' ? event.monthlyLimit : context.monthlyLimit,
      activeSlots: ({ context, event }) =>
        event.type === 'booking.add' && !context.activeSlots.includes(keyOf(event))
          ? [...context.activeSlots, keyOf(event)]
          : context.activeSlots,
    }),
    markPending: assign({
      pendingCancellations: ({ context, event }) => [...context.pendingCancellations, keyOf(event)],
    }),
    removeBooking: assign({
      activeSlots: ({ context, event }) => context.activeSlots.filter((key) => key !== keyOf(event)),
      pendingCancellations: ({ context, event }) =>
        context.pendingCancellations.filter((key) => key !== keyOf(event)),
    }),
  },
  guards: {
    overshootsLimit: ({ context, event }) =>
      countsTowardsLimit(context) + 1 >
      (event.type === 'booking.add' ? event.monthlyLimit : context.monthlyLimit),
    isOverbookingCompensation: ({ event }) =>
      event.type === 'booking.remove' && event.reason === 'overbooking',
    hasNothingPending: ({ context }) => context.pendingCancellations.length === 0,
  },
}).createMachine({
  id: 'overbooking',
  context: ({ input }) => ({ ...input, activeSlots: [], pendingCancellations: [] }),
  initial: 'withinLimit',
  on: {
    'booking.add': [
      {
        guard: 'overshootsLimit',
        target: '.compensating',
        actions: [
          'addBooking',
          'markPending',
          {
            type: 'requestCancellation',
            params: ({ context, event }) => ({
              patientId: context.patientId,
              dayId: event.dayId,
              slotId: event.slotId,
            }),
          },
        ],
      },
      { actions: 'addBooking' },
    ],
    'booking.remove': [
      {
        guard: 'isOverbookingCompensation',
        target: '.settling',
        actions: [
          'removeBooking',
          {
            type: 'notifyPatient',
            params: ({ context, event }) => ({
              patientId: context.patientId,
              dayId: event.dayId,
              slotId: event.slotId,
              eventId: event.type === 'booking.remove' ? event.eventId : '',
            }),
          },
        ],
      },
      { target: '.settling', actions: 'removeBooking' },
    ],
  },
  states: {
    withinLimit: {},
    compensating: {},
    settling: {
      always: [{ guard: 'hasNothingPending', target: 'withinLimit' }, { target: 'compensating' }],
    },
  },
});
