/** The form for one expected read-model answer: labelled arguments per query, and the answer in plain choices. */
import {
  answerFits,
  answerProblems,
  argumentProblem,
  scenarioQueries,
  type QueryAnswerKind,
  type QueryArgumentKind,
  type ScenarioQueryName,
} from '../../../tools/scenarios/model/scenarioRows.ts';

/** An expected answer as the builder keeps it: the arguments comma-separated, the answer as JSON text. */
export interface RowsText {
  query: ScenarioQueryName;
  args: string;
  expected: string;
}

/** `none`: no rows (`[]`) or no row (`null`); `count`: a number; `json`: the rows typed in (advanced). */
export type Expectation = 'none' | 'count' | 'json';

export interface RowsForm {
  query: ScenarioQueryName;
  /** One value per argument of the query, in order. */
  args: string[];
  expectation: Expectation;
  count: string;
  json: string;
}

export const argumentFields: Record<QueryArgumentKind, { label: string; hint: string }> = {
  date: { label: 'Date', hint: 'YYYY-MM-DD' },
  patientId: { label: 'Patient id', hint: 'e.g. tom-baker' },
  slotId: { label: 'Slot id', hint: 'e.g. ana-silva_2026-03-02_09:00' },
  dayId: { label: 'Day id', hint: 'e.g. ana-silva_2026-03-02' },
  month: { label: 'Month', hint: 'YYYY-MM, e.g. 2026-03' },
};

/** Each query in a product owner's words, and what "nothing" means for it. */
export const queryTexts: Record<ScenarioQueryName, { summary: string; none: string }> = {
  availableSlots: { summary: 'The free slots of a date, by doctor.', none: 'No free slots' },
  patientSlots: {
    summary: 'The slots a patient has booked, after the scenario’s clock.',
    none: 'No booked slots',
  },
  appointment: { summary: 'One booked slot with its patient and doctor.', none: 'No appointment (null)' },
  doctorDay: { summary: 'A doctor’s day and the status of each slot.', none: 'No such day (null)' },
  mailbox: { summary: 'The messages a patient was sent, oldest first.', none: 'No messages' },
  monthlyBookings: { summary: 'How many active bookings a patient has in a month.', none: '' },
};

export const COUNT_LABEL = 'Expected bookings';
export const JSON_LABEL = 'Expected answer (JSON)';

const answerOf = (query: ScenarioQueryName): QueryAnswerKind => scenarioQueries[query].answer;
const noneOf = (answer: QueryAnswerKind) => (answer === 'list' ? [] : null);
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

const parsed = (text: string): { value: unknown } | null => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
};

/** Pure: the form showing an expected answer the builder holds (from a file, a link or a new row). */
export function rowsFormOf(text: RowsText): RowsForm {
  const kinds = scenarioQueries[text.query].args;
  const values = text.args.split(',').map((arg) => arg.trim());
  const args = kinds.map((_, index) => values[index] ?? '');
  const answer = answerOf(text.query);
  const expected = parsed(text.expected);
  if (answer === 'count')
    return { query: text.query, args, expectation: 'count', count: text.expected.trim(), json: '' };
  const isNone = expected !== null && pretty(expected.value) === pretty(noneOf(answer));
  return isNone
    ? { query: text.query, args, expectation: 'none', count: '', json: '' }
    : { query: text.query, args, expectation: 'json', count: '', json: text.expected };
}

/** Pure: the form after picking another query; arguments of the same kind are kept, the answer starts at none. */
export function withQuery(form: RowsForm, query: ScenarioQueryName): RowsForm {
  const before = scenarioQueries[form.query].args;
  const args = scenarioQueries[query].args.map((kind) => {
    const index = before.indexOf(kind);
    return index === -1 ? '' : form.args[index];
  });
  const answer = answerOf(query);
  return { query, args, expectation: answer === 'count' ? 'count' : 'none', count: '', json: '' };
}

/** Pure: what the builder keeps for the form (the file format's check names what is still wrong). */
export function rowsTextOf(form: RowsForm): RowsText {
  const args = form.args.map((arg) => arg.trim()).join(', ');
  const answer = answerOf(form.query);
  const expected =
    answer === 'count'
      ? form.count.trim()
      : form.expectation === 'none'
        ? JSON.stringify(noneOf(answer))
        : form.json;
  return { query: form.query, args, expected };
}

/** Pure: each field's problem, in words beginning with its label; keys `arg-<index>`, `count`, `json`. */
export function rowsFormProblems(form: RowsForm): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [index, kind] of scenarioQueries[form.query].args.entries()) {
    const value = (form.args[index] ?? '').trim();
    // Why a rule of the form's own: the builder keeps the arguments comma-separated.
    const problem = value.includes(',') ? 'must not contain a comma' : argumentProblem(kind, value);
    if (problem) problems[`arg-${index}`] = `${argumentFields[kind].label} ${problem}`;
  }
  const answer = answerOf(form.query);
  if (answer === 'count') {
    const count = form.count.trim();
    const problem =
      count === ''
        ? 'is required'
        : /^\d+$/.test(count) && answerFits('count', Number(count))
          ? null
          : answerProblems.count;
    if (problem) problems.count = `${COUNT_LABEL} ${problem}`;
  } else if (form.expectation === 'json') {
    const expected = parsed(form.json);
    const problem =
      expected === null
        ? 'is not valid JSON'
        : answerFits(answer, expected.value)
          ? null
          : answerProblems[answer];
    if (problem) problems.json = `${JSON_LABEL} ${problem}`;
  }
  return problems;
}

/** Pure: the typed-in answer in words, so a product owner can check the JSON says what they mean. */
export function answerSummary(form: RowsForm): string | null {
  const expected = parsed(form.json);
  if (form.expectation !== 'json' || expected === null) return null;
  const { value } = expected;
  if (Array.isArray(value))
    return value.length === 0 ? 'No rows.' : `${value.length} row${value.length === 1 ? '' : 's'}.`;
  if (value === null) return 'Nothing (null).';
  return typeof value === 'object' ? 'One row.' : null;
}

/** Pure: the answer to put in the JSON field, as the scenario actually gives it (to confirm or correct). */
export const withActualAnswer = (form: RowsForm, actual: unknown): RowsForm =>
  answerOf(form.query) === 'count'
    ? { ...form, expectation: 'count', count: String(actual) }
    : { ...form, expectation: 'json', json: pretty(actual) };

/** Pure: the months of the dates a scenario mentions, to suggest for a month argument. */
export const monthsOf = (dates: readonly string[]): string[] =>
  [...new Set(dates.map((date) => date.slice(0, 7)))].sort();

/** Pure: the suggestions for one argument, from the ids and dates the Given mentions. */
export const argumentSuggestions = (known: Record<string, string[]>, kind: QueryArgumentKind): string[] =>
  kind === 'month' ? monthsOf(known.date ?? []) : (known[kind] ?? []);
