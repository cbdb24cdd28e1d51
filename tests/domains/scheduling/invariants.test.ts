import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../src/core/testing/givenWhenThen.ts';
import type { DomainEvent, RecordedEvent } from '../../../src/core/event.ts';
import {
  dayScheduleCancelled,
  dayScheduled,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
  slotScheduled,
} from '../../../src/domains/scheduling/builders.ts';
import { streamIdOfEvent } from '../../../src/domains/scheduling/ids.ts';
import {
  cancelledDayHasNoActiveBooking,
  checkInvariants,
  contiguousVersions,
  doubleSlotAtomicity,
  gaplessPositions,
  monthlyCap,
  slotExclusivity,
} from '../../../src/domains/scheduling/invariants.ts';

const { mariaLopez } = people;
const log = (events: DomainEvent[]) => recordEvents(events, { streamIdOf: streamIdOfEvent });
const day = [dayScheduled(), slotScheduled({ startTime: '09:00' }), slotScheduled({ startTime: '09:10' })];
const first = 'ana-silva_2026-03-02_09:00';
const second = 'ana-silva_2026-03-02_09:10';

describe('slot exclusivity', () => {
  it('holds when a slot is booked, freed and booked again', () => {
    expect(
      slotExclusivity(log([...day, slotBooked(), slotBookingCancelled(), slotBooked(mariaLopez)])),
    ).toEqual([]);
  });

  it('is broken by a second booking of a held slot, naming both', () => {
    const [violation] = slotExclusivity(log([...day, slotBooked(), slotBooked(mariaLopez)]));
    expect(violation).toMatchObject({ invariant: 'slotExclusivity', positions: [4, 5] });
    expect(violation.message).toContain('maria-lopez');
    expect(violation.message).toContain('tom-baker still held it');
  });
});

describe('double-slot atomicity', () => {
  const pair = log([
    ...day,
    slotBooked({ pairedSlotId: second }),
    slotBooked({ startTime: '09:10', pairedSlotId: first }),
  ]);

  it('holds when both halves come in one append', () => {
    expect(doubleSlotAtomicity(pair)).toEqual([]);
  });

  it('is broken by a half booked alone', () => {
    expect(doubleSlotAtomicity(pair.slice(0, 4))).toMatchObject([
      { invariant: 'doubleSlotAtomicity', positions: [4] },
    ]);
  });

  it('is broken by halves from two commands', () => {
    const split = pair.map((event, index) =>
      index === 4 ? { ...event, metadata: { ...event.metadata, commandId: 'other' } } : event,
    );
    expect(doubleSlotAtomicity(split)).toHaveLength(2);
  });
});

describe('stream versions and positions', () => {
  const healthy = log([...day, slotBooked()]);

  it('hold for a log written by one store', () => {
    expect([...contiguousVersions(healthy), ...gaplessPositions(healthy)]).toEqual([]);
  });

  it('are broken by a skipped version', () => {
    const skipped: RecordedEvent[] = healthy.map((event) =>
      event.position === 4 ? { ...event, version: 5 } : event,
    );
    expect(contiguousVersions(skipped)).toMatchObject([{ invariant: 'contiguousVersions', positions: [4] }]);
  });

  it('are broken by a gap in positions', () => {
    expect(gaplessPositions([healthy[0], { ...healthy[1], position: 3 }])).toMatchObject([
      { invariant: 'gaplessPositions' },
    ]);
  });
});

describe('a cancelled day has no active booking', () => {
  it('holds when the cascade cancels the bookings first', () => {
    expect(
      cancelledDayHasNoActiveBooking(
        log([
          ...day,
          slotBooked(),
          slotBookingCancelled({ reason: 'day-cancelled' }),
          slotScheduleCancelled(),
          dayScheduleCancelled(),
        ]),
      ),
    ).toEqual([]);
  });

  it('is broken by a day cancelled around a booking', () => {
    expect(cancelledDayHasNoActiveBooking(log([...day, slotBooked(), dayScheduleCancelled()]))).toMatchObject(
      [{ invariant: 'cancelledDayHasNoActiveBooking', positions: [4, 5] }],
    );
  });

  it('is broken by a booking after the cancellation', () => {
    expect(cancelledDayHasNoActiveBooking(log([...day, dayScheduleCancelled(), slotBooked()]))).toHaveLength(
      1,
    );
  });
});

describe('the monthly cap', () => {
  const bookings = ['02', '03', '04'].flatMap((date) => [
    dayScheduled({ date: `2026-03-${date}` }),
    slotBooked({ date: `2026-03-${date}` }),
  ]);

  it('reports the largest transient overshoot without a violation once compensated', () => {
    const result = monthlyCap(
      log([...bookings, slotBookingCancelled({ date: '2026-03-04', reason: 'overbooking' })]),
      2,
    );
    expect(result.violations).toEqual([]);
    expect(result.largestOvershoot).toEqual({
      patientId: 'tom-baker',
      month: '2026-03',
      bookings: 3,
      limit: 2,
      overshoot: 1,
      position: 6,
    });
  });

  it('is broken while a patient still holds more than the limit', () => {
    expect(monthlyCap(log(bookings), 2).violations).toMatchObject([{ invariant: 'monthlyCap' }]);
  });

  it('is checked by checkInvariants only when given a limit', () => {
    expect(checkInvariants(log(bookings)).violations).toEqual([]);
    expect(checkInvariants(log(bookings), { monthlyLimit: 2 }).violations).toHaveLength(1);
  });
});
