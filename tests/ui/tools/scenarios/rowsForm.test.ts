import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../../src/domains/index.ts';
import * as rowsForms from '../../../../src/ui/tools/scenarios/rowsForm.ts';
import { answerSummary, type RowsForm, type RowsText } from '../../../../src/ui/tools/scenarios/rowsForm.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

const builtInScenarios = scheduling.scenarios;
const scenarioQueryNames = Object.keys(scheduling.queries);
const rowsFormOf = (text: RowsText) => rowsForms.rowsFormOf(scheduling, text);
const rowsTextOf = (form: RowsForm) => rowsForms.rowsTextOf(scheduling, form);
const rowsFormProblems = (form: RowsForm) => rowsForms.rowsFormProblems(scheduling, form);
const withQuery = (form: RowsForm, query: string) => rowsForms.withQuery(scheduling, form, query);
const withActualAnswer = (form: RowsForm, actual: unknown) =>
  rowsForms.withActualAnswer(scheduling, form, actual);

const form = (overrides: Partial<RowsForm> & Pick<RowsForm, 'query'>): RowsForm => ({
  args: [],
  expectation: 'none',
  count: '',
  json: '',
  ...overrides,
});

describe('the form of an expected read-model answer', () => {
  it('always shows a built-in expectation as it is and keeps it unchanged', () => {
    for (const rows of builtInScenarios.flatMap((s) => s.thenRows ?? [])) {
      const text = { query: rows.query, args: rows.args.join(', '), expected: JSON.stringify(rows.expected) };
      const shown = rowsFormOf(text);
      expect(rowsFormProblems(shown)).toEqual({});
      const kept = rowsTextOf(shown);
      expect({ ...kept, expected: JSON.parse(kept.expected) as unknown }).toEqual({
        ...text,
        expected: rows.expected,
      });
    }
  });

  it('shows a count as a number and an empty list as “no rows”', () => {
    expect(rowsFormOf({ query: 'monthlyBookings', args: 'tom-baker, 2026-03', expected: '3' })).toEqual(
      form({ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expectation: 'count', count: '3' }),
    );
    expect(rowsFormOf({ query: 'mailbox', args: 'tom-baker', expected: '[]' })).toEqual(
      form({ query: 'mailbox', args: ['tom-baker'] }),
    );
    expect(
      rowsFormOf({ query: 'appointment', args: 'ana-silva_2026-03-02_09:00', expected: 'null' }),
    ).toEqual(form({ query: 'appointment', args: ['ana-silva_2026-03-02_09:00'] }));
  });

  it('writes “no rows” as the empty answer each query gives', () => {
    expect(rowsTextOf(form({ query: 'patientSlots', args: [' tom-baker '] }))).toEqual({
      query: 'patientSlots',
      args: 'tom-baker',
      expected: '[]',
    });
    expect(rowsTextOf(form({ query: 'doctorDay', args: ['ana-silva_2026-03-02'] })).expected).toBe('null');
  });

  describe('when another query is picked', () => {
    it('keeps the arguments of the same kind and asks for the others', () => {
      const mailbox = form({ query: 'mailbox', args: ['tom-baker'], expectation: 'json', json: '[{}]' });
      expect(withQuery(mailbox, 'monthlyBookings')).toEqual(
        form({ query: 'monthlyBookings', args: ['tom-baker', ''], expectation: 'count' }),
      );
      expect(withQuery(mailbox, 'availableSlots')).toEqual(form({ query: 'availableSlots', args: [''] }));
    });

    it('always has one argument field per argument of the query', () => {
      for (const query of scenarioQueryNames) {
        const picked = withQuery(form({ query: 'availableSlots', args: ['2026-03-02'] }), query);
        const text = rowsTextOf(picked).args;
        // A query without arguments (monthlyLimit) has no field at all, and its text is empty.
        if (picked.args.length === 0) expect(text).toBe('');
        else expect(text.split(',')).toHaveLength(picked.args.length);
      }
    });
  });

  describe('its problems, next to each field', () => {
    it('name each bad argument by its label', () => {
      expect(
        rowsFormProblems(form({ query: 'monthlyBookings', args: ['tom baker', 'March'], count: '2' })),
      ).toEqual({
        'arg-0': 'Patient must not contain spaces, control or invisible characters',
        'arg-1': 'Month must be YYYY-MM, e.g. 2026-03',
      });
      expect(rowsFormProblems(form({ query: 'doctorDay', args: [''] }))).toEqual({
        'arg-0': 'Day is required',
      });
    });

    it('refuse a comma in an argument, which the builder would split', () => {
      expect(rowsFormProblems(form({ query: 'mailbox', args: ['tom,baker'] }))).toEqual({
        'arg-0': 'Patient must not contain a comma',
      });
    });

    it.each([
      ['', 'Expected count is required'],
      ['2.5', 'Expected count must be a whole number, 0 or more'],
      ['-1', 'Expected count must be a whole number, 0 or more'],
    ])('refuse the count %j', (count, problem) => {
      expect(
        rowsFormProblems(form({ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], count })),
      ).toEqual({ count: problem });
    });

    it.each([
      ['availableSlots', '[', 'Expected answer (JSON) is not valid JSON'],
      [
        'availableSlots',
        '{}',
        'Expected answer (JSON) must be a list of rows [ … ] (an empty list for none)',
      ],
      ['appointment', '[]', 'Expected answer (JSON) must be one row { … }, or null for none'],
    ] as const)('refuse JSON that is not the kind of answer %s gives: %s', (query, json, problem) => {
      const args = [query === 'availableSlots' ? '2026-03-02' : 'ana-silva_2026-03-02_09:00'];
      expect(rowsFormProblems(form({ query, args, expectation: 'json', json }))).toEqual({ json: problem });
    });
  });

  it('says how many rows the typed-in JSON holds', () => {
    const rows = (json: string) => answerSummary(form({ query: 'mailbox', expectation: 'json', json }));
    expect(rows('[{"subject":"a"},{"subject":"b"}]')).toBe('2 rows.');
    expect(rows('[]')).toBe('No rows.');
    expect(rows('[')).toBeNull();
    expect(answerSummary(form({ query: 'appointment', expectation: 'json', json: '{"slotId":"x"}' }))).toBe(
      'One row.',
    );
  });

  it('takes an actual answer as a count or as JSON to confirm', () => {
    const bookings = form({ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expectation: 'count' });
    expect(withActualAnswer(bookings, 3).count).toBe('3');
    const mailbox = withActualAnswer(form({ query: 'mailbox', args: ['tom-baker'] }), [{ subject: 'Hi' }]);
    expect(mailbox).toMatchObject({ expectation: 'json' });
    expect(JSON.parse(mailbox.json)).toEqual([{ subject: 'Hi' }]);
  });

  it('suggests the ids and dates the Given mentions, and their months for a month', () => {
    const history = [
      { type: 'PatientRegistered', data: { patientId: 'tom-baker' } },
      ...['2026-03-02', '2026-03-09', '2026-04-01'].map((date) => ({
        type: 'DayScheduled',
        data: { dayId: `ana-silva_${date}`, doctorId: 'ana-silva', date },
      })),
    ];
    const suggest = (query: string, index: number) =>
      rowsForms.argumentSuggestions(scheduling, query, index, history);
    expect(suggest('monthlyBookings', 0)).toEqual(['tom-baker']);
    expect(suggest('monthlyBookings', 1)).toEqual(['2026-03', '2026-04']);
    expect(suggest('appointment', 0)).toEqual([]);
    expect(suggest('availableSlots', 0)).toEqual(['2026-03-02', '2026-03-09', '2026-04-01']);
  });

  it('asks another domain’s queries, by their labels and rules', () => {
    const total = rowsForms.rowsFormOf(tally, { query: 'total', args: 'a', expected: '5' });
    expect(total).toEqual(form({ query: 'total', args: ['a'], expectation: 'count', count: '5' }));
    expect(rowsForms.rowsFormProblems(tally, { ...total, args: [''] })).toEqual({
      'arg-0': 'Counter is required',
    });
    expect(
      rowsForms.argumentSuggestions(tally, 'total', 0, [
        { type: 'Counted', data: { counterId: 'b', by: 1 } },
      ]),
    ).toEqual(['b']);
  });
});
