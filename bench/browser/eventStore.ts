// The Dexie event store against raw IndexedDB doing the same work on the same records and indexes:
// object store `commits` (keyPath `firstPosition`, unique index `[streamId+firstVersion]`), one record
// per append holding that append's events. Every case uses a fresh database on disk.
import type { NewEvent } from '../../src/core/event.ts';
import { type CommitRow, openDexieStore } from '../../src/store/dexieStore.ts';
import type { EventStore } from '../../src/store/eventStore.ts';
import type { BenchContext, Row } from '../types.ts';

const ROUNDS = 3;
const STREAMS = 1_000;
const BATCH = 1_000;
const SINGLE_EVENTS = 2_000;
const RAW_PER_EVENT_ROWS = 10_000;
const BATCH_EVENTS = 100_000;
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

async function timed(count: number, work: () => Promise<unknown>): Promise<number> {
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

const rawBatchRows = () =>
  withDatabase(async ({ raw }) => {
    const db = await raw();
    return timed(BATCH_EVENTS, async () => {
      for (let b = 0; b < BATCH_EVENTS / BATCH; b++) {
        const events = Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i));
        await putRows(db, [{ firstPosition: b * BATCH + 1, streamId: streamId(b), firstVersion: 1, events }]);
      }
    });
  });

const rawTxPerEvent = (durability?: IDBTransactionDurability) =>
  withDatabase(async ({ raw }) => {
    const db = await raw();
    return timed(SINGLE_EVENTS, async () => {
      for (let i = 0; i < SINGLE_EVENTS; i++) await putRows(db, [singleRow(i)], durability);
    });
  });

async function mustAppend(store: EventStore, stream: string, events: NewEvent[], expectedVersion: number) {
  const result = await store.append(stream, events, { expectedVersion });
  if (result.kind !== 'appended') throw new Error(`bench append failed: ${result.error.message}`);
}

const storeBatches = () =>
  withDatabase(async ({ name }) => {
    const store = await openDexieStore(name);
    const rate = await timed(BATCH_EVENTS, async () => {
      for (let b = 0; b < BATCH_EVENTS / BATCH; b++) {
        const events = Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i));
        await mustAppend(store, streamId(b), events, 0);
      }
    });
    store.close();
    return rate;
  });

const storeSingles = () =>
  withDatabase(async ({ name }) => {
    const store = await openDexieStore(name);
    const rate = await timed(SINGLE_EVENTS, async () => {
      for (let i = 0; i < SINGLE_EVENTS; i++)
        await mustAppend(store, streamId(i), [event(i)], Math.floor(i / STREAMS));
    });
    store.close();
    return rate;
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
    for (let round = 0; round < ROUNDS; round++) {
      results.store.push(
        await timed(READ_EVENTS, () => check(store.readAll().then((events) => events.length))),
      );
      if (layout === 'single') results.cursor.push(await timed(READ_EVENTS, () => check(rawCursor(db))));
      results.getAll.push(await timed(READ_EVENTS, () => check(rawGetAll(db))));
    }
    store.close();
    return { store: median(results.store), cursor: median(results.cursor), getAll: median(results.getAll) };
  });
}

/** Medians over ROUNDS, the cases of one round interleaved so drift hits all of them alike. */
async function rounds(cases: Record<string, () => Promise<number>>, log: (line: string) => void) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(cases)) {
      samples[name].push(await run());
      log(`  round ${round + 1} ${name}: ${Math.round(samples[name][round])} events/s`);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
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
  await storeSingles();
  log('event store: appends');
  const writes = await rounds(
    {
      rawPerEventRows,
      rawBatchRows,
      storeBatches,
      rawTxDefault: () => rawTxPerEvent(),
      rawTxRelaxed: () => rawTxPerEvent('relaxed'),
      storeSingles,
    },
    log,
  );
  log('event store: reads');
  const single = await reads('single', log);
  const batch = await reads('batch', log);
  return [
    row(
      'store append 1,000-event batches vs raw 1,000 puts/tx (1-event records)',
      writes.storeBatches,
      writes.rawPerEventRows,
    ),
    row(
      'store append 1,000-event batches vs raw 1 record of 1,000 events/tx',
      writes.storeBatches,
      writes.rawBatchRows,
    ),
    row(
      'store append 1 event/call vs raw 1 tx/event, default durability',
      writes.storeSingles,
      writes.rawTxDefault,
    ),
    row(
      'store append 1 event/call vs raw 1 tx/event, relaxed durability',
      writes.storeSingles,
      writes.rawTxRelaxed,
    ),
    row('store readAll 100k (1-event records) vs raw cursor', single.store, single.cursor),
    row('store readAll 100k (1-event records) vs raw getAll', single.store, single.getAll),
    row('store readAll 100k (1,000-event records) vs raw getAll', batch.store, batch.getAll),
  ];
}
