import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../../src/domains/index.ts';
import { actualAnswer } from '../../../../src/ui/tools/scenarios/actualRows.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

const overbooking = scheduling.scenarios.find((s) => s.id === 'overbooking-accepted-first')!;
const soFar = {
  ...overbooking,
  domain: scheduling,
  settings: { monthlyLimit: 3 },
  settingProblem: null,
};

describe('what a read model actually answers after the When', () => {
  it('is read after the sagas reacted: the compensated overbooking leaves Tom 3 bookings', async () => {
    expect(await actualAnswer(soFar, { query: 'monthlyBookings', args: ['tom-baker', '2026-03'] })).toEqual({
      kind: 'ok',
      answer: 3,
    });
  });

  it('uses the default limit when none is typed in, so nothing is compensated', async () => {
    const answer = await actualAnswer(
      { ...soFar, settings: {} },
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
      await actualAnswer({ ...soFar, settingProblem: 'Monthly limit must be a whole number' }, rows),
    ).toEqual({ kind: 'failed', message: 'Monthly limit must be a whole number.' });
  });

  it('reads another domain’s query', async () => {
    const [, addsUp] = tally.scenarios;
    const answer = await actualAnswer(
      { ...addsUp, domain: tally, settings: {}, settingProblem: null },
      { query: 'total', args: ['a'] },
    );
    expect(answer).toEqual({ kind: 'ok', answer: 5 });
  });
});
