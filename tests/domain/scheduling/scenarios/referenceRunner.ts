import type { RecordedEvent } from '../../../../src/core/event.ts';
import type { DomainError } from '../../../../src/core/decider.ts';
import { createScheduling, type SchedulingCommand } from '../../../../src/domain/scheduling/index.ts';
import type { Scenario } from '../../../../src/domain/scheduling/scenarios/index.ts';

export interface Outcome {
  command: SchedulingCommand;
  result: 'accepted' | DomainError['code'];
}

/**
 * A pure, synchronous stand-in for the runtime, for checking scenarios in node: concurrent commands all decide
 * against the same log, then append in order, each conflict reloading and deciding again (like `dispatch`).
 */
export function runScenario(scenario: Scenario) {
  const context = createScheduling({ monthlyLimit: scenario.monthlyLimit });
  const log: RecordedEvent[] = [];
  const outcomes: Outcome[] = [];
  const sagaStates = context.sagas.map((saga) => ({ saga, state: saga.initialState(), checkpoint: 0 }));
  let now = scenario.now;
  let commandCount = 0;

  const decide = (command: SchedulingCommand) => {
    const plan = context.plan(command);
    const streamOf = (streamId: string) => log.filter((event) => event.streamId === streamId);
    const stream = streamOf(plan.streamId);
    const guards = Object.fromEntries(plan.guardStreamIds.map((streamId) => [streamId, streamOf(streamId)]));
    return {
      streamId: plan.streamId,
      version: stream.length,
      decision: context.decide(command, { stream, guards, now }),
    };
  };

  const append = (command: SchedulingCommand, decided: ReturnType<typeof decide>, causationId?: string) => {
    let { decision, version, streamId } = decided;
    while (log.filter((event) => event.streamId === streamId).length !== version)
      ({ decision, version, streamId } = decide(command));
    if (decision.kind === 'rejected') {
      outcomes.push({ command, result: decision.error.code });
      return;
    }
    const commandId = `cmd-${++commandCount}`;
    decision.events.forEach((event, index) =>
      log.push({
        ...event,
        id: `evt-${log.length + 1}`,
        position: log.length + 1,
        streamId,
        version: version + index + 1,
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: causationId ?? commandId,
          occurredAt: now,
        },
      }),
    );
    outcomes.push({ command, result: 'accepted' });
  };

  const dispatch = (input: unknown, causationId?: string) => {
    const validated = context.validate(input);
    if (validated.kind === 'invalid') throw new Error(`${scenario.id}: ${validated.error.message}`);
    append(validated.command, decide(validated.command), causationId);
  };

  const settle = () => {
    for (let progressed = true; progressed;) {
      progressed = false;
      for (const runner of sagaStates) {
        while (runner.checkpoint < log.length) {
          const event = log[runner.checkpoint++];
          const handled = runner.saga.handle(runner.state, event, { now });
          runner.state = handled.state;
          for (const reaction of handled.reactions) dispatch(reaction.command, event.id);
          progressed = true;
        }
      }
    }
  };

  for (const step of scenario.steps) {
    if (step.kind === 'command') dispatch(step.command);
    else if (step.kind === 'clock') now = step.to;
    else if (step.kind === 'settle') settle();
    else {
      const decided = step.commands.map(({ command }) => ({ command, decided: decide(command) }));
      for (const { command, decided: first } of decided) append(command, first);
    }
  }
  settle();
  return { log, outcomes, context, now };
}
