import type { Command, Projection, ReadProjection, Saga } from '../../core/boundedContext.ts';
import type { RecordedEvent } from '../../core/event.ts';
import type { ActorScheduler } from '../../core/scheduler/scheduler.ts';
import type { EventStore, StoreFailure } from '../../store/eventStore.ts';
import type {
  DispatchMetadata,
  DispatchResult,
  RuntimeObserver,
  SelectUnapplied,
  SubscriberStop,
} from '../types.ts';
import { subscriberId } from './subscriberId.ts';

export interface RunnerDeps {
  store: EventStore;
  scheduler: ActorScheduler;
  /** Events per delivery: 1 in simulations (finest interleavings), larger in the app. */
  batchSize: number;
  onProgress: () => void;
  onError: (subscriber: string, failure: StoreFailure | Error) => void;
  /** Save state + checkpoint at the latest after this many applied events. */
  checkpointEvery: number;
  /** Arranges a later `flush` (a timer in the app); absent = saves wait for `flush()` or `checkpointEvery`. */
  scheduleFlush?: (flush: () => void) => void;
  /** Which events of a delivery to apply (default: those after the checkpoint). */
  selectUnapplied: (subscriberId: string) => SelectUnapplied;
  observer?: RuntimeObserver;
}

/** The idempotence guard: a redelivered event (at or below the checkpoint) is not applied again. */
export const afterCheckpoint: SelectUnapplied = (events, checkpoint) => {
  const fresh: RecordedEvent[] = [];
  let last = checkpoint;
  for (const event of events) {
    if (event.position <= last) continue;
    fresh.push(event);
    last = event.position;
  }
  return fresh;
};

/**
 * Shared shape of projection and saga runners: a checkpointed subscriber that, when woken, reads the log
 * after its checkpoint and delivers it in batches through the scheduler, one delivery at a time.
 * A subscriber whose `apply` throws stops on that event: it applies nothing more until rebuilt, says why once,
 * and counts as not running (so `settle()` can tell instead of waiting for ever).
 */
abstract class SubscriberRunner<State> {
  checkpoint = 0;
  stopped: SubscriberStop | null = null;
  protected state: State;
  private loop: Promise<void> | null = null;
  private isWokenAgain = false;
  protected unsavedEvents = 0;
  private isFlushScheduled = false;
  private readonly selectUnapplied: SelectUnapplied;

  constructor(
    readonly subscriberId: string,
    protected readonly deps: RunnerDeps,
    initialState: State,
  ) {
    this.state = initialState;
    this.selectUnapplied = deps.selectUnapplied(subscriberId);
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
    if (this.stopped) return;
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

  /** Resolves when the current catch-up loop (if any) ends. */
  whenIdle(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  private async catchUp(): Promise<void> {
    while (!this.stopped) {
      this.isWokenAgain = false;
      const events = await this.deps.store.readAll({
        fromPosition: this.checkpoint + 1,
        limit: this.deps.batchSize,
      });
      if (events.length === 0) return;
      await this.deps.scheduler.run(
        {
          kind: 'deliver',
          owner: this.subscriberId,
          detail: `${events[0].position}…${events.at(-1)?.position}`,
        },
        () => this.deliver(events),
      );
      this.deps.observer?.delivered?.({ subscriberId: this.subscriberId, checkpoint: this.checkpoint });
      this.deps.onProgress();
    }
  }

  /** Applies events not yet applied (the checkpoint makes redelivery harmless). */
  protected async deliver(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of this.selectUnapplied(events, this.checkpoint)) {
      try {
        this.state = this.apply(this.state, event);
      } catch (thrown) {
        this.stopAt(event, thrown);
        break;
      }
      this.checkpoint = Math.max(this.checkpoint, event.position);
      this.unsavedEvents += 1;
    }
    await this.afterDelivery();
    if (this.unsavedEvents >= this.deps.checkpointEvery) await this.save();
    else this.scheduleFlush();
  }

  protected stopAt(event: RecordedEvent, thrown: unknown): void {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    this.stopped = { position: event.position, eventType: event.type, message };
    this.deps.onError(
      this.subscriberId,
      new Error(
        `${this.subscriberId} stopped at event #${event.position} (${event.type}), which it cannot handle: ${message}`,
      ),
    );
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

  /** Back to the start (after a reset or an import replaced the log, or before a rebuild). */
  resetTo(state: State): void {
    this.state = state;
    this.checkpoint = 0;
    this.unsavedEvents = 0;
    this.stopped = null;
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
    super(subscriberId('projection', projection.name), deps, projection.initialState());
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
      for (const event of page) {
        try {
          state = this.projection.apply(state, event);
        } catch (thrown) {
          // Why keep what was folded: the panel shows the read model up to the event it cannot handle.
          this.state = state;
          this.checkpoint = position;
          this.stopAt(event, thrown);
          this.deps.onProgress();
          return;
        }
        position = event.position;
      }
    }
    // Why this is safe while the live loop runs: the swap is synchronous, and the loop skips
    // anything at or below the new checkpoint.
    this.state = state;
    this.checkpoint = position;
    this.stopped = null;
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

/** A saga's checkpoint state: its own state, and the reactions decided but not yet sent (its outbox). */
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
    private readonly read: ReadProjection,
  ) {
    super(subscriberId('saga', saga.name), deps, { saga: saga.initialState(), outbox: [] });
  }

  get current(): unknown {
    return this.state.saga;
  }

  get pendingReactions(): number {
    return this.state.outbox.length;
  }

  protected apply(state: SagaCheckpointState, event: RecordedEvent): SagaCheckpointState {
    const { state: saga, reactions } = this.saga.handle(state.saga, event, {
      now: this.now(),
      read: this.read,
    });
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

  /** Why no copy: a saga never changes a state in place (`handle` returns a new one), and the outbox is replaced. */
  protected override snapshot(): SagaCheckpointState {
    return this.state;
  }

  /** After a reload: send what was decided but not sent before the page went away. */
  async resumeOutbox(): Promise<void> {
    if (this.state.outbox.length === 0) return;
    await this.deps.scheduler.spawn(this.subscriberId, () => this.afterDelivery());
  }
}
