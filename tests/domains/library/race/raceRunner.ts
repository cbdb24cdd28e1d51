import type { BoundedContext } from '../../../../src/core/boundedContext.ts';
import type { Violation } from '../../../../src/core/invariant.ts';
import type {
  DomainRaceProperty,
  RaceOperation,
  RaceStep,
  RaceWorld,
} from '../../../../src/core/domain/index.ts';
import { type Decided, type Sender, World } from '../world.ts';

/** One actor of a race: its steps in order, and the command it has decided but not appended yet. */
interface Actor {
  name: string;
  steps: (RaceStep | { kind: 'send'; command: RaceStep & { kind: 'command' }; sender: Sender })[];
  pending: Decided | null;
}

export interface RaceRun {
  world: World;
  steps: number;
  violations: Violation[];
}

/**
 * Runs a race on the pure world, one small step at a time, interleaved as the choice list says (the choice picks
 * one of the actors that can move; once the list is used up, they take turns): each command is decided (reading
 * its streams) in one step and appended in another, so other actors' appends can come between; each saga is an
 * actor that takes one event or sends one reaction per step; the read side the deciders may read advances one
 * event per step of its own. The race ends when nobody can move, so everything has settled.
 */
export function runRace(
  context: BoundedContext,
  world: RaceWorld,
  operations: readonly RaceOperation[],
  choices: readonly number[],
  properties: readonly DomainRaceProperty[],
  settings: Record<string, unknown> = {},
): RaceRun {
  const pure = new World(context, world.now);
  for (const command of world.commands) pure.dispatch(command, { actor: 'setup' });
  pure.settle();
  pure.readCheckpoint = pure.log.length;
  const actors = new Map<string, Actor>();
  for (const { actor, step } of operations) {
    const existing = actors.get(actor) ?? { name: actor, steps: [], pending: null };
    existing.steps.push(step);
    actors.set(actor, existing);
  }
  const sagaActors = pure.sagas.map((saga) => ({ saga, pending: null as Decided | null }));
  type Move = () => void;
  const movesNow = (): Move[] => {
    const moves: Move[] = [];
    for (const actor of actors.values()) {
      if (actor.pending) {
        const pending = actor.pending;
        moves.push(() => {
          const outcome = pure.tryAppend(pending);
          actor.pending = outcome === 'conflict' ? pure.decide(pending.command, pending.sender) : null;
        });
      } else if (actor.steps.length > 0)
        moves.push(() => {
          const [step, ...rest] = actor.steps;
          actor.steps = rest;
          if (step.kind === 'clock') {
            const from = pure.now;
            pure.now = step.to;
            const runs = (context.onClockMoved?.(from, step.to) ?? []).map((command) => ({
              kind: 'send' as const,
              command: { kind: 'command' as const, command },
              sender: { actor: 'clock' },
            }));
            actor.steps = [...runs, ...actor.steps];
          } else if (step.kind === 'send') actor.pending = pure.decide(step.command.command, step.sender);
          else actor.pending = pure.decide(step.command, { actor: actor.name });
        });
    }
    for (const entry of sagaActors) {
      const { saga } = entry;
      if (entry.pending) {
        const pending = entry.pending;
        moves.push(() => {
          const outcome = pure.tryAppend(pending);
          entry.pending = outcome === 'conflict' ? pure.decide(pending.command, pending.sender) : null;
        });
      } else if (saga.outbox.length > 0)
        moves.push(() => {
          const [next, ...rest] = saga.outbox;
          saga.outbox = rest;
          entry.pending = pure.decide(next.command, next.sender);
        });
      else if (saga.checkpoint < pure.log.length) moves.push(() => pure.deliver(saga));
    }
    if ((pure.readCheckpoint ?? pure.log.length) < pure.log.length)
      moves.push(() => {
        pure.readCheckpoint = (pure.readCheckpoint ?? 0) + 1;
      });
    return moves;
  };
  let steps = 0;
  for (let moves = movesNow(); moves.length > 0; moves = movesNow()) {
    const choice = choices[steps] ?? steps;
    moves[choice % moves.length]();
    steps += 1;
    if (steps > 20_000) throw new Error('The race did not settle within 20,000 steps');
  }
  pure.readCheckpoint = null;
  const violations = properties.flatMap((property) => property.check(pure.log, settings));
  return { world: pure, steps, violations };
}
