/** The doctor practice's built-in Given/When/Then scenarios (the Scenarios tab's library lists them). */
import type { GivenItem, Message, ScenarioSpec } from '../../core/domain/scenario.ts';
import {
  bookDoubleSlot,
  bookSlot,
  cancelDaySchedule,
  cancelSlotBooking,
  dayScheduled,
  doctorRegistered,
  patientRegistered,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotBooked,
  slotScheduled,
} from './builders.ts';

const { anaSilva, raviPatel, tomBaker, mariaLopez, chenWei } = people;
const marchDays = ['2026-03-03', '2026-03-04', '2026-03-05'];
const NOW = '2026-03-02T08:00';
const command = (message: Message): GivenItem => ({ kind: 'command', command: message as Message });
const event = (message: Message): GivenItem => ({ kind: 'event', event: message as Message });
const practice = [
  command(registerDoctor(anaSilva)),
  command(registerPatient(tomBaker)),
  command(registerPatient(mariaLopez)),
  command(scheduleDay()),
];

/** The built-in Given/When/Then scenarios, from seed 000's examples and the walkthroughs. */
export const schedulingScenarios: ScenarioSpec[] = [
  {
    id: 'slot-already-booked',
    title: 'A booked slot cannot be booked again',
    tags: ['booking', 'seed'],
    description:
      'Seed 000: Given slot #1 scheduled and booked, When booking slot #1, Then SlotAlreadyBooked.',
    now: NOW,
    given: [...practice, command(bookSlot(tomBaker))],
    when: bookSlot(mariaLopez) as Message,
    then: { rejection: 'SlotAlreadyBooked' },
  },
  {
    id: 'book-a-free-slot',
    title: 'A patient books a free slot',
    tags: ['booking', 'basics'],
    now: NOW,
    given: [
      event(doctorRegistered()),
      event(patientRegistered()),
      event(dayScheduled()),
      event(slotScheduled()),
    ],
    when: bookSlot() as Message,
    then: { events: [slotBooked() as Message] },
    thenRows: [
      {
        query: 'appointment',
        args: ['ana-silva_2026-03-02_09:00'],
        expected: {
          slotId: 'ana-silva_2026-03-02_09:00',
          dayId: 'ana-silva_2026-03-02',
          date: '2026-03-02',
          startTime: '09:00',
          patient: { patientId: 'tom-baker', name: 'Tom Baker', age: 40 },
          doctor: { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'General practice' },
        },
      },
    ],
  },
  {
    id: 'cancel-frees-the-slot',
    title: 'A cancelled booking makes the slot available again',
    tags: ['booking', 'read-model'],
    description: 'From “A normal Monday”: Tom changes his mind and 09:10 is free again.',
    now: NOW,
    given: [...practice, command(bookSlot({ ...tomBaker, startTime: '09:10' }))],
    when: cancelSlotBooking({ ...tomBaker, startTime: '09:10' }) as Message,
    then: {
      events: [
        {
          type: 'SlotBookingCancelled',
          data: {
            dayId: 'ana-silva_2026-03-02',
            slotId: 'ana-silva_2026-03-02_09:10',
            patientId: 'tom-baker',
            reason: 'patient-request',
          },
        },
      ],
    },
    thenRows: [
      {
        query: 'availableSlots',
        args: ['2026-03-02'],
        expected: [
          {
            doctorId: 'ana-silva',
            doctorName: 'Dr Ana Silva',
            slots: ['09:00', '09:10', '09:20'].map((startTime) => ({
              dayId: 'ana-silva_2026-03-02',
              slotId: `ana-silva_2026-03-02_${startTime}`,
              startTime,
            })),
          },
        ],
      },
    ],
  },
  {
    id: 'double-slot-all-or-nothing',
    title: 'A double slot is all or nothing',
    tags: ['booking', 'atomicity'],
    description: 'From “A double slot”: 09:10 is taken, so Maria cannot have 09:00 + 09:10.',
    now: NOW,
    given: [
      ...practice,
      command(registerPatient(chenWei)),
      command(bookSlot({ ...chenWei, startTime: '09:10' })),
    ],
    when: bookDoubleSlot(mariaLopez) as Message,
    then: { rejection: 'SlotAlreadyBooked' },
  },
  {
    id: 'day-cancellation',
    title: 'Cancelling a day cancels its bookings first',
    tags: ['cancellation'],
    description: 'From “Dr Silva falls ill”: one command, bookings then slots then the day.',
    now: NOW,
    given: [...practice, command(bookSlot(tomBaker))],
    when: cancelDaySchedule({ reason: 'Dr Silva is ill' }) as Message,
    then: {
      events: [
        {
          type: 'SlotBookingCancelled',
          data: {
            dayId: 'ana-silva_2026-03-02',
            slotId: 'ana-silva_2026-03-02_09:00',
            patientId: 'tom-baker',
            reason: 'day-cancelled',
          },
        },
        ...['09:00', '09:10', '09:20'].map((startTime) => ({
          type: 'SlotScheduleCancelled',
          data: { dayId: 'ana-silva_2026-03-02', slotId: `ana-silva_2026-03-02_${startTime}` },
        })),
        { type: 'DayScheduleCancelled', data: { dayId: 'ana-silva_2026-03-02', reason: 'Dr Silva is ill' } },
      ],
    },
  },
  {
    id: 'overbooking-accepted-first',
    title: 'An overbooking is accepted first',
    tags: ['saga', 'compensation', 'eventual-consistency', 'monthly-limit'],
    description:
      'From “Overbooking, then compensation”, with a limit of 3 bookings a month: no aggregate sees the whole ' +
      'month, so the day accepts both halves of the double slot (5 bookings), then the overbooking saga cancels ' +
      'them and Tom is back to 3.',
    now: NOW,
    settings: { monthlyLimit: 3 },
    given: [
      ...practice,
      ...marchDays.map((date) => command(scheduleDay({ date, slots: [{ startTime: '10:00' }] }))),
      ...marchDays.map((date) => command(bookSlot({ ...tomBaker, date, startTime: '10:00' }))),
    ],
    when: bookDoubleSlot(tomBaker) as Message,
    then: {
      events: [
        slotBooked({ ...tomBaker, pairedSlotId: 'ana-silva_2026-03-02_09:10' }) as Message,
        slotBooked({
          ...tomBaker,
          startTime: '09:10',
          pairedSlotId: 'ana-silva_2026-03-02_09:00',
        }) as Message,
      ],
    },
    thenRows: [
      { query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 3 },
      {
        query: 'doctorDay',
        args: ['ana-silva_2026-03-02'],
        expected: {
          dayId: 'ana-silva_2026-03-02',
          doctorId: 'ana-silva',
          date: '2026-03-02',
          status: 'scheduled',
          slots: ['09:00', '09:10', '09:20'].map((startTime) => ({
            slotId: `ana-silva_2026-03-02_${startTime}`,
            startTime,
            status: 'available',
          })),
        },
      },
    ],
  },
  {
    id: 'no-schedule-no-booking',
    title: 'A day that is not scheduled cannot be booked',
    tags: ['booking', 'cqrs'],
    description:
      'From “A read model lagging behind”: whatever a list shows, the day decides on its own stream; Dr Patel has ' +
      'no schedule on Monday.',
    now: NOW,
    given: [...practice, command(registerDoctor(raviPatel))],
    when: bookSlot({ ...mariaLopez, doctorId: raviPatel.doctorId }) as Message,
    then: { rejection: 'DayNotScheduled' },
  },
];
