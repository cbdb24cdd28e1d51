import { z } from 'zod';
import type { SchedulingCommand, SchedulingCommandType } from './commands.ts';
import { schedulingCommandTypes } from './commands.ts';
import type { SchedulingError } from './errors.ts';
import { invalidCommand } from './errors.ts';
import { parseDayId } from './ids.ts';
import { isDate, isOnSlotGrid, isTime, minutesOf } from './time.ts';

const id = z
  .string({ error: 'must be a text' })
  .min(1, 'must not be empty')
  .regex(/^\S+$/, 'must not contain spaces');
const text = z.string({ error: 'must be a text' }).trim().min(1, 'must not be empty');
const date = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isDate, 'must be a real date YYYY-MM-DD');
const time = z.string({ error: 'must be a time HH:MM' }).refine(isTime, 'must be a time HH:MM');
const slotTime = time.refine(isOnSlotGrid, 'must be on the 10-minute grid (09:00, 09:10, …)');
const dayId = id.refine((value) => {
  const parsed = parseDayId(value);
  return parsed !== null && isDate(parsed.date);
}, 'must be <doctorId>_<YYYY-MM-DD>');
const workingPeriod = z
  .object({ from: time, to: time })
  .refine(({ from, to }) => minutesOf(from) < minutesOf(to), 'must end after it starts');

const schemas = {
  RegisterDoctor: z.object({
    doctorId: id,
    name: text,
    specialty: text,
    workingHours: z.array(workingPeriod).optional(),
  }),
  RegisterPatient: z.object({
    patientId: id,
    name: text,
    email: z.email({ error: 'must be an email address' }),
    birthDate: date,
  }),
  ScheduleDay: z.object({
    doctorId: id,
    date,
    slots: z.array(z.object({ startTime: slotTime, slotId: id.optional() }), {
      error: 'must be a list of slots',
    }),
  }),
  ScheduleSlot: z.object({ dayId, startTime: slotTime, slotId: id.optional() }),
  BookSlot: z.object({ dayId, slotId: id, patientId: id }),
  BookDoubleSlot: z.object({ dayId, slotId: id, patientId: id }),
  CancelSlotBooking: z.object({ dayId, slotId: id, reason: text, patientId: id.optional() }),
  CancelDaySchedule: z.object({ dayId, reason: text }),
  ArchiveDaySchedule: z.object({ dayId }),
  NotifyPatient: z.object({ patientId: id, subject: text, body: text, causationEventId: id }),
} satisfies Record<SchedulingCommandType, z.ZodType>;

const isCommandType = (value: unknown): value is SchedulingCommandType =>
  typeof value === 'string' && (schedulingCommandTypes as readonly string[]).includes(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valueAt = (value: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (isRecord(current) || Array.isArray(current) ? (current as never)[key] : undefined),
    value,
  );

/** Pure: a typed scheduling command, or `InvalidCommand` naming the first bad field. */
export function validateCommand(
  input: unknown,
): { kind: 'valid'; command: SchedulingCommand } | { kind: 'invalid'; error: SchedulingError } {
  if (!isRecord(input))
    return { kind: 'invalid', error: invalidCommand('Command', 'command', 'must be an object') };
  const { type } = input;
  if (!isCommandType(type)) {
    const problem = `must be one of ${schedulingCommandTypes.join(', ')} (got ${JSON.stringify(type) ?? 'nothing'})`;
    return { kind: 'invalid', error: invalidCommand('Command', 'type', problem) };
  }
  if (!isRecord(input.data))
    return { kind: 'invalid', error: invalidCommand(type, 'data', 'must be an object') };
  const parsed = schemas[type].safeParse(input.data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = ['data', ...issue.path.map(String)].join('.');
    const problem = valueAt(input.data, issue.path) === undefined ? 'is required' : issue.message;
    return { kind: 'invalid', error: invalidCommand(type, field, problem) };
  }
  return { kind: 'valid', command: { type, data: parsed.data } as SchedulingCommand };
}
