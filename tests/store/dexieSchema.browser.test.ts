import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, declareSchema, openDexieStore } from '../../src/store/indexeddb/dexieStore.ts';
import { DAY, OTHER_DAY, commandRecord, slotEvent } from './builders.ts';

describe('Dexie schema versions', () => {
  it('opens a database written with schema v1 and finds its events, commands and checkpoints', async () => {
    const name = `eventscope-v1-${Date.now()}`;
    // 1. Write rows exactly as a v1 build stored them, through the v1 declaration only.
    const v1 = new Dexie(name);
    declareSchema(v1, 1);
    const [first, second, third] = [slotEvent(), slotEvent(), slotEvent({ type: 'SlotBooked' })];
    await v1.table('commits').bulkAdd([
      { firstPosition: 1, streamId: DAY, firstVersion: 1, events: [first, second] },
      { firstPosition: 3, streamId: OTHER_DAY, firstVersion: 1, events: [third] },
    ]);
    await v1.table('commands').add({ seq: 1, ...commandRecord() });
    await v1.table('checkpoints').put({ subscriberId: 'schedule', position: 3, state: { slots: 3 } });
    v1.close();

    // 2. Open it with the current build (every later version's upgrade runs here).
    const store = await openDexieStore(name);
    expect(SCHEMA_VERSIONS.length).toBeGreaterThanOrEqual(1);
    expect((await store.readAll()).map((e) => [e.id, e.position, e.streamId, e.version])).toEqual([
      [first.id, 1, DAY, 1],
      [second.id, 2, DAY, 2],
      [third.id, 3, OTHER_DAY, 1],
    ]);
    expect(await store.readCommands()).toEqual([{ seq: 1, ...commandRecord() }]);
    expect(await store.loadCheckpoint('schedule')).toEqual({
      subscriberId: 'schedule',
      position: 3,
      state: { slots: 3 },
    });
    expect(await store.append(DAY, [slotEvent()], { expectedVersion: 2 })).toMatchObject({
      kind: 'appended',
      lastPosition: 4,
    });
    store.close();
    await Dexie.delete(name);
  });

  it('opens a database a newer build upgraded with an extra index, and reads its data (Dexie 4 allows it)', async () => {
    const name = `eventscope-newer-${Date.now()}`;
    const newer = new Dexie(name);
    declareSchema(newer);
    newer
      .version(SCHEMA_VERSIONS.length + 5)
      .stores({ commits: 'firstPosition, &[streamId+firstVersion], streamId' });
    const event = slotEvent();
    await newer.table('commits').add({ firstPosition: 1, streamId: DAY, firstVersion: 1, events: [event] });
    newer.close();
    const store = await openDexieStore(name);
    expect((await store.readStream(DAY)).map((e) => e.id)).toEqual([event.id]);
    store.close();
    await Dexie.delete(name);
  });
});
