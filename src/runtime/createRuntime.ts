import { bindQueries, type Command, type QueryCatalog } from '../core/boundedContext.ts';
import { createVirtualClock } from '../core/clock.ts';
import type { RecordedEvent } from '../core/event.ts';
import type { ActorScheduler } from '../core/scheduler/scheduler.ts';
import { createMemoryStore } from '../store/memory/memoryStore.ts';
import type { EventStore, StoreFailure } from '../store/eventStore.ts';
import { handleCommand, scheduledAppend, type CommandHandlerDeps } from './commandHandler.ts';
import { sequentialIds } from './idGenerators.ts';
import { ProgressHistory } from './progressHistory.ts';
import { createLiveScheduler, type LiveScheduler } from './schedulers/liveScheduler.ts';
import { StreamStateCache } from './streamStateCache.ts';
import {
  afterCheckpoint,
  ProjectionRunner,
  SagaRunner,
  type RunnerDeps,
  type SagaCheckpointState,
} from './subscribers/subscriberRunner.ts';
import { CLOCK_CHECKPOINT_ID, subscriberId } from './subscribers/subscriberId.ts';
import type {
  DispatchMetadata,
  RuntimeDomain,
  RuntimeFailure,
  RuntimeOptions,
  Sandbox,
  SubscriberStatus,
} from './types.ts';

/** The runtime as its owner sees it: the sandbox plus the store it runs on (the app and the tools own it). */
export interface Runtime<Q extends QueryCatalog = QueryCatalog> extends Sandbox<Q> {
  readonly store: EventStore;
  /** Stops without saving anything (the log was replaced under it, e.g. by another tab). */
  abandon(): void;
}

/** `settle()` cannot finish: a projection or saga stopped on an event it cannot handle. */
export class SubscriberStoppedError extends Error {
  constructor(
    readonly stopped: { subscriber: string; position: number; eventType: string; message: string }[],
  ) {
    super(
      stopped
        .map((s) => `${s.subscriber} stopped at event #${s.position} (${s.eventType}): ${s.message}`)
        .join('; '),
    );
    this.name = 'SubscriberStoppedError';
  }
}

const MAX_FAILURES = 50;
const DEFAULT_NOW = '2026-03-02T08:00';

/**
 * The whole runtime of one domain without a UI: in memory by default, on IndexedDB when given the Dexie store.
 * It knows nothing of any domain: the domain's context decides, its projections and sagas follow the log, and
 * faults or planted bugs arrive as decorators (`options.decorators`), never as flags.
 */
