import type {
  BoundedContext,
  RaceDefinition,
  RaceOperation,
  RaceWorld,
  RecordedEvent,
  Violation,
} from '../../../src/index.ts';
import { PureSandbox } from './pureSandbox.ts';

/**
 * Runs a race purely: each actor's steps in order, actors interleaved by `choices` (at each turn, the k-th actor
 * still busy moves); a command is two turns, decide then append (a conflict decides again). Then the sagas catch
 * up with every event delivered twice (at-least-once delivery). Returns the log.
 */
export function runRace(
  context: BoundedContext,
  world: RaceWorld,
  operations: readonly RaceOperation[],
  choices: readonly number[],
): RecordedEvent[] {
  const sandbox = new PureSandbox(context, world.now, { deliverTwice: true });
  for (const command of world.commands) sandbox.dispatch(command);
  const queues = new Map<string, RaceOperation[]>();
  for (const operation of operations)
    queues.set(operation.actor, [...(queues.get(operation.actor) ?? []), operation]);
  const pending = new Map<string, ReturnType<PureSandbox['decide']>>();
  for (let turn = 0; ; turn++) {
    const busy = [...queues.keys()].filter(
      (actor) => pending.has(actor) || (queues.get(actor)?.length ?? 0) > 0,
    );
    if (busy.length === 0) break;
    const actor = busy[(choices[turn] ?? 0) % busy.length];
    const decided = pending.get(actor);
    if (decided) {
      pending.delete(actor);
      sandbox.append(decided);
      continue;
    }
    const [next, ...rest] = queues.get(actor) ?? [];
    queues.set(actor, rest);
    if (next.step.kind === 'clock') sandbox.now = next.step.to;
    else pending.set(actor, sandbox.decide(next.step.command));
  }
  sandbox.settle();
  return sandbox.log;
}

/** Pure: every violation of the race definition's properties on a settled log. */
export const raceViolations = (race: RaceDefinition, log: readonly RecordedEvent[]): Violation[] =>
  race.properties.flatMap((property) => property.check(log, {}));
