/** The read-model queries a scenario may expect answers of: their arguments and the kind of answer, checked. */
import { dateRule, dayIdRule, idRule } from '../../../domains/scheduling/eventSchemas.ts';

export const scenarioQueryNames = [
  'availableSlots',
  'patientSlots',
  'appointment',
  'doctorDay',
  'mailbox',
  'monthlyBookings',
] as const;
export type ScenarioQueryName = (typeof scenarioQueryNames)[number];

export type QueryArgumentKind = 'date' | 'patientId' | 'slotId' | 'dayId' | 'month';
/** What a query answers: a count, a list of rows, or one row or `null`. */
export type QueryAnswerKind = 'count' | 'list' | 'oneOrNull';

/** Each query's arguments in order (DOMAIN.md's read models; `patientSlots` reads "now" from the scenario). */
export const scenarioQueries: Record<
  ScenarioQueryName,
  { args: readonly QueryArgumentKind[]; answer: QueryAnswerKind }
> = {
  availableSlots: { args: ['date'], answer: 'list' },
  patientSlots: { args: ['patientId'], answer: 'list' },
  appointment: { args: ['slotId'], answer: 'oneOrNull' },
  doctorDay: { args: ['dayId'], answer: 'oneOrNull' },
  mailbox: { args: ['patientId'], answer: 'list' },
  monthlyBookings: { args: ['patientId', 'month'], answer: 'count' },
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MONTH_PROBLEM = 'must be YYYY-MM, e.g. 2026-03';

/** Pure: what is wrong with one argument of a query, or null. */
export function argumentProblem(kind: QueryArgumentKind, value: string): string | null {
  if (value.trim() === '') return 'is required';
  if (kind === 'month') return MONTH.test(value) ? null : MONTH_PROBLEM;
  const rule = kind === 'date' ? dateRule : kind === 'dayId' ? dayIdRule : idRule;
  const parsed = rule.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0].message;
}

export const answerProblems: Record<QueryAnswerKind, string> = {
  count: 'must be a whole number, 0 or more',
  list: 'must be a list of rows [ … ] (an empty list for none)',
  oneOrNull: 'must be one row { … }, or null for none',
};

/** Pure: does `expected` have the kind of answer the query gives? (Its rows are compared when the scenario runs.) */
export function answerFits(kind: QueryAnswerKind, expected: unknown): boolean {
  if (kind === 'count') return typeof expected === 'number' && Number.isInteger(expected) && expected >= 0;
  if (kind === 'list') return Array.isArray(expected);
  return expected === null || (typeof expected === 'object' && !Array.isArray(expected));
}

/** Pure: the first problem of an expected read-model answer, with its path (`args.1`, `expected`), or null. */
export function rowsProblem(rows: {
  query: ScenarioQueryName;
  args: readonly string[];
  expected: unknown;
}): { path: (string | number)[]; problem: string } | null {
  const { args, answer } = scenarioQueries[rows.query];
  if (rows.args.length !== args.length)
    return {
      path: ['args'],
      problem: `must hold ${args.length === 1 ? 'one argument' : `${args.length} arguments`}: ${args.join(', ')}`,
    };
  for (const [index, kind] of args.entries()) {
    const problem = argumentProblem(kind, rows.args[index]);
    if (problem) return { path: ['args', index], problem };
  }
  return answerFits(answer, rows.expected) ? null : { path: ['expected'], problem: answerProblems[answer] };
}
