import { describe, it } from 'vitest';
import {
  cancelDaySchedule,
  dayScheduleArchived,
  dayScheduleCancelled,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
} from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, mariaLopez } from './fixtures.ts';

describe('CancelDaySchedule', () => {
  describe('when the day is scheduled with bookings', () => {
    it('cancels each booking, then every slot, then the day', () => {
      given([
        ...aScheduledDay(['09:20', '09:00', '09:10']),
        slotBooked({ startTime: '09:20' }),
        slotBooked({ ...mariaLopez, startTime: '09:00' }),
      ])
        .when(cancelDaySchedule({ reason: 'Dr Silva is ill' }))
        .thenEvents([
          slotBookingCancelled({ ...mariaLopez, startTime: '09:00', reason: 'day-cancelled' }),
          slotBookingCancelled({ startTime: '09:20', reason: 'day-cancelled' }),
          slotScheduleCancelled({ startTime: '09:00' }),
          slotScheduleCancelled({ startTime: '09:10' }),
          slotScheduleCancelled({ startTime: '09:20' }),
          dayScheduleCancelled({ reason: 'Dr Silva is ill' }),
        ]);
    });

    it('cancels a day in the past too', () => {
      given(aScheduledDay(['09:00']))
        .when(cancelDaySchedule(), { now: '2026-03-03T08:00' })
        .thenEvents([slotScheduleCancelled({ startTime: '09:00' }), dayScheduleCancelled()]);
    });

    it('cancels a day without slots', () => {
      given(aScheduledDay([])).when(cancelDaySchedule()).thenEvents([dayScheduleCancelled()]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects an empty reason', () => {
      given(aScheduledDay())
        .when(cancelDaySchedule({ reason: '' }))
        .thenRejects('InvalidCommand', { field: 'data.reason' });
    });
  });

  describe('when the day is archived', () => {
    it('rejects the cancellation', () => {
      given([...aScheduledDay(), dayScheduleArchived()])
        .when(cancelDaySchedule())
        .thenRejects('DayScheduleAlreadyArchived');
    });

    it('reports archived before already cancelled', () => {
      given([...aCancelledDay(), dayScheduleArchived()])
        .when(cancelDaySchedule())
        .thenRejects('DayScheduleAlreadyArchived');
    });
  });

  describe('when the day was already cancelled', () => {
    it('rejects the second cancellation', () => {
      given(aCancelledDay()).when(cancelDaySchedule()).thenRejects('DayScheduleAlreadyCancelled');
    });
  });

  describe('when the day is not scheduled', () => {
    it('rejects the cancellation', () => {
      given([]).when(cancelDaySchedule()).thenRejects('DayNotScheduled');
    });
  });
});
