import { describe, it } from 'vitest';
import { bookDoubleSlot, slotBooked, slotScheduled } from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay, mariaLopez } from './fixtures.ts';

const first = 'ana-silva_2026-03-02_09:00';
const second = 'ana-silva_2026-03-02_09:10';

describe('BookDoubleSlot', () => {
  describe('when the slot and the one after it are free', () => {
    it('books both in one decision, each naming the other', () => {
      given(aScheduledDay())
        .when(bookDoubleSlot({ startTime: '09:00' }))
        .thenEvents([
          slotBooked({ startTime: '09:00', pairedSlotId: second }),
          slotBooked({ startTime: '09:10', pairedSlotId: first }),
        ]);
    });

    it('pairs slots by start time, whatever order they were scheduled in', () => {
      given([...aScheduledDay(['09:10']), slotScheduled({ startTime: '09:00' })])
        .when(bookDoubleSlot({ startTime: '09:00' }))
        .thenEvents([
          slotBooked({ startTime: '09:00', pairedSlotId: second }),
          slotBooked({ startTime: '09:10', pairedSlotId: first }),
        ]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects an empty slot id', () => {
      given(aScheduledDay())
        .when(bookDoubleSlot({ slotId: '' }))
        .thenRejects('InvalidCommand', { field: 'data.slotId' });
    });
  });

  describe('when the patient is not registered', () => {
    it('rejects the booking', () => {
      given(aScheduledDay())
        .when(bookDoubleSlot({ patientId: 'chen-wei' }))
        .thenRejects('PatientNotRegistered');
    });
  });

  describe('when the day is archived, cancelled or not scheduled', () => {
    it('rejects an archived day', () => {
      given(anArchivedDay()).when(bookDoubleSlot()).thenRejects('DayScheduleAlreadyArchived');
    });

    it('rejects a cancelled day', () => {
      given(aCancelledDay()).when(bookDoubleSlot()).thenRejects('DayScheduleAlreadyCancelled');
    });

    it('rejects a day not scheduled', () => {
      given([]).when(bookDoubleSlot()).thenRejects('PatientNotRegistered');
      given(aScheduledDay().slice(0, 3)).when(bookDoubleSlot()).thenRejects('DayNotScheduled');
    });
  });

  describe('when the first slot is not scheduled', () => {
    it('rejects the booking', () => {
      given(aScheduledDay())
        .when(bookDoubleSlot({ startTime: '10:00' }))
        .thenRejects('SlotNotScheduled');
    });
  });

  describe('when no slot starts exactly 10 minutes later', () => {
    it('rejects the booking', () => {
      given(aScheduledDay(['09:00', '09:20']))
        .when(bookDoubleSlot({ startTime: '09:00' }))
        .thenRejects('NoAdjacentSlot', { nextStartTime: '09:10' });
    });

    it('reports the missing neighbour before the slot being in the past or booked', () => {
      given([...aScheduledDay(['09:00']), slotBooked(mariaLopez)])
        .when(bookDoubleSlot(), { now: '2026-03-02T09:30' })
        .thenRejects('NoAdjacentSlot');
    });
  });

  describe('when the first slot has already started', () => {
    it('rejects the booking', () => {
      given(aScheduledDay()).when(bookDoubleSlot(), { now: '2026-03-02T09:01' }).thenRejects('SlotInPast');
    });
  });

  describe('when either slot is already booked', () => {
    it('rejects the booking when the first is taken, booking nothing', () => {
      given([...aScheduledDay(), slotBooked(mariaLopez)])
        .when(bookDoubleSlot())
        .thenRejects('SlotAlreadyBooked', {
          slotId: first,
        });
    });

    it('rejects the booking when the second is taken, booking nothing', () => {
      given([...aScheduledDay(), slotBooked({ ...mariaLopez, startTime: '09:10' })])
        .when(bookDoubleSlot())
        .thenRejects('SlotAlreadyBooked', { slotId: second });
    });
  });
});
