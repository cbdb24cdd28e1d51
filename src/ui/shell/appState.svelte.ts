import {
  createDomainRuntime as createSandbox,
  scheduling,
  type SchedulingSandboxQueries as SandboxQueries,
} from '../../domains/index.ts';
import { type Runtime as Sandbox } from '../../runtime/index.ts';
import type { CommandRecord, DispatchResult, ImportResult, ProjectionStatus } from '../../runtime/types.ts';
import type { RecordedEvent } from '../../core/event.ts';
import type { PastReading } from '../../tools/time-travel/timeTravel.ts';
import { listSagaInstances, sagaMachines, type SagaInstance } from '../../domains/scheduling/sagas/index.ts';
import { createMemoryStore } from '../../store/memory/memoryStore.ts';
import type { EventLogFile, EventStore } from '../../store/eventStore.ts';
import {
  emptyTimelineIndex,
  extendTimelineIndex,
  type TimelineIndex,
} from '../../tools/time-travel/model/timelineIndex.ts';

/** Leader: this tab runs the sagas. Follower: another tab does; this one shows their checkpoints. */
export type TabRole = 'leader' | 'follower';

export type SandboxFactory = (options: { runSagas: boolean; monthlyLimit: number }) => Sandbox;

export interface AppStateOptions {
  makeSandbox: SandboxFactory;
  role: TabRole;
  monthlyLimit: number;
  storeKind: EventStore['kind'];
  /** Tabs sharing one store share one virtual clock through this channel name. */
  clockChannel?: string;
}

/** Whether a command's outcome was known once the log reached `position`. */
const isKnownBy = (command: CommandRecord, position: number) =>
  command.outcome.kind === 'accepted' && command.outcome.lastPosition !== null
    ? command.outcome.lastPosition <= position
    : command.headPosition <= position;

/** A dispatch outcome: the runtime's answer, or an infrastructure failure in plain words. */
export type Outcome = DispatchResult | { kind: 'failed'; message: string };

export interface SagaView {
  name: string;
  description: string;
  checkpoint: number;
  lag: number;
  instances: SagaInstance[];
  /** Reactions it sent, each with the event that triggered it. */
  reactions: CommandRecord[];
}

const REFRESH_MS = 30;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The app's one state object: wraps a `Sandbox`, follows it with `onChange`, and exposes raw snapshots
 * (replaced, never mutated) that panels render. Queries go through `query()`, which tracks `version`.
 */
export class AppState {
  events = $state.raw<RecordedEvent[]>([]);
  commands = $state.raw<CommandRecord[]>([]);
  /** The timeline's index, extended by what each refresh brings (so opening the timeline costs no indexing). */
  timelineIndex = $state.raw<TimelineIndex>(emptyTimelineIndex(scheduling.streamGroupOf));
  projections = $state.raw<ProjectionStatus[]>([]);
  sagas = $state.raw<SagaView[]>([]);
  failures = $state.raw<{ subscriber: string; code?: string; message: string }[]>([]);
  now = $state('');
  head = $state(0);
  /** Bumped after every change the sandbox reports; `$derived` queries depend on it. */
  version = $state(0);
  latencyMs = $state(0);
  role = $state<TabRole>('leader');
  monthlyLimit = $state(10);
  isLoaded = $state(false);
  /** Time travel: while set, queries and read models are as of `past.position` (the store is untouched). */
  past = $state.raw<PastReading | null>(null);
  /** The log as panels show it: up to the viewed position while in the past, else all of it. */
  readonly shownEvents = $derived(this.past ? this.events.slice(0, this.past.position) : this.events);
  /** The commands whose outcome was known by the viewed position (all of them when live). */
  readonly shownCommands = $derived(
    this.past ? this.commands.filter((c) => isKnownBy(c, this.past!.position)) : this.commands,
  );
  readonly storeKind: EventStore['kind'];

  #sandbox = $state.raw<Sandbox>(null as unknown as Sandbox);
  #options: AppStateOptions;
  #unsubscribe: () => void = () => {};
  #timer: ReturnType<typeof setTimeout> | null = null;
  #refreshing: Promise<void> | null = null;
  #isDirty = false;
  #isFullReloadDue = true;
  #channel: BroadcastChannel | null = null;
  #isRestarting = false;

