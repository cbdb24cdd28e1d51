import { openDexieStore } from '../../src/store/indexeddb/dexieStore.ts';
import { runtimeContract } from './runtimeContract.ts';

let databases = 0;
runtimeContract('IndexedDB (Dexie)', async () =>
  openDexieStore(`eventscope-runtime-test-${Date.now()}-${++databases}`),
);
