/** The doctor practice as one domain module: what the runtime runs and every tool reads. */
import type { QueryDefinition } from '../../core/boundedContext.ts';
import type { DomainEvent } from '../../core/event.ts';
import type { Invariant } from '../../core/invariant.ts';
import { dateRule, idRule, problemOf } from '../../core/rules.ts';
import { defineDomain } from '../../core/domain/defineDomain.ts';
import type { MessageDefinition } from '../../core/domain/domainModule.ts';
import type { Walkthrough } from '../../core/domain/walkthrough.ts';
import { schedulingCommandTypes } from './commands.ts';
import { schedulingHistoryProblems } from './history.ts';
import { schedulingScenarios } from './scenarios.ts';
import { eventDataSchemas, dayIdRule } from './eventSchemas.ts';
import { schedulingEventTypes } from './events.ts';
import { streamIdOfEvent } from './ids.ts';
import { demoCommands } from './demo.ts';
import { monthlyLimitRule } from './rules.ts';
import {
  cancelledDayHasNoActiveBooking,
  contiguousVersions,
  doubleSlotAtomicity,
  gaplessPositions,
  monthlyCap,
  slotExclusivity,
} from './invariants.ts';
import { decideCommand, decideFolded, planCommand, streamFold } from './context.ts';
import {
  schedulingProjections,
  schedulingQueries,
  type Appointment,
  type AvailableSlotsOfDoctor,
  type DoctorDay,
  type MailMessage,
  type PatientSlot,
} from './projections/index.ts';
import {
  dayCancellationNotifierMachine,
  DEFAULT_MONTHLY_LIMIT,
  listSagaInstances,
  overbookingMachine,
  schedulingSagas,
} from './sagas/index.ts';
import { commandDataSchemas, validateCommand } from './validation.ts';
import { scenarios as teachingScenarios } from './walkthroughs/index.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const COMMANDS: Record<(typeof schedulingCommandTypes)[number], string> = {
  RegisterDoctor: 'Registers a doctor at the practice (at most 5), with working hours',
  RegisterPatient: 'Registers a patient',
  ScheduleDay: "Opens a doctor's day with its slots",
  ScheduleSlot: 'Adds one slot to a scheduled day',
  BookSlot: 'Books one free slot for a patient',
  BookDoubleSlot: 'Books a slot and the one right after it, both or neither',
  CancelSlotBooking: 'Cancels a booking (the slot becomes free again)',
  CancelDaySchedule: 'Cancels a whole day: its bookings, then its slots',
  ArchiveDaySchedule: 'Archives a day: nothing can change on it any more',
  SetMonthlyLimit: 'Sets how many bookings a patient may hold per month, from the next booking on',
  NotifyPatient: 'Sends a patient a message (once per triggering event)',
};

const EVENTS: Record<(typeof schedulingEventTypes)[number], string> = {
  DoctorRegistered: 'A doctor joined the practice',
  MonthlyLimitSet: "The practice changed its monthly limit (it applies from each patient's next booking)",
  PatientRegistered: 'A patient registered',
  DayScheduled: "A doctor's day was opened",
  SlotScheduled: 'A slot was added to a day',
  SlotBooked: 'A slot was booked for a patient',
  SlotBookingCancelled: 'A booking was cancelled',
  SlotScheduleCancelled: 'A slot was removed from a cancelled day',
  DayScheduleCancelled: 'A day was cancelled',
  DayScheduleArchived: 'A day was archived',
  PatientNotified: 'A patient was sent a message',
};

const catalog = <T extends string>(
  schemas: Record<T, MessageDefinition['schema']>,
  descriptions: Record<T, string>,
): Record<T, MessageDefinition> =>
  Object.fromEntries(
    (Object.keys(schemas) as T[]).map((type) => [
      type,
      { schema: schemas[type], description: descriptions[type] },
    ]),
  ) as Record<T, MessageDefinition>;

/** Pure: the months the log's days fall in, to ask a month's bookings of. */
const monthsOfDays = (events: readonly DomainEvent[]): string[] => [
  ...new Set(
    events.flatMap((event) => {
      const { date } = (event.data ?? {}) as { date?: unknown };
      return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? [date.slice(0, 7)] : [];
    }),
  ),
];

const patientArg = { name: 'patientId', label: 'Patient', problem: problemOf(idRule), idKind: 'patient' };

/** The read models' queries (the domain's public read side). */
export const schedulingQueryCatalog = {
  availableSlots: {
    description: 'The free slots of a date, grouped by doctor',
    args: [{ name: 'date', label: 'Date', problem: problemOf(dateRule) }],
    answer: 'list',
    run: ({ read }, date: string) => schedulingQueries.availableSlots(read, date),
  } satisfies QueryDefinition<[string], AvailableSlotsOfDoctor[]>,
  patientSlots: {
    description: "A patient's booked slots that are still ahead of the clock",
    args: [patientArg],
    answer: 'list',
    run: ({ read, now }, patientId: string) => schedulingQueries.patientSlots(read, patientId, now),
  } satisfies QueryDefinition<[string], PatientSlot[]>,
  appointment: {
    description: 'One booked slot with its doctor and patient (the many-to-many view)',
    args: [{ name: 'slotId', label: 'Slot', problem: problemOf(idRule), idKind: 'slot' }],
    answer: 'oneOrNull',
    run: ({ read }, slotId: string) => schedulingQueries.appointment(read, slotId),
  } satisfies QueryDefinition<[string], Appointment | null>,
  doctorDay: {
    description: "A doctor's day with the status of each slot",
    args: [{ name: 'dayId', label: 'Day', problem: problemOf(dayIdRule), idKind: 'day' }],
    answer: 'oneOrNull',
    run: ({ read }, dayId: string) => schedulingQueries.doctorDay(read, dayId),
  } satisfies QueryDefinition<[string], DoctorDay | null>,
  mailbox: {
    description: "A patient's messages, oldest first",
    args: [patientArg],
    answer: 'list',
    run: ({ read }, patientId: string) => schedulingQueries.mailbox(read, patientId),
  } satisfies QueryDefinition<[string], MailMessage[]>,
  monthlyBookings: {
    description: 'How many active bookings a patient has in a month',
    args: [
      patientArg,
      {
        name: 'month',
        label: 'Month',
        problem: (value: unknown) =>
          typeof value === 'string' && MONTH.test(value) ? null : 'must be YYYY-MM, e.g. 2026-03',
        valuesIn: monthsOfDays,
      },
    ],
    answer: 'count',
    run: ({ read }, patientId: string, month: string) =>
      schedulingQueries.monthlyBookings(read, patientId, month),
  } satisfies QueryDefinition<[string, string], number>,
  monthlyLimit: {
    description: 'The monthly limit in force (from the next booking on)',
    args: [],
    answer: 'value',
    run: ({ read }) => schedulingQueries.monthlyLimit(read),
  } satisfies QueryDefinition<[], number>,
};

