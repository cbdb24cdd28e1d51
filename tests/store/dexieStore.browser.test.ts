import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/core/event.ts';
import { openDexieStore } from '../../src/store/indexeddb/dexieStore.ts';
import { type EventStore, StoreError, type StoreFailure } from '../../src/store/eventStore.ts';
import { DAY, OTHER_DAY, eventually, mustAppend, positions, range, slotEvents } from './builders.ts';
import { eventStoreContract } from './contract.ts';
import { openFreshDexieStore } from './dexieHarness.ts';

eventStoreContract('Dexie in Chromium', openFreshDexieStore);

type OpenStore = (name: string) => Promise<EventStore>;

/** A second JS realm (a same-origin iframe) with its own copy of the store module, as another tab has. */
async function openSecondRealm(): Promise<{ openStore: OpenStore; remove: () => void }> {
  const frame = document.createElement('iframe');
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data !== 'realm-ready') return;
      window.removeEventListener('message', onMessage);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
  frame.srcdoc = `<script type="module">
    import { openDexieStore } from '${location.origin}/src/store/indexeddb/dexieStore.ts';
    window.openDexieStore = openDexieStore;
    parent.postMessage('realm-ready', '*');
  </script>`;
  document.body.append(frame);
  await ready;
  const realm = frame.contentWindow as Window & { openDexieStore: OpenStore };
  expect(realm.openDexieStore).not.toBe(openDexieStore);
  return { openStore: (name) => realm.openDexieStore(name), remove: () => frame.remove() };
}

describe('Dexie store across two JS realms (two tabs)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const twoRealms = async () => {
    const name = `eventscope-realms-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const realm = await openSecondRealm();
    const here = await openDexieStore(name);
    const there = await realm.openStore(name);
    cleanups.push(async () => {
      here.close();
      there.close();
      realm.remove();
      await Dexie.delete(name);
    });
    return { here, there };
  };

  it("delivers the other realm's appends live to this realm's subscription, without gaps or repeats", async () => {
    const { here, there } = await twoRealms();
    await mustAppend(here, DAY, slotEvents(3));
    const seen: RecordedEvent[] = [];
    const subscription = here.subscribe((events) => void seen.push(...events), {
      afterPosition: 0,
      batchSize: 7,
    });
    const writers = [
      (async () => {
        for (let i = 0; i < 25; i++)
          await mustAppend(there, i % 2 ? DAY : OTHER_DAY, slotEvents(1 + (i % 3)));
      })(),
      (async () => {
        for (let i = 0; i < 25; i++)
          await mustAppend(here, 'day-bruno-costa-2026-11-23', slotEvents(1 + (i % 2)));
      })(),
    ];
    await Promise.all(writers);
    const head = await here.head();
    expect(head).toBe(3 + 49 + 37);
    await eventually(() => seen.length >= head);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(positions(seen)).toEqual(range(1, head));
    expect(new Set(seen.map((e) => e.id)).size).toBe(head);
    // Now only the other realm writes, so only its notification can wake this subscription.
    for (let i = 0; i < 5; i++) await mustAppend(there, DAY, slotEvents(2));
    await eventually(() => seen.length === head + 10);
    expect(positions(seen)).toEqual(range(1, head + 10));
    subscription.close();
  });

  it('lets exactly one realm win each expected version of a stream, with gapless positions', async () => {
    const { here, there } = await twoRealms();
    const winners = new Map<number, string[]>();
    let conflicts = 0;
    const contend = async (store: EventStore, who: string, side: string) => {
      let version = 0;
      while (version < 40) {
        const result = await store.append(DAY, slotEvents(1 + (version % 2)), { expectedVersion: version });
        if (result.kind === 'appended') {
          winners.set(version, [...(winners.get(version) ?? []), who]);
          version = result.streamVersion;
        } else if (result.error.code === 'ConcurrencyConflict') {
          expect(result.error.actualVersion).toBeGreaterThan(version);
          conflicts += 1;
          version = result.error.actualVersion;
        } else throw new Error(result.error.message);
        await mustAppend(store, side, slotEvents(1));
      }
    };
    await Promise.all([
      contend(here, 'here', OTHER_DAY),
      contend(there, 'there', 'day-bruno-costa-2026-11-23'),
    ]);
    expect([...winners.values()].every((w) => w.length === 1)).toBe(true);
    expect(conflicts).toBeGreaterThan(0);
    const all = await here.readAll();
    expect(positions(all)).toEqual(range(1, all.length));
    const day = await there.readStream(DAY);
    expect(day.map((e) => e.version)).toEqual(range(1, day.length));
    expect(day.length).toBeGreaterThanOrEqual(40);
  });

  it("stops this realm's subscription when the other realm resets the log, and appends restart at 1", async () => {
    const { here, there } = await twoRealms();
    await mustAppend(here, DAY, slotEvents(4));
    const failures: StoreFailure[] = [];
    let delivered = 0;
    here.subscribe((events) => void (delivered += events.length), {
      afterPosition: 0,
      onError: (f) => failures.push(f),
    });
    await eventually(() => delivered === 4);
    await there.reset();
    await eventually(() => failures.length === 1);
    expect(failures[0].code).toBe('VersionChanged');
    expect(await here.append(DAY, slotEvents(1), { expectedVersion: 'no-stream' })).toMatchObject({
      kind: 'appended',
      lastPosition: 1,
    });
  });
});

describe('Dexie store when the database goes away', () => {
  it('reports DatabaseClosed from appends, reads and subscriptions after another tab deletes it', async () => {
    const name = `eventscope-deleted-${Date.now()}`;
    const store = await openDexieStore(name);
    await mustAppend(store, DAY, slotEvents(2));
    const failures: StoreFailure[] = [];
    store.subscribe(() => {}, { afterPosition: 2, onError: (f) => failures.push(f) });
    await Dexie.delete(name);
    expect(await store.append(DAY, slotEvents(1), { expectedVersion: 2 })).toMatchObject({
      kind: 'failed',
      error: { code: 'DatabaseClosed' },
    });
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreError);
    await expect(store.readAll()).rejects.toMatchObject({ failure: { code: 'DatabaseClosed' } });
    expect(await store.saveCheckpoint({ subscriberId: 'schedule', position: 2, state: {} })).toMatchObject({
      kind: 'failed',
      error: { code: 'DatabaseClosed' },
    });
    await eventually(() => failures.length === 1);
    expect(failures[0].code).toBe('DatabaseClosed');
    store.close();
  });

  it('refuses to open with UpgradeBlocked while an older connection will not let go', async () => {
    const name = `eventscope-blocked-${Date.now()}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    old.onversionchange = () => {};
    await expect(openDexieStore(name)).rejects.toMatchObject({ failure: { code: 'UpgradeBlocked' } });
    old.close();
    await Dexie.delete(name);
  });
});
