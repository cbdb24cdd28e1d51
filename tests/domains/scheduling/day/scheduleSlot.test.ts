import { describe, it } from 'vitest';
import {
  doctorRegistered,
  scheduleSlot,
  slotScheduled,
  slotTimes,
} from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay } from './fixtures.ts';

describe('ScheduleSlot', () => {
  describe('when the day is scheduled and the slot fits', () => {
    it('schedules the slot', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '10:00' }))
        .thenEvents([slotScheduled({ startTime: '10:00' })]);
    });

    it('schedules a slot right after an existing one', () => {
      given(aScheduledDay(['09:00']))
        .when(scheduleSlot({ startTime: '09:10' }))
        .thenEvents([slotScheduled({ startTime: '09:10' })]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects a day id without a date', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ dayId: 'ana-silva' }))
        .thenRejects('InvalidCommand', { field: 'data.dayId' });
    });

    it('rejects a start time that is not a time', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '25:00' }))
        .thenRejects('InvalidCommand', {
          field: 'data.startTime',
        });
    });
  });

  describe('when the day is archived', () => {
    it('rejects the slot', () => {
      given(anArchivedDay())
        .when(scheduleSlot({ startTime: '10:00' }))
        .thenRejects('DayScheduleAlreadyArchived');
    });
  });

  describe('when the day was cancelled', () => {
    it('rejects the slot', () => {
      given(aCancelledDay())
        .when(scheduleSlot({ startTime: '10:00' }))
        .thenRejects('DayScheduleAlreadyCancelled');
    });
  });

  describe('when the day is not scheduled', () => {
    it('rejects the slot', () => {
      given([doctorRegistered()])
        .when(scheduleSlot({ startTime: '10:00' }))
        .thenRejects('DayNotScheduled');
    });

    it('reports the missing day before a slot in the past', () => {
      given([doctorRegistered()])
        .when(scheduleSlot({ startTime: '07:00' }))
        .thenRejects('DayNotScheduled');
    });
  });

  describe('when the slot starts before now', () => {
    it('rejects the slot', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '10:00' }), { now: '2026-03-02T10:30' })
        .thenRejects('SlotInPast', { startTime: '10:00', now: '2026-03-02T10:30' });
    });

    it('reports the past before the working hours', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '12:00' }), { now: '2026-03-02T12:30' })
        .thenRejects('SlotInPast');
    });
  });

  describe('when the slot falls outside the working hours', () => {
    it('rejects the slot', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '17:00' }))
        .thenRejects('SlotOutsideWorkingHours');
    });

    it('reports working hours before an overlap', () => {
      given(aScheduledDay(['12:00']))
        .when(scheduleSlot({ startTime: '12:00' }))
        .thenRejects('SlotOutsideWorkingHours');
    });
  });

  describe('when the slot overlaps one already scheduled', () => {
    it('rejects the slot', () => {
      given(aScheduledDay())
        .when(scheduleSlot({ startTime: '09:10', slotId: 'another-id' }))
        .thenRejects('SlotOverlapped', { startTime: '09:10', overlappedStartTime: '09:10' });
    });
  });

  describe('when the day already has 36 slots', () => {
    const fullDay = [...slotTimes('08:00', 24), ...slotTimes('13:00', 12)];

    it('rejects a 37th slot even within the working hours', () => {
      given([
        doctorRegistered({ workingHours: [{ from: '08:00', to: '18:00' }] }),
        ...aScheduledDay(fullDay).slice(1),
      ])
        .when(scheduleSlot({ startTime: '17:00' }))
        .thenRejects('DailyLimitExceeded', { slotCount: 37 });
    });
  });

  describe('when the slot id is already used on the day', () => {
    it('rejects the slot', () => {
      given(aScheduledDay(['09:00']))
        .when(scheduleSlot({ startTime: '10:00', slotId: 'ana-silva_2026-03-02_09:00' }))
        .thenRejects('SlotIdAlreadyUsed');
    });
  });
});
