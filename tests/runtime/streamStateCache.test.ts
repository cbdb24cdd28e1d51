import { describe, expect, it } from 'vitest';
import { StreamStateCache } from '../../src/runtime/streamStateCache.ts';
import type { StreamFold } from '../../src/core/boundedContext.ts';
import type { NewEvent } from '../../src/core/event.ts';
import { createMemoryStore } from '../../src/store/memory/memoryStore.ts';

const tally: StreamFold = {
  initialState: () => [],
  evolve: (state, event) => [...(state as string[]), (event.data as { note: string }).note],
};
let ids = 0;
const noted = (note: string): NewEvent => ({
  id: `evt-${++ids}`,
  type: 'Noted',
  data: { note },
  metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-02T08:00' },
});

describe('the stream state cache', () => {
  it('folds only the events appended since the last load', async () => {
    const store = createMemoryStore();
    const reads: (number | undefined)[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      reads.push(options?.from);
      return readStream(streamId, options);
    };
    const cache = new StreamStateCache();
    await store.append('notes', [noted('a'), noted('b')], { expectedVersion: 'no-stream' });
    expect(await cache.load(store, 'notes', tally)).toEqual({ state: ['a', 'b'], version: 2 });
    await store.append('notes', [noted('c')], { expectedVersion: 2 });
    expect(await cache.load(store, 'notes', tally)).toEqual({ state: ['a', 'b', 'c'], version: 3 });
    expect(reads).toEqual([undefined, 2]);
  });

  it('answers version 0 for a stream that does not exist', async () => {
    expect(await new StreamStateCache().load(createMemoryStore(), 'nothing', tally)).toEqual({
      state: [],
      version: 0,
    });
  });

  it('drops a cached state when the log was replaced under it', async () => {
    const store = createMemoryStore();
    const cache = new StreamStateCache();
    await store.append('notes', [noted('a'), noted('b')], { expectedVersion: 'no-stream' });
    await cache.load(store, 'notes', tally);
    await store.reset();
    await store.append('notes', [noted('x'), noted('y'), noted('z')], { expectedVersion: 'no-stream' });
    expect(await cache.load(store, 'notes', tally)).toEqual({ state: ['x', 'y', 'z'], version: 3 });
  });
});
