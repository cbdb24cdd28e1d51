import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingEvent } from '../events.ts';
import { dateOfDay } from '../ids.ts';
import { monthOf } from '../time.ts';

/** Active bookings per patient and month `YYYY-MM`. */
export type MonthlyBookingsState = Record<string, Record<string, number>>;

function apply(state: MonthlyBookingsState, recorded: RecordedEvent): MonthlyBookingsState {
  const event = recorded as unknown as SchedulingEvent;
  if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') return state;
  const months = (state[event.data.patientId] ??= {});
  const month = monthOf(dateOfDay(event.data.dayId));
  months[month] = (months[month] ?? 0) + (event.type === 'SlotBooked' ? 1 : -1);
  return state;
}

/** How many slots each patient holds per month: the figure the overbooking rule is about. */
export const monthlyBookingsProjection: Projection<MonthlyBookingsState> = {
  name: 'monthlyBookings',
  description: "Each patient's active bookings per month, the number the monthly limit is about.",
  initialState: () => ({}),
  apply,
};
