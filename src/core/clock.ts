/** Instants are `YYYY-MM-DDTHH:MM` in the practice's local time; arithmetic is done as if UTC (no DST). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** Pure: is `value` a real calendar date `YYYY-MM-DD`? */
export function isDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Pure: is `value` a clock time `HH:MM` (00:00–23:59)? */
export const isTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

/** Pure: true when `value` is a real calendar instant `YYYY-MM-DDTHH:MM`. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match) return false;
  return toMinutes(value) !== null && fromMinutes(toMinutes(value) as number) === value;
}

function toMinutes(instant: string): number | null {
  const match = INSTANT.exec(instant);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  if (h > 23 || mi > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi) / 60_000;
}

function fromMinutes(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

/** Pure: the instant `minutes` later (negative = earlier). */
export function addMinutes(instant: string, minutes: number): string {
  const base = toMinutes(instant);
  if (base === null) throw new RangeError(`"${instant}" is not an instant YYYY-MM-DDTHH:MM`);
  return fromMinutes(base + minutes);
}

/** Pure: the instant `days` later at the same time of day. */
export const addDays = (instant: string, days: number): string => addMinutes(instant, days * 24 * 60);

/** Pure: 23:59 on the last day of the instant's month. */
export function endOfMonth(instant: string): string {
  const [y, m] = instant.slice(0, 7).split('-').map(Number);
  return fromMinutes(Date.UTC(y, m, 0, 23, 59) / 60_000);
}

/** The sandbox's "now": moved only by the user, a scenario or a test. */
export interface VirtualClock {
  now(): string;
  set(instant: string): void;
}

/** A virtual clock starting at `start`; `set` rejects anything but a real instant. */
export function createVirtualClock(start: string, onSet?: (instant: string) => void): VirtualClock {
  if (!isInstant(start)) throw new RangeError(`The clock needs an instant YYYY-MM-DDTHH:MM, got "${start}"`);
  let current = start;
  return {
    now: () => current,
    set(instant: string) {
      if (!isInstant(instant))
        throw new RangeError(`The clock needs an instant YYYY-MM-DDTHH:MM, got "${instant}"`);
      current = instant;
      onSet?.(instant);
    },
  };
}
