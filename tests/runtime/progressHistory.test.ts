import { describe, expect, it } from 'vitest';
import { checkpointAt, ProgressHistory } from '../../src/runtime/progressHistory.ts';
import { createDomainRuntime as createSandbox } from '../../src/domains/index.ts';
import { type Runtime as Sandbox } from '../../src/runtime/index.ts';
import { createDeterministicScheduler } from '../../src/core/scheduler/deterministicScheduler.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotTimes,
} from '../../src/domains/scheduling/builders.ts';

const { anaSilva, tomBaker, mariaLopez, chenWei } = people;
const DATE = '2026-03-03';

async function practice(sandbox: Sandbox) {
  for (const command of [
    registerDoctor(anaSilva),
    ...[tomBaker, mariaLopez, chenWei].map((p) => registerPatient(p)),
    scheduleDay({
      ...anaSilva,
      date: DATE,
      slots: slotTimes('09:00', 4).map((startTime) => ({ startTime })),
    }),
  ]) {
    const result = await sandbox.dispatch(command);
    expect(result.kind).toBe('accepted');
    await sandbox.settle();
  }
}

const bookings = [tomBaker, mariaLopez, chenWei].map((p, i) =>
  bookSlot({ ...anaSilva, ...p, date: DATE, startTime: slotTimes('09:00', 3)[i] }),
);

describe('the read side’s progress history', () => {
  it('answers a checkpoint as of a position from the samples around it', () => {
    const history = new ProgressHistory(['projection:p']);
    history.clear(2);
    let checkpoint = 2;
    // The log grows 2 → 5 (one append of three events) while p is at 2, then 5 → 6 once p reached 4.
    history.record(2, () => checkpoint);
    history.record(5, () => (checkpoint = 4));
    const samples = history.of('projection:p')!;
    expect(samples).toMatchObject({ since: 2, heads: [2, 5], checkpoints: [2, 4], blockMaxLag: [1] });
    expect(checkpointAt(samples, 1, 6, 6)).toBeNull();
    expect(checkpointAt(samples, 2, 6, 6)).toBe(2);
    expect([3, 4, 5].map((p) => checkpointAt(samples, p, 6, 6))).toEqual([3, 4, 4]);
    expect(checkpointAt(samples, 6, 6, 5)).toBe(5);
    expect(history.of('projection:other')).toBeNull();
  });

  it('records no lag when every command is settled before the next', async () => {
    const sandbox = createSandbox({ scheduler: createDeterministicScheduler() });
    await practice(sandbox);
    for (const booking of bookings) {
      await sandbox.dispatch(booking);
      await sandbox.settle();
    }
    const head = sandbox.head();
    for (const { name } of sandbox.projections()) {
      const history = sandbox.progressHistory(`projection:${name}`)!;
      expect(history.heads.length).toBeGreaterThan(5);
      expect(history.checkpoints).toEqual(history.heads);
      for (let p = 1; p <= head; p++) expect(checkpointAt(history, p, head, head)).toBe(p);
    }
  });

  it('records how far projections and sagas fell behind while commands raced ahead of them', async () => {
    const sandbox = createSandbox({ scheduler: createDeterministicScheduler() });
    await practice(sandbox);
    const before = sandbox.head();
    // Why all at once: under this scheduler the waiting commands run before the woken subscribers deliver.
    await Promise.all(bookings.map((booking) => sandbox.dispatch(booking)));
    await sandbox.settle();
    const head = sandbox.head();
    expect(head).toBe(before + 3);
    for (const laneId of ['projection:doctorDays', 'saga:overbooking']) {
      const history = sandbox.progressHistory(laneId)!;
      expect(history, laneId).not.toBeNull();
      // While the log was at before+1 and before+2 the subscriber was still at `before`.
      expect(checkpointAt(history, before + 1, head, head)).toBe(before);
      expect(checkpointAt(history, before + 2, head, head)).toBe(before);
      expect(checkpointAt(history, head, head, head)).toBe(head);
      history.checkpoints.forEach((c, i) => expect(c).toBeLessThanOrEqual(history.heads[i]));
    }
  });

  it('starts again when the log is replaced', async () => {
    const sandbox = createSandbox({ scheduler: createDeterministicScheduler() });
    await practice(sandbox);
    await sandbox.reset();
    const history = sandbox.progressHistory('projection:doctorDays')!;
    expect(history).toMatchObject({ since: 0, heads: [], checkpoints: [] });
  });
});
