// The Dexie event store against raw IndexedDB doing the same work on the same records and indexes:
// object store `commits` (keyPath `firstPosition`, unique index `[streamId+firstVersion]`), one record
// per append holding that append's events, plus the one-record `meta` store (the log's epoch), all created
// by the store itself. Every case uses a fresh database on disk. Write cases interleave the store with its
// baselines in small blocks, so a busy machine slows them alike.
import type { NewEvent } from '../../src/core/event.ts';
import { type CommitRow, openDexieStore } from '../../src/store/indexeddb/dexieStore.ts';
import type { EventStore } from '../../src/store/eventStore.ts';
import type { BenchContext, Row } from '../types.ts';

const ROUNDS = 5;
const STREAMS = 1_000;
const BATCH = 1_000;
const SINGLE_EVENTS = 2_000;
const RAW_PER_EVENT_ROWS = 10_000;
const BATCH_EVENTS = 200_000;
const READ_EVENTS = 100_000;

let serial = 0;
const streamId = (i: number) => `day-doctor-${i % STREAMS}`;

function event(i: number): NewEvent {
  return {
    id: `evt-${serial}-${i}`,
    type: 'SlotBooked',
    data: {
      slotId: `slot-${i % 96}`,
      patientId: `patient-${i % 5000}`,
      date: '2026-11-23',
      startTime: '09:15',
    },
    metadata: {
      commandId: `cmd-${serial}-${i}`,
      correlationId: `cmd-${serial}-${i}`,
      causationId: `cmd-${serial}-${i}`,
      occurredAt: '2026-11-23T08:00',
      actor: 'Tom Baker',
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The runner starts Chromium with --expose-gc: collecting before a timed read keeps one case from
// paying for the previous case's garbage.
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

async function timed(count: number, work: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const started = performance.now();
  await work();
  return count / ((performance.now() - started) / 1000);
}

/** A fresh database with exactly the store's schema (created by the store itself). */
async function freshDatabase(): Promise<{
  name: string;
  raw: () => Promise<IDBDatabase>;
  drop: () => Promise<void>;
}> {
  const name = `bench-${Date.now()}-${++serial}`;
  (await openDexieStore(name)).close();
  const connections: IDBDatabase[] = [];
  return {
    name,
    raw: () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          connections.push(request.result);
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      }),
    drop: () =>
      new Promise((resolve) => {
        connections.forEach((c) => c.close());
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  };
}

function putRows(db: IDBDatabase, rows: CommitRow[], durability?: IDBTransactionDurability): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['commits'], 'readwrite', durability ? { durability } : undefined);
    const commits = tx.objectStore('commits');
    for (const row of rows) commits.put(row);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

const singleRow = (i: number): CommitRow => ({
  firstPosition: i + 1,
  streamId: streamId(i),
  firstVersion: Math.floor(i / STREAMS) + 1,
  events: [event(i)],
});

async function withDatabase<T>(
  run: (db: Awaited<ReturnType<typeof freshDatabase>>) => Promise<T>,
): Promise<T> {
  const db = await freshDatabase();
  try {
    return await run(db);
  } finally {
    await db.drop();
  }
}

async function mustAppend(store: EventStore, stream: string, events: NewEvent[], expectedVersion: number) {
  const result = await store.append(stream, events, { expectedVersion });
  if (result.kind !== 'appended') throw new Error(`bench append failed: ${result.error.message}`);
}

const batchOf = (b: number) => Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i));

/**
 * Runs the contenders in alternating blocks of steps and sums each one's time, so a busy machine
 * (2 shared cores) slows them alike. Returns events/s per contender.
 */
async function interleaved(
  contenders: Record<string, (step: number) => Promise<unknown>>,
  steps: number,
  block: number,
  eventsPerStep: number,
): Promise<Record<string, number>> {
  const elapsed: Record<string, number> = Object.fromEntries(Object.keys(contenders).map((k) => [k, 0]));
  for (let start = 0; start < steps; start += block) {
    for (const [name, step] of Object.entries(contenders)) {
      const started = performance.now();
      for (let i = start; i < Math.min(steps, start + block); i++) await step(i);
      elapsed[name] += performance.now() - started;
    }
  }
  return Object.fromEntries(
    Object.entries(elapsed).map(([k, ms]) => [k, (steps * eventsPerStep) / (ms / 1000)]),
  );
}

/** Fresh databases (the store's schema) for each contender, dropped afterwards. */
async function withDatabases<T>(
  count: number,
  run: (dbs: Awaited<ReturnType<typeof freshDatabase>>[]) => Promise<T>,
) {
  const dbs = await Promise.all(Array.from({ length: count }, () => freshDatabase()));
  try {
    return await run(dbs);
  } finally {
    for (const db of dbs) await db.drop();
  }
}

const rawPerEventRows = () =>
  withDatabase(async ({ raw }) => {
    const db = await raw();
    return timed(RAW_PER_EVENT_ROWS, async () => {
      for (let start = 0; start < RAW_PER_EVENT_ROWS; start += BATCH) {
        await putRows(
          db,
          Array.from({ length: BATCH }, (_, i) => singleRow(start + i)),
        );
      }
    });
  });

const batches = () =>
  withDatabases(2, async ([rawDb, storeDb]) => {
    const db = await rawDb.raw();
    const store = await openDexieStore(storeDb.name);
    const rates = await interleaved(
      {
        rawBatchRows: (b) =>
          putRows(db, [
            { firstPosition: b * BATCH + 1, streamId: streamId(b), firstVersion: 1, events: batchOf(b) },
          ]),
        storeBatches: (b) => mustAppend(store, streamId(b), batchOf(b), 0),
      },
      BATCH_EVENTS / BATCH,
      1,
      BATCH,
    );
    store.close();
    return rates;
  });

