import type { BoundedContext, Command, QueryCatalog } from '../../../src/core/boundedContext.ts';
import type { Decision, DomainError } from '../../../src/core/decider.ts';
import type { RecordedEvent } from '../../../src/core/event.ts';
import { OPENING } from '../../../src/domains/library/builders.ts';
import { library } from '../../../src/domains/library/index.ts';

export interface Outcome {
  command: Command;
  result: 'accepted' | DomainError['code'];
  events: string[];
}

/** Who sent a command, and why: the envelope's metadata a saga reaction carries (causation = its trigger). */
export interface Sender {
  actor: string;
  causationId?: string;
  correlationId?: string;
}

/** A command decided against the log as it was, not yet appended. */
export interface Decided {
  command: Command;
  sender: Sender;
  streamId: string;
  version: number;
  decision: Decision;
}

interface SagaRunner {
  name: string;
  handle: BoundedContext['sagas'][number]['handle'];
  state: unknown;
  checkpoint: number;
  outbox: { command: Command; sender: Sender }[];
}

/**
 * A pure, synchronous stand-in for the runtime, for tests in node: commands are decided against an in-memory log
 * and appended with an expected version (a conflict decides again, as `dispatch` does); sagas are fed the log in
 * order and their reactions sent with the trigger as causation; the clock's moves send `onClockMoved`'s commands.
 * The read side a decision sees (for planted bugs) may lag: it is folded up to `readCheckpoint`.
 */
export class World {
  readonly log: RecordedEvent[] = [];
  readonly outcomes: Outcome[] = [];
  readonly sagas: SagaRunner[];
  /** How far the read models a decision may read have got; null = up to date. */
  readCheckpoint: number | null = null;
  private commands = 0;

  constructor(
    readonly context: BoundedContext = library.context,
    public now: string = OPENING,
  ) {
    this.sagas = context.sagas.map((saga) => ({
      name: saga.name,
      handle: saga.handle.bind(saga),
      state: saga.initialState(),
      checkpoint: 0,
      outbox: [],
    }));
  }

  private streamOf(streamId: string) {
    return this.log.filter((event) => event.streamId === streamId);
  }

  /** Validates and decides a command against the log as it is now (throws on invalid input: a bug in the test). */
  decide(input: unknown, sender: Sender = { actor: 'user' }): Decided {
    const validated = this.context.validate(input);
    if (validated.kind === 'invalid') throw new Error(validated.error.message);
    const command = validated.command;
    const plan = this.context.plan(command);
    const stream = this.streamOf(plan.streamId);
    const guards = Object.fromEntries(plan.guardStreamIds.map((id) => [id, this.streamOf(id)]));
    const read = this.readModels(this.readCheckpoint ?? this.log.length);
    return {
      command,
      sender,
      streamId: plan.streamId,
      version: stream.length,
      decision: this.context.decide(command, { stream, guards, now: this.now, read }),
    };
  }

  /** Appends a decided command if its stream has not moved since; 'conflict' otherwise. */
  tryAppend(decided: Decided): Outcome | 'conflict' {
    if (this.streamOf(decided.streamId).length !== decided.version) return 'conflict';
    const { command, decision, streamId, version, sender } = decided;
    if (decision.kind === 'rejected')
      return this.record({ command, result: decision.error.code, events: [] });
    const commandId = `cmd-${++this.commands}`;
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
          correlationId: sender.correlationId ?? commandId,
          causationId: sender.causationId ?? commandId,
          occurredAt: this.now,
          actor: sender.actor,
        },
      }),
    );
    return this.record({ command, result: 'accepted', events: decision.events.map((event) => event.type) });
  }

  private record(outcome: Outcome): Outcome {
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Decides and appends, deciding again after a conflict. */
  dispatch(input: unknown, sender?: Sender): Outcome {
    let decided = this.decide(input, sender);
    for (;;) {
      const outcome = this.tryAppend(decided);
      if (outcome !== 'conflict') return outcome;
      decided = this.decide(decided.command, decided.sender);
    }
  }

  /** Decides every command against the same log, then appends them in order (a conflict decides again). */
  concurrently(commands: readonly unknown[]): Outcome[] {
    return commands
      .map((command) => this.decide(command))
      .map((decided) => {
        const outcome = this.tryAppend(decided);
        return outcome === 'conflict' ? this.dispatch(decided.command) : outcome;
      });
  }

  /** Moves the clock and sends what the context asks for when it does (the daily sheet's runs). */
  moveClock(to: string): Outcome[] {
    const from = this.now;
    this.now = to;
    return (this.context.onClockMoved?.(from, to) ?? []).map((command) =>
      this.dispatch(command, { actor: 'clock' }),
    );
  }

  /** Delivers the next event to one saga; its reactions wait in its outbox. False when it has seen everything. */
  deliver(saga: SagaRunner): boolean {
    const event = this.log[saga.checkpoint];
    if (!event) return false;
    const handled = saga.handle(saga.state, event, { now: this.now });
    saga.state = handled.state;
    saga.checkpoint += 1;
    saga.outbox.push(
      ...handled.reactions.map((reaction) => ({
        command: reaction.command,
        sender: {
          actor: `saga:${saga.name}`,
          causationId: event.id,
          correlationId: event.metadata.correlationId,
        },
      })),
    );
    return true;
  }

  /** Delivers the event at a position to a saga again (a redelivery), returning its reactions. */
  redeliver(sagaName: string, position: number): Command[] {
    const saga = this.sagaNamed(sagaName);
    const handled = saga.handle(saga.state, this.log[position - 1], { now: this.now });
    saga.state = handled.state;
    return handled.reactions.map((reaction) => reaction.command);
  }

  sagaNamed(name: string): SagaRunner {
    const saga = this.sagas.find((candidate) => candidate.name === name);
    if (!saga) throw new Error(`No saga named ${name}`);
    return saga;
  }

  /** Sends every reaction waiting in one saga's outbox, in order. */
  flush(saga: SagaRunner): void {
    while (saga.outbox.length > 0) {
      const [next, ...rest] = saga.outbox;
      saga.outbox = rest;
      this.dispatch(next.command, next.sender);
    }
  }

  /** Delivers every new event to every saga and sends their reactions, until nothing is left. */
  settle(): void {
    for (let progressed = true; progressed;) {
      progressed = false;
      for (const saga of this.sagas) {
        while (this.deliver(saga)) progressed = true;
        if (saga.outbox.length > 0) progressed = true;
        this.flush(saga);
      }
    }
  }

  /** The read models folded fresh from the log, up to a position. */
  readModels(upTo = this.log.length): (name: string) => unknown {
    const events = this.log.slice(0, upTo);
    const states = new Map(
      this.context.projections.map((projection) => [
        projection.name,
        events.reduce((state, event) => projection.apply(state, event), projection.initialState()),
      ]),
    );
    return (name) => {
      if (!states.has(name)) throw new Error(`No projection named ${name}`);
      return states.get(name);
    };
  }

  /** A query of the catalog, on fresh read models at the world's clock. */
  query<Q extends QueryCatalog>(queries: Q, name: keyof Q & string, ...args: unknown[]): unknown {
    return queries[name].run({ read: this.readModels(), now: this.now }, ...args);
  }

  /** The results of the outcomes so far, as `Type:accepted` or `Type:ErrorCode`. */
  results(): string[] {
    return this.outcomes.map((outcome) => `${outcome.command.type}:${outcome.result}`);
  }
}
