import type { VirtualClock } from '../core/clock.ts';
import type { BoundedContext, BoundQueries, QueryCatalog } from '../core/boundedContext.ts';
import type { RecordedEvent } from '../core/event.ts';
import type { DomainError } from '../core/decider.ts';
import type { FieldProblem } from '../core/rules.ts';
import type { ActorScheduler } from '../core/scheduler/scheduler.ts';
import type {
  AppendResult,
  CommandRecord,
  EventLogFile,
  EventStore,
  ExpectedVersion,
  ImportResult,
} from '../store/eventStore.ts';
import type { IdGenerator } from './idGenerators.ts';
import type { SubscriberHistory } from './progressHistory.ts';

/** What `dispatch` returns: the recorded events, or the rejection. Never throws, whatever it is given. */
export type DispatchResult =
  | { kind: 'accepted'; events: RecordedEvent[]; commandId: string }
  | { kind: 'rejected'; error: DomainError; commandId: string };

/** Optional envelope fields for a dispatched command; the runtime fills in the rest. */
export interface DispatchMetadata {
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  actor?: string;
}

/** A subscriber's progress, for the read-models and sagas panels. */
export interface SubscriberStatus {
  name: string;
  description: string;
  /** Position of the last event applied. */
  checkpoint: number;
  /** Events in the log not yet applied. */
  lag: number;
  /** Set when the subscriber stopped on an event it could not handle (it applies nothing until rebuilt). */
  stopped: SubscriberStop | null;
}

export type ProjectionStatus = SubscriberStatus;

/** A saga's progress and its state (its live instances), for the sagas panel. */
export interface SagaStatus extends SubscriberStatus {
  state: unknown;
}

/** Why a projection or saga stopped: the event it could not handle and what it threw. */
export interface SubscriberStop {
  position: number;
  eventType: string;
  message: string;
}

/** An infrastructure failure met by a runner or the store subscription, for the UI to show. */
export interface RuntimeFailure {
  subscriber: string;
  code: string;
  message: string;
}

/** What the runtime needs of a domain: its bounded context and its named queries. */
export interface RuntimeDomain<Q extends QueryCatalog = QueryCatalog> {
  name: string;
  context: BoundedContext;
  queries: Q;
  /** Pure: every problem of an event the domain could not read (imports are checked with it). */
  eventProblems?(event: unknown): FieldProblem[];
}

/** One append the command handler asks for: the seam race-lab faults decorate (lost acks, no version check…). */
export interface AppendRequest {
  streamId: string;
  events: Parameters<EventStore['append']>[1];
  expectedVersion: ExpectedVersion;
  commandId: string;
  /** The scheduler actor doing the work. */
  actor: string;
  /** 0 for the first decision, then one more per retry after a conflict. */
  attempt: number;
}

/** Performs one append as one scheduled step. */
export type Append = (request: AppendRequest) => Promise<AppendResult>;

/** Which events of a delivery a subscriber applies: by default those after its checkpoint (idempotence). */
export type SelectUnapplied = (events: readonly RecordedEvent[], checkpoint: number) => RecordedEvent[];

/**
 * Decorators around the runtime's seams. The race lab plants faults and runtime bugs with them (a lost ack, an
 * append without its version check, split appends, duplicate deliveries, a subscriber that applies a redelivered
 * event again), so the production code carries no flags for them.
 */
export interface RuntimeDecorators {
  /** Wraps the store every part of the runtime reads and writes (e.g. to deliver some events twice). */
  store?: (store: EventStore) => EventStore;
  /** Wraps how the command handler appends. */
  append?: (append: Append) => Append;
  /** Wraps each subscriber's idempotence guard. */
  selectUnapplied?: (select: SelectUnapplied, subscriberId: string) => SelectUnapplied;
}

