import { describe, it } from 'vitest';
import {
  dayScheduled,
  doctorRegistered,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { given } from '../spec.ts';

const { raviPatel, mariaLopez } = people;
const tomsSlots = (now: string) => (read: (name: string) => unknown) =>
  schedulingQueries.patientSlots(read, 'tom-baker', now);
const visit = (doctorId: string, doctorName: string, date: string, startTime: string) => ({
  dayId: `${doctorId}_${date}`,
  slotId: `${doctorId}_${date}_${startTime}`,
  doctorId,
  doctorName,
  date,
  startTime,
});

const week = [
  doctorRegistered(),
  doctorRegistered(raviPatel),
  dayScheduled({ date: '2026-03-03' }),
  slotScheduled({ date: '2026-03-03', startTime: '09:00' }),
  dayScheduled({ doctorId: raviPatel.doctorId }),
  slotScheduled({ doctorId: raviPatel.doctorId, startTime: '14:00' }),
  slotScheduled({ doctorId: raviPatel.doctorId, startTime: '10:00' }),
];

describe('patientSlots', () => {
  it("lists the patient's future bookings by date and time", () => {
    given([
      ...week,
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
      slotBooked({ doctorId: raviPatel.doctorId, startTime: '14:00' }),
      slotBooked({ doctorId: raviPatel.doctorId, startTime: '10:00' }),
    ]).thenQuery(tomsSlots('2026-03-02T08:00'), [
      visit('ravi-patel', 'Dr Ravi Patel', '2026-03-02', '10:00'),
      visit('ravi-patel', 'Dr Ravi Patel', '2026-03-02', '14:00'),
      visit('ana-silva', 'Dr Ana Silva', '2026-03-03', '09:00'),
    ]);
  });

  it('leaves out slots that have started', () => {
    given([
      ...week,
      slotBooked({ doctorId: raviPatel.doctorId, startTime: '10:00' }),
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
    ]).thenQuery(tomsSlots('2026-03-02T10:00'), [visit('ana-silva', 'Dr Ana Silva', '2026-03-03', '09:00')]);
  });

  it('leaves out cancelled bookings and other patients’ bookings', () => {
    given([
      ...week,
      slotBooked({ date: '2026-03-03', startTime: '09:00' }),
      slotBookingCancelled({ date: '2026-03-03', startTime: '09:00' }),
      slotBooked({ ...mariaLopez, doctorId: raviPatel.doctorId, startTime: '10:00' }),
    ]).thenQuery(tomsSlots('2026-03-02T08:00'), []);
  });
});
