import { describe, it } from 'vitest';
import {
  dayScheduleArchived,
  dayScheduleCancelled,
  dayScheduled,
  doctorRegistered,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { given } from '../spec.ts';

const dayId = 'ana-silva_2026-03-02';
const doctorDay = (read: (name: string) => unknown) => schedulingQueries.doctorDay(read, dayId);
const scheduled = [
  doctorRegistered(),
  dayScheduled(),
  slotScheduled({ startTime: '09:10' }),
  slotScheduled({ startTime: '09:00' }),
];

describe('doctorDay', () => {
  it('is null for a day never scheduled', () => {
    given([doctorRegistered()]).thenQuery(doctorDay, null);
  });

  it('shows each slot by start time with its status and patient', () => {
    given([...scheduled, slotBooked({ startTime: '09:10' })]).thenQuery(doctorDay, {
      dayId,
      doctorId: 'ana-silva',
      date: '2026-03-02',
      status: 'scheduled',
      slots: [
        { slotId: `${dayId}_09:00`, startTime: '09:00', status: 'available' },
        { slotId: `${dayId}_09:10`, startTime: '09:10', status: 'booked', patientId: 'tom-baker' },
      ],
    });
  });

  it('shows a cancelled booking as available again', () => {
    given([...scheduled, slotBooked(), slotBookingCancelled()]).thenQuery(
      (read) => schedulingQueries.doctorDay(read, dayId)?.slots[0],
      { slotId: `${dayId}_09:00`, startTime: '09:00', status: 'available' },
    );
  });

  it('shows a cancelled day with cancelled slots', () => {
    given([
      ...scheduled,
      slotScheduleCancelled({ startTime: '09:00' }),
      slotScheduleCancelled({ startTime: '09:10' }),
      dayScheduleCancelled(),
    ]).thenQuery(
      (read) => {
        const day = schedulingQueries.doctorDay(read, dayId);
        return { status: day?.status, slots: day?.slots.map((slot) => slot.status) };
      },
      { status: 'cancelled', slots: ['cancelled', 'cancelled'] },
    );
  });

  it('shows an archived day', () => {
    given([...scheduled, dayScheduleArchived()]).thenQuery(
      (read) => schedulingQueries.doctorDay(read, dayId)?.status,
      'archived',
    );
  });
});
