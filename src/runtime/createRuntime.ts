import type { Command } from '../core/boundedContext.ts';
import { createVirtualClock, type VirtualClock } from '../core/clock.ts';
import type { RecordedEvent } from '../core/event.ts';
import type { ActorScheduler } from '../core/scheduler/scheduler.ts';
import { createScheduling, schedulingQueries } from '../domains/scheduling/index.ts';
import { createMemoryStore } from '../store/memory/memoryStore.ts';
import type {
  CommandRecord,
  EventLogFile,
  EventStore,
  ImportResult,
  StoreFailure,
} from '../store/eventStore.ts';
import { handleCommand, type RuntimeFaults } from './commandHandler.ts';
import { sequentialIds, type IdGenerator } from './idGenerators.ts';
import { StreamStateCache } from './streamStateCache.ts';
import { staleReadOverbookingSaga } from '../domains/scheduling/plantedBugs/staleReadSaga.ts';
import { createLiveScheduler, type LiveScheduler } from './schedulers/liveScheduler.ts';
import { ProjectionRunner, SagaRunner, type RunnerDeps } from './subscribers/subscriberRunner.ts';
import { ProgressHistory, type SubscriberHistory } from './progressHistory.ts';
import type {
  DispatchMetadata,
  DispatchResult,
  ProjectionStatus,
  SagaStatus,
  SandboxOptions,
} from './types.ts';

export interface RuntimeOptions extends SandboxOptions {
  /** Default: the live scheduler. Simulations pass a deterministic one. */
  scheduler?: ActorScheduler;
  ids?: IdGenerator;
  faults?: RuntimeFaults;
  /** Reload-and-decide-again attempts after a concurrency conflict (default 3). */
  maxRetries?: number;
  /** Events per delivery to a projection or saga (default 500; 1 under a deterministic scheduler). */
  batchSize?: number;
  /** Follow appends made by other tabs (default: on with the live scheduler). */
  followStore?: boolean;
  /** Keep the read models up to date (default true). Off for bulk loading and to time the command path alone. */
  runProjections?: boolean;
  /** Run the sagas here (default true). The app runs them in one tab only. */
  runSagas?: boolean;
  /** Planted bug: projections apply redelivered events again. */
  nonIdempotentProjections?: boolean;
  /** Save each subscriber's state at the latest after this many events (default 1,000; also when settled). */
  checkpointEvery?: number;
  /** Fault: which events are delivered twice. */
  duplicateDelivery?: (event: RecordedEvent) => boolean;
  /** Planted bug: the overbooking saga counts from the `monthlyBookings` read model as it is at delivery. */
  staleSagaReads?: boolean;
}

type Queries = typeof schedulingQueries;
type Read = Parameters<Queries['availableSlots']>[0];

/** The queries of DOMAIN.md, bound to the sandbox's projections and clock. */
export interface SandboxQueries {
  availableSlots(date: string): ReturnType<Queries['availableSlots']>;
  patientSlots(patientId: string): ReturnType<Queries['patientSlots']>;
  appointment(slotId: string): ReturnType<Queries['appointment']>;
  doctorDay(dayId: string): ReturnType<Queries['doctorDay']>;
  mailbox(patientId: string): ReturnType<Queries['mailbox']>;
  monthlyBookings(patientId: string, month: string): ReturnType<Queries['monthlyBookings']>;
}

export interface Sandbox {
  dispatch(command: unknown, metadata?: DispatchMetadata): Promise<DispatchResult>;
  /** Until every projection and saga has caught up with the log, reactions included. */
  settle(): Promise<void>;
  query: SandboxQueries;
  clock: VirtualClock;
  /** The whole log in global order. */
  events(): Promise<RecordedEvent[]>;
  /** Every command handled, accepted or rejected, in order. */
  commands(): Promise<CommandRecord[]>;
  /** Resolves once checkpoints are loaded and the runtime follows the log. */
  ready: Promise<void>;
  readonly store: EventStore;
  /** The last global position known here. */
  head(): number;
  projections(): ProjectionStatus[];
  sagas(): SagaStatus[];
  /**
   * How far a projection (`projection:<name>`) or saga (`saga:<name>`) had got each time the log moved on, since
   * this runtime started or the log was replaced; null for a subscriber this runtime does not run.
   */
  progressHistory(laneId: string): SubscriberHistory | null;
  /** The projection's live state, read-only (it changes in place as events arrive). */
  projectionState(name: string): unknown;
  rebuildProjection(name: string): Promise<void>;
  setLatency(ms: number): void;
  /** Called after anything changes (append, delivery, clock, errors). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Infrastructure failures met by runners (shown by the UI, never swallowed). */
  failures(): RuntimeFailure[];
  exportLog(): Promise<EventLogFile>;
  importLog(file: unknown): Promise<ImportResult>;
  reset(): Promise<void>;
  close(): void;
}

