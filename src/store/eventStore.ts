import type { NewEvent, RecordedEvent } from '../core/event.ts';

export type ExpectedVersion = number | 'no-stream' | 'any';

/** The stream was not at the version the writer expected; nothing was written. */
export interface ConcurrencyConflict {
  code: 'ConcurrencyConflict';
  message: string;
  streamId: string;
  expectedVersion: ExpectedVersion;
  /** 0 when the stream does not exist. */
  actualVersion: number;
}

/** An infrastructure failure, as a value the UI can show. */
export interface StoreFailure {
  code:
    | 'QuotaExceeded'
    | 'DatabaseClosed'
    | 'UpgradeBlocked'
    | 'VersionChanged'
    | 'InvalidAppend'
    | 'StoreFailed';
  message: string;
  cause?: string;
}

export type AppendResult =
  | { kind: 'appended'; events: RecordedEvent[]; streamVersion: number; lastPosition: number }
  | { kind: 'failed'; error: ConcurrencyConflict | StoreFailure };

/** Thrown by reads (and by `recordCommand`, `deleteCheckpoints`, `reset`) when the database fails. Appends, checkpoint saves and imports return values instead. */
export class StoreError extends Error {
  constructor(readonly failure: StoreFailure) {
    super(failure.message);
    this.name = 'StoreError';
  }
}

export interface ReadStreamOptions {
  from?: number;
  to?: number;
}

export interface ReadAllOptions {
  /** Inclusive. Default 1. */
  fromPosition?: number;
  /** Inclusive. */
  toPosition?: number;
  limit?: number;
}

/** A subscriber's state and checkpoint, stored together in one record (so, one transaction). */
export interface Checkpoint<State = unknown> {
  subscriberId: string;
  /** The position of the last event applied; 0 = none. */
  position: number;
  state: State;
}

/** Every command the runtime handled, accepted or rejected, for the timeline. */
export interface CommandRecord {
  /** Gapless sequence from 1, assigned by the store. */
  seq: number;
  commandId: string;
  type: string;
  data: unknown;
  correlationId: string;
  causationId: string;
  actor?: string;
  issuedAt: string;
  outcome:
    | { kind: 'accepted'; eventIds: string[]; firstPosition: number | null; lastPosition: number | null }
    | { kind: 'rejected'; code: string; message: string };
  /** Each conflict met before the outcome: the optimistic-concurrency retries. */
  attempts: { streamId: string; expectedVersion: ExpectedVersion; actualVersion: number }[];
  /** The global position the store was at when the command's outcome was known. */
  headPosition: number;
}

export type NewCommandRecord = Omit<CommandRecord, 'seq'>;

export interface Subscription {
  close(): void;
}

export interface SubscribeOptions {
  /** Deliver events after this position (0 = from the beginning). */
  afterPosition: number;
  /** Max events per delivery. */
  batchSize?: number;
  /**
   * Called once if the subscription has to stop: reading failed, the handler threw, or the log was
   * replaced (`reset`/`importLog`, here or in another tab: code `VersionChanged`). It never skips.
   */
  onError?: (failure: StoreFailure) => void;
}

/** The versioned export format: see docs/EVENT-LOG-FORMAT.md. */
export interface EventLogFile {
  format: 'eventscope.event-log';
  formatVersion: 1;
  exportedAt: string;
  events: RecordedEvent[];
  commands: CommandRecord[];
}

export type ImportResult =
  | { kind: 'imported'; events: number; commands: number }
  | { kind: 'rejected'; error: { code: 'InvalidImport'; message: string; path?: string } | StoreFailure };

export interface EventStore {
  readonly kind: 'memory' | 'indexeddb';
  /**
   * Atomic: all events or none. Checks `expectedVersion` against the stream's current version.
   * An empty batch only checks the version. Event ids must be unique (the runtime uses UUIDs); the
   * store checks uniqueness within the batch, `importLog` checks the whole log.
   */
  append(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The last global position (0 when empty). */
  head(): Promise<number>;
  /**
   * Live: every event after `afterPosition`, in order, no gaps, no duplicates, including other tabs' appends.
   * Deliveries are serialized: the next starts after the handler's promise settles.
   */
  subscribe(
    handler: (events: RecordedEvent[]) => void | Promise<void>,
    options: SubscribeOptions,
  ): Subscription;

  loadCheckpoint<State>(subscriberId: string): Promise<Checkpoint<State> | null>;
  /** One record, one transaction. The store may keep `state` itself (memory) or a copy: do not mutate it after saving. */
  saveCheckpoint<State>(
    checkpoint: Checkpoint<State>,
  ): Promise<{ kind: 'saved' } | { kind: 'failed'; error: StoreFailure }>;
  deleteCheckpoints(): Promise<void>;

  /** Assigns the next gapless `seq` (shared by all tabs). */
  recordCommand(record: NewCommandRecord): Promise<CommandRecord>;
  readCommands(): Promise<CommandRecord[]>;

  exportLog(exportedAt: string): Promise<EventLogFile>;
  /**
   * Validates the whole file first (an object, or its JSON text); on any problem the store is left
   * exactly as it was. Replaces events and commands, clears checkpoints; live subscriptions stop with `VersionChanged`.
   */
  importLog(file: unknown): Promise<ImportResult>;
  /** Empties events, commands and checkpoints. Live subscriptions stop with `VersionChanged`. */
  reset(): Promise<void>;
  close(): void;
}
