import type { WorkingHours } from '../events.ts';
import { OVERBOOKING } from '../events.ts';
import { SLOT_MINUTES, instantOf, minutesOf } from '../time.ts';

/** Six hours of 10-minute slots (seed 000). */
export const MAX_SLOTS_PER_DAY = 36;

/** Pure: a slot is in the past once its start instant is before now; a slot starting now is not. */
export const isInPast = (date: string, startTime: string, now: string): boolean =>
  instantOf(date, startTime) < now.slice(0, 16);

/** Pure: the whole slot (start up to start + 10 minutes) lies within one working period. */
export const fitsWorkingHours = (startTime: string, workingHours: WorkingHours): boolean =>
  workingHours.some(
    ({ from, to }) =>
      minutesOf(startTime) >= minutesOf(from) && minutesOf(startTime) + SLOT_MINUTES <= minutesOf(to),
  );

/** Pure: two 10-minute slots share a minute; adjacent slots (09:00, 09:10) do not. */
export const overlaps = (startTime: string, otherStartTime: string): boolean =>
  Math.abs(minutesOf(startTime) - minutesOf(otherStartTime)) < SLOT_MINUTES;

/** Pure: more than 36 active slots in a day. */
export const exceedsDailyLimit = (slotCount: number): boolean => slotCount > MAX_SLOTS_PER_DAY;

/** Pure: the slot right after one starting at `startTime` starts exactly 10 minutes later. */
export const isAdjacentAfter = (startTime: string, nextStartTime: string): boolean =>
  minutesOf(nextStartTime) - minutesOf(startTime) === SLOT_MINUTES;

/**
 * Pure: is this cancellation the overbooking saga's compensation?
 * Why it may cancel a slot that has started: the booking was accepted only provisionally, and the monthly
 * limit must hold once the saga settles even when the clock moved on between the booking and its compensation.
 */
export const isCompensation = (reason: string): boolean => reason === OVERBOOKING;
