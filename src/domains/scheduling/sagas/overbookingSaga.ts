import { DEFAULT_MONTHLY_LIMIT } from '../settings.ts';
import { own, withOwn } from '../../../core/own.ts';
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

export { DEFAULT_MONTHLY_LIMIT };

export type OverbookingSagaState = MachineSagaState<OverbookingContext> & {
  /** The limit the practice last set (`MonthlyLimitSet`); absent while the configured default applies. */
  monthlyLimit?: number;
};

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
    description: `Cancels the booking that takes a patient over the monthly limit (${monthlyLimit} unless the practice sets another), then tells them.`,
    initialState: () => ({ lastPosition: 0, instances: {} }),
    handle(state, recorded: RecordedEvent) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const event = recorded as unknown as SchedulingEvent;
      if (event.type === 'MonthlyLimitSet')
        return {
          state: { ...state, lastPosition: recorded.position, monthlyLimit: event.data.monthlyLimit },
          reactions: [],
        };
      if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') {
        return { state: { ...state, lastPosition: recorded.position }, reactions: [] };
      }
      const { patientId, dayId, slotId } = event.data;
      const month = monthOf(dateOfDay(dayId));
      const key = overbookingKey(patientId, month);
      const limit = state.monthlyLimit ?? monthlyLimit;
      const machineEvent: OverbookingMachineEvent =
        event.type === 'SlotBooked'
          ? { type: 'booking.add', dayId, slotId, monthlyLimit: limit }
          : { type: 'booking.remove', dayId, slotId, reason: event.data.reason, eventId: recorded.id };
      const { instance, actions } = stepInstance<OverbookingContext>(
        overbookingMachine,
        own(state.instances, key),
        { patientId, month, monthlyLimit: limit },
        machineEvent,
      );
      return {
        state: {
          ...state,
          lastPosition: recorded.position,
          instances: withOwn(state.instances, key, instance),
        },
        reactions: actions.map((action) =>
          toReaction(action.type, action.params as Record<string, string>, instance.context),
        ),
      };
    },
  };
}