/** The store's own two requests per append, raw: read the epoch record, add the commit. */
function getEpochAndAdd(db: IDBDatabase, row: CommitRow): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['commits', 'meta'], 'readwrite');
    tx.objectStore('meta').get('epoch');
    tx.objectStore('commits').add(row);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

const singles = () =>
  withDatabases(4, async ([defaultDb, relaxedDb, getAddDb, storeDb]) => {
    const [rawDefault, rawRelaxed, rawGetAdd] = await Promise.all([
      defaultDb.raw(),
      relaxedDb.raw(),
      getAddDb.raw(),
    ]);
    const store = await openDexieStore(storeDb.name);
    const rates = await interleaved(
      {
        rawTxDefault: (i) => putRows(rawDefault, [singleRow(i)]),
        rawTxRelaxed: (i) => putRows(rawRelaxed, [singleRow(i)], 'relaxed'),
        rawGetAdd: (i) => getEpochAndAdd(rawGetAdd, singleRow(i)),
        storeSingles: (i) => mustAppend(store, streamId(i), [event(i)], Math.floor(i / STREAMS)),
      },
      SINGLE_EVENTS,
      50,
      1,
    );
    store.close();
    return rates;
  });

function rawCursor(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['commits'], 'readonly');
    const rows: CommitRow[] = [];
    const request = tx.objectStore('commits').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      rows.push(cursor.value as CommitRow);
      cursor.continue();
    };
    tx.oncomplete = () => resolve(rows.reduce((n, row) => n + row.events.length, 0));
    tx.onabort = () => reject(tx.error);
  });
}

function rawGetAll(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['commits'], 'readonly');
    const request = tx.objectStore('commits').getAll();
    tx.oncomplete = () =>
      resolve((request.result as CommitRow[]).reduce((n, row) => n + row.events.length, 0));
    tx.onabort = () => reject(tx.error);
  });
}

async function check(count: Promise<number>) {
  if ((await count) !== READ_EVENTS) throw new Error(`read ${await count} events, expected ${READ_EVENTS}`);
}

/** Reads 100k events back ROUNDS times through the store, a raw cursor and raw getAll; medians. */
async function reads(layout: 'single' | 'batch', log: (line: string) => void) {
  return withDatabase(async ({ name, raw }) => {
    const db = await raw();
    log(`  filling ${READ_EVENTS} events as ${layout === 'single' ? '1-event' : `${BATCH}-event`} commits…`);
    for (let start = 0; start < READ_EVENTS; start += BATCH) {
      await putRows(
        db,
        layout === 'single'
          ? Array.from({ length: BATCH }, (_, i) => singleRow(start + i))
          : [
              {
                firstPosition: start + 1,
                streamId: streamId(start / BATCH),
                firstVersion: 1,
                events: Array.from({ length: BATCH }, (_, i) => event(start + i)),
              },
            ],
      );
    }
    const store = await openDexieStore(name);
    const results = { store: [] as number[], cursor: [] as number[], getAll: [] as number[] };
    const cases: [keyof typeof results, () => Promise<number>][] = [
      ['store', () => store.readAll().then((events) => events.length)],
      ['getAll', () => rawGetAll(db)],
    ];
    if (layout === 'single') cases.push(['cursor', () => rawCursor(db)]);
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order each round so no case always runs first (cold) or last.
      for (let i = 0; i < cases.length; i++) {
        const [name, read] = cases[(round + i) % cases.length];
        results[name].push(await timed(READ_EVENTS, () => check(read())));
      }
    }
    store.close();
    return { store: median(results.store), cursor: median(results.cursor), getAll: median(results.getAll) };
  });
}

function row(name: string, value: number, baseline: number): Row {
  return {
    name,
    value: Math.round(value),
    unit: 'events/s',
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(2)),
  };
}

/** The event store suite: append and read throughput against raw IndexedDB baselines. */
export default async function eventStoreSuite({ log }: BenchContext): Promise<Row[]> {
  log('event store: warming up');
  await withDatabase(async ({ name }) => {
    const store = await openDexieStore(name);
    for (let i = 0; i < 200; i++) await mustAppend(store, streamId(i), [event(i)], 0);
    store.close();
  });
  log('event store: appends, 1,000 puts per transaction');
  const perEventRows = await rawPerEventRows();
  log('event store: appends, 1,000-event batches (interleaved with the raw baseline)');
  const batch = await batches();
  log('event store: appends, single events (interleaved with the raw baselines)');
  const single = await singles();
  log('event store: reads');
  const singleReads = await reads('single', log);
  const batchReads = await reads('batch', log);
  return [
    row(
      'store append 1,000-event batches vs raw 1,000 puts/tx (1-event records)',
      batch.storeBatches,
      perEventRows,
    ),
    row(
      'store append 1,000-event batches vs raw 1 record of 1,000 events/tx',
      batch.storeBatches,
      batch.rawBatchRows,
    ),
    row(
      'store append 1 event/call vs raw 1 tx/event, default durability',
      single.storeSingles,
      single.rawTxDefault,
    ),
    row(
      'store append 1 event/call vs raw 1 tx/event, relaxed durability',
      single.storeSingles,
      single.rawTxRelaxed,
    ),
    row(
      'store append 1 event/call vs raw 1 tx/event of get(epoch) + add',
      single.storeSingles,
      single.rawGetAdd,
    ),
    row('store readAll 100k (1-event records) vs raw cursor', singleReads.store, singleReads.cursor),
    row('store readAll 100k (1-event records) vs raw getAll', singleReads.store, singleReads.getAll),
    row('store readAll 100k (1,000-event records) vs raw getAll', batchReads.store, batchReads.getAll),
  ];
}