const invariant = (name: string, title: string, check: Invariant['check']): Invariant => ({
  name,
  title,
  check,
});

const limitOf = (settings: Readonly<Record<string, unknown>>) =>
  typeof settings.monthlyLimit === 'number' ? settings.monthlyLimit : DEFAULT_MONTHLY_LIMIT;

const walkthroughs: Walkthrough[] = teachingScenarios.map(({ monthlyLimit, ...walkthrough }) => ({
  ...walkthrough,
  ...(monthlyLimit === undefined ? {} : { settings: { monthlyLimit } }),
}));

/** Pure: an event named by its type and what it is about, the most specific id first (a slot, a day…). */
const describe = (event: DomainEvent): string => {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const subject = [data.slotId, data.dayId, data.patientId, data.doctorId].find((v) => typeof v === 'string');
  return `${event.type} ${subject ?? ''}`.trim();
};

/** The doctor practice's scheduling context: doctors, patients, days and slots, bookings, notifications. */
export const scheduling = defineDomain({
  name: 'scheduling',
  title: 'Doctor practice',
  summary:
    'Doctors open days of 10-minute slots; patients book them; a saga keeps each patient under a monthly limit.',
  defaultNow: '2026-03-02T08:00',
  commands: catalog(commandDataSchemas, COMMANDS),
  events: catalog(eventDataSchemas, EVENTS),
  context: {
    validate: validateCommand,
    plan: planCommand,
    decide: decideCommand,
    decideFolded,
    streamFold,
  } as never,
  streamOfEvent: streamIdOfEvent,
  projections: (settings) => schedulingProjections(limitOf(settings)),
  queries: schedulingQueryCatalog,
  sagas: (settings) => schedulingSagas(limitOf(settings)),
  sagaViews: {
    overbooking: { machine: overbookingMachine, instances: listSagaInstances },
    dayCancellationNotifier: { machine: dayCancellationNotifierMachine, instances: listSagaInstances },
  },
  ids: {
    doctor: {
      label: 'Doctor',
      fields: ['doctorId'],
      introducedBy: [{ event: 'DoctorRegistered', field: 'doctorId', labelField: 'name' }],
    },
    patient: {
      label: 'Patient',
      fields: ['patientId'],
      introducedBy: [{ event: 'PatientRegistered', field: 'patientId', labelField: 'name' }],
    },
    day: {
      label: 'Day',
      fields: ['dayId'],
      introducedBy: [{ event: 'DayScheduled', field: 'dayId', labelField: 'date' }],
    },
    slot: {
      label: 'Slot',
      fields: ['slotId', 'pairedSlotId'],
      introducedBy: [{ event: 'SlotScheduled', field: 'slotId', labelField: 'startTime' }],
    },
  },
  invariants: [
    invariant('slotExclusivity', 'never books one slot for two patients at once', (log) =>
      slotExclusivity(log),
    ),
    invariant('doubleSlotAtomicity', 'always books both halves of a double slot or neither', (log) =>
      doubleSlotAtomicity(log),
    ),
    invariant('contiguousVersions', 'always numbers each stream 1, 2, 3… without gaps', (log) =>
      contiguousVersions(log),
    ),
    invariant('gaplessPositions', 'always numbers the log 1, 2, 3… without gaps', (log) =>
      gaplessPositions(log),
    ),
    invariant('cancelledDayHasNoActiveBooking', 'never leaves a booking on a cancelled day', (log) =>
      cancelledDayHasNoActiveBooking(log),
    ),
    invariant(
      'monthlyCap',
      'never leaves a patient over the monthly limit once settled',
      (log, settings) => monthlyCap(log, limitOf(settings)).violations,
    ),
  ],
  walkthroughs,
  scenarios: schedulingScenarios,
  settings: {
    monthlyLimit: {
      label: 'Monthly limit',
      description: 'Bookings a patient may hold per month before the overbooking saga cancels the latest',
      default: DEFAULT_MONTHLY_LIMIT,
      problem: problemOf(monthlyLimitRule),
      changedBy: { command: 'SetMonthlyLimit', field: 'monthlyLimit' },
    },
  },
  describeEvent: describe,
  demo: {
    title: 'A demo practice',
    description:
      'Three doctors, four patients, a day of slots each (today while its first slot is still ahead of the clock, else tomorrow) and three bookings.',
    commands: demoCommands,
  },
  historyProblems: schedulingHistoryProblems,
});
