/** What a read model actually answers after a scenario's When and its sagas, to take as the expectation. */
import { rowsAfterSagas } from '../../../tools/scenarios/run.ts';
import { runQuery, type GivenItem, type Message } from '../../../tools/scenarios/model/scenarioFile.ts';
import type { ScenarioQueryName } from '../../../tools/scenarios/model/scenarioRows.ts';

export type ActualAnswer = { kind: 'ok'; answer: unknown } | { kind: 'failed'; message: string };

/** The parts of the builder a scratch run needs; the monthly limit as typed in, with the builder's verdict on it. */
export interface ScenarioSoFar {
  now: string;
  monthlyLimit: string;
  monthlyLimitProblem: string | null;
  given: GivenItem[];
  when: Message | null;
}

/**
 * Plays the scenario so far on a scratch sandbox (the same run that checks the rows) and reads one query there.
 * Nothing of the builder changes; the caller decides what to do with the answer.
 */
export async function actualAnswer(
  scenario: ScenarioSoFar,
  rows: { query: ScenarioQueryName; args: readonly string[] },
): Promise<ActualAnswer> {
  if (!scenario.when) return { kind: 'failed', message: 'Choose the When command first.' };
  if (scenario.monthlyLimitProblem) return { kind: 'failed', message: `${scenario.monthlyLimitProblem}.` };
  const limitText = scenario.monthlyLimit.trim();
  const played = await rowsAfterSagas({
    now: scenario.now,
    monthlyLimit: limitText === '' ? undefined : Number(limitText),
    given: scenario.given,
    when: scenario.when,
  });
  if (played.kind === 'failed') return { kind: 'failed', message: played.message };
  const read = (name: string) => played.outcome.projections[name];
  return { kind: 'ok', answer: runQuery({ query: rows.query, args: [...rows.args] }, scenario.now)(read) };
}
