import { describe, it } from 'vitest';
import {
  bookSlot,
  dayScheduled,
  doctorRegistered,
  slotBooked,
  slotBookingCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay, mariaLopez, tomBaker } from './fixtures.ts';

describe('BookSlot', () => {
  describe('when the slot is free', () => {
    it('books it for Tom Baker', () => {
      given(aScheduledDay())
        .when(bookSlot({ startTime: '09:10' }))
        .thenEvents([slotBooked({ startTime: '09:10' })]);
    });

    it('books a slot freed by a cancellation', () => {
      given([...aScheduledDay(), slotBooked(mariaLopez), slotBookingCancelled(mariaLopez)])
        .when(bookSlot())
        .thenEvents([slotBooked()]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects a missing patient', () => {
      given(aScheduledDay())
        .when({
          type: 'BookSlot',
          data: { dayId: 'ana-silva_2026-03-02', slotId: 'ana-silva_2026-03-02_09:00' },
        })
        .thenRejects('InvalidCommand', { field: 'data.patientId', problem: 'is required' });
    });
  });

  describe('when the patient is not registered', () => {
    it('rejects the booking', () => {
      given(aScheduledDay())
        .when(bookSlot({ patientId: 'chen-wei' }))
        .thenRejects('PatientNotRegistered', {
          patientId: 'chen-wei',
        });
    });

    it('reports it before the day being archived', () => {
      given(anArchivedDay())
        .when(bookSlot({ patientId: 'chen-wei' }))
        .thenRejects('PatientNotRegistered');
    });
  });

  describe('when the day is archived', () => {
    it('rejects the booking', () => {
      given(anArchivedDay()).when(bookSlot()).thenRejects('DayScheduleAlreadyArchived');
    });
  });

  describe('when the day was cancelled', () => {
    it('rejects the booking', () => {
      given(aCancelledDay()).when(bookSlot()).thenRejects('DayScheduleAlreadyCancelled');
    });
  });

  describe('when the day is not scheduled', () => {
    it('rejects the booking', () => {
      given([doctorRegistered(), ...aScheduledDay().slice(1, 3)])
        .when(bookSlot())
        .thenRejects('DayNotScheduled');
    });
  });

  describe('when the slot is not scheduled', () => {
    it('rejects the booking', () => {
      given(aScheduledDay())
        .when(bookSlot({ startTime: '15:00' }))
        .thenRejects('SlotNotScheduled');
    });
  });

  describe('when the slot has already started', () => {
    it('rejects the booking', () => {
      given(aScheduledDay()).when(bookSlot(), { now: '2026-03-02T09:05' }).thenRejects('SlotInPast');
    });

    it('reports the past before the slot being booked', () => {
      given([...aScheduledDay(), slotBooked(mariaLopez)])
        .when(bookSlot(), { now: '2026-03-02T09:05' })
        .thenRejects('SlotInPast');
    });
  });

  describe('when the slot is already booked', () => {
    it('rejects the second booking', () => {
      given([...aScheduledDay(), slotBooked(mariaLopez)])
        .when(bookSlot(tomBaker))
        .thenRejects('SlotAlreadyBooked', { patientId: tomBaker.patientId, bookedBy: mariaLopez.patientId });
    });

    it('says so in words a person understands', () => {
      const { decision } = given([...aScheduledDay(), slotBooked(mariaLopez)]).when(
        bookSlot({ startTime: '09:00' }),
      );
      if (decision.kind !== 'rejected') throw new Error('expected a rejection');
      if (decision.error.message !== 'Slot 09:00 on 2026-03-02 is already booked by another patient') {
        throw new Error(decision.error.message);
      }
    });
  });

  describe('when the day has a slot with a custom id', () => {
    it('books it by that id', () => {
      given([
        doctorRegistered(),
        ...aScheduledDay([]).slice(1),
        dayScheduled({ date: '2026-03-03' }),
        slotScheduled({ date: '2026-03-03', slotId: 'tuesday-first' }),
      ])
        .when(bookSlot({ date: '2026-03-03', slotId: 'tuesday-first' }))
        .thenEvents([slotBooked({ date: '2026-03-03', slotId: 'tuesday-first' })]);
    });
  });
});
