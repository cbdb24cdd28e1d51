import { describe, expect, it } from 'vitest';
import { createDeterministicScheduler } from '../../src/core/scheduler/deterministicScheduler.ts';
import { createRuntime, SubscriberStoppedError } from '../../src/runtime/index.ts';
import { createMemoryStore } from '../../src/store/memory/memoryStore.ts';
import { validateLogFile } from '../../src/store/logFile.ts';
import { tally } from '../fixtures/tallyDomain.ts';

const count = (counterId: string, by = 1) => ({ type: 'Count', data: { counterId, by } });

describe('the runtime over any domain', () => {
  it('decides through deciders: events, a returned rejection and a thrown { code, message } alike', async () => {
    const sandbox = createRuntime(tally);
    expect((await sandbox.dispatch(count('a', 2))).kind).toBe('accepted');
    const thrown = await sandbox.dispatch(count('a', 0));
    expect(thrown).toMatchObject({ kind: 'rejected', error: { code: 'NothingToCount' } });
    const returned = await sandbox.dispatch(count('a', -5));
    expect(returned).toMatchObject({ kind: 'rejected', error: { code: 'BelowZero' } });
    await sandbox.settle();
    expect(sandbox.query.total('a')).toBe(2);
  });

  it('sends a saga’s reactions caused by their trigger', async () => {
    const sandbox = createRuntime(tally);
    await sandbox.dispatch(count('a'));
    await sandbox.settle();
    const [counted, rang] = await sandbox.events();
    expect(rang).toMatchObject({ type: 'Rang', metadata: { causationId: counted.id, actor: 'saga:bell' } });
  });

  it('sends the domain’s clock reactions when the clock moves forward, not back', async () => {
    const sandbox = createRuntime(tally, { now: '2026-03-02T08:00' });
    sandbox.clock.set('2026-03-03T09:00');
    await sandbox.settle();
    sandbox.clock.set('2026-03-03T07:00');
    await sandbox.settle();
    const events = await sandbox.events();
    expect(events.map((e) => [e.type, e.data, e.metadata.actor])).toEqual([
      ['DayClosed', { date: '2026-03-02' }, 'clock'],
    ]);
  });
});

describe('a projection that throws on an event', () => {
  it('stops on that event, says so once, and settle() rejects instead of spinning', async () => {
    const sandbox = createRuntime(tally);
    await sandbox.dispatch(count('a'));
    await sandbox.dispatch(count('poison'));
    for (let i = 0; i < 5; i++) await sandbox.dispatch(count('b'));
    const settled = sandbox.settle();
    await expect(settled).rejects.toBeInstanceOf(SubscriberStoppedError);
    const poison = (await sandbox.events()).find(
      (e) => e.type === 'Counted' && (e.data as { counterId: string }).counterId === 'poison',
    );
    await expect(settled).rejects.toThrow(
      `projection:totals stopped at event #${poison?.position} (Counted): poison cannot be counted`,
    );
    const [totals] = sandbox.projections();
    expect(totals.stopped).toMatchObject({ position: poison?.position, eventType: 'Counted' });
    expect(totals.checkpoint).toBe((poison?.position ?? 0) - 1);
    expect(sandbox.failures().filter((f) => f.subscriber === 'projection:totals')).toHaveLength(1);
    // The saga, which can handle the event, carried on.
    expect((await sandbox.events()).filter((e) => e.type === 'Rang')).toHaveLength(7);
  });

  it('keeps at most the latest 50 failures', async () => {
    const sandbox = createRuntime(tally);
    for (let i = 0; i < 60; i++) await sandbox.rebuildProjection('totals').catch(() => {});
    await sandbox.dispatch(count('poison'));
    for (let i = 0; i < 60; i++) await sandbox.rebuildProjection('totals');
    expect(sandbox.failures().length).toBeLessThanOrEqual(50);
    expect(sandbox.failures().length).toBeGreaterThan(40);
  });
});

describe('a saved checkpoint ahead of the log', () => {
  it('is never trusted: the subscriber is rebuilt from the start, and the runtime says so', async () => {
    const store = createMemoryStore();
    const first = createRuntime(tally, { store });
    await first.dispatch(count('a'));
    await first.settle();
    await store.saveCheckpoint({ subscriberId: 'projection:totals', position: 60, state: { a: 99 } });
    const second = createRuntime(tally, { store });
    await second.settle();
    expect(second.query.total('a')).toBe(1);
    expect(second.failures().map((f) => f.message)).toContainEqual(
      expect.stringMatching(/ahead of the log \(2\): rebuilt/),
    );
  });
});

describe('concurrent writers to one stream', () => {
  it('lets 36 non-conflicting commands through in a burst (jittered backoff between retries)', async () => {
    const sandbox = createRuntime(tally, { runSagas: false });
    const results = await Promise.all(Array.from({ length: 36 }, () => sandbox.dispatch(count('shared'))));
    expect(results.filter((r) => r.kind === 'accepted')).toHaveLength(36);
    expect((await sandbox.events()).map((e) => e.version)).toEqual(
      Array.from({ length: 36 }, (_, i) => i + 1),
    );
  });

  it('still gives up after a bounded number of attempts', async () => {
    const sandbox = createRuntime(tally, { runSagas: false, maxRetries: 0 });
    const results = await Promise.all(Array.from({ length: 5 }, () => sandbox.dispatch(count('shared'))));
    expect(
      results.filter((r) => r.kind === 'rejected').map((r) => r.kind === 'rejected' && r.error.code),
    ).toContain('ConcurrencyConflict');
  });
});

describe('dispatch', () => {
  const cyclic: Record<string, unknown> = { counterId: 'a' };
  cyclic.self = cyclic;
  let deep: unknown = 'bottom';
  for (let i = 0; i < 5_000; i++) deep = { deep };
  const hostile: unknown[] = [
    null,
    'Count',
    [],
    { type: '' },
    { type: 'x'.repeat(300) },
    { type: 'Count\u2028', data: {} },
    { type: 'Count', data: cyclic },
    { type: 'Count', data: { counterId: 'a', by: 10n } },
    { type: 'Count', data: deep },
    { type: 'Count', data: { counterId: 'a', by: () => 1 } },
    {
      type: 'Count',
      get data() {
        throw new Error('boom from getter');
      },
    },
    { type: 'Count', data: { counterId: 'a'.repeat(200_000), by: 1 } },
  ];

  it('never throws, whatever it is given, and what it recorded always exports and re-imports', async () => {
    const store = createMemoryStore();
    const sandbox = createRuntime(tally, { store });
    for (const input of hostile) {
      const result = await sandbox.dispatch(input);
      expect(result.kind).toBe('rejected');
    }
    const file = await sandbox.exportLog();
    expect(file.commands).toHaveLength(hostile.length);
    const text = JSON.stringify(file);
    const checked = validateLogFile(JSON.parse(text));
    expect(checked.kind === 'invalid' ? checked.error : null).toBeNull();
    const again = createMemoryStore();
    expect((await again.importLog(text)).kind).toBe('imported');
  });
});

describe('a runtime abandoned because its log was replaced', () => {
  it('saves nothing more, not even its pending states', async () => {
    const store = createMemoryStore();
    const sandbox = createRuntime(tally, {
      store,
      scheduler: createDeterministicScheduler(),
      checkpointEvery: 1_000,
    });
    await sandbox.dispatch(count('a'));
    await sandbox.dispatch(count('a'));
    await Promise.resolve();
    sandbox.abandon();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.loadCheckpoint('projection:totals')).toBeNull();
  });
});
