// Logic check in node against fake-indexeddb: fast, but not evidence about Chromium (see the browser test).
import 'fake-indexeddb/auto';
import { eventStoreContract } from './contract.ts';
import { openFreshDexieStore } from './dexieHarness.ts';

eventStoreContract('Dexie on fake-indexeddb (node)', openFreshDexieStore);
