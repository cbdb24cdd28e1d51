import { describe, it } from 'vitest';
import {
  cancelSlotBooking,
  dayScheduleArchived,
  slotBooked,
  slotBookingCancelled,
} from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';
import { aCancelledDay, aScheduledDay, anArchivedDay, mariaLopez, tomBaker } from './fixtures.ts';

const tomHoldsNineOClock = () => [...aScheduledDay(), slotBooked()];

describe('CancelSlotBooking', () => {
  describe('when the slot is booked', () => {
    it('cancels the booking, naming who held it', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking({ reason: 'patient-request' }))
        .thenEvents([slotBookingCancelled({ patientId: tomBaker.patientId, reason: 'patient-request' })]);
    });

    it('cancels it when the command names the patient who holds it', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking({ patientId: tomBaker.patientId, reason: 'overbooking' }))
        .thenEvents([slotBookingCancelled({ reason: 'overbooking' })]);
    });

    it('cancels only one half of a double slot', () => {
      given([
        ...aScheduledDay(),
        slotBooked({ startTime: '09:00', pairedSlotId: 'ana-silva_2026-03-02_09:10' }),
        slotBooked({ startTime: '09:10', pairedSlotId: 'ana-silva_2026-03-02_09:00' }),
      ])
        .when(cancelSlotBooking({ startTime: '09:10' }))
        .thenEvents([slotBookingCancelled({ startTime: '09:10' })]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects a missing reason', () => {
      given(tomHoldsNineOClock())
        .when({ type: 'CancelSlotBooking', data: { dayId: 'ana-silva_2026-03-02', slotId: 'x' } })
        .thenRejects('InvalidCommand', { field: 'data.reason' });
    });
  });

  describe('when the day is archived, cancelled or not scheduled', () => {
    it('rejects an archived day', () => {
      given([...anArchivedDay(), slotBooked()])
        .when(cancelSlotBooking())
        .thenRejects('DayScheduleAlreadyArchived');
    });

    it('rejects a cancelled day', () => {
      given(aCancelledDay()).when(cancelSlotBooking()).thenRejects('DayScheduleAlreadyCancelled');
    });

    it('rejects a day not scheduled', () => {
      given([]).when(cancelSlotBooking()).thenRejects('DayNotScheduled');
    });
  });

  describe('when the slot is not booked', () => {
    it('rejects the cancellation', () => {
      given(aScheduledDay()).when(cancelSlotBooking()).thenRejects('SlotNotBooked');
    });

    it('rejects a second cancellation', () => {
      given([...tomHoldsNineOClock(), slotBookingCancelled()])
        .when(cancelSlotBooking())
        .thenRejects('SlotNotBooked');
    });

    it('reports it before the slot being in the past', () => {
      given(aScheduledDay())
        .when(cancelSlotBooking(), { now: '2026-03-02T10:00' })
        .thenRejects('SlotNotBooked');
    });
  });

  describe('when another patient holds the slot', () => {
    it('rejects the cancellation', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking({ patientId: mariaLopez.patientId }))
        .thenRejects('SlotBookedByAnotherPatient', { patientId: mariaLopez.patientId });
    });

    it('reports it before the slot being in the past', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking({ patientId: mariaLopez.patientId }), { now: '2026-03-02T10:00' })
        .thenRejects('SlotBookedByAnotherPatient');
    });
  });

  describe('when the slot has already started', () => {
    it('rejects the cancellation', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking(), { now: '2026-03-02T09:00' })
        .thenEvents([slotBookingCancelled()]);
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking(), { now: '2026-03-02T09:05' })
        .thenRejects('SlotInPast');
    });
  });

  describe('when the overbooking saga compensates a slot that has already started', () => {
    it('still cancels it, so the monthly limit holds once settled', () => {
      given(tomHoldsNineOClock())
        .when(cancelSlotBooking({ patientId: tomBaker.patientId, reason: 'overbooking' }), {
          now: '2026-03-02T09:30',
        })
        .thenEvents([slotBookingCancelled({ reason: 'overbooking' })]);
    });

    it('still cancels it when the day was archived in between (found by the monthly-cap property)', () => {
      given([...aScheduledDay(), slotBooked(), dayScheduleArchived()])
        .when(cancelSlotBooking({ patientId: tomBaker.patientId, reason: 'overbooking' }))
        .thenEvents([slotBookingCancelled({ reason: 'overbooking' })]);
    });
  });
});
