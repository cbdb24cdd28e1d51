import Dexie, { type Table, type Transaction } from 'dexie';
import type { NewEvent, RecordedEvent } from '../../core/event.ts';
import {
  type AppendResult,
  type Checkpoint,
  type CommandRecord,
  type EventStore,
  type ExpectedVersion,
  type ImportResult,
  StoreError,
  type StoreFailure,
} from '../eventStore.ts';
import { LOG_FORMAT, LOG_FORMAT_VERSION, appendProblem, recorded, validateLogFile } from '../logFile.ts';
import { type LiveSubscription, conflict, startSubscription, versionMatches } from '../subscription.ts';

/** One append: a stream's events, stored as a single record keyed by its first global position. */
export interface CommitRow {
  firstPosition: number;
  streamId: string;
  firstVersion: number;
  events: NewEvent[];
}

interface MetaRow {
  key: string;
  value: number;
}

type EventscopeDb = Dexie & {
  commits: Table<CommitRow, number>;
  commands: Table<CommandRecord, number>;
  checkpoints: Table<Checkpoint, string>;
  meta: Table<MetaRow, string>;
};

const STREAM_INDEX = '[streamId+firstVersion]';
const EPOCH = 'epoch';
const IMPORT_COMMIT_SIZE = 1_000;
const THROTTLE_MS = 10;

/**
 * Every schema version, oldest first. Never edit a shipped entry: add a version with an `upgrade`,
 * so a database written by any earlier build opens with its data (tests/store/dexieSchema.browser.test.ts).
 */
export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      // The primary key catches a stale global head, the unique index a stale stream version.
      commits: `firstPosition, &${STREAM_INDEX}`,
      commands: 'seq',
      checkpoints: 'subscriberId',
      // `epoch` counts log replacements (reset, import), so other tabs' caches notice them.
      meta: 'key',
    },
  },
];

/** Declares the schema versions up to `upTo` on a Dexie instance. */
export function declareSchema(db: Dexie, upTo = SCHEMA_VERSIONS.length): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS.slice(0, upTo)) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

const lastPosition = (row: CommitRow) => row.firstPosition + row.events.length - 1;
const lastVersion = (row: CommitRow) => row.firstVersion + row.events.length - 1;

function errorName(error: unknown): string {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.inner?.name ?? e?.name ?? '';
}

/** Maps an IndexedDB or Dexie error to a failure the UI can show. */
export function storeFailure(error: unknown, doing: string): StoreFailure {
  if (error instanceof StoreError) return error.failure;
  const cause = String((error as { message?: string } | null)?.message ?? error);
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return {
        code: 'QuotaExceeded',
        message: `${doing}: the browser's storage for this site is full`,
        cause,
      };
    case 'InvalidStateError':
    case 'DatabaseClosedError':
      return { code: 'DatabaseClosed', message: `${doing}: the database is closed`, cause };
    case 'VersionError':
      return {
        code: 'VersionChanged',
        message: `${doing}: the database was written by a newer Eventscope`,
        cause,
      };
    case 'DataCloneError':
      return { code: 'InvalidAppend', message: `${doing}: the data is not cloneable`, cause };
    default:
      return { code: 'StoreFailed', message: `${doing} failed`, cause };
  }
}

type Message =
  | { kind: 'appended'; epoch: number; head: number; streams: [streamId: string, version: number][] }
  | { kind: 'replaced'; epoch: number };

type AppendOutcome =
  | { kind: 'appended'; epoch: number; firstPosition: number; firstVersion: number }
  | { kind: 'conflict'; actualVersion: number }
  | { kind: 'staleEpoch' }
  | { kind: 'failed'; failure: StoreFailure };

/**
 * Opens (creating or upgrading) the IndexedDB-backed store. Several tabs may open the same name:
 * they share one log and see each other's appends live. Throws `StoreError` if it cannot open.
 */
