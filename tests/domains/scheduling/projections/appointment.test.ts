import { describe, it } from 'vitest';
import {
  dayScheduled,
  doctorRegistered,
  patientRegistered,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { given } from '../spec.ts';

const slotId = 'ana-silva_2026-03-02_09:00';
const appointment = (read: (name: string) => unknown) => schedulingQueries.appointment(read, slotId);
const tomWithAna = {
  slotId,
  dayId: 'ana-silva_2026-03-02',
  date: '2026-03-02',
  startTime: '09:00',
  patient: { patientId: 'tom-baker', name: 'Tom Baker', age: 40 },
  doctor: { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'General practice' },
};

const doctor = doctorRegistered();
const patient = patientRegistered();
const slot = slotScheduled();
const booking = slotBooked();
const arrivalOrders = {
  'doctor, patient, slot, booking': [doctor, patient, slot, booking],
  'booking, slot, patient, doctor': [booking, slot, patient, doctor],
  'patient, booking, doctor, slot': [patient, booking, doctor, slot],
  'slot, booking, doctor, patient': [slot, booking, doctor, patient],
};

describe('appointment', () => {
  describe.each(Object.entries(arrivalOrders))('given %s', (_, events) => {
    it('joins the doctor, the patient and the booking', () => {
      given([dayScheduled(), ...events]).thenQuery(appointment, tomWithAna);
    });
  });

  it('gives the age on the visit’s date, not today’s', () => {
    given([dayScheduled(), doctor, patientRegistered({ birthDate: '1986-03-02' }), slot, booking]).thenQuery(
      (read) => schedulingQueries.appointment(read, slotId)?.patient.age,
      40,
    );
    given([dayScheduled(), doctor, patientRegistered({ birthDate: '1986-03-03' }), slot, booking]).thenQuery(
      (read) => schedulingQueries.appointment(read, slotId)?.patient.age,
      39,
    );
  });

  it('is null until every piece has arrived', () => {
    given([dayScheduled(), doctor, slot, booking]).thenQuery(appointment, null);
  });

  it('is null after the booking is cancelled', () => {
    given([dayScheduled(), doctor, patient, slot, booking, slotBookingCancelled()]).thenQuery(
      appointment,
      null,
    );
  });

  it('is null after the slot is cancelled with its day', () => {
    given([
      dayScheduled(),
      doctor,
      patient,
      slot,
      booking,
      slotBookingCancelled({ reason: 'day-cancelled' }),
      slotScheduleCancelled(),
    ]).thenQuery(appointment, null);
  });

  it('follows a new booking of the same slot', () => {
    const maria = people.mariaLopez;
    given([
      dayScheduled(),
      doctor,
      patient,
      patientRegistered(maria),
      slot,
      booking,
      slotBookingCancelled(),
      slotBooked(maria),
    ]).thenQuery((read) => schedulingQueries.appointment(read, slotId)?.patient, {
      patientId: maria.patientId,
      name: maria.name,
      age: 33,
    });
  });
});
