import type { RecordedEvent } from '../../../src/core/event.ts';
import type { DomainError } from '../../../src/core/decider.ts';
import { createScheduling, type SchedulingCommand } from '../../../src/domains/scheduling/index.ts';

export interface Outcome {
  command: SchedulingCommand;
  result: 'accepted' | DomainError['code'];
}

type Decided = ReturnType<PureWorld['decide']>;

/**
 * A pure, synchronous stand-in for the runtime, for tests in node: it decides against an in-memory log, appends
 * with an expected version (a conflict reloads and decides again, like `dispatch`), and settles sagas in order.
 */
export class PureWorld {
  readonly context;
  readonly log: RecordedEvent[] = [];
  readonly outcomes: Outcome[] = [];
  private readonly sagaRunners;
  private commandCount = 0;

  constructor(
    public now: string,
    monthlyLimit?: number,
  ) {
    this.context = createScheduling({ monthlyLimit });
    this.sagaRunners = this.context.sagas.map((saga) => ({
      saga,
      state: saga.initialState(),
      checkpoint: 0,
    }));
  }

  private streamOf(streamId: string) {
    return this.log.filter((event) => event.streamId === streamId);
  }

  decide(command: SchedulingCommand) {
    const plan = this.context.plan(command);
    const stream = this.streamOf(plan.streamId);
    const guards = Object.fromEntries(
      plan.guardStreamIds.map((streamId) => [streamId, this.streamOf(streamId)]),
    );
    return {
      command,
      streamId: plan.streamId,
      version: stream.length,
      decision: this.context.decide(command, { stream, guards, now: this.now }),
    };
  }

  append(decided: Decided, causationId?: string): Outcome {
    let current = decided;
    while (this.streamOf(current.streamId).length !== current.version) current = this.decide(current.command);
    const { command, decision, streamId, version } = current;
    if (decision.kind === 'rejected') return this.record({ command, result: decision.error.code });
    const commandId = `cmd-${++this.commandCount}`;
    decision.events.forEach((event, index) =>
      this.log.push({
        type: event.type,
        data: event.data,
        id: `evt-${this.log.length + 1}`,
        position: this.log.length + 1,
        streamId,
        version: version + index + 1,
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: causationId ?? commandId,
          occurredAt: this.now,
        },
      }),
    );
    return this.record({ command, result: 'accepted' });
  }

  private record(outcome: Outcome): Outcome {
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Validates, decides and appends one command; throws on invalid input (a bug in the test). */
  dispatch(input: unknown, causationId?: string): Outcome {
    const validated = this.context.validate(input);
    if (validated.kind === 'invalid') throw new Error(validated.error.message);
    return this.append(this.decide(validated.command), causationId);
  }

  /** Decides every command against the same log, then appends them in order. */
  concurrently(commands: readonly unknown[]): Outcome[] {
    return commands
      .map((command) => this.decide(command as SchedulingCommand))
      .map((decided) => this.append(decided));
  }

  /** Delivers every new event to every saga and dispatches their reactions, until nothing is left. */
  settle(): void {
    for (let progressed = true; progressed;) {
      progressed = false;
      for (const runner of this.sagaRunners) {
        while (runner.checkpoint < this.log.length) {
          const event = this.log[runner.checkpoint++];
          const handled = runner.saga.handle(runner.state, event, { now: this.now });
          runner.state = handled.state;
          for (const reaction of handled.reactions) this.dispatch(reaction.command, event.id);
          progressed = true;
        }
      }
    }
  }

  /** The read models folded fresh from the log. */
  readModels(): (name: string) => unknown {
    const states = new Map(
      this.context.projections.map((projection) => [
        projection.name,
        this.log.reduce((state, event) => projection.apply(state, event), projection.initialState()),
      ]),
    );
    return (name) => states.get(name);
  }
}
