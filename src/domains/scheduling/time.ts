/** Calendar and clock arithmetic on the practice's local strings (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM`). Pure. */

export const SLOT_MINUTES = 10;

/** Pure: real calendar dates and clock times (one definition, in core). */
export { isDate, isTime } from '../../core/clock.ts';

/** Pure: is `value` an instant `YYYY-MM-DDTHH:MM` with a real date and time? (One definition, in core.) */
export { isInstant } from '../../core/clock.ts';

/** Pure: minutes since midnight of `HH:MM`. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Pure: `HH:MM` of minutes since midnight. */
export function timeOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Pure: the time `minutes` later. */
export const addMinutes = (time: string, minutes: number): string => timeOf(minutesOf(time) + minutes);

/** Pure: is the time on the 10-minute slot grid? */
export const isOnSlotGrid = (time: string): boolean => minutesOf(time) % SLOT_MINUTES === 0;

/** Pure: the instant a slot starts. */
export const instantOf = (date: string, time: string): string => `${date}T${time}`;

/** Pure: `YYYY-MM` of a date: the month a booking counts against. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Pure: completed years between `birthDate` and `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
