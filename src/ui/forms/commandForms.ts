/** Form descriptions for every command of DOMAIN.md, the pure step from typed-in text to a command, and the field model event forms share. */

export type FieldKind =
  'id' | 'text' | 'email' | 'date' | 'time' | 'dayId' | 'slots' | 'workingHours' | 'count';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  isRequired: boolean;
  hint?: string;
}

export interface CommandSpec {
  type: string;
  summary: string;
  fields: FieldSpec[];
}

/** Pure: one field of a command's or event's form; required unless told otherwise. */
export const field = (
  name: string,
  label: string,
  kind: FieldKind,
  isRequired = true,
  hint?: string,
): FieldSpec => ({
  name,
  label,
  kind,
  isRequired,
  hint,
});

const dayIdField = field('dayId', 'Day id', 'dayId', true, '<doctorId>_<YYYY-MM-DD>, e.g. ana_2026-03-03');

export const commandSpecs: CommandSpec[] = [
  {
    type: 'RegisterDoctor',
    summary: 'Add a doctor to the practice (at most 5).',
    fields: [
      field('doctorId', 'Doctor id', 'id'),
      field('name', 'Name', 'text'),
      field('specialty', 'Specialty', 'text'),
      field(
        'workingHours',
        'Working hours',
        'workingHours',
        false,
        'e.g. 08:00-12:00, 13:00-17:00 (default)',
      ),
    ],
  },
  {
    type: 'RegisterPatient',
    summary: 'Register a patient who can book slots.',
    fields: [
      field('patientId', 'Patient id', 'id'),
      field('name', 'Name', 'text'),
      field('email', 'Email', 'email'),
      field('birthDate', 'Birth date', 'date', true, 'YYYY-MM-DD'),
    ],
  },
  {
    type: 'ScheduleDay',
    summary: "Open a doctor's day with its 10-minute slots.",
    fields: [
      field('doctorId', 'Doctor id', 'id'),
      field('date', 'Date', 'date', true, 'YYYY-MM-DD'),
      field('slots', 'Slot start times', 'slots', true, 'e.g. 09:00-10:00 or 09:00, 09:10'),
    ],
  },
  {
    type: 'ScheduleSlot',
    summary: 'Add one slot to a scheduled day.',
    fields: [
      dayIdField,
      field('startTime', 'Start time', 'time', true, 'HH:MM'),
      field('slotId', 'Slot id', 'id', false),
    ],
  },
  {
    type: 'BookSlot',
    summary: 'Book a slot for a patient.',
    fields: [dayIdField, field('slotId', 'Slot id', 'id'), field('patientId', 'Patient id', 'id')],
  },
  {
    type: 'BookDoubleSlot',
    summary: 'Book a slot and the one right after it, atomically.',
    fields: [dayIdField, field('slotId', 'First slot id', 'id'), field('patientId', 'Patient id', 'id')],
  },
  {
    type: 'CancelSlotBooking',
    summary: 'Cancel a booking.',
    fields: [
      dayIdField,
      field('slotId', 'Slot id', 'id'),
      field('reason', 'Reason', 'text'),
      field('patientId', 'Patient id', 'id', false, 'only this patient may cancel, if given'),
    ],
  },
  {
    type: 'CancelDaySchedule',
    summary: 'Cancel a whole day: its bookings and slots.',
    fields: [dayIdField, field('reason', 'Reason', 'text')],
  },
  { type: 'ArchiveDaySchedule', summary: 'Archive a day.', fields: [dayIdField] },
  {
    type: 'SetMonthlyLimit',
    summary: 'Set how many bookings a patient may hold per month, from the next booking on.',
    fields: [field('monthlyLimit', 'Monthly limit', 'count')],
  },
  {
    type: 'NotifyPatient',
    summary: 'Send a patient a notification (idempotent per cause).',
    fields: [
      field('patientId', 'Patient id', 'id'),
      field('subject', 'Subject', 'text'),
      field('body', 'Body', 'text'),
      field('causationEventId', 'Causing event id', 'id'),
    ],
  },
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clockTime = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** Pure: start times every 10 minutes from `from` up to, not including, `to`. */
export function slotTimes(from: string, to: string): string[] {
  if (!TIME.test(from) || !TIME.test(to)) return [];
  const times: string[] = [];
  for (let m = minutes(from); m < minutes(to); m += 10) times.push(clockTime(m));
  return times;
}

/** Pure: "09:00-10:00, 11:00" → the start times it names, or the first thing that is not a time. */
export function parseSlotList(text: string): { times: string[] } | { problem: string } {
  const times: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d{2}:\d{2})[-–](\d{2}:\d{2})$/.exec(part);
    if (range) {
      if (!TIME.test(range[1]) || !TIME.test(range[2]) || minutes(range[2]) <= minutes(range[1])) {
        return { problem: `"${part}" is not a range like 09:00-10:00` };
      }
      times.push(...slotTimes(range[1], range[2]));
    } else if (TIME.test(part)) times.push(part);
    else return { problem: `"${part}" is not a time HH:MM or a range HH:MM-HH:MM` };
  }
  return times.length > 0 ? { times } : { problem: 'name at least one start time' };
}

