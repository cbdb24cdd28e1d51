import { createMemoryStore } from '../../src/store/memory/memoryStore.ts';
import { eventStoreContract } from './contract.ts';

eventStoreContract('memory', async () => ({ store: createMemoryStore(), dispose: async () => {} }));
