/** What a read model actually answers after a scenario's When and its sagas, to take as the expectation. */
import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { GivenItem, Message } from '../../../core/domain/scenario.ts';
import { runQuery, scenarioDomain } from '../../../tools/scenarios/engine.ts';
import { rowsAfterSagas } from '../../../tools/scenarios/run.ts';

export type ActualAnswer = { kind: 'ok'; answer: unknown } | { kind: 'failed'; message: string };

/** The parts of the builder a scratch run needs: the domain, its settings, and the problem of one typed wrong. */
export interface ScenarioSoFar {
  domain: DomainModule;
  now: string;
  settings: Record<string, unknown>;
  /** The first setting typed in wrong, in words (nothing runs then). */
  settingProblem: string | null;
  given: GivenItem[];
  when: Message | null;
}

/**
 * Plays the scenario so far on a scratch sandbox (the same run that checks the rows) and reads one query there.
 * Nothing of the builder changes; the caller decides what to do with the answer.
 */
export async function actualAnswer(
  scenario: ScenarioSoFar,
  rows: { query: string; args: readonly string[] },
): Promise<ActualAnswer> {
  if (!scenario.when) return { kind: 'failed', message: 'Choose the When command first.' };
  if (scenario.settingProblem) return { kind: 'failed', message: `${scenario.settingProblem}.` };
  const played = await rowsAfterSagas(scenario.domain, {
    now: scenario.now,
    settings: scenario.settings,
    given: scenario.given,
    when: scenario.when,
  });
  if (played.kind === 'failed') return { kind: 'failed', message: played.message };
  const read = (name: string) => played.outcome.projections[name];
  const domain = scenarioDomain(scenario.domain, { settings: scenario.settings });
  return {
    kind: 'ok',
    answer: runQuery(domain, { query: rows.query, args: [...rows.args] }, scenario.now)(read),
  };
}
