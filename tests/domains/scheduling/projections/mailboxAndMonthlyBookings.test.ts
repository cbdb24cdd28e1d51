import { describe, it } from 'vitest';
import {
  dayScheduled,
  patientNotified,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduled,
} from '../../../../src/domains/scheduling/builders.ts';
import { schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { given } from '../spec.ts';

const { mariaLopez } = people;

describe('mailbox', () => {
  it("lists the patient's messages, oldest first", () => {
    given([
      patientNotified({ subject: 'First', causationEventId: 'evt-1' }),
      patientNotified({ ...mariaLopez, subject: 'For Maria', causationEventId: 'evt-2' }),
      patientNotified({ subject: 'Second', causationEventId: 'evt-3' }),
    ]).thenQuery(
      (read) => schedulingQueries.mailbox(read, 'tom-baker').map((message) => message.subject),
      ['First', 'Second'],
    );
  });

  it('is empty for a patient never written to', () => {
    given([]).thenQuery((read) => schedulingQueries.mailbox(read, 'tom-baker'), []);
  });
});

describe('monthlyBookings', () => {
  const march = (day: string, startTime: string) => ({ date: `2026-03-${day}`, startTime });
  const days = [
    dayScheduled(march('02', '09:00')),
    dayScheduled(march('30', '09:00')),
    dayScheduled({ date: '2026-04-01' }),
  ];
  const slots = [
    slotScheduled(march('02', '09:00')),
    slotScheduled(march('02', '09:10')),
    slotScheduled(march('30', '09:00')),
    slotScheduled({ date: '2026-04-01' }),
  ];

  it('counts active bookings in the month of the slot’s date', () => {
    given([
      ...days,
      ...slots,
      slotBooked(march('02', '09:00')),
      slotBooked(march('02', '09:10')),
      slotBooked(march('30', '09:00')),
      slotBooked({ date: '2026-04-01' }),
      slotBookingCancelled(march('02', '09:10')),
      slotBooked({ ...mariaLopez, ...march('02', '09:10') }),
    ]).thenQuery(
      (read) => ({
        tomMarch: schedulingQueries.monthlyBookings(read, 'tom-baker', '2026-03'),
        tomApril: schedulingQueries.monthlyBookings(read, 'tom-baker', '2026-04'),
        mariaMarch: schedulingQueries.monthlyBookings(read, mariaLopez.patientId, '2026-03'),
        chenMarch: schedulingQueries.monthlyBookings(read, 'chen-wei', '2026-03'),
      }),
      { tomMarch: 2, tomApril: 1, mariaMarch: 1, chenMarch: 0 },
    );
  });
});
