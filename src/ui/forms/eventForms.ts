/** Form descriptions for every event of DOMAIN.md, and the pure steps from typed-in text or JSON to events. */
import { checkEvent, eventProblems } from '../../domains/scheduling/eventSchemas.ts';
import type { SchedulingEventType } from '../../domains/scheduling/events.ts';
import { dayIdOf, slotIdOf } from '../../domains/scheduling/ids.ts';
import { DEFAULT_WORKING_HOURS } from '../../domains/scheduling/practice/policies.ts';
import type { Message } from '../../core/domain/scenario.ts';
import { SLOT_MINUTES } from '../../domains/scheduling/time.ts';
import { field, listProblem, parseSlotList, parseWorkingHours, type FieldSpec } from './commandForms.ts';

/** One event type's form: its fields, and the events the typed-in values stand for. */
export interface EventFormSpec {
  type: SchedulingEventType;
  summary: string;
  fields: FieldSpec[];
  /** Pure: the events of checked values; ids the domain derives (day id, default slot id) are derived here too. */
  toEvents: (values: Record<string, string>) => Message[];
}

const dayIdField = field('dayId', 'Day id', 'dayId', true, 'e.g. ana-silva_2026-03-02');
const slotIdField = field('slotId', 'Slot id', 'id', true, 'e.g. ana-silva_2026-03-02_09:00');
const patientIdField = field('patientId', 'Patient id', 'id', true, 'e.g. tom-baker');
const doctorIdField = field('doctorId', 'Doctor id', 'id', true, 'e.g. ana-silva');
const dateField = field('date', 'Date', 'date', true, 'YYYY-MM-DD');

const one = (type: SchedulingEventType, data: Record<string, unknown>): Message[] => [{ type, data }];
const pick = (values: Record<string, string>, names: string[]) =>
  Object.fromEntries(names.filter((name) => values[name]).map((name) => [name, values[name]]));
const workingHoursOf = (text: string) => {
  const parsed = parseWorkingHours(text);
  return 'periods' in parsed ? parsed.periods : DEFAULT_WORKING_HOURS;
};
const startTimesOf = (text: string) => {
  const parsed = parseSlotList(text);
  return 'times' in parsed ? parsed.times : [];
};

