import { z } from 'zod';
import { isInstant } from '../../../core/clock.ts';
import { givenWhenThen } from '../../../core/testing/givenWhenThen.ts';
import type { DomainEvent } from '../../../core/event.ts';
import {
  bookDoubleSlot,
  bookSlot,
  cancelDaySchedule,
  cancelSlotBooking,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotBooked,
  slotScheduled,
  dayScheduled,
  doctorRegistered,
  patientRegistered,
} from '../../../domains/scheduling/builders.ts';
import { eventProblems } from '../../../domains/scheduling/eventSchemas.ts';
import { streamIdOfEvent } from '../../../domains/scheduling/ids.ts';
import { createScheduling } from '../../../domains/scheduling/context.ts';
import { schedulingQueries } from '../../../domains/scheduling/projections/index.ts';
import { rowsProblem, scenarioQueryNames, type ScenarioQueryName } from './scenarioRows.ts';
import { validateCommand } from '../../../domains/scheduling/validation.ts';

/** A command or event as plain data: a type and its data. */
export interface Message {
  type: string;
  data: Record<string, unknown>;
}

/** One past fact of a scenario: an event that happened, or a command whose events happened. */
export type GivenItem = { kind: 'event'; event: Message } | { kind: 'command'; command: Message };

export { scenarioQueryNames, type ScenarioQueryName } from './scenarioRows.ts';

/** An expected read-model answer: the query, its arguments, and the rows it should return. */
export interface ExpectedRows {
  query: ScenarioQueryName;
  args: string[];
  expected: unknown;
}

/** A Given/When/Then scenario a product owner can read, run, save and share. */
export interface ScenarioSpec {
  id: string;
  title: string;
  tags: string[];
  description?: string;
  /** The virtual clock the decisions see, `YYYY-MM-DDTHH:MM`. */
  now: string;
  /** The overbooking saga's bookings per patient per month; the practice's default (10) when absent. */
  monthlyLimit?: number;
  given: GivenItem[];
  when: Message;
  then: { events: Message[] } | { rejection: string };
  thenRows?: ExpectedRows[];
}

export const SCENARIO_FORMAT = 'eventscope.scenario';
/** Why a bound: a scenario is read by people and carried in a URL; a whole 100k-event log is neither. */
export const MAX_GIVEN_STEPS = 500;
export const SCENARIO_FORMAT_VERSION = 1;

/** The versioned file: one or more scenarios. */
export interface ScenarioFile {
  format: typeof SCENARIO_FORMAT;
  formatVersion: typeof SCENARIO_FORMAT_VERSION;
  scenarios: ScenarioSpec[];
}

/** Why a sentence of its own: the builder shows it next to its field as well. */
export const MONTHLY_LIMIT_PROBLEM = 'must be a whole number of bookings, 1 or more';

const message = z.object({ type: z.string().min(1), data: z.record(z.string(), z.unknown()) });
/** Why only checked, not parsed: the file keeps the event as written, so it reads back the same. */
const eventMessage = message.superRefine((event, context) => {
  const [first] = eventProblems(event);
  if (first) context.addIssue({ code: 'custom', path: first.path, message: first.problem });
});
const commandMessage = message.superRefine((command, context) => {
  const validated = validateCommand(command);
  if (validated.kind === 'valid') return;
  const { field, problem } = validated.error as { field?: unknown; problem?: unknown };
  const path = typeof field === 'string' && field !== 'command' ? field.split('.') : [];
  context.addIssue({ code: 'custom', path, message: String(problem ?? validated.error.message) });
});
const expectedRows = z
  .object({ query: z.enum(scenarioQueryNames), args: z.array(z.string()), expected: z.unknown() })
  .superRefine((rows, context) => {
    const problem = rowsProblem(rows);
    if (problem) context.addIssue({ code: 'custom', path: problem.path, message: problem.problem });
  });

const scenarioSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  tags: z.array(z.string()),
  description: z.string().optional(),
  now: z.string().refine(isInstant, 'is not an instant YYYY-MM-DDTHH:MM'),
  monthlyLimit: z
    .number({ error: MONTHLY_LIMIT_PROBLEM })
    .int({ error: MONTHLY_LIMIT_PROBLEM })
    .min(1, { error: MONTHLY_LIMIT_PROBLEM })
    .optional(),
  given: z
    .array(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('event'), event: eventMessage }),
        z.object({ kind: z.literal('command'), command: commandMessage }),
      ]),
    )
    .max(MAX_GIVEN_STEPS),
  when: commandMessage,
  then: z.union([z.object({ events: z.array(eventMessage) }), z.object({ rejection: z.string().min(1) })]),
  thenRows: z.array(expectedRows).optional(),
});

const fileSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  scenarios: z.array(scenarioSchema).min(1),
});

export type ParsedScenarios =
  { kind: 'ok'; scenarios: ScenarioSpec[] } | { kind: 'invalid'; path: string; message: string };

/** Pure: the file holding `scenarios`. */
export const toScenarioFile = (scenarios: ScenarioSpec[]): ScenarioFile => ({
  format: SCENARIO_FORMAT,
  formatVersion: SCENARIO_FORMAT_VERSION,
  scenarios,
});

/** Pure: every scenario of a file, or the first problem and where it is; never some of them. */
export function parseScenarioFile(json: unknown): ParsedScenarios {
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return { kind: 'ok', scenarios: parsed.data.scenarios as ScenarioSpec[] };
  const issue = parsed.error.issues[0];
  const path = issue.path.length > 0 ? issue.path.join('.') : '(the file)';
  return { kind: 'invalid', path, message: `${path}: ${issue.message}` };
}

/** Pure: `parseScenarioFile` from text, saying so when the text is not JSON. */
export function parseScenarioText(text: string): ParsedScenarios {
  try {
    return parseScenarioFile(JSON.parse(text));
  } catch {
    return { kind: 'invalid', path: '(the file)', message: '(the file): is not a JSON document' };
  }
}

const messageOf = ({ type, data }: { type: string; data: unknown }): Message => ({
  type,
  data: data as Record<string, unknown>,
});

/** The Given/When/Then engine for scheduling scenarios, at the scenario's clock and monthly limit. */
export const scenarioSpec = (
  now: string,
  options: { monthlyLimit?: number; throwOnFailure?: boolean } = {},
) =>
  givenWhenThen(createScheduling({ monthlyLimit: options.monthlyLimit }), {
    now,
    streamIdOf: streamIdOfEvent,
    throwOnFailure: options.throwOnFailure ?? false,
  });

export type GivenHistory =
  { kind: 'ok'; events: DomainEvent[] } | { kind: 'rejected'; index: number; code: string; message: string };

/** Pure: the events the Given items amount to, each command decided by the engine after the ones before. */
export function givenHistory(given: readonly GivenItem[], now: string): GivenHistory {
  const spec = scenarioSpec(now);
  const events: DomainEvent[] = [];
  for (const [index, item] of given.entries()) {
    if (item.kind === 'event') {
      events.push(item.event);
      continue;
    }
    const decision = spec.given(events).when(item.command).decision;
    if (decision.kind === 'rejected')
      return { kind: 'rejected', index, code: decision.error.code, message: decision.error.message };
    events.push(...decision.events.map(messageOf));
  }
  return { kind: 'ok', events };
}

/** Pure: the read-model query a row expectation names, over the engine's read models. */
export const runQuery =
  ({ query, args }: Pick<ExpectedRows, 'query' | 'args'>, now: string) =>
  (read: (name: string) => unknown): unknown => {
    switch (query) {
      case 'patientSlots':
        return schedulingQueries.patientSlots(read, args[0] ?? '', now);
      case 'monthlyBookings':
        return schedulingQueries.monthlyBookings(read, args[0] ?? '', args[1] ?? '');
      default:
        return schedulingQueries[query](read, args[0] ?? '');
    }
  };

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

/** The built-in Given/When/Then scenarios, from seed 000's examples and the teaching scenarios. */
export const builtInScenarios: ScenarioSpec[] = [
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
    monthlyLimit: 3,
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
