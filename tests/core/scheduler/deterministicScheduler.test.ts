import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createDeterministicScheduler,
  LivelockError,
} from '../../../src/core/scheduler/deterministicScheduler.ts';
import type { ActorScheduler } from '../../../src/core/scheduler/scheduler.ts';

/** Two writers doing read-then-write on a shared counter: the classic lost update. */
async function lostUpdateRace(scheduler: ActorScheduler) {
  let counter = 0;
  const log: string[] = [];
  const writer = (name: string) =>
    scheduler.spawn(name, async () => {
      const seen = await scheduler.run({ kind: 'load', owner: name }, () => counter);
      await scheduler.run({ kind: 'append', owner: name }, () => {
        counter = seen + 1;
        log.push(`${name} wrote ${seen + 1}`);
      });
    });
  await Promise.all([writer('ana'), writer('tom'), scheduler.whenIdle()]);
  return { counter, log };
}

describe('the deterministic scheduler', () => {
  describe('with no choices', () => {
    it('runs each actor to completion in start order', async () => {
      const scheduler = createDeterministicScheduler();
      const { counter, log } = await lostUpdateRace(scheduler);
      expect(log).toEqual(['ana wrote 1', 'tom wrote 2']);
      expect(counter).toBe(2);
      expect(scheduler.contextSwitches).toBe(0);
    });
  });

  describe('with a switch after the first load', () => {
    it('interleaves the actors and loses an update', async () => {
      const scheduler = createDeterministicScheduler([0, 1]);
      const { counter, log } = await lostUpdateRace(scheduler);
      expect(log).toEqual(['tom wrote 1', 'ana wrote 1']);
      expect(counter).toBe(1);
      expect(scheduler.contextSwitches).toBe(1);
      expect(scheduler.trace.map((t) => `${t.owner}:${t.kind}`)).toEqual([
        'ana:load',
        'tom:load',
        'tom:append',
        'ana:append',
      ]);
    });
  });

  it('always replays the same trace from the same choices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(3), { maxLength: 6 }), async (choices) => {
        const first = createDeterministicScheduler(choices);
        const second = createDeterministicScheduler(choices);
        const a = await lostUpdateRace(first);
        const b = await lostUpdateRace(second);
        expect(b).toEqual(a);
        expect(second.trace).toEqual(first.trace);
      }),
    );
  });

  it('declares a livelock when a run exceeds its step budget', async () => {
    const scheduler = createDeterministicScheduler([], { maxSteps: 5 });
    const spinner = scheduler.spawn('spinner', async () => {
      for (;;) await scheduler.run({ kind: 'poll', owner: 'spinner' }, () => undefined);
    });
    await expect(spinner).rejects.toBeInstanceOf(LivelockError);
    await expect(scheduler.whenIdle()).rejects.toBeInstanceOf(LivelockError);
  });

  it('refuses a task started outside an actor', async () => {
    const scheduler = createDeterministicScheduler();
    await expect(scheduler.run({ kind: 'load', owner: 'nobody' }, () => 1)).rejects.toThrow(
      /outside a spawned actor/,
    );
  });
});
