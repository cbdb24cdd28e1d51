/** The field rules commands and events share, and the shape DOMAIN.md gives each event's data: one rule for forms, files and dispatch. */
import { z } from 'zod';
import { schedulingEventTypes, type SchedulingEventType } from './events.ts';
import { dayIdOf, parseDayId } from './ids.ts';
import { isDate, isOnSlotGrid, isTime, minutesOf, SLOT_MINUTES } from './time.ts';

export const idRule = z
  .string({ error: 'must be a text' })
  .min(1, 'must not be empty')
  .regex(/^\S+$/, 'must not contain spaces');
export const textRule = z.string({ error: 'must be a text' }).trim().min(1, 'must not be empty');
export const dateRule = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isDate, 'must be a real date YYYY-MM-DD');
export const timeRule = z.string({ error: 'must be a time HH:MM' }).refine(isTime, 'must be a time HH:MM');
export const dayIdRule = idRule.refine((value) => {
  const parsed = parseDayId(value);
  return parsed !== null && isDate(parsed.date);
}, 'must be <doctorId>_<YYYY-MM-DD>');
export const slotTimeRule = timeRule.refine(isOnSlotGrid, 'must be on the 10-minute grid (09:00, 09:10, …)');
export const periodRule = z
  .object({ from: timeRule, to: timeRule })
  .refine(({ from, to }) => minutesOf(from) < minutesOf(to), 'must end after it starts');

/** Why a check of its own: a day's id names its doctor and date, and projections read them from either. */
const dayOfItsDoctor = (
  data: { dayId: string; doctorId: string; date: string },
  context: z.RefinementCtx,
) => {
  if (data.dayId !== dayIdOf(data.doctorId, data.date))
    context.addIssue({
      code: 'custom',
      path: ['dayId'],
      message: `must be ${dayIdOf(data.doctorId, data.date)}`,
    });
};

export const eventDataSchemas = {
  DoctorRegistered: z.object({
    doctorId: idRule,
    name: textRule,
    specialty: textRule,
    workingHours: z.array(periodRule, { error: 'must be a list of periods' }).min(1, 'must name a period'),
  }),
  PatientRegistered: z.object({
    patientId: idRule,
    name: textRule,
    email: z.email({ error: 'must be an email address' }),
    birthDate: dateRule,
  }),
  DayScheduled: z.object({ dayId: dayIdRule, doctorId: idRule, date: dateRule }).superRefine(dayOfItsDoctor),
  SlotScheduled: z
    .object({
      dayId: dayIdRule,
      slotId: idRule,
      doctorId: idRule,
      date: dateRule,
      startTime: slotTimeRule,
      durationMinutes: z.literal(SLOT_MINUTES, { error: `must be ${SLOT_MINUTES}` }),
    })
    .superRefine(dayOfItsDoctor),
  SlotBooked: z.object({
    dayId: dayIdRule,
    slotId: idRule,
    patientId: idRule,
    pairedSlotId: idRule.optional(),
  }),
  SlotBookingCancelled: z.object({ dayId: dayIdRule, slotId: idRule, patientId: idRule, reason: textRule }),
  SlotScheduleCancelled: z.object({ dayId: dayIdRule, slotId: idRule }),
  DayScheduleCancelled: z.object({ dayId: dayIdRule, reason: textRule }),
  DayScheduleArchived: z.object({ dayId: dayIdRule }),
  PatientNotified: z.object({
    patientId: idRule,
    subject: textRule,
    body: textRule,
    causationEventId: idRule,
  }),
} satisfies Record<SchedulingEventType, z.ZodType>;

/** One thing wrong with an event: where (`type`, `data`, `data.startTime`, `data.workingHours.0.to`) and what. */
export interface EventProblem {
  path: (string | number)[];
  problem: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (isRecord(current) || Array.isArray(current) ? (current as never)[key] : undefined),
    value,
  );

/** Pure: what a field rule's issue says of `data`: 'is required' where the field is missing, else the rule's message. */
export const fieldProblem = (data: unknown, issue: z.core.$ZodIssue): string =>
  valueAt(data, issue.path) === undefined ? 'is required' : issue.message;

/** Pure: is `type` the name of a scheduling event? */
export const isEventType = (type: unknown): type is SchedulingEventType =>
  typeof type === 'string' && (schedulingEventTypes as readonly string[]).includes(type);

/** Pure: every problem of an event's type and data, in field order; none when it has the shape DOMAIN.md gives it. */
export function eventProblems(event: unknown): EventProblem[] {
  if (!isRecord(event)) return [{ path: [], problem: 'must be an object {type, data}' }];
  const { type, data } = event;
  if (!isEventType(type))
    return [
      {
        path: ['type'],
        problem: `must be one of ${schedulingEventTypes.join(', ')} (got ${JSON.stringify(type) ?? 'nothing'})`,
      },
    ];
  if (!isRecord(data)) return [{ path: ['data'], problem: 'must be an object' }];
  const parsed = eventDataSchemas[type].safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['data', ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))],
    problem: fieldProblem(data, issue),
  }));
}

export type CheckedEvent = { kind: 'valid' } | { kind: 'invalid'; path: string; problem: string };

/** Pure: valid, or the first problem of an event with its dotted path (`data.startTime`). */
export function checkEvent(event: unknown): CheckedEvent {
  const [first] = eventProblems(event);
  return first ? { kind: 'invalid', path: first.path.join('.'), problem: first.problem } : { kind: 'valid' };
}
