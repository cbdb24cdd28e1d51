import { describe, expect, it } from 'vitest';
import { createDomainRuntime as createSandbox } from '../../src/domains/index.ts';
import { createDeterministicScheduler } from '../../src/core/scheduler/deterministicScheduler.ts';
import { createMemoryStore } from '../../src/store/memory/memoryStore.ts';
import { bookSlot, NOW, practiceWithOneDay, runtimeContract } from './runtimeContract.ts';

runtimeContract('memory', async () => createMemoryStore());

describe('createSandbox', () => {
  it('always writes a byte-identical log for the same commands and choices', async () => {
    const run = async () => {
      const sandbox = createSandbox({
        now: NOW,
        scheduler: createDeterministicScheduler([1, 0, 2, 1, 1]),
        monthlyLimit: 1,
      });
      await practiceWithOneDay(sandbox);
      await Promise.all(['09:00', '09:10', '09:20'].map((t) => sandbox.dispatch(bookSlot('tom', t))));
      await sandbox.settle();
      return JSON.stringify(await sandbox.events());
    };
    const first = await run();
    expect(await run()).toBe(first);
    expect(first).toContain('overbooking');
  });

  it('refuses to move the clock to something that is not an instant', () => {
    const sandbox = createSandbox({ now: NOW });
    expect(() => sandbox.clock.set('next tuesday')).toThrow(/YYYY-MM-DDTHH:MM/);
    expect(sandbox.clock.now()).toBe(NOW);
  });
});