export function createRuntime<Q extends QueryCatalog>(
  domain: RuntimeDomain<Q> & { defaultNow?: string },
  options: RuntimeOptions = {},
): Runtime<Q> {
  const { context } = domain;
  const baseStore = options.store ?? createMemoryStore();
  const store = options.decorators?.store?.(baseStore) ?? baseStore;
  const scheduler: ActorScheduler = options.scheduler ?? createLiveScheduler(options.latencyMs ?? 0);
  const isLive = !options.scheduler;
  const ids = options.ids ?? sequentialIds();
  const random = options.random ?? Math.random;
  const listeners = new Set<() => void>();
  const failures: RuntimeFailure[] = [];
  let head = 0;
  let isClosed = false;
  let pendingClockSave: Promise<unknown> = Promise.resolve();
  const notify = () => listeners.forEach((listener) => listener());
  const runsSagas = options.runSagas !== false;

  let lastNow = options.now ?? domain.defaultNow ?? DEFAULT_NOW;
  const clock = createVirtualClock(lastNow, (instant) => {
    const from = lastNow;
    lastNow = instant;
    if (isLive)
      pendingClockSave = store.saveCheckpoint({
        subscriberId: CLOCK_CHECKPOINT_ID,
        position: 0,
        state: { now: instant },
      });
    if (runsSagas && context.onClockMoved && instant > from) sendClockReactions(from, instant);
    notify();
  });

  const reportFailure = (subscriber: string, failure: StoreFailure | Error) => {
    const code = 'code' in failure && typeof failure.code === 'string' ? failure.code : 'RuntimeError';
    failures.push({ subscriber, code, message: failure.message });
    if (failures.length > MAX_FAILURES) failures.splice(0, failures.length - MAX_FAILURES);
    notify();
  };

  const runnerDeps: RunnerDeps = {
    store,
    scheduler,
    batchSize: options.batchSize ?? (isLive ? 500 : 1),
    onProgress: notify,
    onError: reportFailure,
    checkpointEvery: options.checkpointEvery ?? 1_000,
    scheduleFlush: isLive ? (flush) => setTimeout(() => !isClosed && flush(), 250) : undefined,
    selectUnapplied: (id) => options.decorators?.selectUnapplied?.(afterCheckpoint, id) ?? afterCheckpoint,
    observer: options.observer,
  };
  const projectionRunners =
    options.runProjections === false
      ? []
      : context.projections.map((p) => new ProjectionRunner(p, runnerDeps));
  const projectionByName = new Map(projectionRunners.map((r) => [r.projection.name, r]));
  const read = (name: string): unknown => {
    const runner = projectionByName.get(name);
    if (!runner) throw new Error(`No projection named "${name}"`);
    return runner.current;
  };

  let isWakeQueued = false;
  const wakeNow = () => {
    isWakeQueued = false;
    if (isClosed) return;
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
  const handlerDeps: CommandHandlerDeps = {
    context,
    store,
    scheduler,
    clock,
    ids,
    append:
      options.decorators?.append?.(scheduledAppend(store, scheduler)) ?? scheduledAppend(store, scheduler),
    maxRetries: options.maxRetries ?? 12,
    // Why jitter: writers that collide on one stream retry at different moments instead of colliding again.
    backoff: isLive
      ? (attempt) => new Promise((resolve) => setTimeout(resolve, random() * Math.min(64, 2 ** attempt)))
      : async () => {},
    onAppended: (events: RecordedEvent[]) => {
      moveHead(events.at(-1)?.position ?? head);
      wakeAll();
      notify();
    },
    onRecorded: () => notify(),
    cache: new StreamStateCache(),
    observer: options.observer,
    read,
  };
  const dispatchAs = (command: Command, metadata: DispatchMetadata, owner: string) =>
    handleCommand(handlerDeps, command, metadata, owner);
  const sagaRunners = runsSagas
    ? context.sagas.map((s) => new SagaRunner(s, runnerDeps, dispatchAs, clock.now, read))
    : [];
  const allRunners = () => [...projectionRunners, ...sagaRunners];

  let clockMoves = 0;
  function sendClockReactions(from: string, to: string) {
    const commands = context.onClockMoved?.(from, to) ?? [];
    const move = ++clockMoves;
    commands.forEach((command, index) => {
      const commandId = `clock/${to}/${move}/${index}`;
      void scheduler.spawn('clock', () =>
        handleCommand(handlerDeps, command, { commandId, actor: 'clock' }, 'clock'),
      );
    });
  }

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
        onError: (failure) => reportFailure('store', failure),
      },
    );
  };
  const laneOf = new Map<string, ProjectionRunner | SagaRunner>(allRunners().map((r) => [r.subscriberId, r]));
  const history = new ProgressHistory([...laneOf.keys()]);
  /** Every way the runtime learns of a longer log goes through here, so the read side's lag is recorded. */
  function moveHead(to: number) {
    if (to <= head) return;
    history.record(head, (laneId) => laneOf.get(laneId)?.checkpoint ?? 0);
    head = to;
  }

  const ready = (async () => {
    const savedClock = isLive ? await store.loadCheckpoint<{ now: string }>(CLOCK_CHECKPOINT_ID) : null;
    if (savedClock && !options.now) {
      lastNow = savedClock.state.now;
      clock.set(savedClock.state.now);
    }
    await Promise.all(allRunners().map((r) => r.load()));
    head = await store.head();
    // A checkpoint ahead of the log was saved into another log (one replaced since): never trust it, rebuild.
    for (const runner of allRunners())
      if (runner.checkpoint > head) {
        reportFailure(
          runner.subscriberId,
          new Error(
            `${runner.subscriberId}'s saved checkpoint (${runner.checkpoint}) was ahead of the log (${head}): rebuilt from the start`,
          ),
        );
        resetRunner(runner);
      }
    history.clear(head);
    await Promise.all(sagaRunners.map((r) => r.resumeOutbox()));
    follow();
    wakeAll();
  })();

  function resetRunner(runner: ProjectionRunner | SagaRunner) {
    if (runner instanceof ProjectionRunner) runner.resetTo(runner.projection.initialState());
    else runner.resetTo({ saga: runner.saga.initialState(), outbox: [] });
  }

  const status = (r: ProjectionRunner | SagaRunner): Omit<SubscriberStatus, 'name' | 'description'> => ({
    checkpoint: r.checkpoint,
    lag: Math.max(0, head - r.checkpoint),
    stopped: r.stopped,
  });

  const stoppedRunners = () =>
    allRunners()
      .filter((r) => r.stopped !== null)
      .map((r) => ({ subscriber: r.subscriberId, ...(r.stopped as NonNullable<typeof r.stopped>) }));

  async function settle(): Promise<void> {
    await ready;
    await pendingClockSave;
    let stalled = 0;
    let previous = '';
    // Why a loop: a quiet scheduler can still hide a runner that has not been woken by another tab yet.
    for (;;) {
      await scheduler.whenIdle();
      await Promise.all(allRunners().map((r) => r.whenIdle()));
      moveHead(await store.head());
      const behind = allRunners().filter((r) => r.stopped === null && r.checkpoint < head);
      if (behind.length === 0) break;
      // Why count stalls: a runner whose reads keep failing makes no progress; say so instead of spinning.
      const progress = behind.map((r) => `${r.subscriberId}@${r.checkpoint}`).join(',');
      stalled = progress === previous ? stalled + 1 : 0;
      previous = progress;
      if (stalled > 100)
        throw new Error(`settle() made no progress: ${progress} stayed behind the log's head ${head}`);
      // Why yield to the event loop when live: with an in-memory store every step is a microtask.
      if (isLive && stalled > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(stalled, 20)));
      behind.forEach((r) => r.wake());
    }
    await Promise.all(allRunners().map((r) => r.flush()));
    const stopped = stoppedRunners();
    if (stopped.length > 0) throw new SubscriberStoppedError(stopped);
  }

  const runtime: Runtime<Q> = {
    domain: domain.name,
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
    settle,
    query: bindQueries(domain.queries, read, clock.now),
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
    async sagaCheckpoint(name) {
      const runner = sagaRunners.find((r) => r.saga.name === name);
      if (runner) return { position: runner.checkpoint, state: runner.current };
      const saved = await store.loadCheckpoint<SagaCheckpointState>(subscriberId('saga', name));
      return saved ? { position: saved.position, state: saved.state.saga } : null;
    },
    async rebuildProjection(name) {
      await ready;
      const runner = projectionByName.get(name);
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
    async close() {
      if (isClosed) return;
      await Promise.allSettled(allRunners().map((r) => r.flush()));
      runtime.abandon();
    },
    abandon() {
      isClosed = true;
      subscription?.close();
      listeners.clear();
    },
  };
  return runtime;

  /** After the log was replaced: every subscriber starts again from zero. */
  async function restart() {
    await store.deleteCheckpoints();
    handlerDeps.cache.clear();
    if (isLive)
      await store.saveCheckpoint({
        subscriberId: CLOCK_CHECKPOINT_ID,
        position: 0,
        state: { now: clock.now() },
      });
    allRunners().forEach(resetRunner);
    head = await store.head();
    history.clear(head);
    follow();
    wakeAll();
    notify();
  }
}
