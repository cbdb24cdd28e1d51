import { createDeterministicScheduler } from '../core/deterministicScheduler.ts';
import type { Scenario } from '../domain/scheduling/scenarios/index.ts';
import type { DispatchResult } from './types.ts';
import { createSandbox } from './sandbox.ts';
import { settleAndRead, type ScratchOutcome } from './scratchSandbox.ts';

/** What one step of a teaching scenario did, in words. */
export interface PlayedStep {
  label: string;
  note?: string;
  outcomes: string[];
}

/** A teaching scenario played on a scratch sandbox: each step, then the settled read side, sagas and invariants. */
export type TeachingRun = Omit<ScratchOutcome, 'projections'> & { steps: PlayedStep[] };

const outcomeOf = (type: string, actor: string | undefined, result: DispatchResult) => {
  const who = actor ? `${actor}: ` : '';
  return result.kind === 'accepted'
    ? `${who}${type} accepted (${result.events.map((event) => event.type).join(', ') || 'nothing recorded'})`
    : `${who}${type} rejected with ${result.error.code}`;
};

/**
 * Plays a step-based teaching scenario on a fresh in-memory sandbox under the deterministic scheduler (so its
 * concurrent steps interleave the same way every time, as `choices` say), with real projections and sagas.
 */
export async function playTeachingScenario(
  scenario: Scenario,
  choices: readonly number[] = [],
): Promise<TeachingRun> {
  const sandbox = createSandbox({
    now: scenario.now,
    monthlyLimit: scenario.monthlyLimit,
    scheduler: createDeterministicScheduler(choices, { maxSteps: 20_000 }),
  });
  const steps: PlayedStep[] = [];
  for (const step of scenario.steps) {
    if (step.kind === 'command') {
      const result = await sandbox.dispatch(step.command, { actor: step.actor });
      steps.push({
        label: step.command.type,
        note: step.note,
        outcomes: [outcomeOf(step.command.type, step.actor, result)],
      });
    } else if (step.kind === 'concurrent') {
      const results = await Promise.all(
        step.commands.map(({ command, actor }) => sandbox.dispatch(command, { actor })),
      );
      steps.push({
        label: `At once: ${step.commands.map(({ command }) => command.type).join(' + ')}`,
        note: step.note,
        outcomes: results.map((result, i) =>
          outcomeOf(step.commands[i].command.type, step.commands[i].actor, result),
        ),
      });
    } else if (step.kind === 'clock') {
      sandbox.clock.set(step.to);
      steps.push({ label: `The clock moves to ${step.to}`, note: step.note, outcomes: [] });
    } else {
      await sandbox.settle();
      steps.push({ label: 'Everything catches up', note: step.note, outcomes: [] });
    }
  }
  const { projections: _projections, ...outcome } = await settleAndRead(sandbox, scenario.monthlyLimit);
  return { ...outcome, steps };
}