/** Typed notifications of what the runtime did, for observers (the race lab, a timeline, a test). */
export interface RuntimeObserver {
  /** A command's target stream was loaded: the version its decision is based on. */
  loaded?(event: { commandId: string; actor: string; streamId: string; version: number }): void;
  /** A subscriber applied a delivery and moved its checkpoint. */
  delivered?(event: { subscriberId: string; checkpoint: number }): void;
  /** A command's outcome was recorded. */
  recorded?(record: CommandRecord): void;
}

export interface RuntimeOptions {
  /** The virtual clock's start, `YYYY-MM-DDTHH:MM` (default: the domain's). */
  now?: string;
  /** Default: a fresh in-memory store. The app passes the IndexedDB store. */
  store?: EventStore;
  /** Delivery latency to projections and sagas in ms (0 = immediate; live scheduler only). */
  latencyMs?: number;
  /** Default: the live scheduler. Simulations pass a deterministic one. */
  scheduler?: ActorScheduler;
  ids?: IdGenerator;
  /** Reload-and-decide-again attempts after a concurrency conflict (default 12, with jittered backoff when live). */
  maxRetries?: number;
  /** Randomness for the retry backoff's jitter (default Math.random; only used with the live scheduler). */
  random?: () => number;
  /** Events per delivery to a projection or saga (default 500; 1 under a deterministic scheduler). */
  batchSize?: number;
  /** Follow appends made by other tabs (default: on with the live scheduler). */
  followStore?: boolean;
  /** Keep the read models up to date (default true). Off for bulk loading and to time the command path alone. */
  runProjections?: boolean;
  /** Run the sagas here (default true). The app runs them in one tab only. */
  runSagas?: boolean;
  /** Save each subscriber's state at the latest after this many events (default 1,000; also when settled). */
  checkpointEvery?: number;
  decorators?: RuntimeDecorators;
  observer?: RuntimeObserver;
}

/** The whole runtime of one domain without a UI: dispatch, settle, query, read the log. */
export interface Sandbox<Q extends QueryCatalog = QueryCatalog> {
  /** The domain this sandbox runs. */
  readonly domain: string;
  /** Validates, decides and appends (retrying conflicts); never throws, whatever it is given. */
  dispatch(command: unknown, metadata?: DispatchMetadata): Promise<DispatchResult>;
  /**
   * Until every projection and saga has caught up with the log, reactions included. Rejects with a
   * `SubscriberStoppedError` when one has stopped on an event it cannot handle (it never spins for ever).
   */
  settle(): Promise<void>;
  query: BoundQueries<Q>;
  clock: VirtualClock;
  /** The whole log in global order. */
  events(): Promise<RecordedEvent[]>;
  /** Every command handled, accepted or rejected, in order. */
  commands(): Promise<CommandRecord[]>;
  /** Resolves once checkpoints are loaded and the runtime follows the log. */
  ready: Promise<void>;
  /** The last global position known here. */
  head(): number;
  projections(): ProjectionStatus[];
  sagas(): SagaStatus[];
  /**
   * How far a subscriber (`projection:<name>`, `saga:<name>`) had got each time the log moved on, since this
   * runtime started or the log was replaced; null for a subscriber this runtime does not run.
   */
  progressHistory(laneId: string): SubscriberHistory | null;
  /** The projection's live state, read-only (it changes in place as events arrive). */
  projectionState(name: string): unknown;
  /** The saga's state and the reactions saved but not yet sent, as stored in its checkpoint. */
  sagaCheckpoint(name: string): Promise<{ position: number; state: unknown } | null>;
  rebuildProjection(name: string): Promise<void>;
  setLatency(ms: number): void;
  /** Called after anything changes (append, delivery, clock, errors). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Infrastructure failures met by runners (the latest 50; shown by the UI, never swallowed). */
  failures(): RuntimeFailure[];
  exportLog(): Promise<EventLogFile>;
  importLog(file: unknown): Promise<ImportResult>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export type { CommandRecord, EventLogFile, ImportResult };