export const eventFormSpecs: EventFormSpec[] = [
  {
    type: 'DoctorRegistered',
    summary: 'A doctor joined the practice.',
    fields: [
      doctorIdField,
      field('name', 'Name', 'text', true, 'e.g. Dr Ana Silva'),
      field('specialty', 'Specialty', 'text', true, 'e.g. General practice'),
      field('workingHours', 'Working hours', 'workingHours', false, '08:00-12:00, 13:00-17:00 (default)'),
    ],
    toEvents: (values) =>
      one('DoctorRegistered', {
        ...pick(values, ['doctorId', 'name', 'specialty']),
        workingHours: values.workingHours ? workingHoursOf(values.workingHours) : DEFAULT_WORKING_HOURS,
      }),
  },
  {
    type: 'MonthlyLimitSet',
    summary: 'The practice set its monthly limit.',
    fields: [field('monthlyLimit', 'Monthly limit', 'count', true, 'e.g. 10')],
    toEvents: (values) => one('MonthlyLimitSet', { monthlyLimit: Number(values.monthlyLimit) }),
  },
  {
    type: 'PatientRegistered',
    summary: 'A patient registered.',
    fields: [
      patientIdField,
      field('name', 'Name', 'text', true, 'e.g. Tom Baker'),
      field('email', 'Email', 'email', true, 'e.g. tom.baker@example.com'),
      field('birthDate', 'Birth date', 'date', true, 'YYYY-MM-DD'),
    ],
    toEvents: (values) => one('PatientRegistered', pick(values, ['patientId', 'name', 'email', 'birthDate'])),
  },
  {
    type: 'DayScheduled',
    summary: "A doctor's day was opened (its day id is <doctor>_<date>).",
    fields: [doctorIdField, dateField],
    toEvents: (values) =>
      one('DayScheduled', {
        dayId: dayIdOf(values.doctorId, values.date),
        ...pick(values, ['doctorId', 'date']),
      }),
  },
  {
    type: 'SlotScheduled',
    summary: 'Slots of 10 minutes were added to a day: one event per start time.',
    fields: [
      doctorIdField,
      dateField,
      field('startTimes', 'Start times', 'slots', true, 'e.g. 09:00-09:30 or 09:00, 09:10'),
    ],
    toEvents: (values) => {
      const dayId = dayIdOf(values.doctorId, values.date);
      return startTimesOf(values.startTimes).map((startTime) => ({
        type: 'SlotScheduled',
        data: {
          dayId,
          slotId: slotIdOf(dayId, startTime),
          doctorId: values.doctorId,
          date: values.date,
          startTime,
          durationMinutes: SLOT_MINUTES,
        },
      }));
    },
  },
  {
    type: 'SlotBooked',
    summary: 'A patient booked a slot.',
    fields: [
      dayIdField,
      slotIdField,
      patientIdField,
      field('pairedSlotId', 'Paired slot id', 'id', false, 'only for a double slot: the other half'),
    ],
    toEvents: (values) => one('SlotBooked', pick(values, ['dayId', 'slotId', 'patientId', 'pairedSlotId'])),
  },
  {
    type: 'SlotBookingCancelled',
    summary: 'A booking was cancelled.',
    fields: [
      dayIdField,
      slotIdField,
      patientIdField,
      field('reason', 'Reason', 'text', true, 'e.g. patient-request, overbooking, day-cancelled'),
    ],
    toEvents: (values) =>
      one('SlotBookingCancelled', pick(values, ['dayId', 'slotId', 'patientId', 'reason'])),
  },
  {
    type: 'SlotScheduleCancelled',
    summary: 'A slot was taken off the day.',
    fields: [dayIdField, slotIdField],
    toEvents: (values) => one('SlotScheduleCancelled', pick(values, ['dayId', 'slotId'])),
  },
  {
    type: 'DayScheduleCancelled',
    summary: 'A whole day was cancelled.',
    fields: [dayIdField, field('reason', 'Reason', 'text', true, 'e.g. Dr Silva is ill')],
    toEvents: (values) => one('DayScheduleCancelled', pick(values, ['dayId', 'reason'])),
  },
  {
    type: 'DayScheduleArchived',
    summary: 'A day was archived.',
    fields: [dayIdField],
    toEvents: (values) => one('DayScheduleArchived', pick(values, ['dayId'])),
  },
  {
    type: 'PatientNotified',
    summary: 'A patient was sent a message.',
    fields: [
      patientIdField,
      field('subject', 'Subject', 'text', true, 'e.g. Your appointment was cancelled'),
      field('body', 'Body', 'text'),
      field('causationEventId', 'Causing event id', 'id', true, 'the id of the event it answers'),
    ],
    toEvents: (values) =>
      one('PatientNotified', pick(values, ['patientId', 'subject', 'body', 'causationEventId'])),
  },
];

export type BuiltEvents =
  { kind: 'valid'; events: Message[] } | { kind: 'invalid'; problems: Record<string, string> };

/** Pure: the events a form describes, or each field's problem (in words, beginning with its label). */
export function buildEvents(spec: EventFormSpec, values: Record<string, string>): BuiltEvents {
  const problems: Record<string, string> = {};
  const trimmed: Record<string, string> = {};
  for (const f of spec.fields) {
    const raw = (values[f.name] ?? '').trim();
    // Why only lists here: how a list is typed is the form's business; what each value must be is the domain's.
    const problem = raw === '' ? null : listProblem(f.kind, raw);
    if (problem) problems[f.name] = `${f.label} ${problem}`;
    else trimmed[f.name] = raw;
  }
  if (Object.keys(problems).length > 0) return { kind: 'invalid', problems };
  const events = spec.toEvents(trimmed);
  const found = events.flatMap((event) => eventProblems(event).map((each) => ({ event, ...each })));
  for (const { event, path, problem } of found) {
    const f = formFieldOf(spec, path);
    if (!f || problems[f.name]) continue;
    // Why the value too: one start time of a list is wrong, and the list may be long.
    const which = f.kind === 'slots' ? `"${String(valueAt(event, path))}" ` : '';
    problems[f.name] = `${f.label} ${which}${problem}`;
  }
  // Why a fallback: a field the form derives (the day id) is wrong only because a typed-in one is.
  if (found.length > 0 && Object.keys(problems).length === 0) {
    const [first] = found;
    problems[spec.fields[0].name] = `${spec.fields[0].label}: ${first.path.join('.')} ${first.problem}`;
  }
  return Object.keys(problems).length > 0 ? { kind: 'invalid', problems } : { kind: 'valid', events };
}

