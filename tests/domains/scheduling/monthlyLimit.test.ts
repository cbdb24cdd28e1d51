import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/index.ts';
import {
  monthlyLimitSet,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  setMonthlyLimit,
  slotBooked,
} from '../../../src/domains/scheduling/builders.ts';
import { monthlyCap } from '../../../src/domains/scheduling/invariants.ts';
import { recordEvents } from '../../../src/core/testing/givenWhenThen.ts';
import { streamIdOfEvent } from '../../../src/domains/scheduling/index.ts';
import { given, withMonthlyLimit } from './spec.ts';

const { tomBaker } = people;
const day = 'ana-silva_2026-03-03';
const book = (time: string) => ({
  type: 'BookSlot',
  data: { dayId: day, slotId: `${day}_${time}`, patientId: tomBaker.patientId },
});

describe('SetMonthlyLimit', () => {
  it('records the practice’s new limit on the practice stream', () => {
    given([])
      .when(setMonthlyLimit(3))
      .thenEvents([monthlyLimitSet(3)]);
  });

  it.each([0, -1, 2.5, '3', null])('refuses a limit of %j as invalid, naming the field', (monthlyLimit) => {
    given([])
      .when({ type: 'SetMonthlyLimit', data: { monthlyLimit } })
      .thenRejects('InvalidCommand', { field: 'data.monthlyLimit' });
  });
});

describe('the overbooking saga under a limit the practice changed', () => {
  it('applies a lowered limit from each patient’s next booking on, earlier bookings staying', async () => {
    const sandbox = createSandbox({ now: '2026-03-02T08:00', monthlyLimit: 10 });
    for (const command of [
      registerDoctor(),
      registerPatient(),
      scheduleDay({ date: '2026-03-03' }),
      book('09:00'),
    ])
      expect((await sandbox.dispatch(command)).kind).toBe('accepted');
    await sandbox.settle();
    await sandbox.dispatch(setMonthlyLimit(2));
    await sandbox.dispatch(book('09:10'));
    await sandbox.dispatch(book('09:20'));
    await sandbox.settle();
    expect(sandbox.query.monthlyLimit()).toBe(2);
    expect(sandbox.query.monthlyBookings(tomBaker.patientId, '2026-03')).toBe(2);
    const cancelled = (await sandbox.events()).filter((e) => e.type === 'SlotBookingCancelled');
    expect(cancelled.map((e) => (e.data as { slotId: string }).slotId)).toEqual([`${day}_09:20`]);
    expect(sandbox.query.mailbox(tomBaker.patientId)[0].body).toContain('at most 2 appointments');
  });

  it('lets a raised limit hold more bookings than the configured default', async () => {
    const sandbox = createSandbox({ now: '2026-03-02T08:00', monthlyLimit: 1 });
    for (const command of [
      registerDoctor(),
      registerPatient(),
      scheduleDay({ date: '2026-03-03' }),
      setMonthlyLimit(3),
    ])
      await sandbox.dispatch(command);
    for (const time of ['09:00', '09:10', '09:20']) await sandbox.dispatch(book(time));
    await sandbox.settle();
    expect(sandbox.query.monthlyBookings(tomBaker.patientId, '2026-03')).toBe(3);
    expect((await sandbox.events()).some((e) => e.type === 'SlotBookingCancelled')).toBe(false);
  });

  it('sends a compensation only for the booking made under the lowered limit (saga spec)', () => {
    withMonthlyLimit(10)([
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
      slotBooked({ date: '2026-03-03', startTime: '09:10' }),
      monthlyLimitSet(1),
    ])
      .whenEvent(slotBooked({ date: '2026-03-03', startTime: '09:20' }), { saga: 'overbooking' })
      .thenReactions([
        {
          type: 'CancelSlotBooking',
          data: { dayId: day, slotId: `${day}_09:20`, patientId: tomBaker.patientId, reason: 'overbooking' },
        },
      ]);
  });
});

describe('the monthly cap invariant under a changed limit', () => {
  const log = (...events: Parameters<typeof recordEvents>[0]) =>
    recordEvents(events, { streamIdOf: streamIdOfEvent });

  it('holds when bookings made under a higher limit stay after it is lowered', () => {
    const events = log(
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
      slotBooked({ date: '2026-03-03', startTime: '09:10' }),
      monthlyLimitSet(1),
    );
    expect(monthlyCap(events, 10).violations).toEqual([]);
  });

  it('breaks when a booking made under the lowered limit stays', () => {
    const events = log(
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
      monthlyLimitSet(1),
      slotBooked({ date: '2026-03-03', startTime: '09:10' }),
    );
    expect(monthlyCap(events, 10).violations).toEqual([
      {
        invariant: 'monthlyCap',
        message: 'tom-baker still holds 2 bookings in 2026-03, over the limit of 1',
        positions: [3],
      },
    ]);
  });
});
