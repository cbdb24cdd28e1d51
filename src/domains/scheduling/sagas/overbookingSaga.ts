import type { Reaction, Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingCommand } from '../commands.ts';
import type { SchedulingEvent } from '../events.ts';
import { OVERBOOKING } from '../events.ts';
import { dateOfDay } from '../ids.ts';
import { monthOf } from '../time.ts';
import { type MachineSagaState, stepInstance } from './machineInstances.ts';
import { overbookingMessage } from './messages.ts';
import type { OverbookingContext, OverbookingMachineEvent } from './overbookingMachine.ts';
import { overbookingMachine } from './overbookingMachine.ts';

export const DEFAULT_MONTHLY_LIMIT = 10;

export type OverbookingSagaState = MachineSagaState<OverbookingContext>;

/** Pure: the instance key, one per patient and month of the slot's date. */
export const overbookingKey = (patientId: string, month: string): string => `${patientId}/${month}`;

function toReaction(
  type: string,
  params: Record<string, string>,
  context: OverbookingContext,
): Reaction<SchedulingCommand> {
  const { patientId, dayId, slotId } = params;
  if (type === 'requestCancellation') {
    return {
      command: { type: 'CancelSlotBooking', data: { dayId, slotId, patientId, reason: OVERBOOKING } },
    };
  }
  const message = overbookingMessage(dayId, slotId, context.monthlyLimit, context.month);
  return {
    command: { type: 'NotifyPatient', data: { patientId, ...message, causationEventId: params.eventId } },
  };
}

/** The overbooking process manager (seed 000): compensates the booking that takes a patient over the monthly limit. */
export function createOverbookingSaga(
  monthlyLimit = DEFAULT_MONTHLY_LIMIT,
): Saga<OverbookingSagaState, SchedulingCommand> {
  return {
    name: 'overbooking',
    description: `Cancels the booking that takes a patient over ${monthlyLimit} appointments in a month, then tells them.`,
    initialState: () => ({ lastPosition: 0, instances: {} }),
    handle(state, recorded: RecordedEvent) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const event = recorded as unknown as SchedulingEvent;
      if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') {
        return { state: { ...state, lastPosition: recorded.position }, reactions: [] };
      }
      const { patientId, dayId, slotId } = event.data;
      const month = monthOf(dateOfDay(dayId));
      const key = overbookingKey(patientId, month);
      const machineEvent: OverbookingMachineEvent =
        event.type === 'SlotBooked'
          ? { type: 'booking.add', dayId, slotId }
          : { type: 'booking.remove', dayId, slotId, reason: event.data.reason, eventId: recorded.id };
      const { instance, actions } = stepInstance<OverbookingContext>(
        overbookingMachine,
        state.instances[key],
        { patientId, month, monthlyLimit },
        machineEvent,
      );
      return {
        state: { lastPosition: recorded.position, instances: { ...state.instances, [key]: instance } },
        reactions: actions.map((action) =>
          toReaction(action.type, action.params as Record<string, string>, instance.context),
        ),
      };
    },
  };
}
