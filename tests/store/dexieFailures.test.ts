import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDexieStore, storeFailure } from '../../src/store/indexeddb/dexieStore.ts';
import { DAY, mustAppend, slotEvents, snapshot } from './builders.ts';

describe('storeFailure', () => {
  it.each([
    ['QuotaExceededError', 'QuotaExceeded'],
    ['InvalidStateError', 'DatabaseClosed'],
    ['DatabaseClosedError', 'DatabaseClosed'],
    ['VersionError', 'VersionChanged'],
    ['DataCloneError', 'InvalidAppend'],
    ['UnknownError', 'StoreFailed'],
  ])('maps %s to %s', (name, code) => {
    expect(storeFailure(new DOMException('boom', name), 'Appending')).toMatchObject({ code });
  });

  it("reads Dexie's wrapped inner error", () => {
    expect(
      storeFailure({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, 'Importing').code,
    ).toBe('QuotaExceeded');
  });
});

describe('Dexie store when storage is full', () => {
  it('returns QuotaExceeded as a value and writes nothing', async () => {
    const name = `eventscope-quota-${Date.now()}`;
    const store = await openDexieStore(name);
    await mustAppend(store, DAY, slotEvents(2));
    const before = await snapshot(store);
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const result = await store.append(DAY, slotEvents(3), { expectedVersion: 2 });
      expect(result).toMatchObject({ kind: 'failed', error: { code: 'QuotaExceeded' } });
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(await snapshot(store)).toBe(before);
    store.close();
    await Dexie.delete(name);
  });
});