/** The form field a problem of the built event's data is in: the same name, or the list it came from. */
function formFieldOf(spec: EventFormSpec, path: (string | number)[]): FieldSpec | undefined {
  const name = String(path[1] ?? '');
  return (
    spec.fields.find((f) => f.name === name) ??
    (name === 'startTime' ? spec.fields.find((f) => f.kind === 'slots') : undefined)
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valueAt = (event: Message, path: (string | number)[]): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)?.[key], event);

/** Pure: the data of one event typed as JSON, checked; or what is wrong with it. */
export function parseEventData(
  type: string,
  json: string,
): { kind: 'ok'; event: Message } | { kind: 'invalid'; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { kind: 'invalid', message: 'The event data is not valid JSON.' };
  }
  const checked = checkEvent({ type, data });
  return checked.kind === 'valid'
    ? { kind: 'ok', event: { type, data: data as Record<string, unknown> } }
    : { kind: 'invalid', message: `${type}: ${checked.path} ${checked.problem}` };
}

/** Pure: a JSON list of events, every one checked; or the first problem and which event it is in. */
export function parseEventList(
  json: string,
): { kind: 'ok'; events: Message[] } | { kind: 'invalid'; message: string } {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return { kind: 'invalid', message: 'The expected events are not valid JSON.' };
  }
  if (!Array.isArray(list))
    return { kind: 'invalid', message: 'The expected events must be a JSON list [ … ].' };
  for (const [index, event] of list.entries()) {
    const checked = checkEvent(event);
    if (checked.kind === 'invalid')
      return {
        kind: 'invalid',
        message: `Event ${index + 1}: ${checked.path ? `${checked.path} ` : ''}${checked.problem}`,
      };
  }
  return {
    kind: 'ok',
    events: (list as Message[]).map(({ type, data }) => ({ type, data })),
  };
}

/** The fields whose suggestions come from another field's values. */
const suggestedFrom: Record<string, string> = { pairedSlotId: 'slotId' };

/** Pure: the ids and dates the events mention, by field name, to suggest as values: `ana-silva`, `tom-baker`, … */
export function knownValues(events: readonly Message[]): Record<string, string[]> {
  const known = new Map<string, Set<string>>();
  for (const event of events)
    for (const name of ['doctorId', 'patientId', 'dayId', 'slotId', 'date']) {
      const value = event.data[name];
      if (typeof value !== 'string' || value === '') continue;
      if (!known.has(name)) known.set(name, new Set());
      known.get(name)?.add(value);
    }
  return Object.fromEntries([...known].map(([name, values]) => [name, [...values].sort()]));
}

/** Pure: the suggestions for one field of a form. */
export const suggestionsFor = (known: Record<string, string[]>, name: string): string[] =>
  known[suggestedFrom[name] ?? name] ?? [];

/** Pure: one value of a summary: slot lists as their start times, periods as `from-to`. */
function summaryValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value
      .map((item) =>
        isRecord(item) && typeof item.startTime === 'string'
          ? item.startTime
          : isRecord(item) && typeof item.from === 'string'
            ? `${item.from}-${String(item.to)}`
            : JSON.stringify(item),
      )
      .join(', ');
  return JSON.stringify(value);
}

/** Pure: one line of a command's or event's data for a list: its values in order, `ana-silva · 2026-03-02 · …`. */
export const summaryOf = (message: Message): string =>
  Object.values(message.data).map(summaryValue).join(' · ');
