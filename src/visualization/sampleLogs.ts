import { createSandbox, type Sandbox } from '../app/sandbox.ts';
import { createDeterministicScheduler } from '../core/deterministicScheduler.ts';
import { createMemoryStore } from '../store/memoryStore.ts';
import { sequentialIds } from '../app/ids.ts';
import {
  bookDoubleSlot,
  bookSlot,
  cancelDaySchedule,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotTimes,
} from '../domain/scheduling/builders.ts';

const NOW = '2026-03-02T08:00';
const { anaSilva, raviPatel, tomBaker, mariaLopez, chenWei, amaraNwosu } = people;
const patients = [tomBaker, mariaLopez, chenWei, amaraNwosu];

async function must(sandbox: Sandbox, command: unknown, actor?: string): Promise<void> {
  const result = await sandbox.dispatch(command, { actor });
  if (result.kind !== 'accepted') throw new Error(`${JSON.stringify(command)}: ${result.error.code}`);
}

async function practice(sandbox: Sandbox, dates: string[]): Promise<void> {
  await must(sandbox, registerDoctor(anaSilva), 'Reception');
  await must(sandbox, registerDoctor(raviPatel), 'Reception');
  for (const p of patients) await must(sandbox, registerPatient(p), 'Reception');
  for (const date of dates)
    await must(
      sandbox,
      scheduleDay({ ...anaSilva, date, slots: slotTimes('09:00', 4).map((startTime) => ({ startTime })) }),
      anaSilva.name,
    );
}

/** A few bookings and one rejection: a small log, settled. */
export async function smallLog(): Promise<Sandbox> {
  const sandbox = createSandbox({ now: NOW });
  await practice(sandbox, ['2026-03-03']);
  await must(sandbox, bookSlot({ ...tomBaker, date: '2026-03-03', startTime: '09:10' }), tomBaker.name);
  await sandbox.dispatch(bookSlot({ ...mariaLopez, date: '2026-03-03', startTime: '09:10' }), {
    actor: mariaLopez.name,
  });
  await must(sandbox, bookSlot({ ...mariaLopez, date: '2026-03-03', startTime: '09:20' }), mariaLopez.name);
  await sandbox.settle();
  return sandbox;
}

/**
 * Saga chains: Tom overbooks (limit 2), the overbooking saga cancels and emails him; then Dr Silva cancels
 * a day and the notifier emails each patient. Settled.
 */
export async function causalLog(): Promise<Sandbox> {
  const sandbox = createSandbox({ now: NOW, monthlyLimit: 2 });
  const dates = ['2026-03-03', '2026-03-04'];
  await practice(sandbox, dates);
  await must(sandbox, bookSlot({ ...tomBaker, date: dates[0], startTime: '09:00' }), tomBaker.name);
  await must(sandbox, bookSlot({ ...tomBaker, date: dates[1], startTime: '09:00' }), tomBaker.name);
  await sandbox.settle();
  await must(sandbox, bookDoubleSlot({ ...tomBaker, date: dates[0], startTime: '09:20' }), tomBaker.name);
  await sandbox.settle();
  await must(sandbox, bookSlot({ ...chenWei, date: dates[1], startTime: '09:10' }), chenWei.name);
  await must(sandbox, bookSlot({ ...amaraNwosu, date: dates[1], startTime: '09:20' }), amaraNwosu.name);
  await must(sandbox, cancelDaySchedule({ ...anaSilva, date: dates[1], reason: 'Dr Silva is ill' }));
  await sandbox.settle();
  return sandbox;
}

/**
 * Optimistic concurrency: two races for one day's slots under a deterministic interleaving (both load, then
 * both append): Maria's booking of another slot conflicts and is retried; Amara's of the same slot conflicts
 * and is then rejected. Settled.
 */
export async function conflictLog(): Promise<Sandbox> {
  const store = createMemoryStore();
  const setup = createSandbox({ now: NOW, store });
  await practice(setup, ['2026-03-03']);
  await setup.settle();
  setup.close();
  let sandbox = setup;
  const races: [(typeof patients)[number], string, (typeof patients)[number], string][] = [
    [tomBaker, '09:00', mariaLopez, '09:10'],
    [chenWei, '09:20', amaraNwosu, '09:20'],
  ];
  for (const [race, [first, firstTime, second, secondTime]] of races.entries()) {
    // Choices: the first loads, the second loads before the first appends, then the first appends.
    // Why a prefix per sandbox: each one counts its ids from 1, and they share one log.
    sandbox = createSandbox({
      now: NOW,
      store,
      ids: sequentialIds(`race${race + 1}-`),
      scheduler: createDeterministicScheduler([0, 1, 1]),
    });
    const at = (p: (typeof patients)[number], startTime: string) =>
      sandbox.dispatch(bookSlot({ ...p, date: '2026-03-03', startTime }), { actor: p.name });
    await Promise.all([at(first, firstTime), at(second, secondTime)]);
    await sandbox.settle();
    sandbox.close();
  }
  return sandbox;
}

/**
 * Eventual consistency made visible: waves of bookings dispatched together under a deterministic scheduler, so
 * each wave is appended before projections and sagas are delivered any of it; the read side falls behind by up to
 * a wave, then catches up before the next. Settled.
 */
export async function laggingLog(): Promise<Sandbox> {
  const sandbox = createSandbox({ now: NOW, scheduler: createDeterministicScheduler() });
  const dates = ['2026-03-03', '2026-03-04', '2026-03-05'];
  await practice(sandbox, dates);
  await sandbox.settle();
  for (const [wave, date] of dates.entries()) {
    const times = slotTimes('09:00', 4);
    await Promise.all(
      patients.map((p, i) =>
        sandbox.dispatch(bookSlot({ ...anaSilva, ...p, date, startTime: times[(i + wave) % 4] }), {
          actor: p.name,
        }),
      ),
    );
    await sandbox.settle();
  }
  return sandbox;
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * A long log of at least `eventCount` events (e.g. 100,000): full days (36 slots) for two doctors, each
 * followed by bookings. Sagas off (they would compensate most of it), projections settled.
 */
export async function largeLog(eventCount: number): Promise<Sandbox> {
  const sandbox = createSandbox({ now: NOW, runSagas: false, batchSize: 5_000 });
  await must(sandbox, registerDoctor(anaSilva));
  await must(sandbox, registerDoctor(raviPatel));
  for (const p of patients) await must(sandbox, registerPatient(p));
  const times = [...slotTimes('08:00', 24), ...slotTimes('13:00', 12)];
  for (let day = 1; sandbox.head() < eventCount; day++) {
    const date = addDays('2026-03-02', day);
    for (const doctor of [anaSilva, raviPatel]) {
      await must(sandbox, scheduleDay({ ...doctor, date, slots: times.map((startTime) => ({ startTime })) }));
      for (let i = 0; i < 24 && sandbox.head() < eventCount; i++) {
        const patient = patients[(day + i) % patients.length];
        await sandbox.dispatch(bookSlot({ ...doctor, ...patient, date, startTime: times[(i * 7) % 36] }));
      }
    }
  }
  await sandbox.settle();
  return sandbox;
}
