import { z } from 'zod';
import type { SchedulingCommand, SchedulingCommandType } from './commands.ts';
import { schedulingCommandTypes } from './commands.ts';
import type { SchedulingError } from './errors.ts';
import { invalidCommand } from './errors.ts';
import {
  dateRule,
  dayIdRule,
  fieldProblem,
  idRule,
  periodRule,
  slotTimeRule,
  textRule,
} from './eventSchemas.ts';

export const commandDataSchemas = {
  RegisterDoctor: z.object({
    doctorId: idRule,
    name: textRule,
    specialty: textRule,
    workingHours: z.array(periodRule).optional(),
  }),
  RegisterPatient: z.object({
    patientId: idRule,
    name: textRule,
    email: z.email({ error: 'must be an email address' }),
    birthDate: dateRule,
  }),
  ScheduleDay: z.object({
    doctorId: idRule,
    date: dateRule,
    slots: z.array(z.object({ startTime: slotTimeRule, slotId: idRule.optional() }), {
      error: 'must be a list of slots',
    }),
  }),
  ScheduleSlot: z.object({ dayId: dayIdRule, startTime: slotTimeRule, slotId: idRule.optional() }),
  BookSlot: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule }),
  BookDoubleSlot: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule }),
  CancelSlotBooking: z.object({
    dayId: dayIdRule,
    slotId: idRule,
    reason: textRule,
    patientId: idRule.optional(),
  }),
  CancelDaySchedule: z.object({ dayId: dayIdRule, reason: textRule }),
  ArchiveDaySchedule: z.object({ dayId: dayIdRule }),
  NotifyPatient: z.object({ patientId: idRule, subject: textRule, body: textRule, causationEventId: idRule }),
} satisfies Record<SchedulingCommandType, z.ZodType>;

const isCommandType = (value: unknown): value is SchedulingCommandType =>
  typeof value === 'string' && (schedulingCommandTypes as readonly string[]).includes(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
  const parsed = commandDataSchemas[type].safeParse(input.data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = ['data', ...issue.path.map(String)].join('.');
    return { kind: 'invalid', error: invalidCommand(type, field, fieldProblem(input.data, issue)) };
  }
  return { kind: 'valid', command: { type, data: parsed.data } as SchedulingCommand };
}
