import { describe, it } from 'vitest';
import {
  dayScheduleArchived,
  dayScheduleCancelled,
  dayScheduled,
  doctorRegistered,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { given } from '../spec.ts';

const { anaSilva, raviPatel } = people;
const ana = (startTime: string) => slotScheduled({ startTime });
const ravi = (startTime: string) => slotScheduled({ doctorId: raviPatel.doctorId, startTime });
const anaDay = 'ana-silva_2026-03-02';
const raviDay = 'ravi-patel_2026-03-02';
const slot = (dayId: string, startTime: string) => ({ dayId, slotId: `${dayId}_${startTime}`, startTime });
const availableOn = (date: string) => (read: (name: string) => unknown) =>
  schedulingQueries.availableSlots(read, date);

const twoDoctors = [
  doctorRegistered(),
  doctorRegistered(raviPatel),
  dayScheduled(),
  dayScheduled({ doctorId: raviPatel.doctorId }),
];

describe('availableSlots', () => {
  describe('given slots scheduled, one booked', () => {
    it('lists the free ones, grouped by doctor, ordered by time', () => {
      given([
        ...twoDoctors,
        ana('09:10'),
        ana('09:00'),
        ana('09:20'),
        slotBooked({ startTime: '09:20' }),
      ]).thenQuery(availableOn('2026-03-02'), [
        {
          doctorId: anaSilva.doctorId,
          doctorName: 'Dr Ana Silva',
          slots: [slot(anaDay, '09:00'), slot(anaDay, '09:10')],
        },
      ]);
    });
  });

  describe('given two doctors', () => {
    it('orders doctors by their first free slot', () => {
      given([...twoDoctors, ana('10:00'), ravi('09:30'), ana('11:00')]).thenQuery(availableOn('2026-03-02'), [
        { doctorId: raviPatel.doctorId, doctorName: 'Dr Ravi Patel', slots: [slot(raviDay, '09:30')] },
        {
          doctorId: anaSilva.doctorId,
          doctorName: 'Dr Ana Silva',
          slots: [slot(anaDay, '10:00'), slot(anaDay, '11:00')],
        },
      ]);
    });

    it('orders doctors with the same first slot by id', () => {
      given([...twoDoctors, ravi('09:00'), ana('09:00')]).thenQuery(availableOn('2026-03-02'), [
        { doctorId: anaSilva.doctorId, doctorName: 'Dr Ana Silva', slots: [slot(anaDay, '09:00')] },
        { doctorId: raviPatel.doctorId, doctorName: 'Dr Ravi Patel', slots: [slot(raviDay, '09:00')] },
      ]);
    });
  });

  describe('given a booking cancelled', () => {
    it('lists the slot as free again', () => {
      given([...twoDoctors, ana('09:00'), slotBooked(), slotBookingCancelled()]).thenQuery(
        availableOn('2026-03-02'),
        [{ doctorId: anaSilva.doctorId, doctorName: 'Dr Ana Silva', slots: [slot(anaDay, '09:00')] }],
      );
    });
  });

  describe('given a cancelled or archived day', () => {
    it('lists none of its slots', () => {
      given([
        ...twoDoctors,
        ana('09:00'),
        ravi('09:00'),
        slotScheduleCancelled(),
        dayScheduleCancelled(),
        dayScheduleArchived({ doctorId: raviPatel.doctorId }),
      ]).thenQuery(availableOn('2026-03-02'), []);
    });
  });

  describe('given slots on another date', () => {
    it('lists only the asked date', () => {
      given([
        ...twoDoctors,
        dayScheduled({ date: '2026-03-03' }),
        slotScheduled({ date: '2026-03-03' }),
      ]).thenQuery(availableOn('2026-03-02'), []);
    });
  });
});
