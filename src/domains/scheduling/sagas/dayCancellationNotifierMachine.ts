import { assign, setup } from 'xstate';

/** One cancelled day, as the notifier sees it. */
export interface DayCancellationContext {
  dayId: string;
  notifiedPatientIds: string[];
}

export type DayCancellationMachineEvent =
  { type: 'booking.cancelByDay'; patientId: string; slotId: string; eventId: string } | { type: 'day.close' };

/** Tells every patient of a cancelled day, one message per cancelled booking. */
export const dayCancellationNotifierMachine = setup({
  types: {
    context: {} as DayCancellationContext,
    events: {} as DayCancellationMachineEvent,
    input: {} as { dayId: string },
  },
  actions: {
    notifyPatient: (_, _params: { dayId: string; patientId: string; slotId: string; eventId: string }) => {},
    rememberPatient: assign({
      notifiedPatientIds: ({ context, event }) =>
        event.type === 'booking.cancelByDay'
          ? [...context.notifiedPatientIds, event.patientId]
          : context.notifiedPatientIds,
    }),
  },
}).createMachine({
  id: 'dayCancellationNotifier',
  context: ({ input }) => ({ dayId: input.dayId, notifiedPatientIds: [] }),
  initial: 'notifying',
  states: {
    notifying: {
      on: {
        'booking.cancelByDay': {
          actions: [
            'rememberPatient',
            {
              type: 'notifyPatient',
              params: ({ context, event }) => ({
                dayId: context.dayId,
                patientId: event.patientId,
                slotId: event.slotId,
                eventId: event.eventId,
              }),
            },
          ],
        },
        'day.close': { target: 'done' },
      },
    },
    done: { type: 'final' },
  },
});