  constructor(options: AppStateOptions) {
    this.#options = options;
    this.role = options.role;
    this.monthlyLimit = options.monthlyLimit;
    this.storeKind = options.storeKind;
    this.#attach(
      options.makeSandbox({ runSagas: options.role === 'leader', monthlyLimit: options.monthlyLimit }),
    );
    if (options.clockChannel && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(options.clockChannel);
      this.#channel.onmessage = (e: MessageEvent<{ now: string }>) => {
        if (e.data.now !== this.#sandbox.clock.now()) this.#sandbox.clock.set(e.data.now);
      };
    }
  }

  /** An app over a fresh in-memory sandbox (stories, tests): the real runtime, nothing mocked. */
  static inMemory(options: { now?: string; monthlyLimit?: number } = {}): AppState {
    const store = createMemoryStore();
    return new AppState({
      makeSandbox: (o) => createSandbox({ store, now: options.now ?? '2026-03-02T08:00', ...o }),
      role: 'leader',
      monthlyLimit: options.monthlyLimit ?? 10,
      storeKind: store.kind,
    });
  }

  get sandbox(): Sandbox {
    return this.#sandbox;
  }

  /** Runs a query against the read models; inside `$derived` it re-runs after every change. */
  query<T>(read: (queries: SandboxQueries) => T): T {
    void this.version;
    return read((this.past?.query ?? this.#sandbox.query) as SandboxQueries);
  }

  /** A projection's raw state (for the read-models panel), tracked like `query`. */
  projectionState(name: string): unknown {
    void this.version;
    return this.past ? this.past.read(name) : this.#sandbox.projectionState(name);
  }

  async dispatch(command: unknown): Promise<Outcome> {
    // Why refused: the past is read-only; a command now would land at the live head, out of view.
    if (this.past)
      return {
        kind: 'failed',
        message: `You are viewing the log as of position ${this.past.position}; go back to live to dispatch commands.`,
      };
    try {
      return await this.#sandbox.dispatch(command);
    } catch (error) {
      return { kind: 'failed', message: `The command could not be stored: ${message(error)}` };
    }
  }

  /** Until projections and sagas have caught up, then the snapshots are fresh. */
  async settle(): Promise<void> {
    await this.#sandbox.settle();
    await this.refresh();
  }

  /** Moves the virtual clock; the problem in words, or null. */
  setClock(instant: string): string | null {
    try {
      this.#sandbox.clock.set(instant);
      this.#channel?.postMessage({ now: instant });
      return null;
    } catch (error) {
      return message(error);
    }
  }

  setLatency(ms: number): void {
    this.#sandbox.setLatency(ms);
    this.latencyMs = ms;
  }

  async rebuild(name: string): Promise<string | null> {
    try {
      await this.#sandbox.rebuildProjection(name);
      return null;
    } catch (error) {
      return `Rebuilding ${name} failed: ${message(error)}`;
    }
  }

  exportLog(): Promise<EventLogFile> {
    return this.#sandbox.exportLog();
  }

  /** Replaces the log with the file's, or leaves everything as it was and says what is wrong. */
  async importLog(file: unknown): Promise<ImportResult> {
    try {
      const result = await this.#sandbox.importLog(file);
      this.#isFullReloadDue = true;
      await this.refresh();
      return result;
    } catch (error) {
      return { kind: 'rejected', error: { code: 'StoreFailed', message: message(error) } };
    }
  }

  async reset(): Promise<void> {
    await this.#sandbox.reset();
    this.#isFullReloadDue = true;
    await this.refresh();
  }

  /** Takes over the sagas (the leader tab went away) or applies a new monthly limit: a new sandbox, same store. */
  async restart(changes: { role?: TabRole; monthlyLimit?: number; isLogReplaced?: boolean }): Promise<void> {
    const role = changes.role ?? this.role;
    const monthlyLimit = changes.monthlyLimit ?? this.monthlyLimit;
    const now = this.#sandbox.clock.now();
    // Why not settle after a replaced log: the old runners would fold the new log onto their old state.
    if (!changes.isLogReplaced) await this.#sandbox.settle().catch(() => {});
    // Why abandon after a replaced log: flushing the old runners would save their states into the new log.
    this.#detach(changes.isLogReplaced ? 'abandon' : 'close');
    const next = this.#options.makeSandbox({ runSagas: role === 'leader', monthlyLimit });
    await next.ready;
    next.clock.set(now);
    if (this.latencyMs > 0) next.setLatency(this.latencyMs);
    this.role = role;
    this.monthlyLimit = monthlyLimit;
    this.#attach(next);
  }

  /** Reads the sandbox into the snapshots; coalesces bursts of changes. */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#isDirty = true;
      return this.#refreshing;
    }
    this.#refreshing = this.#load().finally(() => {
      this.#refreshing = null;
      if (this.#isDirty) {
        this.#isDirty = false;
        void this.refresh();
      }
    });
    return this.#refreshing;
  }

  close(): void {
    this.#detach();
    this.#channel?.close();
  }

  #recover(): void {
    if (this.#isRestarting) return;
    this.#isRestarting = true;
    void this.restart({ isLogReplaced: true }).finally(() => (this.#isRestarting = false));
  }

  #attach(sandbox: Sandbox): void {
    this.#sandbox = sandbox;
    this.now = sandbox.clock.now();
    this.#isFullReloadDue = true;
    this.#unsubscribe = sandbox.onChange(() => this.#schedule());
    void sandbox.ready.then(
      () => this.refresh().then(() => (this.isLoaded = true)),
      (error: unknown) => {
        this.failures = [
          { subscriber: 'store', message: `The event store could not be opened: ${message(error)}` },
        ];
      },
    );
  }

  #detach(how: 'close' | 'abandon' = 'close'): void {
    this.#unsubscribe();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (how === 'abandon') this.#sandbox.abandon();
    else void this.#sandbox.close();
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.refresh();
    }, REFRESH_MS);
  }

  async #load(): Promise<void> {
    const sandbox = this.#sandbox;
    try {
      const head = await sandbox.store.head();
      const known = this.events.length;
      let events = this.events;
      if (this.#isFullReloadDue || head < known) {
        this.#isFullReloadDue = false;
        events = await sandbox.events();
      } else if (head > known) {
        events = [...events, ...(await sandbox.store.readAll({ fromPosition: known + 1 }))];
      }
      const commands = await sandbox.commands();
      const sagas = await this.#sagaViews(sandbox, head, commands);
      this.events = events;
      this.commands = commands;
      this.timelineIndex = extendTimelineIndex(this.timelineIndex, events, commands);
      this.sagas = sagas;
      this.head = head;
      this.failures = sandbox.failures();
      // Another tab reset or imported the log: this runtime's subscription stopped, so follow the new log.
      if (this.failures.some((f) => f.subscriber === 'store' && f.code === 'VersionChanged')) this.#recover();
    } catch (error) {
      this.failures = [...sandbox.failures(), { subscriber: 'store', message: message(error) }];
    }
    this.now = sandbox.clock.now();
    this.projections = sandbox.projections();
    this.version++;
  }

  async #sagaViews(sandbox: Sandbox, head: number, commands: CommandRecord[]): Promise<SagaView[]> {
    const reactionsOf = (name: string) => commands.filter((c) => c.actor === `saga:${name}`);
    const running = sandbox.sagas();
    if (running.length > 0) {
      return running.map((s) => ({
        name: s.name,
        description: s.description,
        checkpoint: s.checkpoint,
        lag: s.lag,
        instances: listSagaInstances(s.state),
        reactions: reactionsOf(s.name),
      }));
    }
    // A follower tab runs no sagas: it shows the leader's saved checkpoints instead.
    return Promise.all(
      Object.keys(sagaMachines).map(async (name) => {
        const saved = await sandbox.store.loadCheckpoint<{ saga: unknown }>(`saga:${name}`);
        return {
          name,
          description: 'Runs in another tab; shown from its last checkpoint.',
          checkpoint: saved?.position ?? 0,
          lag: Math.max(0, head - (saved?.position ?? 0)),
          instances: saved ? listSagaInstances(saved.state.saga) : [],
          reactions: reactionsOf(name),
        };
      }),
    );
  }
}
