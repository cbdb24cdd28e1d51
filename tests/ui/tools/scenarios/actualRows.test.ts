import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../../../../src/tools/scenarios/model/scenarioFile.ts';
import { actualAnswer } from '../../../../src/ui/tools/scenarios/actualRows.ts';

const overbooking = builtInScenarios.find((s) => s.id === 'overbooking-accepted-first')!;
const soFar = { ...overbooking, monthlyLimit: '3', monthlyLimitProblem: null };

describe('what a read model actually answers after the When', () => {
  it('is read after the sagas reacted: the compensated overbooking leaves Tom 3 bookings', async () => {
    expect(await actualAnswer(soFar, { query: 'monthlyBookings', args: ['tom-baker', '2026-03'] })).toEqual({
      kind: 'ok',
      answer: 3,
    });
  });

  it('uses the default limit when none is typed in, so nothing is compensated', async () => {
    const answer = await actualAnswer(
      { ...soFar, monthlyLimit: '' },
      { query: 'monthlyBookings', args: ['tom-baker', '2026-03'] },
    );
    expect(answer).toEqual({ kind: 'ok', answer: 5 });
  });

  it('answers list queries with their rows', async () => {
    const answer = await actualAnswer(soFar, { query: 'mailbox', args: ['tom-baker'] });
    expect(answer.kind === 'ok' && Array.isArray(answer.answer) && answer.answer.length).toBeGreaterThan(0);
  });

  it('says what is missing instead of running', async () => {
    const rows = { query: 'mailbox', args: ['tom-baker'] } as const;
    expect(await actualAnswer({ ...soFar, when: null }, rows)).toEqual({
      kind: 'failed',
      message: 'Choose the When command first.',
    });
    expect(
      await actualAnswer({ ...soFar, monthlyLimitProblem: 'Monthly limit must be a whole number' }, rows),
    ).toEqual({ kind: 'failed', message: 'Monthly limit must be a whole number.' });
  });
});
