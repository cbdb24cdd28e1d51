/** The field rules commands and events share, and the shape DOMAIN.md gives each event's data: one rule for forms, files and dispatch. */
import { z } from 'zod';
import { eventDataSchemas, schedulingEventTypes, type SchedulingEventType } from './events.ts';

export { dateRule, dayIdRule, idRule, periodRule, slotTimeRule, textRule, timeRule } from './rules.ts';
export { eventDataSchemas };

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
