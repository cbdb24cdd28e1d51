import type { BoundedContext, Decision, QueryDefinition, RecordedEvent, Saga } from '../../../src/index.ts';

export type Outcome = { kind: 'accepted'; events: RecordedEvent[] } | { kind: 'rejected'; code: string };

interface Decided {
  command: { type: string; data: unknown };
  streamId: string;
  version: number;
  decision: Decision;
}

/**
 * A pure, synchronous stand-in for the runtime, for tests in node (until `createSandbox({ domain })` runs any
 * domain): it decides against an in-memory log, appends with an expected version (a conflict decides again, like
 * the runtime's command handler) and lets sagas catch up, optionally delivering every event twice.
 */
export class PureSandbox {
  readonly log: RecordedEvent[] = [];
  private readonly sagas: { saga: Saga; state: unknown; delivered: number }[];
  private commands = 0;

  constructor(
    readonly context: BoundedContext,
    public now: string,
    private readonly options: { deliverTwice?: boolean } = {},
  ) {
    this.sagas = context.sagas.map((saga) => ({ saga, state: saga.initialState(), delivered: 0 }));
  }

  private stream(streamId: string) {
    return this.log.filter((event) => event.streamId === streamId);
  }

  /** Validates and decides against the log as it is now; throws on invalid input (a bug in the test). */
  decide(input: unknown): Decided {
    const validated = this.context.validate(input);
    if (validated.kind === 'invalid') throw new Error(validated.error.message);
    const { command } = validated;
    const plan = this.context.plan(command);
    const stream = this.stream(plan.streamId);
    const guards = Object.fromEntries(plan.guardStreamIds.map((id) => [id, this.stream(id)]));
    const decision = this.context.decide(command, { stream, guards, now: this.now });
    return { command, streamId: plan.streamId, version: stream.length, decision };
  }

  /** Appends a decision if its stream has not moved since; else decides again on the stream as it is now. */
  append(decided: Decided, causationId?: string): Outcome {
    let current = decided;
    while (this.stream(current.streamId).length !== current.version) current = this.decide(current.command);
    const { decision, streamId, version } = current;
    if (decision.kind === 'rejected') return { kind: 'rejected', code: decision.error.code };
    const commandId = `cmd-${++this.commands}`;
    const events = decision.events.map((event, index): RecordedEvent => ({
      id: `evt-${this.log.length + index + 1}`,
      position: this.log.length + index + 1,
      streamId,
      version: version + index + 1,
      type: event.type,
      data: event.data,
      metadata: {
        commandId,
        correlationId: commandId,
        causationId: causationId ?? commandId,
        occurredAt: this.now,
      },
    }));
    this.log.push(...events);
    return { kind: 'accepted', events };
  }

  dispatch(input: unknown, causationId?: string): Outcome {
    return this.append(this.decide(input), causationId);
  }

  /** Decides every command on the same log, then appends them in order: the later ones meet a conflict. */
  concurrently(inputs: readonly unknown[]): Outcome[] {
    return inputs.map((input) => this.decide(input)).map((decided) => this.append(decided));
  }

  /** Delivers every new event to every saga (twice with `deliverTwice`) and sends the reactions, until quiet. */
  settle(): void {
    for (let isQuiet = false; !isQuiet;) {
      isQuiet = true;
      for (const runner of this.sagas) {
        while (runner.delivered < this.log.length) {
          const event = this.log[runner.delivered++];
          for (let delivery = this.options.deliverTwice ? 2 : 1; delivery > 0; delivery--) {
            const handled = runner.saga.handle(runner.state, event, { now: this.now });
            runner.state = handled.state;
            for (const { command } of handled.reactions) this.dispatch(command, event.id);
          }
          isQuiet = false;
        }
      }
    }
  }

  /** A query's answer over read models folded fresh from the log. */
  query<R>(query: QueryDefinition<[], R>): R {
    const states = new Map(
      this.context.projections.map((p) => [
        p.name,
        this.log.reduce((s, e) => p.apply(s, e), p.initialState()),
      ]),
    );
    return query.run({ read: (name) => states.get(name), now: this.now });
  }

  sagaState(name: string): unknown {
    return this.sagas.find((runner) => runner.saga.name === name)?.state;
  }
}
