import type { Command, Projection, Saga } from '../../core/boundedContext.ts';
import type { RecordedEvent } from '../../core/event.ts';
import type { ActorScheduler } from '../../core/scheduler/scheduler.ts';
import type { EventStore, StoreFailure } from '../../store/eventStore.ts';
import type { DispatchMetadata, DispatchResult } from '../types.ts';

export interface RunnerDeps {
  store: EventStore;
  scheduler: ActorScheduler;
  /** Events per delivery: 1 in simulations (finest interleavings), larger in the app. */
  batchSize: number;
  onProgress: () => void;
  onError: (subscriber: string, failure: StoreFailure | Error) => void;
  /** Planted bug for the race lab: apply an event even when the checkpoint says it was applied. */
  isNonIdempotent?: () => boolean;
  /** Fault for the race lab: deliver this event twice (at-least-once delivery). */
  shouldDuplicate?: (event: RecordedEvent) => boolean;
  /** Save state + checkpoint at the latest after this many applied events. */
  checkpointEvery: number;
  /** Arranges a later `flush` (a timer in the app); absent = saves wait for `flush()` or `checkpointEvery`. */
  scheduleFlush?: (flush: () => void) => void;
}

/**
 * Shared shape of projection and saga runners: a checkpointed subscriber that, when woken, reads the log
 * after its checkpoint and delivers it in batches through the scheduler, one delivery at a time.
 */
abstract class SubscriberRunner<State> {
  checkpoint = 0;
  protected state: State;
  private loop: Promise<void> | null = null;
  private isWokenAgain = false;
  protected unsavedEvents = 0;
  private isFlushScheduled = false;

  constructor(
    readonly subscriberId: string,
    protected readonly deps: RunnerDeps,
    initialState: State,
  ) {
    this.state = initialState;
  }

  async load(): Promise<void> {
    const saved = await this.deps.store.loadCheckpoint<State>(this.subscriberId);
    if (saved) {
      this.state = saved.state;
      this.checkpoint = saved.position;
    }
  }

  /** Catch up with the log. Cheap to call often: a running loop just goes round once more. */
  wake(): void {
    if (this.loop) {
      this.isWokenAgain = true;
      return;
    }
    this.loop = this.deps.scheduler
      .spawn(this.subscriberId, () => this.catchUp())
      .catch((error: unknown) => this.deps.onError(this.subscriberId, error as Error))
      .finally(() => {
        this.loop = null;
        if (this.isWokenAgain) {
          this.isWokenAgain = false;
          this.wake();
        }
      });
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      this.isWokenAgain = false;
      const events = await this.deps.store.readAll({
        fromPosition: this.checkpoint + 1,
        limit: this.deps.batchSize,
      });
      if (events.length === 0) return;
      const delivery = events.flatMap((e) => (this.deps.shouldDuplicate?.(e) ? [e, e] : [e]));
      await this.deps.scheduler.run(
        {
          kind: 'deliver',
          owner: this.subscriberId,
          detail: `${events[0].position}…${events.at(-1)?.position}`,
        },
        () => this.deliver(delivery),
      );
      this.deps.onProgress();
    }
  }

  /** Applies events not yet applied (the checkpoint makes redelivery harmless). */
  protected async deliver(events: RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.position <= this.checkpoint && !this.deps.isNonIdempotent?.()) continue;
      this.state = this.apply(this.state, event);
      this.checkpoint = Math.max(this.checkpoint, event.position);
      this.unsavedEvents += 1;
    }
    await this.afterDelivery();
    if (this.unsavedEvents >= this.deps.checkpointEvery) await this.save();
    else this.scheduleFlush();
  }

  protected scheduleFlush(): void {
    if (this.unsavedEvents === 0 || !this.deps.scheduleFlush || this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    this.deps.scheduleFlush(() => {
      this.isFlushScheduled = false;
      void this.flush();
    });
  }

  /** Saves state + checkpoint if anything was applied since the last save. */
  async flush(): Promise<void> {
    if (this.unsavedEvents > 0) await this.save();
  }

  /**
   * State and position go into one record, so a reload resumes exactly where the save was made.
   * Why not after every delivery: saving clones the whole state; with one save per delivery a long log costs
   * quadratic time. Saving less often loses nothing: a reload re-applies the events after the saved position.
   * Why the clone here: projections update their state in place, and a store may serialise it later.
   */
  protected async save(): Promise<void> {
    this.unsavedEvents = 0;
    const saved = await this.deps.store.saveCheckpoint({
      subscriberId: this.subscriberId,
      position: this.checkpoint,
      state: this.snapshot(),
    });
    if (saved.kind === 'failed') this.deps.onError(this.subscriberId, saved.error);
  }

  /** The state to hand to the store: a copy, since projections change theirs in place. */
  protected snapshot(): State {
    return structuredClone(this.state);
  }

  /** Back to the start (after a reset or an import replaced the log). */
  resetTo(state: State): void {
    this.state = state;
    this.checkpoint = 0;
    this.unsavedEvents = 0;
  }

  protected abstract apply(state: State, event: RecordedEvent): State;
  protected async afterDelivery(): Promise<void> {}
}

