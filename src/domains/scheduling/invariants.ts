import type { RecordedEvent } from '../../core/event.ts';
import type { SchedulingEvent } from './events.ts';
import { dateOfDay } from './ids.ts';
import { monthOf } from './time.ts';

export type InvariantName =
  | 'slotExclusivity'
  | 'doubleSlotAtomicity'
  | 'contiguousVersions'
  | 'gaplessPositions'
  | 'cancelledDayHasNoActiveBooking'
  | 'monthlyCap';

/** A broken invariant: which, a sentence explaining it, and the positions of the events involved. */
export interface Violation {
  invariant: InvariantName;
  message: string;
  positions: number[];
}

/** The largest number of bookings a patient held in one month while the log was written. */
export interface Overshoot {
  patientId: string;
  month: string;
  bookings: number;
  limit: number;
  /** How far above the limit; 0 when the limit was never exceeded. */
  overshoot: number;
  position: number;
}

const asScheduling = (event: RecordedEvent) => event as unknown as SchedulingEvent & RecordedEvent;
const slotKeyOf = (data: { dayId: string; slotId: string }) => `${data.dayId}|${data.slotId}`;

/** Pure: a slot never has two active bookings at once. */
export function slotExclusivity(log: readonly RecordedEvent[]): Violation[] {
  const holders = new Map<string, { patientId: string; position: number }>();
  const violations: Violation[] = [];
  for (const recorded of log) {
    const event = asScheduling(recorded);
    if (event.type === 'SlotBooked') {
      const key = slotKeyOf(event.data);
      const holder = holders.get(key);
      if (holder) {
        violations.push({
          invariant: 'slotExclusivity',
          message: `Slot ${event.data.slotId} was booked by ${event.data.patientId} at position ${recorded.position} while ${holder.patientId} still held it (booked at position ${holder.position})`,
          positions: [holder.position, recorded.position],
        });
      }
      holders.set(key, { patientId: event.data.patientId, position: recorded.position });
    } else if (event.type === 'SlotBookingCancelled') {
      holders.delete(slotKeyOf(event.data));
    }
  }
  return violations;
}

/** Pure: the two bookings of a double slot are written together (same command, consecutive versions) or not at all. */
export function doubleSlotAtomicity(log: readonly RecordedEvent[]): Violation[] {
  const byStreamVersion = new Map(log.map((event) => [`${event.streamId}#${event.version}`, event]));
  const violations: Violation[] = [];
  for (const recorded of log) {
    const event = asScheduling(recorded);
    if (event.type !== 'SlotBooked' || event.data.pairedSlotId === undefined) continue;
    const { slotId, pairedSlotId, patientId } = event.data;
    const isPartner = (candidate: RecordedEvent | undefined) => {
      if (!candidate || candidate.type !== 'SlotBooked') return false;
      const data = candidate.data as { slotId: string; pairedSlotId?: string; patientId: string };
      return (
        data.slotId === pairedSlotId &&
        data.pairedSlotId === slotId &&
        data.patientId === patientId &&
        candidate.metadata.commandId === recorded.metadata.commandId
      );
    };
    const before = byStreamVersion.get(`${recorded.streamId}#${recorded.version - 1}`);
    const after = byStreamVersion.get(`${recorded.streamId}#${recorded.version + 1}`);
    if (!isPartner(before) && !isPartner(after)) {
      violations.push({
        invariant: 'doubleSlotAtomicity',
        message: `Slot ${slotId} was booked by ${patientId} as half of a double slot at position ${recorded.position}, but its other half ${pairedSlotId} was not booked in the same append`,
        positions: [recorded.position],
      });
    }
  }
  return violations;
}

/** Pure: every stream's versions run 1, 2, 3… in log order. */
export function contiguousVersions(log: readonly RecordedEvent[]): Violation[] {
  const versions = new Map<string, number>();
  const violations: Violation[] = [];
  for (const event of log) {
    const expected = (versions.get(event.streamId) ?? 0) + 1;
    if (event.version !== expected) {
      violations.push({
        invariant: 'contiguousVersions',
        message: `Stream ${event.streamId} jumps to version ${event.version} at position ${event.position}; version ${expected} was next`,
        positions: [event.position],
      });
    }
    versions.set(event.streamId, event.version);
  }
  return violations;
}

