/**
 * The field rules every domain's commands and events share, and the one way a schema's problem is told.
 * One set of rules for what a command may carry and what a log file may hold: an id accepted here is one the log
 * format accepts on import (no control, invisible or line-breaking characters, bounded length).
 */
import { z } from 'zod';
import { isDate, isInstant, isTime } from './clock.ts';

/** Limits shared by commands, events and files. */
export const FIELD_LIMITS = {
  maxIdLength: 128,
  maxTextLength: 10_000,
} as const;

/** Ids: no whitespace (spaces, tabs, line or paragraph separators) and no control or invisible characters. */
const ID = /^[^\p{C}\p{Z}\s]+$/u;
/** Text: no control characters but newline and tab, no line or paragraph separators (U+2028, U+2029). */
const TEXT = /^[^\p{Cc}\u2028\u2029]*$/u;
const TEXT_WITH_LINES = /^(?:[^\p{Cc}\u2028\u2029]|[\n\t])*$/u;

export const idRule = z
  .string({ error: 'must be a text' })
  .min(1, 'must not be empty')
  .max(FIELD_LIMITS.maxIdLength, `must be at most ${FIELD_LIMITS.maxIdLength} characters`)
  .regex(ID, 'must not contain spaces, control or invisible characters');

/** One line of text a person typed (a name, a title, a reason). */
export const textRule = z
  .string({ error: 'must be a text' })
  .trim()
  .min(1, 'must not be empty')
  .max(FIELD_LIMITS.maxTextLength, `must be at most ${FIELD_LIMITS.maxTextLength} characters`)
  .regex(TEXT, 'must not contain control characters or line breaks');

/** Longer text that may span lines (a description, a message body). */
export const longTextRule = z
  .string({ error: 'must be a text' })
  .max(FIELD_LIMITS.maxTextLength, `must be at most ${FIELD_LIMITS.maxTextLength} characters`)
  .regex(TEXT_WITH_LINES, 'must not contain control characters');

export const dateRule = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isDate, 'must be a real date YYYY-MM-DD');
export const timeRule = z.string({ error: 'must be a time HH:MM' }).refine(isTime, 'must be a time HH:MM');
export const instantRule = z
  .string({ error: 'must be an instant YYYY-MM-DDTHH:MM' })
  .refine(isInstant, 'must be a real instant YYYY-MM-DDTHH:MM');
export const emailRule = z
  .email({ error: 'must be an email address' })
  .max(FIELD_LIMITS.maxTextLength, 'is too long');

/** One thing wrong with a message: where (`type`, `data`, `data.startTime`, `data.slots.0.startTime`) and what. */
export interface FieldProblem {
  path: (string | number)[];
  problem: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (current, key) =>
      (isRecord(current) || Array.isArray(current)) && Object.hasOwn(current, key)
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    value,
  );

/** Pure: what a rule's issue says of `data`: 'is required' where the field is missing, else the rule's message. */
export const fieldProblem = (data: unknown, issue: z.core.$ZodIssue): string =>
  valueAt(data, issue.path) === undefined ? 'is required' : issue.message;

/**
 * Pure: every problem of a `{type, data}` message against a catalog of data schemas, in field order; none when it
 * fits. `kind` names what the catalog holds in the messages ("event", "command").
 */
export function messageProblems(
  message: unknown,
  schemas: Readonly<Record<string, z.core.$ZodType>>,
  kind: string,
): FieldProblem[] {
  if (!isRecord(message)) return [{ path: [], problem: `must be an object {type, data}` }];
  const { type, data } = message;
  if (typeof type !== 'string' || !Object.hasOwn(schemas, type)) {
    const known = Object.keys(schemas).join(', ');
    return [
      {
        path: ['type'],
        problem: `must be ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} type: one of ${known} (got ${JSON.stringify(type) ?? 'nothing'})`,
      },
    ];
  }
  if (!isRecord(data)) return [{ path: ['data'], problem: 'must be an object' }];
  const parsed = z.safeParse(schemas[type], data);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['data', ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))],
    problem: fieldProblem(data, issue),
  }));
}

/** Pure: a rule as a `problem` function: null when the value fits, else the rule's first message. */
export const problemOf =
  (rule: z.core.$ZodType) =>
  (value: unknown): string | null => {
    const parsed = z.safeParse(rule, value);
    return parsed.success ? null : fieldProblem(value, parsed.error.issues[0]);
  };