/** Pure: "08:00-12:00, 13:00-17:00" → working periods, or what is wrong. */
export function parseWorkingHours(
  text: string,
): { periods: { from: string; to: string }[] } | { problem: string } {
  const periods: { from: string; to: string }[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d{2}:\d{2})[-–](\d{2}:\d{2})$/.exec(part);
    if (!range || !TIME.test(range[1]) || !TIME.test(range[2])) {
      return { problem: `"${part}" is not a period like 08:00-12:00` };
    }
    periods.push({ from: range[1], to: range[2] });
  }
  return periods.length > 0 ? { periods } : { problem: 'name at least one period' };
}

/** Pure: what is wrong with how a list field (slots, working hours) is typed, or null; other kinds have no list to check. */
export function listProblem(kind: FieldKind, raw: string): string | null {
  const parsed =
    kind === 'slots' ? parseSlotList(raw) : kind === 'workingHours' ? parseWorkingHours(raw) : null;
  return parsed && 'problem' in parsed ? parsed.problem : null;
}

/** Pure: checks one typed-in value's form (not the domain's rules); the problem in words, or null. */
export function fieldProblem(spec: FieldSpec, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return spec.isRequired ? 'is required' : null;
  switch (spec.kind) {
    case 'id':
      return /\s/.test(value) ? 'must not contain spaces' : null;
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? null
        : 'must be an email address like tom@example.org';
    case 'date':
      return DATE.test(value) ? null : 'must be a date YYYY-MM-DD';
    case 'time':
      return TIME.test(value) ? null : 'must be a time HH:MM';
    case 'dayId':
      return /^\S+_\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'must be <doctorId>_<YYYY-MM-DD>';
    case 'slots':
    case 'workingHours':
      return listProblem(spec.kind, value);
    case 'count':
      return /^[1-9]\d*$/.test(value) ? null : 'must be a whole number, 1 or more';
    default:
      return null;
  }
}

export type BuiltCommand =
  | { kind: 'valid'; command: { type: string; data: Record<string, unknown> } }
  | { kind: 'invalid'; problems: Record<string, string> };

/** Pure: the command the form describes, or each field's problem. Empty optional fields are left out. */
export function buildCommand(spec: CommandSpec, values: Record<string, string>): BuiltCommand {
  const problems: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const raw = (values[f.name] ?? '').trim();
    const problem = fieldProblem(f, raw);
    if (problem) {
      problems[f.name] = `${f.label} ${problem}`;
      continue;
    }
    if (raw === '') continue;
    if (f.kind === 'slots') {
      const parsed = parseSlotList(raw);
      if ('times' in parsed) data[f.name] = parsed.times.map((startTime) => ({ startTime }));
    } else if (f.kind === 'workingHours') {
      const parsed = parseWorkingHours(raw);
      if ('periods' in parsed) data[f.name] = parsed.periods;
    } else if (f.kind === 'count') data[f.name] = Number(raw);
    else data[f.name] = raw;
  }
  return Object.keys(problems).length > 0
    ? { kind: 'invalid', problems }
    : { kind: 'valid', command: { type: spec.type, data } };
}
