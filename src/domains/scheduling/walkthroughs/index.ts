import {
  bookDoubleSlot,
  bookSlot,
  cancelDaySchedule,
  cancelSlotBooking,
  people,
  scheduleDay,
  slotTimes,
} from '../builders.ts';
import { practiceSetup } from './practiceSetup.ts';
import type { Scenario } from '../../../core/domain/walkthrough.ts';

export type { Scenario, ScenarioStep } from '../../../core/domain/walkthrough.ts';

const { anaSilva, raviPatel, tomBaker, mariaLopez, chenWei } = people;
const START = '2026-03-02T08:00';

export const normalDay: Scenario = {
  id: 'normal-day',
  title: 'A normal Monday',
  summary:
    'Dr Silva opens her morning, Tom Baker and Maria Lopez book, Tom changes his mind and the slot is free again.',
  tags: ['basics', 'booking'],
  now: START,
  steps: [
    ...practiceSetup(),
    { kind: 'command', command: bookSlot({ ...tomBaker, startTime: '09:10' }), actor: tomBaker.name },
    { kind: 'command', command: bookSlot({ ...mariaLopez, startTime: '09:30' }), actor: mariaLopez.name },
    { kind: 'settle', note: 'The read models catch up: 09:10 and 09:30 are no longer available' },
    {
      kind: 'command',
      command: cancelSlotBooking({ ...tomBaker, startTime: '09:10', reason: 'patient-request' }),
      actor: tomBaker.name,
      note: 'Tom cannot make it after all',
    },
    { kind: 'clock', to: '2026-03-02T12:00', note: 'Noon: the morning is over' },
    { kind: 'settle' },
  ],
};

export const raceForOneSlot: Scenario = {
  id: 'race-for-one-slot',
  title: 'Two patients race for one slot',
  summary:
    'Tom Baker and Maria Lopez both try to book 09:00 at the same moment. Both read the day at the same version; ' +
    'the first append wins, the second meets a concurrency conflict, reloads, and is rejected with SlotAlreadyBooked.',
  tags: ['concurrency', 'optimistic-locking'],
  now: START,
  steps: [
    ...practiceSetup(),
    {
      kind: 'concurrent',
      commands: [
        { command: bookSlot({ ...tomBaker, startTime: '09:00' }), actor: tomBaker.name },
        { command: bookSlot({ ...mariaLopez, startTime: '09:00' }), actor: mariaLopez.name },
      ],
      note: 'Both click “Book” on 09:00 at once',
    },
    { kind: 'settle', note: 'Exactly one of them holds 09:00' },
  ],
};

export const doubleSlot: Scenario = {
  id: 'double-slot',
  title: 'A double slot, all or nothing',
  summary:
    'Tom Baker books 09:00 and 09:10 together. Later Maria Lopez asks for 09:30 + 09:40, but Chen Wei has just taken ' +
    '09:40: her whole booking fails and 09:30 stays free.',
  tags: ['booking', 'atomicity'],
  now: START,
  steps: [
    ...practiceSetup(),
    { kind: 'command', command: bookDoubleSlot({ ...tomBaker, startTime: '09:00' }), actor: tomBaker.name },
    { kind: 'command', command: bookSlot({ ...chenWei, startTime: '09:40' }), actor: chenWei.name },
    {
      kind: 'command',
      command: bookDoubleSlot({ ...mariaLopez, startTime: '09:30' }),
      actor: mariaLopez.name,
      note: 'Rejected: 09:40 is taken, so 09:30 is not booked either',
    },
    { kind: 'settle' },
  ],
};

export const dayCancellation: Scenario = {
  id: 'day-cancellation',
  title: 'Dr Silva falls ill',
  summary:
    'Three patients hold slots on Monday. Dr Silva cancels the day: every booking and slot is cancelled in one ' +
    'append, and the notifier saga emails each patient.',
  tags: ['saga', 'notification', 'cancellation'],
  now: START,
  steps: [
    ...practiceSetup(),
    { kind: 'command', command: bookSlot({ ...tomBaker, startTime: '09:00' }), actor: tomBaker.name },
    { kind: 'command', command: bookSlot({ ...mariaLopez, startTime: '09:20' }), actor: mariaLopez.name },
    { kind: 'command', command: bookSlot({ ...chenWei, startTime: '09:40' }), actor: chenWei.name },
    { kind: 'settle' },
    {
      kind: 'command',
      command: cancelDaySchedule({ reason: 'Dr Silva is ill' }),
      actor: anaSilva.name,
      note: 'One command, one atomic append: bookings, slots, then the day',
    },
    { kind: 'settle', note: 'Each patient finds an email in their mailbox' },
  ],
};

const marchDays = ['2026-03-03', '2026-03-04', '2026-03-05'];

export const overbooking: Scenario = {
  id: 'overbooking',
  title: 'Overbooking, then compensation',
  summary:
    'With a monthly limit of 3, Tom Baker books three visits in March, then a double slot. Both halves are accepted ' +
    '(the overshoot is real, if brief); the overbooking saga cancels exactly those two and emails Tom.',
  tags: ['saga', 'compensation', 'eventual-consistency'],
  now: START,
  monthlyLimit: 3,
  steps: [
    ...practiceSetup(),
    ...marchDays.map((date) => ({
      kind: 'command' as const,
      command: scheduleDay({ date, slots: slotTimes('10:00', 3).map((startTime) => ({ startTime })) }),
      actor: anaSilva.name,
    })),
    ...marchDays.map((date) => ({
      kind: 'command' as const,
      command: bookSlot({ ...tomBaker, date, startTime: '10:00' }),
      actor: tomBaker.name,
    })),
    { kind: 'settle', note: 'Three bookings in March: at the limit, nothing happens' },
    {
      kind: 'command',
      command: bookDoubleSlot({ ...tomBaker, startTime: '09:00' }),
      actor: tomBaker.name,
      note: 'Accepted: the monthly limit crosses streams, so no aggregate can refuse it',
    },
    { kind: 'settle', note: 'The saga cancels 09:00 and 09:10 for overbooking and emails Tom twice' },
  ],
};

export const laggingProjection: Scenario = {
  id: 'lagging-projection',
  title: 'A read model lagging behind',
  summary:
    'Projections receive events 1.5 s late. Tom Baker books 09:00; Maria Lopez still sees 09:00 as available (a stale ' +
    'read) and tries to book it, but the day decides on its own stream and rejects her: stale reads, exact writes.',
  tags: ['eventual-consistency', 'cqrs'],
  now: START,
  latencyMs: 1500,
  steps: [
    ...practiceSetup(),
    { kind: 'settle' },
    { kind: 'command', command: bookSlot({ ...tomBaker, startTime: '09:00' }), actor: tomBaker.name },
    {
      kind: 'command',
      command: bookSlot({ ...mariaLopez, startTime: '09:00' }),
      actor: mariaLopez.name,
      note: 'The available-slots list still shows 09:00: rejected with SlotAlreadyBooked',
    },
    { kind: 'settle', note: 'The read model catches up and 09:00 disappears from the list' },
    {
      kind: 'command',
      command: bookSlot({ ...mariaLopez, doctorId: raviPatel.doctorId, startTime: '09:00' }),
      actor: mariaLopez.name,
      note: 'Dr Patel has no schedule that day: DayNotScheduled',
    },
  ],
};

/** Every built-in scenario, in the order the scenario picker lists them. */
export const scenarios: Scenario[] = [
  normalDay,
  raceForOneSlot,
  doubleSlot,
  dayCancellation,
  overbooking,
  laggingProjection,
];