export async function openDexieStore(name = 'eventscope'): Promise<EventStore> {
  const db = new Dexie(name) as EventscopeDb;
  declareSchema(db);
  let closedFailure: StoreFailure | null = null;
  const opened = await new Promise<StoreFailure | null>((resolve) => {
    db.on('blocked', () =>
      resolve({
        code: 'UpgradeBlocked',
        message: 'Another tab keeps an older version of the database open; close it and reload',
      }),
    );
    db.open().then(
      () => resolve(null),
      (error: unknown) => resolve(storeFailure(error, 'Opening the database')),
    );
  });
  if (opened) {
    db.close();
    throw new StoreError(opened);
  }

  const subscriptions = new Set<LiveSubscription>();
  const notifyAll = () => {
    for (const subscription of subscriptions) subscription.notify();
  };
  // Another tab deleting or upgrading the database closes this connection. The store stays closed:
  // reopening silently would pair a recreated database with this tab's cached head.
  const markClosed = (message: string) => {
    closedFailure ??= { code: 'DatabaseClosed', message };
    notifyAll();
  };
  db.on('versionchange', () =>
    markClosed('Another tab deleted or upgraded the database; reload to continue'),
  );
  db.on('close', () => markClosed('The browser closed the database'));

  const idb = (): IDBDatabase => {
    if (closedFailure) throw new StoreError(closedFailure);
    return db.backendDB();
  };

  /** Runs raw requests in one transaction; resolves with `result()` once it commits. */
  const transact = <T>(
    stores: string[],
    mode: IDBTransactionMode,
    doing: string,
    body: (tx: IDBTransaction) => () => T,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      let result: () => T;
      try {
        tx = idb().transaction(stores, mode);
        result = body(tx);
      } catch (error) {
        reject(new StoreError(storeFailure(error, doing)));
        return;
      }
      tx.oncomplete = () => resolve(result());
      tx.onabort = () => reject(new StoreError(storeFailure(tx.error ?? closedFailure, doing)));
    });

  // Tab-local cache of the log's end. Always at or behind the truth within an epoch, and only ever set
  // to commit boundaries; a stale value makes the next `add` collide, never overwrite or leave a gap.
  const cache = { epoch: 0, head: 0, streams: new Map<string, number>() };
  const learn = (epoch: number, head: number, streamId?: string, version?: number) => {
    if (epoch !== cache.epoch) return;
    cache.head = Math.max(cache.head, head);
    if (streamId !== undefined && version !== undefined) {
      cache.streams.set(streamId, Math.max(cache.streams.get(streamId) ?? 0, version));
    }
  };

  const readEpoch = (tx: IDBTransaction, onEpoch?: (epoch: number) => void) => {
    const request = tx.objectStore('meta').get(EPOCH);
    let epoch = 0;
    request.onsuccess = () => {
      epoch = (request.result as MetaRow | undefined)?.value ?? 0;
      onEpoch?.(epoch);
    };
    return () => epoch;
  };

  const readHead = (tx: IDBTransaction, onHead: (head: number) => void) => {
    const request = tx.objectStore('commits').openCursor(null, 'prev');
    request.onsuccess = () => onHead(request.result ? lastPosition(request.result.value as CommitRow) : 0);
  };

  const readStreamVersion = (tx: IDBTransaction, streamId: string, onVersion: (version: number) => void) => {
    const range = IDBKeyRange.bound([streamId, -Infinity], [streamId, Infinity]);
    const request = tx.objectStore('commits').index(STREAM_INDEX).openCursor(range, 'prev');
    request.onsuccess = () => onVersion(request.result ? lastVersion(request.result.value as CommitRow) : 0);
  };

  const refreshCache = async () => {
    const truth = await transact(['commits', 'meta'], 'readonly', 'Reading the log', (tx) => {
      let head = 0;
      const epoch = readEpoch(tx);
      readHead(tx, (h) => (head = h));
      return () => ({ epoch: epoch(), head });
    });
    cache.epoch = truth.epoch;
    cache.head = truth.head;
    cache.streams.clear();
  };
  await refreshCache();

  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`eventscope-store:${name}`) : null;
  // Cross-tab notices are throttled (postMessage costs about as much as an IndexedDB request): the
  // first append posts at once, later ones within THROTTLE_MS are merged into one trailing message.
  // Receivers re-read the log from IndexedDB, so a merged notice loses nothing.
  let pending: Extract<Message, { kind: 'appended' }> | null = null;
  let throttle: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    throttle = undefined;
    if (!pending || !channel) return;
    channel.postMessage(pending);
    pending = null;
    throttle = setTimeout(flush, THROTTLE_MS);
  };
  const announce = (epoch: number, head: number, streamId: string, version: number) => {
    if (!channel) return;
    if (pending && pending.epoch !== epoch) {
      channel.postMessage(pending);
      pending = null;
    }
    pending ??= { kind: 'appended', epoch, head, streams: [] };
    pending.head = Math.max(pending.head, head);
    pending.streams.push([streamId, version]);
    if (throttle === undefined) flush();
  };
  const broadcastNow = (message: Message) => {
    clearTimeout(throttle);
    flush();
    channel?.postMessage(message);
  };
  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.kind === 'appended') {
      for (const [streamId, version] of message.streams)
        learn(message.epoch, message.head, streamId, version);
    } else if (message.epoch > cache.epoch) {
      // Head 0 is safe (at or behind the truth): the next append collides and re-reads.
      cache.epoch = message.epoch;
      cache.head = 0;
      cache.streams.clear();
    }
    notifyAll();
  });

  /**
   * One attempt, one readwrite transaction, usually two requests: the epoch check and the `add`.
   * The cache supplies the position and version; only when it disagrees with the writer's expectation,
   * or the `add` collides, does the transaction read the truth, which it can trust because readwrite
   * transactions on `commits` are serialized across every tab.
   */
  const appendOnce = (streamId: string, events: NewEvent[], expected: ExpectedVersion) =>
    new Promise<AppendOutcome>((resolve) => {
      let outcome: AppendOutcome | null = null;
      let tx: IDBTransaction;
      try {
        tx = idb().transaction(['commits', 'meta'], 'readwrite');
      } catch (error) {
        resolve({ kind: 'failed', failure: storeFailure(error, 'Appending') });
        return;
      }
      const commits = tx.objectStore('commits');
      const settle = (value: AppendOutcome, abort: boolean) => {
        outcome ??= value;
        if (abort) tx.abort();
      };
      const epochAtStart = cache.epoch;
      // Requests complete in order, so this check runs before any `add` result is looked at.
      readEpoch(tx, (epoch) => {
        if (epoch !== epochAtStart) settle({ kind: 'staleEpoch' }, true);
      });

      const write = (version: number, head: number, isTruth: boolean) => {
        const row: CommitRow = { firstPosition: head + 1, streamId, firstVersion: version + 1, events };
        let request: IDBRequest;
        try {
          request = commits.add(row);
        } catch (error) {
          settle({ kind: 'failed', failure: storeFailure(error, 'Appending') }, true);
          return;
        }
        request.onsuccess = () => {
          if (!outcome)
            outcome = {
              kind: 'appended',
              epoch: epochAtStart,
              firstPosition: row.firstPosition,
              firstVersion: row.firstVersion,
            };
        };
        request.onerror = (event) => {
          if (outcome) return;
          if (request.error?.name !== 'ConstraintError' || isTruth) {
            settle({ kind: 'failed', failure: storeFailure(request.error, 'Appending') }, false);
            return;
          }
          // The cache was stale: another tab appended. Keep the transaction (it holds the lock) and re-read.
          event.preventDefault();
          event.stopPropagation();
          readTruth();
        };
      };
      const decide = (actual: number, head: number, isTruth: boolean) => {
        if (versionMatches(expected, actual)) write(actual, head, isTruth);
        else if (isTruth) settle({ kind: 'conflict', actualVersion: actual }, true);
        else readTruth();
      };
      const readTruth = () => {
        let head = -1;
        readHead(tx, (h) => (head = h));
        readStreamVersion(tx, streamId, (version) => {
          if (outcome) return;
          learn(epochAtStart, head, streamId, version);
          decide(version, head, true);
        });
      };

      decide(cache.streams.get(streamId) ?? 0, cache.head, false);
      tx.oncomplete = () =>
        resolve(
          outcome ?? { kind: 'failed', failure: { code: 'StoreFailed', message: 'Appending did nothing' } },
        );
      tx.onabort = () => {
        if (outcome && outcome.kind !== 'appended') resolve(outcome);
        else resolve({ kind: 'failed', failure: storeFailure(tx.error ?? closedFailure, 'Appending') });
      };
    });

  /** Reads whole commits covering positions after `after` up to `to` (enough for `limit` events), and the epoch. */
  const readCommits = (after: number, to: number, limit: number, doing: string) =>
    transact(['commits', 'meta'], 'readonly', doing, (tx) => {
      const commits = tx.objectStore('commits');
      const epoch = readEpoch(tx);
      let first: CommitRow | undefined;
      const rest: CommitRow[] = [];
      // The commit holding `after + 1` may start earlier: fetch it separately, in parallel.
      const containing = commits.openCursor(IDBKeyRange.upperBound(after + 1), 'prev');
      containing.onsuccess = () => (first = containing.result?.value as CommitRow | undefined);
      // A count on getAll counts commits, not events, and one commit can hold 1,000 events: with a
      // limit, fetch pages of growing size until enough events arrived (one request when unlimited).
      let events = 0;
      const page = (lower: number, size: number | undefined) => {
        const request = commits.getAll(IDBKeyRange.bound(lower, to, true, false), size);
        request.onsuccess = () => {
          const rows = request.result as CommitRow[];
          for (const row of rows) {
            rest.push(row);
            events += row.events.length;
          }
          const last = rows.at(-1);
          if (
            size !== undefined &&
            rows.length === size &&
            events < limit &&
            last &&
            last.firstPosition < to
          ) {
            // Every commit holds at least one event, so never ask for more commits than events still wanted.
            page(last.firstPosition, Math.min(size * 4, limit - events));
          }
        };
      };
      if (to > after + 1) page(after + 1, Number.isFinite(limit) ? 1 : undefined);
      return () => ({ epoch: epoch(), rows: first ? [first, ...rest] : rest });
    });

  const flatten = (rows: CommitRow[], from: number, to: number, limit: number): RecordedEvent[] => {
    const out: RecordedEvent[] = [];
    for (const row of rows) {
      for (let i = 0; i < row.events.length; i++) {
        const position = row.firstPosition + i;
        if (position < from) continue;
        if (position > to || out.length >= limit) return out;
        out.push(recorded(row.events[i], position, row.streamId, row.firstVersion + i));
      }
    }
    return out;
  };

  const readAfter = async (after: number, limit: number, to = Infinity) => {
    const { epoch, rows } = await readCommits(after, to, limit, 'Reading the log');
    return { epoch, events: flatten(rows, after + 1, to, limit) };
  };

  const closedResult = (): { kind: 'failed'; error: StoreFailure } | null =>
    closedFailure ? { kind: 'failed', error: closedFailure } : null;

  /** Dexie calls, with failures mapped; never reached once closed (Dexie would silently reopen). */
  const dexie = async <T>(doing: string, run: () => Promise<T>): Promise<T> => {
    if (closedFailure) throw new StoreError(closedFailure);
    try {
      return await run();
    } catch (error) {
      throw new StoreError(storeFailure(error, doing));
    }
  };

  const replaceLog = async (rows: CommitRow[], commands: CommandRecord[], streams: Map<string, number>) => {
    const epoch = await dexie('Replacing the log', () =>
      db.transaction('rw', [db.commits, db.commands, db.checkpoints, db.meta], async () => {
        const next = ((await db.meta.get(EPOCH))?.value ?? 0) + 1;
        await Promise.all([db.commits.clear(), db.commands.clear(), db.checkpoints.clear()]);
        await Promise.all([
          db.commits.bulkAdd(rows),
          db.commands.bulkAdd(commands),
          db.meta.put({ key: EPOCH, value: next }),
        ]);
        return next;
      }),
    );
    const last = rows.at(-1);
    cache.epoch = epoch;
    cache.head = last ? lastPosition(last) : 0;
    cache.streams = streams;
    // Local subscriptions are not woken (see memoryStore.ts); other tabs' are, to learn of it promptly.
    broadcastNow({ kind: 'replaced', epoch });
  };

  const store: EventStore = {
    kind: 'indexeddb',

    async append(streamId, batch, { expectedVersion }): Promise<AppendResult> {
      const problem = appendProblem(streamId, batch);
      if (problem) return { kind: 'failed', error: { code: 'InvalidAppend', message: problem } };
      const closed = closedResult();
      if (closed) return closed;
      if (batch.length === 0) {
        try {
          const [actual, head] = await Promise.all([
            store.readStream(streamId).then((events) => events.at(-1)?.version ?? 0),
            store.head(),
          ]);
          if (!versionMatches(expectedVersion, actual)) {
            return { kind: 'failed', error: conflict(streamId, expectedVersion, actual) };
          }
          return { kind: 'appended', events: [], streamVersion: actual, lastPosition: head };
        } catch (error) {
          return { kind: 'failed', error: storeFailure(error, 'Appending') };
        }
      }
      const events = batch.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await appendOnce(streamId, events, expectedVersion);
        if (outcome.kind === 'staleEpoch') {
          try {
            await refreshCache();
          } catch (error) {
            return { kind: 'failed', error: storeFailure(error, 'Appending') };
          }
          continue;
        }
        if (outcome.kind === 'conflict') {
          return { kind: 'failed', error: conflict(streamId, expectedVersion, outcome.actualVersion) };
        }
        if (outcome.kind === 'failed') return { kind: 'failed', error: outcome.failure };
        const recordedEvents = events.map((e, i) =>
          recorded(e, outcome.firstPosition + i, streamId, outcome.firstVersion + i),
        );
        const last = recordedEvents[recordedEvents.length - 1];
        // The epoch the append committed in, not today's cache epoch: a replacement may have landed since.
        learn(outcome.epoch, last.position, streamId, last.version);
        notifyAll();
        announce(outcome.epoch, last.position, streamId, last.version);
        return {
          kind: 'appended',
          events: recordedEvents,
          streamVersion: last.version,
          lastPosition: last.position,
        };
      }
      return {
        kind: 'failed',
        error: { code: 'StoreFailed', message: 'The log kept being replaced while appending' },
      };
    },

    async readStream(streamId, { from = 1, to = Infinity } = {}) {
      const start = Math.max(1, from);
      if (to < start) return [];
      const { epoch, rows } = await transact(['commits', 'meta'], 'readonly', 'Reading a stream', (tx) => {
        const index = tx.objectStore('commits').index(STREAM_INDEX);
        const epoch = readEpoch(tx);
        let first: CommitRow | undefined;
        let rest: CommitRow[] = [];
        const containing = index.openCursor(
          IDBKeyRange.bound([streamId, -Infinity], [streamId, start]),
          'prev',
        );
        containing.onsuccess = () => (first = containing.result?.value as CommitRow | undefined);
        if (to > start) {
          const following = index.getAll(IDBKeyRange.bound([streamId, start], [streamId, to], true, false));
          following.onsuccess = () => (rest = following.result as CommitRow[]);
        }
        return () => ({ epoch: epoch(), rows: first ? [first, ...rest] : rest });
      });
      const out: RecordedEvent[] = [];
      for (const row of rows) {
        for (let i = 0; i < row.events.length; i++) {
          const version = row.firstVersion + i;
          if (version >= start && version <= to)
            out.push(recorded(row.events[i], row.firstPosition + i, streamId, version));
        }
      }
      // A read to the end of the stream ends on a commit boundary, so it may refresh the cache.
      const last = rows.at(-1);
      if (to === Infinity && last) learn(epoch, 0, streamId, lastVersion(last));
      return out;
    },

    async readAll({ fromPosition = 1, toPosition = Infinity, limit = Infinity } = {}) {
      const from = Math.max(1, fromPosition);
      if (toPosition < from || limit <= 0) return [];
      return (await readAfter(from - 1, limit, toPosition)).events;
    },

    async head() {
      const { epoch, head } = await transact(['commits', 'meta'], 'readonly', 'Reading the head', (tx) => {
        let head = 0;
        const epoch = readEpoch(tx);
        readHead(tx, (h) => (head = h));
        return () => ({ epoch: epoch(), head });
      });
      learn(epoch, head);
      return head;
    },

    subscribe(handler, options) {
      const subscription = startSubscription(readAfter, cache.epoch, handler, options, (s) =>
        subscriptions.delete(s),
      );
      subscriptions.add(subscription);
      return subscription;
    },

    async loadCheckpoint<State>(subscriberId: string) {
      const found = await dexie('Loading a checkpoint', () => db.checkpoints.get(subscriberId));
      return (found as Checkpoint<State> | undefined) ?? null;
    },

    async saveCheckpoint({ subscriberId, position, state }) {
      try {
        await dexie('Saving a checkpoint', () => db.checkpoints.put({ subscriberId, position, state }));
        return { kind: 'saved' };
      } catch (error) {
        return { kind: 'failed', error: storeFailure(error, 'Saving a checkpoint') };
      }
    },

    async deleteCheckpoints() {
      await dexie('Deleting checkpoints', () => db.checkpoints.clear());
    },

    async recordCommand(record) {
      // Read-then-add inside one readwrite transaction: serialized across tabs, so seqs stay gapless.
      return dexie('Recording a command', () =>
        db.transaction('rw', db.commands, async () => {
          const last = await db.commands.orderBy(':id').last();
          const stored: CommandRecord = { seq: (last?.seq ?? 0) + 1, ...record };
          await db.commands.add(stored);
          return stored;
        }),
      );
    },

    async readCommands() {
      return dexie('Reading commands', () => db.commands.toArray());
    },

    async exportLog(exportedAt) {
      const [rows, commands] = await dexie('Exporting the log', () =>
        db.transaction('r', [db.commits, db.commands], () =>
          Promise.all([db.commits.toArray(), db.commands.toArray()]),
        ),
      );
      return {
        format: LOG_FORMAT,
        formatVersion: LOG_FORMAT_VERSION,
        exportedAt,
        events: flatten(rows, 1, Infinity, Infinity),
        commands,
      };
    },

    async importLog(file): Promise<ImportResult> {
      const checked = validateLogFile(file);
      if (checked.kind === 'invalid') return { kind: 'rejected', error: checked.error };
      const closed = closedResult();
      if (closed) return { kind: 'rejected', error: closed.error };
      const { events, commands } = checked.file;
      // Runs of one stream become one commit (capped), like the appends that made them.
      const rows: CommitRow[] = [];
      const streams = new Map<string, number>();
      for (const e of events) {
        const row = rows.at(-1);
        const event = { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
        if (row && row.streamId === e.streamId && row.events.length < IMPORT_COMMIT_SIZE)
          row.events.push(event);
        else
          rows.push({
            firstPosition: e.position,
            streamId: e.streamId,
            firstVersion: e.version,
            events: [event],
          });
        streams.set(e.streamId, e.version);
      }
      try {
        await replaceLog(rows, commands, streams);
      } catch (error) {
        return { kind: 'rejected', error: storeFailure(error, 'Importing') };
      }
      return { kind: 'imported', events: events.length, commands: commands.length };
    },

    async reset() {
      await replaceLog([], [], new Map());
    },

    close() {
      for (const subscription of [...subscriptions]) subscription.close();
      clearTimeout(throttle);
      if (pending) channel?.postMessage(pending);
      channel?.close();
      db.close();
      closedFailure ??= { code: 'DatabaseClosed', message: 'The store was closed' };
    },
  };
  return store;
}