const CLOCK_ID = '$clock';

/** An infrastructure failure met by a runner or the store subscription, for the UI to show. */
export interface RuntimeFailure {
  subscriber: string;
  code: string;
  message: string;
}

/** The whole runtime without a UI: in memory by default, on IndexedDB when given the Dexie store. */
export function createSandbox(options: RuntimeOptions = {}): Sandbox {
  const store = options.store ?? createMemoryStore();
  const scheduler = options.scheduler ?? createLiveScheduler(options.latencyMs ?? 0);
  const isLive = !options.scheduler;
  const context = createScheduling({ monthlyLimit: options.monthlyLimit ?? 10 });
  const ids = options.ids ?? sequentialIds();
  const listeners = new Set<() => void>();
  const failures: RuntimeFailure[] = [];
  let head = 0;
  let pendingClockSave: Promise<unknown> = Promise.resolve();
  const notify = () => listeners.forEach((listener) => listener());

  const clock = createVirtualClock(options.now ?? '2026-03-02T08:00', (instant) => {
    if (!isLive) return notify();
    pendingClockSave = store.saveCheckpoint({ subscriberId: CLOCK_ID, position: 0, state: { now: instant } });
    notify();
  });

  const runnerDeps: RunnerDeps = {
    store,
    scheduler,
    batchSize: options.batchSize ?? (isLive ? 500 : 1),
    onProgress: notify,
    onError: (subscriber, failure: StoreFailure | Error) => {
      const code = 'code' in failure && typeof failure.code === 'string' ? failure.code : 'RuntimeError';
      failures.push({ subscriber, code, message: failure.message });
      notify();
    },
    isNonIdempotent: () => options.nonIdempotentProjections === true,
    shouldDuplicate: options.duplicateDelivery,
    checkpointEvery: options.checkpointEvery ?? 1_000,
    scheduleFlush: isLive ? (flush) => setTimeout(flush, 250) : undefined,
  };
  const projectionRunners =
    options.runProjections === false
      ? []
      : context.projections.map((p) => new ProjectionRunner(p, runnerDeps));
  const runners = new Map(projectionRunners.map((r) => [r.projection.name, r]));

  let isWakeQueued = false;
  const wakeNow = () => {
    isWakeQueued = false;
    projectionRunners.forEach((r) => r.wake());
    sagaRunners.forEach((r) => r.wake());
  };
  // Why a timer in the app: commands dispatched back to back then reach the read side as one batch instead of
  // one delivery each. Under a deterministic scheduler subscribers wake at once, so interleavings stay data.
  const wakeAll = () => {
    if (!isLive) return wakeNow();
    if (isWakeQueued) return;
    isWakeQueued = true;
    setTimeout(wakeNow, 0);
  };
  const handlerDeps = {
    context,
    store,
    scheduler,
    clock,
    ids,
    faults: options.faults ?? {},
    maxRetries: options.maxRetries ?? 3,
    onAppended: (events: RecordedEvent[]) => {
      moveHead(events.at(-1)?.position ?? head);
      wakeAll();
      notify();
    },
    onRecorded: () => notify(),
    cache: new StreamStateCache(),
  };
  const dispatchAs = (command: Command, metadata: DispatchMetadata, owner: string) =>
    handleCommand(handlerDeps, command, metadata, owner);
  const sagaRunners =
    options.runSagas === false
      ? []
      : context.sagas
          .map((s) => (options.staleSagaReads && s.name === 'overbooking' ? staleSaga() : s))
          .map((s) => new SagaRunner(s, runnerDeps, dispatchAs, clock.now));

  let subscription: { close(): void } | null = null;
  const follow = () => {
    subscription?.close();
    if (!(options.followStore ?? isLive)) return;
    // Other tabs' appends arrive here; our own arrive twice (harmless: wake is idempotent).
    subscription = store.subscribe(
      (events) => {
        moveHead(events.at(-1)?.position ?? head);
        wakeAll();
        notify();
      },
      {
        afterPosition: head,
        // 'VersionChanged': another tab replaced the log; the owner starts a new runtime over the store.
        onError: (failure) => runnerDeps.onError('store', failure),
      },
    );
  };
  const laneOf = new Map<string, ProjectionRunner | SagaRunner>([
    ...projectionRunners.map((r) => [`projection:${r.projection.name}`, r] as const),
    ...sagaRunners.map((r) => [`saga:${r.saga.name}`, r] as const),
  ]);
  const history = new ProgressHistory([...laneOf.keys()]);
  /** Every way the runtime learns of a longer log goes through here, so the read side's lag is recorded. */
  function moveHead(to: number) {
    if (to <= head) return;
    history.record(head, (laneId) => laneOf.get(laneId)?.checkpoint ?? 0);
    head = to;
  }

  const ready = (async () => {
    const savedClock = isLive ? await store.loadCheckpoint<{ now: string }>(CLOCK_ID) : null;
    if (savedClock && !options.now) clock.set(savedClock.state.now);
    await Promise.all([...projectionRunners, ...sagaRunners].map((r) => r.load()));
    head = await store.head();
    history.clear(head);
    await Promise.all(sagaRunners.map((r) => r.resumeOutbox()));
    follow();
    wakeAll();
  })();

  function staleSaga() {
    const limit = options.monthlyLimit ?? 10;
    const saga = staleReadOverbookingSaga(limit, (patientId, month) =>
      schedulingQueries.monthlyBookings(read, patientId, month),
    );
    return saga as unknown as (typeof context.sagas)[number];
  }

  const read: Read = (name: string) => {
    const runner = runners.get(name);
    if (!runner) throw new Error(`No projection named "${name}"`);
    return runner.current as never;
  };

  const status = (r: ProjectionRunner | SagaRunner) => ({
    checkpoint: r.checkpoint,
    lag: Math.max(0, head - r.checkpoint),
  });

  return {
    ready,
    store,
    clock,
    async dispatch(command, metadata = {}) {
      await ready;
      const commandId = metadata.commandId ?? ids('cmd');
      return scheduler.spawn(commandId, () =>
        handleCommand(handlerDeps, command, { ...metadata, commandId }),
      );
    },
    async settle() {
      await ready;
      await pendingClockSave;
      // Why a loop: a quiet scheduler can still hide a runner that has not been woken by another tab yet.
      for (;;) {
        await scheduler.whenIdle();
        moveHead(await store.head());
        const behind = [...projectionRunners, ...sagaRunners].filter((r) => r.checkpoint < head);
        if (behind.length === 0) {
          await Promise.all([...projectionRunners, ...sagaRunners].map((r) => r.flush()));
          return;
        }
        behind.forEach((r) => r.wake());
      }
    },
    query: {
      availableSlots: (date) => schedulingQueries.availableSlots(read, date),
      patientSlots: (patientId) => schedulingQueries.patientSlots(read, patientId, clock.now()),
      appointment: (slotId) => schedulingQueries.appointment(read, slotId),
      doctorDay: (dayId) => schedulingQueries.doctorDay(read, dayId),
      mailbox: (patientId) => schedulingQueries.mailbox(read, patientId),
      monthlyBookings: (patientId, month) => schedulingQueries.monthlyBookings(read, patientId, month),
    },
    events: () => store.readAll(),
    commands: () => store.readCommands(),
    head: () => head,
    projections: () =>
      projectionRunners.map((r) => ({
        name: r.projection.name,
        description: r.projection.description,
        ...status(r),
      })),
    sagas: () =>
      sagaRunners.map((r) => ({
        name: r.saga.name,
        description: r.saga.description,
        state: r.current,
        ...status(r),
      })),
    progressHistory: (laneId) => history.of(laneId),
    projectionState: (name) => read(name),
    async rebuildProjection(name) {
      await ready;
      const runner = runners.get(name);
      if (!runner) throw new Error(`No projection named "${name}"`);
      await runner.rebuild();
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`Latency must be a number of milliseconds ≥ 0, got ${ms}`);
      if ('latencyMs' in scheduler) (scheduler as LiveScheduler).latencyMs = ms;
      notify();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failures: () => [...failures],
    exportLog: () => store.exportLog(clock.now()),
    async importLog(file) {
      await ready;
      await scheduler.whenIdle();
      const result = await store.importLog(file);
      if (result.kind === 'imported') await restart();
      return result;
    },
    async reset() {
      await ready;
      await scheduler.whenIdle();
      await store.reset();
      await restart();
    },
    close() {
      void Promise.all([...projectionRunners, ...sagaRunners].map((r) => r.flush()));
      subscription?.close();
      listeners.clear();
    },
  };

  /** After the log was replaced: every subscriber starts again from zero. */
  async function restart() {
    await store.deleteCheckpoints();
    handlerDeps.cache.clear();
    if (isLive)
      await store.saveCheckpoint({ subscriberId: CLOCK_ID, position: 0, state: { now: clock.now() } });
    projectionRunners.forEach((r) => r.resetTo(r.projection.initialState()));
    sagaRunners.forEach((r) => r.resetTo({ saga: r.saga.initialState(), outbox: [] }));
    head = await store.head();
    history.clear(head);
    follow();
    wakeAll();
    notify();
  }
}
