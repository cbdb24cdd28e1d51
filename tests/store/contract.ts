import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/core/event.ts';
import type { EventLogFile, EventStore, StoreFailure } from '../../src/store/eventStore.ts';
import { LOG_LIMITS } from '../../src/store/logFile.ts';
import {
  DAY,
  OTHER_DAY,
  commandRecord,
  eventually,
  mustAppend,
  positions,
  range,
  slotEvent,
  slotEvents,
  snapshot,
} from './builders.ts';

export interface StoreUnderTest {
  store: EventStore;
  /** Another connection to the same data, as a second tab would open (persistent stores only). */
  openPeer?: () => Promise<EventStore>;
  dispose: () => Promise<void>;
}

/** The one contract every `EventStore` implementation passes. */
export function eventStoreContract(label: string, open: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${label}`, () => {
    const opened: StoreUnderTest[] = [];
    const fresh = async (): Promise<StoreUnderTest> => {
      const s = await open();
      opened.push(s);
      return s;
    };
    const freshStore = async () => (await fresh()).store;

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.dispose();
    });

    describe('append', () => {
      it('numbers stream versions from 1 and global positions gaplessly across streams', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(2));
        await mustAppend(store, OTHER_DAY, slotEvents(1));
        const third = await store.append(DAY, slotEvents(3), { expectedVersion: 2 });
        expect(third).toMatchObject({ kind: 'appended', streamVersion: 5, lastPosition: 6 });
        const all = await store.readAll();
        expect(positions(all)).toEqual(range(1, 6));
        expect(all.map((e) => [e.streamId, e.version])).toEqual([
          [DAY, 1],
          [DAY, 2],
          [OTHER_DAY, 1],
          [DAY, 3],
          [DAY, 4],
          [DAY, 5],
        ]);
        expect(await store.head()).toBe(6);
      });

      it('keeps the data and metadata as given', async () => {
        const store = await freshStore();
        const event = slotEvent({
          type: 'SlotBooked',
          data: { slotId: 'slot-0900', patientId: 'tom-baker', notes: ['first visit'], at: null },
        });
        const [stored] = await mustAppend(store, DAY, [event]);
        expect(stored).toEqual({ ...event, position: 1, streamId: DAY, version: 1 });
        expect(await store.readAll()).toEqual([stored]);
      });

      it('keeps its own copy: mutating the appended objects later changes nothing', async () => {
        const store = await freshStore();
        const event = slotEvent({ data: { patientId: 'tom-baker' } });
        await mustAppend(store, DAY, [event]);
        (event.data as { patientId: string }).patientId = 'someone-else';
        const [read] = await store.readStream(DAY);
        expect(read.data).toEqual({ patientId: 'tom-baker' });
      });

      describe('when the expected version is wrong', () => {
        it('returns a conflict with the expected and actual versions and writes nothing', async () => {
          const store = await freshStore();
          await mustAppend(store, DAY, slotEvents(2));
          const before = await snapshot(store);
          const result = await store.append(DAY, slotEvents(1), { expectedVersion: 1 });
          expect(result).toMatchObject({
            kind: 'failed',
            error: { code: 'ConcurrencyConflict', streamId: DAY, expectedVersion: 1, actualVersion: 2 },
          });
          expect(await snapshot(store)).toBe(before);
        });

        it("rejects 'no-stream' on a stream that exists", async () => {
          const store = await freshStore();
          await mustAppend(store, DAY, slotEvents(1));
          const result = await store.append(DAY, slotEvents(1), { expectedVersion: 'no-stream' });
          expect(result).toMatchObject({
            kind: 'failed',
            error: { code: 'ConcurrencyConflict', actualVersion: 1 },
          });
        });

        it('reports actual version 0 for a stream that does not exist', async () => {
          const store = await freshStore();
          const result = await store.append(DAY, slotEvents(1), { expectedVersion: 3 });
          expect(result).toMatchObject({
            kind: 'failed',
            error: { code: 'ConcurrencyConflict', actualVersion: 0 },
          });
          expect(await store.head()).toBe(0);
        });
      });

      it("accepts 'no-stream' for a new stream and 'any' for any stream", async () => {
        const store = await freshStore();
        expect(await store.append(DAY, slotEvents(1), { expectedVersion: 'no-stream' })).toMatchObject({
          kind: 'appended',
          streamVersion: 1,
        });
        expect(await store.append(DAY, slotEvents(1), { expectedVersion: 'any' })).toMatchObject({
          kind: 'appended',
          streamVersion: 2,
        });
      });

      it('only checks the version for an empty batch', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(2));
        expect(await store.append(DAY, [], { expectedVersion: 2 })).toEqual({
          kind: 'appended',
          events: [],
          streamVersion: 2,
          lastPosition: 2,
        });
        expect(await store.append(DAY, [], { expectedVersion: 1 })).toMatchObject({ kind: 'failed' });
        expect(await store.head()).toBe(2);
      });

      describe('when one event of the batch is bad', () => {
        it('writes none of the batch (uncloneable data)', async () => {
          const store = await freshStore();
          await mustAppend(store, DAY, slotEvents(1));
          const before = await snapshot(store);
          const bad = slotEvent({ data: { callback: () => 'not data' } });
          const result = await store.append(DAY, [slotEvent(), bad, slotEvent()], { expectedVersion: 1 });
          expect(result).toMatchObject({ kind: 'failed', error: { code: 'InvalidAppend' } });
          expect(await snapshot(store)).toBe(before);
          expect(await store.append(DAY, slotEvents(1), { expectedVersion: 1 })).toMatchObject({
            kind: 'appended',
            lastPosition: 2,
          });
        });

        it('writes none of the batch (duplicate id in the batch)', async () => {
          const store = await freshStore();
          const event = slotEvent();
          const result = await store.append(DAY, [event, slotEvent(), event], { expectedVersion: 'any' });
          expect(result).toMatchObject({ kind: 'failed', error: { code: 'InvalidAppend' } });
          expect((result as { error: StoreFailure }).error.message).toContain('duplicate');
          expect(await store.head()).toBe(0);
        });
      });

      it('lets exactly one of several concurrent writers win each expected version', async () => {
        const store = await freshStore();
        const results = await Promise.all(
          range(1, 6).map(() => store.append(DAY, slotEvents(2), { expectedVersion: 'no-stream' })),
        );
        expect(results.filter((r) => r.kind === 'appended')).toHaveLength(1);
        for (const r of results.filter((r) => r.kind === 'failed')) {
          expect(r.error).toMatchObject({ code: 'ConcurrencyConflict', actualVersion: 2 });
        }
        expect(positions(await store.readAll())).toEqual([1, 2]);
      });

      it("numbers concurrent 'any' appends gaplessly", async () => {
        const store = await freshStore();
        await Promise.all(
          range(1, 20).map((i) => mustAppend(store, i % 2 ? DAY : OTHER_DAY, slotEvents(1 + (i % 3)))),
        );
        const all = await store.readAll();
        expect(positions(all)).toEqual(range(1, all.length));
        for (const stream of [DAY, OTHER_DAY]) {
          const versions = all.filter((e) => e.streamId === stream).map((e) => e.version);
          expect(versions).toEqual(range(1, versions.length));
        }
      });
    });

    describe('reads', () => {
      it('reads a stream between versions, including the middle of a batch', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(3));
        await mustAppend(store, OTHER_DAY, slotEvents(2));
        await mustAppend(store, DAY, slotEvents(3));
        expect((await store.readStream(DAY)).map((e) => e.version)).toEqual(range(1, 6));
        expect((await store.readStream(DAY, { from: 2, to: 4 })).map((e) => e.version)).toEqual([2, 3, 4]);
        expect((await store.readStream(DAY, { from: 5 })).map((e) => e.position)).toEqual([7, 8]);
        expect(await store.readStream('day-nobody')).toEqual([]);
      });

      it('reads all between positions with a limit, starting inside a batch', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(4));
        await mustAppend(store, OTHER_DAY, slotEvents(4));
        expect(positions(await store.readAll({ fromPosition: 3 }))).toEqual(range(3, 8));
        expect(positions(await store.readAll({ fromPosition: 3, toPosition: 6 }))).toEqual([3, 4, 5, 6]);
        expect(positions(await store.readAll({ fromPosition: 2, limit: 4 }))).toEqual([2, 3, 4, 5]);
        expect(positions(await store.readAll({ fromPosition: 9 }))).toEqual([]);
        for (let i = 0; i < 30; i++) await mustAppend(store, i % 2 ? DAY : OTHER_DAY, slotEvents(1));
        expect(positions(await store.readAll({ fromPosition: 3, limit: 25 }))).toEqual(range(3, 27));
        expect(positions(await store.readAll({ fromPosition: 7, toPosition: 30, limit: 100 }))).toEqual(
          range(7, 30),
        );
        expect(await store.head()).toBe(38);
      });
    });

    describe('subscribe', () => {
      const collect = (store: EventStore, afterPosition: number, batchSize?: number) => {
        const seen: RecordedEvent[] = [];
        const batches: number[] = [];
        const failures: StoreFailure[] = [];
        const subscription = store.subscribe(
          (events) => {
            seen.push(...events);
            batches.push(events.length);
          },
          { afterPosition, batchSize, onError: (f) => failures.push(f) },
        );
        return { seen, batches, failures, subscription };
      };

      it('delivers the backlog after the position, then live appends, in order, each once', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(5));
        const { seen, subscription } = collect(store, 2);
        await eventually(() => seen.length === 3);
        await mustAppend(store, OTHER_DAY, slotEvents(2));
        await mustAppend(store, DAY, slotEvents(1));
        await eventually(() => seen.length === 6);
        expect(positions(seen)).toEqual(range(3, 8));
        subscription.close();
      });

      it('respects the batch size', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(7));
        const { seen, batches, subscription } = collect(store, 0, 3);
        await eventually(() => seen.length === 7);
        expect(batches).toEqual([3, 3, 1]);
        subscription.close();
      });

      it('never skips or repeats while appends race the subscription', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(3));
        const writers = Promise.all(
          range(1, 30).map((i) => mustAppend(store, i % 3 ? DAY : OTHER_DAY, slotEvents(1 + (i % 4)))),
        );
        const { seen, subscription } = collect(store, 3, 4);
        await writers;
        const head = await store.head();
        await eventually(() => seen.length >= head - 3);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(positions(seen)).toEqual(range(4, head));
        subscription.close();
      });

      it('never has two deliveries in flight', async () => {
        const store = await freshStore();
        let inFlight = 0;
        let maxInFlight = 0;
        let delivered = 0;
        const subscription = store.subscribe(
          async (events) => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 5));
            delivered += events.length;
            inFlight -= 1;
          },
          { afterPosition: 0, batchSize: 2 },
        );
        for (let i = 0; i < 6; i++) await mustAppend(store, DAY, slotEvents(1));
        await eventually(() => delivered === 6);
        expect(maxInFlight).toBe(1);
        subscription.close();
      });

      it('stops delivering once closed', async () => {
        const store = await freshStore();
        const { seen, subscription } = collect(store, 0);
        await mustAppend(store, DAY, slotEvents(1));
        await eventually(() => seen.length === 1);
        subscription.close();
        await mustAppend(store, DAY, slotEvents(1));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen).toHaveLength(1);
      });

      it('stops with an error, without skipping, when the handler throws', async () => {
        const store = await freshStore();
        const failures: StoreFailure[] = [];
        let calls = 0;
        store.subscribe(
          () => {
            calls += 1;
            throw new Error('projection bug');
          },
          { afterPosition: 0, onError: (f) => failures.push(f) },
        );
        await mustAppend(store, DAY, slotEvents(1));
        await eventually(() => failures.length === 1);
        await mustAppend(store, DAY, slotEvents(1));
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(calls).toBe(1);
        expect(failures[0]).toMatchObject({ code: 'StoreFailed' });
      });

      it('stops with VersionChanged when the log is reset', async () => {
        const store = await freshStore();
        await mustAppend(store, DAY, slotEvents(2));
        const { seen, failures } = collect(store, 0);
        await eventually(() => seen.length === 2);
        await store.reset();
        await mustAppend(store, DAY, slotEvents(3));
        await eventually(() => failures.length === 1);
        expect(failures[0].code).toBe('VersionChanged');
        expect(seen).toHaveLength(2);
      });
    });

    describe('checkpoints', () => {
      it('stores the state and position together and loads a copy each time', async () => {
        const store = await freshStore();
        expect(await store.loadCheckpoint('schedule')).toBeNull();
        const state = { booked: { 'slot-0900': 'tom-baker' } };
        expect(await store.saveCheckpoint({ subscriberId: 'schedule', position: 7, state })).toEqual({
          kind: 'saved',
        });
        const loaded = await store.loadCheckpoint<typeof state>('schedule');
        if (loaded) loaded.state.booked['slot-0900'] = 'changed after load';
        expect(await store.loadCheckpoint('schedule')).toEqual({
          subscriberId: 'schedule',
          position: 7,
          state: { booked: { 'slot-0900': 'tom-baker' } },
        });
        await store.saveCheckpoint({ subscriberId: 'schedule', position: 9, state: { booked: {} } });
        expect(await store.loadCheckpoint('schedule')).toMatchObject({ position: 9, state: { booked: {} } });
      });

      it('deletes every checkpoint', async () => {
        const store = await freshStore();
        await store.saveCheckpoint({ subscriberId: 'schedule', position: 1, state: 1 });
        await store.saveCheckpoint({ subscriberId: 'overbooking', position: 2, state: 2 });
        await store.deleteCheckpoints();
        expect(await store.loadCheckpoint('schedule')).toBeNull();
        expect(await store.loadCheckpoint('overbooking')).toBeNull();
      });
    });

    describe('commands', () => {
      it('assigns gapless seqs, also to concurrent records', async () => {
        const store = await freshStore();
        const records = await Promise.all(
          range(1, 8).map((i) => store.recordCommand(commandRecord({ commandId: `cmd-${i}` }))),
        );
        expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(range(1, 8));
        const read = await store.readCommands();
        expect(read.map((r) => r.seq)).toEqual(range(1, 8));
        expect(read[0]).toEqual({ seq: 1, ...commandRecord({ commandId: read[0].commandId }) });
      });
    });

    describe('export and import', () => {
      const populate = async (store: EventStore) => {
        await mustAppend(store, DAY, slotEvents(3));
        await mustAppend(store, OTHER_DAY, slotEvents(2));
        await mustAppend(store, DAY, [slotEvent({ type: 'SlotBooked', data: { patientId: 'tom-baker' } })]);
        await store.recordCommand(commandRecord());
        await store.recordCommand(
          commandRecord({
            commandId: 'cmd-2',
            outcome: { kind: 'rejected', code: 'SlotAlreadyBooked', message: 'Taken' },
          }),
        );
        await store.saveCheckpoint({ subscriberId: 'schedule', position: 4, state: { slots: 4 } });
      };

      it('exports the versioned format', async () => {
        const store = await freshStore();
        await populate(store);
        const file = await store.exportLog('2026-11-23T12:00');
        expect(file).toMatchObject({
          format: 'eventscope.event-log',
          formatVersion: 1,
          exportedAt: '2026-11-23T12:00',
        });
        expect(positions(file.events)).toEqual(range(1, 6));
        expect(file.commands.map((c) => c.seq)).toEqual([1, 2]);
      });

      it('round-trips: export, import elsewhere, export again gives the same file', async () => {
        const source = await freshStore();
        await populate(source);
        const file = await source.exportLog('2026-11-23T12:00');
        const target = await freshStore();
        await mustAppend(target, 'day-other-doctor', slotEvents(9));
        await target.saveCheckpoint({ subscriberId: 'schedule', position: 9, state: {} });
        expect(await target.importLog(file)).toEqual({ kind: 'imported', events: 6, commands: 2 });
        expect(await target.exportLog('2026-11-23T12:00')).toEqual(file);
        expect(await target.loadCheckpoint('schedule')).toBeNull();
        expect(await target.append(DAY, slotEvents(1), { expectedVersion: 4 })).toMatchObject({
          kind: 'appended',
          streamVersion: 5,
          lastPosition: 7,
        });
        expect(await target.recordCommand(commandRecord())).toMatchObject({ seq: 3 });
      });

      it('imports the JSON text of an export', async () => {
        const source = await freshStore();
        await populate(source);
        const file = await source.exportLog('2026-11-23T12:00');
        const target = await freshStore();
        expect(await target.importLog(JSON.stringify(file))).toMatchObject({ kind: 'imported', events: 6 });
        expect(await target.exportLog('2026-11-23T12:00')).toEqual(file);
      });

      it('stops live subscriptions, which must restart from the new log', async () => {
        const store = await freshStore();
        await populate(store);
        const file = await store.exportLog('2026-11-23T12:00');
        const failures: StoreFailure[] = [];
        store.subscribe(() => {}, { afterPosition: 0, onError: (f) => failures.push(f) });
        await store.importLog(file);
        await mustAppend(store, DAY, slotEvents(1));
        await eventually(() => failures.length === 1);
        expect(failures[0].code).toBe('VersionChanged');
      });

      type Corrupt = (file: EventLogFile & Record<string, unknown>) => unknown;
      const set = (target: object, key: string, value: unknown) => Object.assign(target, { [key]: value });
      const rejections: [string, Corrupt, string, string?][] = [
        ['a number instead of a file', () => 42, 'expected an event log object'],
        ['text that is not JSON', () => '{"format": ', 'not valid JSON'],
        [
          'another format',
          (f) => ({ ...f, format: 'something-else' }),
          'must be "eventscope.event-log"',
          'format',
        ],
        [
          'a newer format version',
          (f) => ({ ...f, formatVersion: 2 }),
          'unsupported version 2',
          'formatVersion',
        ],
        ['a missing events list', (f) => ({ ...f, events: undefined }), 'expected array', 'events'],
        ['a gap in positions', (f) => ((f.events[3].position = 5), f), 'expected 4', 'events[3].position'],
        [
          'non-contiguous stream versions',
          (f) => ((f.events[4].version = 3), f),
          `stream "${OTHER_DAY}" expects version 2, found 3`,
          'events[4].version',
        ],
        [
          'a duplicate event id',
          (f) => ((f.events[5].id = f.events[1].id), f),
          'duplicate event id',
          'events[5].id',
        ],
        [
          'an event without metadata',
          (f) => (delete (f.events[2] as Partial<RecordedEvent>).metadata, f),
          'expected object',
          'events[2].metadata',
        ],
        [
          'metadata missing its commandId',
          (f) => (set(f.events[2].metadata, 'commandId', undefined), f),
          'expected string',
          'events[2].metadata.commandId',
        ],
        [
          'an unknown key on an event',
          (f) => (set(f.events[1], 'extra', 1), f),
          'unknown key',
          'events[1].extra',
        ],
        [
          'a __proto__ key in event data',
          (f) => ((f.events[1].data = JSON.parse('{"__proto__": {"isAdmin": true}}')), f),
          'forbidden key "__proto__"',
          'events[1].data.__proto__',
        ],
        [
          'a constructor key deep in data',
          (f) => ((f.events[0].data = { slot: { constructor: { prototype: 1 } } }), f),
          'forbidden key "constructor"',
          'events[0].data.slot.constructor',
        ],
        [
          'an oversized string in data',
          (f) => ((f.events[0].data = { notes: 'x'.repeat(LOG_LIMITS.maxStringLength + 1) }), f),
          'string longer than',
          'events[0].data.notes',
        ],
        [
          'an oversized event id',
          (f) => ((f.events[0].id = 'e'.repeat(LOG_LIMITS.maxIdLength + 1)), f),
          'at most',
          'events[0].id',
        ],
        [
          'a bidi override in a stream id',
          (f) => ((f.events[0].streamId = 'day\u202Eevil'), f),
          'invisible',
          'events[0].streamId',
        ],
        [
          'data nested too deep',
          (f) => {
            let deep: unknown = 'bottom';
            for (let i = 0; i < LOG_LIMITS.maxDataDepth + 2; i++) deep = { next: deep };
            f.events[0].data = deep;
            return f;
          },
          'nested deeper than',
        ],
        [
          'too many events',
          (f) => ({ ...f, events: new Array(LOG_LIMITS.maxEvents + 1) }),
          'more than',
          'events',
        ],
        [
          'a bad occurredAt',
          (f) => ((f.events[2].metadata.occurredAt = 'yesterday'), f),
          'instant',
          'events[2].metadata.occurredAt',
        ],
        ['a gap in command seqs', (f) => ((f.commands[1].seq = 3), f), 'expected 2', 'commands[1].seq'],
        [
          'a command pointing past the log',
          (f) => ((f.commands[0].headPosition = 99), f),
          'beyond the last event',
          'commands[0].headPosition',
        ],
        [
          'a __proto__ key at the top',
          (f) => JSON.parse(`{"__proto__": 1, ${JSON.stringify(f).slice(1)}`),
          'forbidden key',
          '__proto__',
        ],
      ];

      for (const [what, corrupt, message, path] of rejections) {
        it(`rejects ${what}, naming it, and leaves the store exactly as it was`, async () => {
          const source = await freshStore();
          await populate(source);
          const file = structuredClone(await source.exportLog('2026-11-23T12:00')) as EventLogFile &
            Record<string, unknown>;
          const target = await freshStore();
          await mustAppend(target, 'day-other-doctor', slotEvents(2));
          await target.recordCommand(commandRecord({ headPosition: 2 }));
          await target.saveCheckpoint({ subscriberId: 'schedule', position: 2, state: { kept: true } });
          const before = await snapshot(target);
          const result = await target.importLog(corrupt(file));
          expect(result.kind).toBe('rejected');
          const error = (result as { error: { code: string; message: string; path?: string } }).error;
          expect(error.code).toBe('InvalidImport');
          expect(error.message).toContain(message);
          if (path !== undefined) expect(error.path).toBe(path);
          expect(await snapshot(target)).toBe(before);
        });
      }
    });

    it('resets to empty: no events, commands or checkpoints; positions restart at 1', async () => {
      const store = await freshStore();
      await mustAppend(store, DAY, slotEvents(3));
      await store.recordCommand(commandRecord());
      await store.saveCheckpoint({ subscriberId: 'schedule', position: 3, state: {} });
      await store.reset();
      expect(await store.head()).toBe(0);
      expect(await store.readAll()).toEqual([]);
      expect(await store.readCommands()).toEqual([]);
      expect(await store.loadCheckpoint('schedule')).toBeNull();
      expect(await store.append(DAY, slotEvents(1), { expectedVersion: 'no-stream' })).toMatchObject({
        kind: 'appended',
        lastPosition: 1,
      });
    });

    describe('two connections to the same data (two tabs)', () => {
      const pair = async () => {
        const s = await fresh();
        if (!s.openPeer) return null;
        return { first: s.store, second: await s.openPeer() };
      };

      it("sees the other connection's appends live, in order, without gaps or repeats", async (ctx) => {
        const p = await pair();
        if (!p) return ctx.skip();
        await mustAppend(p.first, DAY, slotEvents(2));
        const seen: RecordedEvent[] = [];
        const subscription = p.first.subscribe((events) => void seen.push(...events), { afterPosition: 1 });
        for (let i = 0; i < 5; i++) await mustAppend(i % 2 ? p.first : p.second, DAY, slotEvents(2));
        await eventually(() => seen.length === 11);
        expect(positions(seen)).toEqual(range(2, 12));
        subscription.close();
      });

      it('reports the true version when its own view of the stream is stale', async (ctx) => {
        const p = await pair();
        if (!p) return ctx.skip();
        await mustAppend(p.first, DAY, slotEvents(1));
        await p.second.append(DAY, slotEvents(2), { expectedVersion: 1 });
        const stale = await p.first.append(DAY, slotEvents(1), { expectedVersion: 1 });
        expect(stale).toMatchObject({
          kind: 'failed',
          error: { code: 'ConcurrencyConflict', actualVersion: 3 },
        });
        expect(await p.first.append(DAY, slotEvents(1), { expectedVersion: 3 })).toMatchObject({
          kind: 'appended',
          streamVersion: 4,
          lastPosition: 4,
        });
        expect(await p.second.append(OTHER_DAY, slotEvents(1), { expectedVersion: 'any' })).toMatchObject({
          lastPosition: 5,
        });
      });

      it('lets exactly one connection win each expected version, with gapless positions', async (ctx) => {
        const p = await pair();
        if (!p) return ctx.skip();
        const wins = [0, 0];
        const attempts: Promise<unknown>[] = [];
        const winners = new Map<number, number>();
        const contend = async (store: EventStore, who: number) => {
          let version = 0;
          while (version < 20) {
            const r = await store.append(DAY, slotEvents(1), { expectedVersion: version });
            if (r.kind === 'appended') {
              winners.set(version, (winners.get(version) ?? 0) + 1);
              wins[who] += 1;
              version = r.streamVersion;
            } else if (r.error.code === 'ConcurrencyConflict') {
              version = r.error.actualVersion;
            } else throw new Error(r.error.message);
            await mustAppend(store, who ? OTHER_DAY : 'day-bruno-costa-2026-11-23', slotEvents(1));
          }
        };
        attempts.push(contend(p.first, 0), contend(p.second, 1));
        await Promise.all(attempts);
        expect([...winners.values()].every((n) => n === 1)).toBe(true);
        expect(wins[0] + wins[1]).toBe(20);
        const all = await p.first.readAll();
        expect(positions(all)).toEqual(range(1, all.length));
        expect((await p.second.readStream(DAY)).map((e) => e.version)).toEqual(range(1, 20));
      });

      it("notices the other connection's reset: appends restart at position 1, subscriptions stop", async (ctx) => {
        const p = await pair();
        if (!p) return ctx.skip();
        await mustAppend(p.first, DAY, slotEvents(3));
        const failures: StoreFailure[] = [];
        p.first.subscribe(() => {}, { afterPosition: 0, onError: (f) => failures.push(f) });
        await p.second.reset();
        expect(await p.first.append(OTHER_DAY, slotEvents(1), { expectedVersion: 'any' })).toMatchObject({
          kind: 'appended',
          lastPosition: 1,
          streamVersion: 1,
        });
        expect(await p.first.append(DAY, slotEvents(1), { expectedVersion: 'no-stream' })).toMatchObject({
          kind: 'appended',
          lastPosition: 2,
        });
        await eventually(() => failures.length === 1);
        expect(failures[0].code).toBe('VersionChanged');
      });
    });
  });
}
