import { describe, it } from 'vitest';
import {
  dayScheduleArchived,
  dayScheduled,
  doctorRegistered,
  scheduleDay,
  slotScheduled,
  slotTimes,
} from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay } from './fixtures.ts';

const slots = (...startTimes: string[]) => startTimes.map((startTime) => ({ startTime }));

describe('ScheduleDay', () => {
  describe('when the doctor is registered and the slots fit', () => {
    it('schedules the day, then each slot in command order', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:10', '09:00') }))
        .thenEvents([
          dayScheduled(),
          slotScheduled({ startTime: '09:10' }),
          slotScheduled({ startTime: '09:00' }),
        ]);
    });

    it('keeps a slot id the command supplies', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: [{ startTime: '09:00', slotId: 'ana-morning-1' }] }))
        .thenEvents([dayScheduled(), slotScheduled({ startTime: '09:00', slotId: 'ana-morning-1' })]);
    });

    it('accepts adjacent slots, which do not overlap', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('11:40', '11:50') }))
        .thenEvents([
          dayScheduled(),
          slotScheduled({ startTime: '11:40' }),
          slotScheduled({ startTime: '11:50' }),
        ]);
    });

    it('accepts exactly 36 slots (six hours)', () => {
      const times = [...slotTimes('08:00', 24), ...slotTimes('13:00', 12)];
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots(...times) }))
        .thenEvents([dayScheduled(), ...times.map((startTime) => slotScheduled({ startTime }))]);
    });

    it('uses the working hours the doctor registered with', () => {
      given([doctorRegistered({ workingHours: [{ from: '12:00', to: '13:00' }] })])
        .when(scheduleDay({ slots: slots('12:30') }))
        .thenEvents([dayScheduled(), slotScheduled({ startTime: '12:30' })]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects a start time off the 10-minute grid', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:05') }))
        .thenRejects('InvalidCommand', { field: 'data.slots.0.startTime' });
    });

    it('rejects a date that does not exist', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ date: '2026-02-29' }))
        .thenRejects('InvalidCommand', {
          field: 'data.date',
        });
    });
  });

  describe('when the doctor is not registered', () => {
    it('rejects the schedule', () => {
      given([]).when(scheduleDay()).thenRejects('DoctorNotRegistered', { doctorId: 'ana-silva' });
    });

    it('reports it before a slot in the past', () => {
      given([])
        .when(scheduleDay({ slots: slots('07:50') }))
        .thenRejects('DoctorNotRegistered');
    });
  });

  describe('when the day is archived', () => {
    it('rejects the schedule', () => {
      given(anArchivedDay()).when(scheduleDay()).thenRejects('DayScheduleAlreadyArchived');
    });

    it('reports archived before cancelled', () => {
      given([...aCancelledDay(), dayScheduleArchived()])
        .when(scheduleDay())
        .thenRejects('DayScheduleAlreadyArchived');
    });
  });

  describe('when the day was cancelled', () => {
    it('rejects the schedule', () => {
      given(aCancelledDay()).when(scheduleDay()).thenRejects('DayScheduleAlreadyCancelled');
    });
  });

  describe('when the day is already scheduled', () => {
    it('rejects the second schedule', () => {
      given(aScheduledDay())
        .when(scheduleDay({ slots: slots('14:00') }))
        .thenRejects('DayAlreadyScheduled');
    });
  });

  describe('when a slot starts before now', () => {
    it('rejects the schedule', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:00') }), { now: '2026-03-02T09:01' })
        .thenRejects('SlotInPast', { startTime: '09:00' });
    });

    it('accepts a slot starting right now', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:00') }), { now: '2026-03-02T09:00' })
        .thenEvents([dayScheduled(), slotScheduled({ startTime: '09:00' })]);
    });

    it('reports the past before the working hours', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('12:30', '07:00') }), { now: '2026-03-02T08:00' })
        .thenRejects('SlotInPast', { startTime: '07:00' });
    });
  });

  describe('when a slot falls outside the working hours', () => {
    it('rejects a slot during the lunch break', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('12:00') }))
        .thenRejects('SlotOutsideWorkingHours', {
          startTime: '12:00',
        });
    });

    it('rejects a slot that would end after closing', () => {
      given([doctorRegistered({ workingHours: [{ from: '09:00', to: '09:15' }] })])
        .when(scheduleDay({ slots: slots('09:10') }))
        .thenRejects('SlotOutsideWorkingHours');
    });

    it('accepts the last slot of the afternoon (16:50–17:00)', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('16:50') }))
        .thenEvents([dayScheduled(), slotScheduled({ startTime: '16:50' })]);
    });

    it('reports working hours before an overlap', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:00', '09:00', '18:00') }))
        .thenRejects('SlotOutsideWorkingHours');
    });
  });

  describe('when two of the command’s own slots overlap', () => {
    it('rejects the schedule', () => {
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots('09:00', '09:10', '09:00') }))
        .thenRejects('SlotOverlapped', { startTime: '09:00', overlappedStartTime: '09:00' });
    });
  });

  describe('when the day would have more than 36 slots', () => {
    it('rejects the schedule', () => {
      const times = [...slotTimes('08:00', 24), ...slotTimes('13:00', 13)];
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots(...times) }))
        .thenRejects('DailyLimitExceeded', { slotCount: 37, maxSlots: 36 });
    });

    it('reports an overlap before the daily limit', () => {
      const times = [...slotTimes('08:00', 24), ...slotTimes('13:00', 12), '08:00'];
      given([doctorRegistered()])
        .when(scheduleDay({ slots: slots(...times) }))
        .thenRejects('SlotOverlapped');
    });
  });

  describe('when two slots share a slot id', () => {
    it('rejects the schedule', () => {
      given([doctorRegistered()])
        .when(
          scheduleDay({
            slots: [
              { startTime: '09:00', slotId: 'a' },
              { startTime: '09:10', slotId: 'a' },
            ],
          }),
        )
        .thenRejects('SlotIdAlreadyUsed', { slotId: 'a' });
    });
  });
});