/** Keeps one projection's state up to date with the log. */
export class ProjectionRunner extends SubscriberRunner<unknown> {
  constructor(
    readonly projection: Projection,
    deps: RunnerDeps,
  ) {
    super(`projection:${projection.name}`, deps, projection.initialState());
  }

  get current(): unknown {
    return this.state;
  }

  protected apply(state: unknown, event: RecordedEvent): unknown {
    return this.projection.apply(state, event);
  }

  /** Folds the whole log from zero and swaps the result in; the live loop carries on from there. */
  async rebuild(): Promise<void> {
    let state = this.projection.initialState();
    let position = 0;
    for (;;) {
      const page = await this.deps.store.readAll({ fromPosition: position + 1, limit: 5_000 });
      if (page.length === 0) break;
      for (const event of page) state = this.projection.apply(state, event);
      position = page.at(-1)?.position ?? position;
    }
    // Why this is safe while the live loop runs: the swap is synchronous, and the loop skips
    // anything at or below the new checkpoint.
    this.state = state;
    this.checkpoint = position;
    // Saved like any delivery (when quiet, or on settle): a rebuild is complete once the state is swapped in.
    this.unsavedEvents = Math.max(1, position);
    this.scheduleFlush();
    this.deps.onProgress();
    this.wake();
  }
}

interface PendingReaction {
  command: Command;
  metadata: Required<Pick<DispatchMetadata, 'commandId' | 'correlationId' | 'causationId' | 'actor'>>;
}

export interface SagaCheckpointState {
  saga: unknown;
  /** Reactions decided but not yet dispatched: saved with the saga's state so a reload sends them. */
  outbox: PendingReaction[];
}

export type Dispatcher = (
  command: Command,
  metadata: DispatchMetadata,
  owner: string,
) => Promise<DispatchResult>;

/** Feeds events to one saga and sends its reactions, each caused by the event that triggered it. */
export class SagaRunner extends SubscriberRunner<SagaCheckpointState> {
  constructor(
    readonly saga: Saga<unknown, Command>,
    deps: RunnerDeps,
    private readonly dispatch: Dispatcher,
    private readonly now: () => string,
  ) {
    super(`saga:${saga.name}`, deps, { saga: saga.initialState(), outbox: [] });
  }

  get current(): unknown {
    return this.state.saga;
  }

  get pendingReactions(): number {
    return this.state.outbox.length;
  }

  protected apply(state: SagaCheckpointState, event: RecordedEvent): SagaCheckpointState {
    const { state: saga, reactions } = this.saga.handle(state.saga, event, { now: this.now() });
    const outbox = reactions.map((reaction, index) => ({
      command: reaction.command,
      metadata: {
        // Why deterministic: the same trigger always yields the same command id, so a resent reaction is recognisable.
        commandId: `${this.subscriberId}/${event.id}/${index}`,
        correlationId: event.metadata.correlationId,
        causationId: event.id,
        actor: this.subscriberId,
      },
    }));
    return { saga, outbox: [...state.outbox, ...outbox] };
  }

  protected override async afterDelivery(): Promise<void> {
    // Outbox: the reactions are saved with the saga's state before any is sent, so a reload sends them.
    if (this.state.outbox.length > 0) await this.save();
    while (this.state.outbox.length > 0) {
      const [next, ...rest] = this.state.outbox;
      await this.dispatch(next.command, next.metadata, this.subscriberId);
      this.state = { ...this.state, outbox: rest };
      await this.save();
    }
  }

  /**
   * Why no copy: a saga is pure, so `handle` returns a new state and never changes the one it was given, and the
   * outbox is replaced, not changed. The state can be handed over as it is. Copying it before and after each
   * reaction was most of a 10k-event what-if's time, because the copy grows with the patients and months it tracks.
   */
  protected override snapshot(): SagaCheckpointState {
    return this.state;
  }

  /** After a reload: send what was decided but not sent before the page went away. */
  async resumeOutbox(): Promise<void> {
    if (this.state.outbox.length === 0) return;
    await this.deps.scheduler.spawn(this.subscriberId, () => this.afterDelivery());
  }
}
