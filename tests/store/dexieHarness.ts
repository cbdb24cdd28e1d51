import Dexie from 'dexie';
import { openDexieStore } from '../../src/store/indexeddb/dexieStore.ts';
import type { EventStore } from '../../src/store/eventStore.ts';
import type { StoreUnderTest } from './contract.ts';

let databases = 0;

/** A Dexie store on a fresh database, with peers (other connections, as other tabs) on the same one. */
export async function openFreshDexieStore(): Promise<StoreUnderTest> {
  const name = `eventscope-store-test-${Date.now()}-${++databases}`;
  const stores: EventStore[] = [await openDexieStore(name)];
  return {
    store: stores[0],
    openPeer: async () => {
      const peer = await openDexieStore(name);
      stores.push(peer);
      return peer;
    },
    dispose: async () => {
      for (const store of stores) store.close();
      await Dexie.delete(name);
    },
  };
}