/** Pure: global positions run 1, 2, 3… with no gap and no repeat. */
export function gaplessPositions(log: readonly RecordedEvent[]): Violation[] {
  return log.flatMap((event, index) =>
    event.position === index + 1
      ? []
      : [
          {
            invariant: 'gaplessPositions' as const,
            message: `Event ${event.id} has position ${event.position}; position ${index + 1} was next`,
            positions: [event.position],
          },
        ],
  );
}

/** Pure: once a day is cancelled, none of its slots is booked. */
export function cancelledDayHasNoActiveBooking(log: readonly RecordedEvent[]): Violation[] {
  const bookings = new Map<string, Map<string, number>>();
  const cancelledDays = new Set<string>();
  const violations: Violation[] = [];
  for (const recorded of log) {
    const event = asScheduling(recorded);
    if (event.type === 'SlotBooked') {
      if (cancelledDays.has(event.data.dayId)) {
        violations.push({
          invariant: 'cancelledDayHasNoActiveBooking',
          message: `Slot ${event.data.slotId} was booked at position ${recorded.position} after its day ${event.data.dayId} was cancelled`,
          positions: [recorded.position],
        });
      }
      if (!bookings.has(event.data.dayId)) bookings.set(event.data.dayId, new Map());
      bookings.get(event.data.dayId)?.set(event.data.slotId, recorded.position);
    } else if (event.type === 'SlotBookingCancelled') {
      bookings.get(event.data.dayId)?.delete(event.data.slotId);
    } else if (event.type === 'DayScheduleCancelled') {
      cancelledDays.add(event.data.dayId);
      for (const [slotId, position] of bookings.get(event.data.dayId) ?? []) {
        violations.push({
          invariant: 'cancelledDayHasNoActiveBooking',
          message: `Day ${event.data.dayId} was cancelled at position ${recorded.position} while slot ${slotId} was still booked`,
          positions: [position, recorded.position],
        });
      }
    }
  }
  return violations;
}

/**
 * Pure: at the end of the log no patient holds more bookings in a month than the limit in force when each was
 * made (`limit` until the practice sets another with `MonthlyLimitSet`; earlier bookings stay when it is lowered).
 * A transient overshoot (accepted, then compensated by the saga) is allowed by design; the largest one is reported.
 */
export function monthlyCap(
  log: readonly RecordedEvent[],
  limit: number,
): { violations: Violation[]; largestOvershoot: Overshoot | null } {
  type Month = { patientId: string; month: string; active: Map<string, { position: number; limit: number }> };
  const months = new Map<string, Month>();
  let current = limit;
  let largest: Overshoot | null = null;
  for (const recorded of log) {
    const event = asScheduling(recorded);
    if (event.type === 'MonthlyLimitSet') current = event.data.monthlyLimit;
    if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') continue;
    const month = monthOf(dateOfDay(event.data.dayId));
    const key = `${event.data.patientId}/${month}`;
    const entry = months.get(key) ?? { patientId: event.data.patientId, month, active: new Map() };
    months.set(key, entry);
    if (event.type === 'SlotBooked')
      entry.active.set(slotKeyOf(event.data), { position: recorded.position, limit: current });
    else entry.active.delete(slotKeyOf(event.data));
    const bookings = entry.active.size;
    if (largest === null || bookings > largest.bookings)
      largest = {
        patientId: entry.patientId,
        month,
        bookings,
        limit: current,
        overshoot: Math.max(0, bookings - current),
        position: recorded.position,
      };
  }
  const violations: Violation[] = [];
  for (const { patientId, month, active } of months.values()) {
    const bookings = [...active.values()].sort((a, b) => a.position - b.position);
    const over = bookings.find((booking, index) => index + 1 > booking.limit);
    if (over)
      violations.push({
        invariant: 'monthlyCap',
        message: `${patientId} still holds ${bookings.length} bookings in ${month}, over the limit of ${over.limit}`,
        positions: [over.position],
      });
  }
  return { violations, largestOvershoot: largest };
}

/** Pure: every invariant over a log; the monthly cap only when a limit is given. */
export function checkInvariants(
  log: readonly RecordedEvent[],
  options: { monthlyLimit?: number } = {},
): { violations: Violation[]; largestOvershoot: Overshoot | null } {
  const cap = options.monthlyLimit === undefined ? null : monthlyCap(log, options.monthlyLimit);
  return {
    violations: [
      ...slotExclusivity(log),
      ...doubleSlotAtomicity(log),
      ...contiguousVersions(log),
      ...gaplessPositions(log),
      ...cancelledDayHasNoActiveBooking(log),
      ...(cap?.violations ?? []),
    ],
    largestOvershoot: cap?.largestOvershoot ?? null,
  };
}
