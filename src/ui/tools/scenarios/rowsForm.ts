/**
 * The form for one expected read-model answer, for any domain: a query of the domain's catalog, one field per
 * argument (labelled and checked as the query says), and the answer in plain choices.
 */
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { DomainEvent } from '../../../core/event.ts';
import {
  answerFits,
  answerProblems,
  argumentProblem,
  queryNamed,
  type QueryAnswerKind,
} from '../../../tools/scenarios/model/scenarioRows.ts';
import { argumentValues } from '../../../tools/shared/readSide.ts';

/** An expected answer as the builder keeps it: the arguments comma-separated, the answer as JSON text. */
export interface RowsText {
  query: string;
  args: string;
  expected: string;
}

/** `none`: no rows (`[]`) or no row (`null`); `count`: a number; `json`: the rows typed in (advanced). */
export type Expectation = 'none' | 'count' | 'json';

export interface RowsForm {
  query: string;
  /** One value per argument of the query, in order. */
  args: string[];
  expectation: Expectation;
  count: string;
  json: string;
}

export const COUNT_LABEL = 'Expected count';
export const JSON_LABEL = 'Expected answer (JSON)';

/** What "nothing" reads as for each kind of answer. */
export const noneLabels: Record<QueryAnswerKind, string> = {
  count: '',
  list: 'No rows',
  oneOrNull: 'None (null)',
  value: 'Nothing (null)',
};

const argsOf = (domain: DomainModule, query: string) => queryNamed(domain, query)?.args ?? [];
const answerOf = (domain: DomainModule, query: string): QueryAnswerKind =>
  queryNamed(domain, query)?.answer ?? 'value';
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
export function rowsFormOf(domain: DomainModule, text: RowsText): RowsForm {
  const values = text.args.split(',').map((arg) => arg.trim());
  const args = argsOf(domain, text.query).map((_, index) => values[index] ?? '');
  const answer = answerOf(domain, text.query);
  const expected = parsed(text.expected);
  if (answer === 'count')
    return { query: text.query, args, expectation: 'count', count: text.expected.trim(), json: '' };
  const isNone = expected !== null && pretty(expected.value) === pretty(noneOf(answer));
  return isNone
    ? { query: text.query, args, expectation: 'none', count: '', json: '' }
    : { query: text.query, args, expectation: 'json', count: '', json: text.expected };
}

/** Pure: the form after picking another query; arguments of the same name are kept, the answer starts at none. */
export function withQuery(domain: DomainModule, form: RowsForm, query: string): RowsForm {
  const before = argsOf(domain, form.query).map((argument) => argument.name);
  const args = argsOf(domain, query).map((argument) => {
    const index = before.indexOf(argument.name);
    return index === -1 ? '' : form.args[index];
  });
  const answer = answerOf(domain, query);
  return { query, args, expectation: answer === 'count' ? 'count' : 'none', count: '', json: '' };
}

/** Pure: what the builder keeps for the form (the file format's check names what is still wrong). */
export function rowsTextOf(domain: DomainModule, form: RowsForm): RowsText {
  const args = form.args.map((arg) => arg.trim()).join(', ');
  const answer = answerOf(domain, form.query);
  const expected =
    answer === 'count'
      ? form.count.trim()
      : form.expectation === 'none'
        ? JSON.stringify(noneOf(answer))
        : form.json;
  return { query: form.query, args, expected };
}

/** Pure: each field's problem, in words beginning with its label; keys `arg-<index>`, `count`, `json`. */
export function rowsFormProblems(domain: DomainModule, form: RowsForm): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [index, argument] of argsOf(domain, form.query).entries()) {
    const value = (form.args[index] ?? '').trim();
    // Why a rule of the form's own: the builder keeps the arguments comma-separated.
    const problem = value.includes(',') ? 'must not contain a comma' : argumentProblem(argument, value);
    if (problem) problems[`arg-${index}`] = `${argument.label} ${problem}`;
  }
  const answer = answerOf(domain, form.query);
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

/** Pure: the answer to put in the form, as the scenario actually gives it (to confirm or correct). */
export const withActualAnswer = (domain: DomainModule, form: RowsForm, actual: unknown): RowsForm =>
  answerOf(domain, form.query) === 'count'
    ? { ...form, expectation: 'count', count: String(actual) }
    : { ...form, expectation: 'json', json: pretty(actual) };

/** Pure: the values to suggest for argument `index` of a query: those the scenario's history names. */
export const argumentSuggestions = (
  domain: DomainModule,
  query: string,
  index: number,
  history: readonly DomainEvent[],
): string[] => {
  const argument = argsOf(domain, query)[index];
  return argument ? argumentValues(domain, argument, history) : [];
};
