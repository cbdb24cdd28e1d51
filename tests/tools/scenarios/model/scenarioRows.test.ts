import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../../src/domains/index.ts';
import {
  argumentProblem,
  rowsProblem as rowsProblemOf,
} from '../../../../src/tools/scenarios/model/scenarioRows.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

const rowsProblem = (rows: Parameters<typeof rowsProblemOf>[1]) => rowsProblemOf(scheduling, rows);

describe('an expected read-model answer', () => {
  it.each([
    { query: 'availableSlots', args: ['2026-03-02'], expected: [] },
    { query: 'patientSlots', args: ['tom-baker'], expected: [{ slotId: 'ana-silva_2026-03-02_09:00' }] },
    { query: 'appointment', args: ['ana-silva_2026-03-02_09:00'], expected: null },
    { query: 'doctorDay', args: ['ana-silva_2026-03-02'], expected: { dayId: 'ana-silva_2026-03-02' } },
    { query: 'mailbox', args: ['tom-baker'], expected: [] },
    { query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 3 },
  ] as const)('is accepted for $query with its arguments and the kind of answer it gives', (rows) => {
    expect(rowsProblem({ ...rows, args: [...rows.args] })).toBeNull();
  });

  it('names a missing argument by the arguments the query takes', () => {
    expect(rowsProblem({ query: 'monthlyBookings', args: ['tom-baker'], expected: 0 })).toEqual({
      path: ['args'],
      problem: 'must hold 2 arguments: patientId, month',
    });
  });

  it.each([
    ['availableSlots', ['Monday'], ['args', 0], 'must be a real date YYYY-MM-DD'],
    ['monthlyBookings', ['tom-baker', 'March'], ['args', 1], 'must be YYYY-MM, e.g. 2026-03'],
    ['doctorDay', ['ana-silva'], ['args', 0], 'must be <doctorId>_<YYYY-MM-DD>'],
    ['mailbox', ['tom baker'], ['args', 0], 'must not contain spaces, control or invisible characters'],
    ['appointment', [''], ['args', 0], 'is required'],
  ] as const)('names a bad argument of %s', (query, args, path, problem) => {
    expect(rowsProblem({ query, args: [...args], expected: query === 'availableSlots' ? [] : null })).toEqual(
      {
        path,
        problem,
      },
    );
  });

  it.each([
    ['monthlyBookings', ['tom-baker', '2026-03'], '3', 'must be a whole number, 0 or more'],
    ['monthlyBookings', ['tom-baker', '2026-03'], 2.5, 'must be a whole number, 0 or more'],
    ['availableSlots', ['2026-03-02'], null, 'must be a list of rows [ … ] (an empty list for none)'],
    ['appointment', ['ana-silva_2026-03-02_09:00'], [], 'must be one row { … }, or null for none'],
  ] as const)('names an answer of the wrong kind for %s (%j)', (query, args, expected, problem) => {
    expect(rowsProblem({ query, args: [...args], expected })).toEqual({ path: ['expected'], problem });
  });

  it('checks each argument with the rule of the domain’s query', () => {
    const [patient, month] = scheduling.queries.monthlyBookings.args;
    expect([patient.name, month.name]).toEqual(['patientId', 'month']);
    expect(argumentProblem(month, '2026-13')).toBe('must be YYYY-MM, e.g. 2026-03');
    expect(argumentProblem(scheduling.queries.appointment.args[0], 'ana-silva_2026-03-02_09:00')).toBeNull();
  });

  it('names a query that is not one of the domain’s, even one an object has (`toString`)', () => {
    expect(rowsProblem({ query: 'toString', args: [], expected: null })).toMatchObject({ path: ['query'] });
    expect(rowsProblemOf(tally, { query: 'mailbox', args: ['tom-baker'], expected: [] })).toEqual({
      path: ['query'],
      problem: 'must be a query of tally: one of total (got "mailbox")',
    });
    expect(rowsProblemOf(tally, { query: 'total', args: ['a'], expected: 5 })).toBeNull();
    expect(rowsProblemOf(tally, { query: 'total', args: ['a'], expected: [] })).toEqual({
      path: ['expected'],
      problem: 'must be a whole number, 0 or more',
    });
  });
});
