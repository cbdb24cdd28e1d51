import { own, ownOrPut, putOwn } from '../../../core/own.ts';
import type { Projection } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { SchedulingEvent } from '../events.ts';
import { dateOfDay } from '../ids.ts';
import { DEFAULT_MONTHLY_LIMIT } from '../settings.ts';
import { monthOf } from '../time.ts';

/** Active bookings per patient and month `YYYY-MM`, and the limit they are held to. */
export interface MonthlyBookingsState {
  /** Each patient's active bookings, by month. */
  counts: Record<string, Record<string, number>>;
  /** The monthly limit in force: the configured default until the practice sets another. */
  monthlyLimit: number;
}

function apply(state: MonthlyBookingsState, recorded: RecordedEvent): MonthlyBookingsState {
  const event = recorded as unknown as SchedulingEvent;
  if (event.type === 'MonthlyLimitSet') state.monthlyLimit = event.data.monthlyLimit;
  if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') return state;
  const months = ownOrPut(state.counts, event.data.patientId, () => ({}));
  const month = monthOf(dateOfDay(event.data.dayId));
  putOwn(months, month, (own(months, month) ?? 0) + (event.type === 'SlotBooked' ? 1 : -1));
  return state;
}

/** How many slots each patient holds per month, and the limit: the figures the overbooking rule is about. */
export const createMonthlyBookingsProjection = (
  monthlyLimit = DEFAULT_MONTHLY_LIMIT,
): Projection<MonthlyBookingsState> => ({
  name: 'monthlyBookings',
  description: "Each patient's active bookings per month, and the monthly limit they are held to.",
  initialState: () => ({ counts: {}, monthlyLimit }),
  apply,
});

/** The projection under the default limit. */
export const monthlyBookingsProjection = createMonthlyBookingsProjection();
