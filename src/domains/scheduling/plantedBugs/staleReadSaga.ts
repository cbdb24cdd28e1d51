import type { BoundedContext, Command, Saga } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { OVERBOOKING, type SchedulingEvent } from '../events.ts';
import { dateOfDay } from '../ids.ts';
import { overbookingMessage } from '../sagas/messages.ts';
import { monthOf } from '../time.ts';
import { schedulingQueries } from '../projections/index.ts';

interface StaleReadState {
  lastPosition: number;
  /** Always empty: kept so the state has the real saga's shape (checkpoints, the sagas panel). */
  instances: Record<string, never>;
  /** The limit the practice last set, as the real saga keeps it. */
  monthlyLimit?: number;
}

/**
 * Planted bug for the race lab (`staleSagaReads`): the overbooking saga without its own state. It counts the
 * patient's bookings from the `monthlyBookings` read model *as it is when the event is delivered*, believing
 * the read model already includes that booking. A lagging projection makes it miss a surplus; a projection
 * ahead of the saga makes it cancel bookings that are not surplus.
 */
export function staleReadOverbookingSaga(monthlyLimit: number): Saga<StaleReadState, Command> {
  return {
    name: 'overbooking',
    description: `Cancels a booking when the read model shows more than ${monthlyLimit} appointments in its month (planted bug: stale read).`,
    initialState: () => ({ lastPosition: 0, instances: {} }),
    handle(state, recorded: RecordedEvent, context) {
      if (recorded.position <= state.lastPosition) return { state, reactions: [] };
      const next = { ...state, lastPosition: recorded.position };
      const event = recorded as unknown as SchedulingEvent;
      if (event.type === 'MonthlyLimitSet')
        return { state: { ...next, monthlyLimit: event.data.monthlyLimit }, reactions: [] };
      const limit = state.monthlyLimit ?? monthlyLimit;
      if (event.type === 'SlotBooked') {
        const { patientId, dayId, slotId } = event.data;
        const read = context.read ?? (() => ({}));
        const isOver = schedulingQueries.monthlyBookings(read, patientId, monthOf(dateOfDay(dayId))) > limit;
        const cancel = { type: 'CancelSlotBooking', data: { dayId, slotId, patientId, reason: OVERBOOKING } };
        return { state: next, reactions: isOver ? [{ command: cancel }] : [] };
      }
      if (event.type === 'SlotBookingCancelled' && event.data.reason === OVERBOOKING) {
        const { patientId, dayId, slotId } = event.data;
        const message = overbookingMessage(dayId, slotId, limit, monthOf(dateOfDay(dayId)));
        const notify = {
          type: 'NotifyPatient',
          data: { patientId, ...message, causationEventId: recorded.id },
        };
        return { state: next, reactions: [{ command: notify }] };
      }
      return { state: next, reactions: [] };
    },
  };
}

/** The planted bug as a decorator of the domain: its overbooking saga replaced by the stale-read one. */
export const plantStaleSagaReads = <D extends { context: BoundedContext }>(
  domain: D,
  monthlyLimit: number,
): D => ({
  ...domain,
  context: {
    ...domain.context,
    sagas: domain.context.sagas.map((saga) =>
      saga.name === 'overbooking' ? (staleReadOverbookingSaga(monthlyLimit) as Saga<unknown, Command>) : saga,
    ),
  },
});
