import { own, withOwn } from '../../../core/own.ts';
import type { Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingCommand } from '../commands.ts';
import type { SchedulingEvent } from '../events.ts';
import { DAY_CANCELLED } from '../events.ts';
import type {
  DayCancellationContext,
  DayCancellationMachineEvent,
} from './dayCancellationNotifierMachine.ts';
import { dayCancellationNotifierMachine } from './dayCancellationNotifierMachine.ts';
import { type MachineSagaState, stepInstance } from './machineInstances.ts';
import { dayCancelledMessage } from './messages.ts';

export type DayCancellationNotifierState = MachineSagaState<DayCancellationContext>;

function machineEventOf(event: SchedulingEvent, eventId: string): DayCancellationMachineEvent | null {
  if (event.type === 'SlotBookingCancelled' && event.data.reason === DAY_CANCELLED) {
    return {
      type: 'booking.cancelByDay',
      patientId: event.data.patientId,
      slotId: event.data.slotId,
      eventId,
    };
  }
  if (event.type === 'DayScheduleCancelled') return { type: 'day.close' };
  return null;
}

/** The day-cancellation notifier: one email per booking a cancelled day took away. */
export function createDayCancellationNotifierSaga(): Saga<DayCancellationNotifierState, SchedulingCommand> {
  return {
    name: 'dayCancellationNotifier',
    description: "Emails every patient whose appointment went with their doctor's cancelled day.",
    initialState: () => ({ lastPosition: 0, instances: {} }),
    handle(state, recorded: RecordedEvent) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const event = recorded as unknown as SchedulingEvent;
      const machineEvent = machineEventOf(event, recorded.id);
      const dayId = (event.data as { dayId?: string }).dayId ?? '';
      // A day with no bookings has nobody to tell: its closing event starts no instance.
      if (!machineEvent || (machineEvent.type === 'day.close' && !own(state.instances, dayId))) {
        return { state: { ...state, lastPosition: recorded.position }, reactions: [] };
      }
      const { instance, actions } = stepInstance<DayCancellationContext>(
        dayCancellationNotifierMachine,
        own(state.instances, dayId),
        { dayId },
        machineEvent,
      );
      return {
        state: { lastPosition: recorded.position, instances: withOwn(state.instances, dayId, instance) },
        reactions: actions.map((action) => {
          const { patientId, slotId, eventId } = action.params as Record<string, string>;
          return {
            command: {
              type: 'NotifyPatient' as const,
              data: { patientId, ...dayCancelledMessage(dayId, slotId), causationEventId: eventId },
            },
          };
        }),
      };
    },
  };
}
