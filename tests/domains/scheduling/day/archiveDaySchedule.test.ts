import { describe, it } from 'vitest';
import { archiveDaySchedule, dayScheduleArchived } from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay } from './fixtures.ts';

describe('ArchiveDaySchedule', () => {
  describe('when the day is scheduled', () => {
    it('archives it', () => {
      given(aScheduledDay())
        .when(archiveDaySchedule(), { now: '2026-03-03T08:00' })
        .thenEvents([dayScheduleArchived()]);
    });

    it('archives a cancelled day', () => {
      given(aCancelledDay()).when(archiveDaySchedule()).thenEvents([dayScheduleArchived()]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects a day id with an impossible date', () => {
      given([])
        .when(archiveDaySchedule({ dayId: 'ana-silva_2026-13-01' }))
        .thenRejects('InvalidCommand', {
          field: 'data.dayId',
        });
    });
  });

  describe('when the day is not scheduled', () => {
    it('rejects the archive', () => {
      given([]).when(archiveDaySchedule()).thenRejects('DayNotScheduled');
    });
  });

  describe('when the day is already archived', () => {
    it('rejects the second archive', () => {
      given(anArchivedDay()).when(archiveDaySchedule()).thenRejects('DayScheduleAlreadyArchived');
    });
  });
});
