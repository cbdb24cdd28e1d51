// The what-if's worker in real Chromium: the same result as on the main thread, and a stop that ends it.
import { describe, expect, it } from 'vitest';
import { createDomainRuntime as createSandbox, scheduling } from '../../../src/domains/index.ts';
import { runWhatIf, type WhatIfInput } from '../../../src/tools/what-if/whatIf.ts';
import { startWhatIf, whatIfInWorker } from '../../../src/tools/what-if/client.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../../../src/domains/scheduling/builders.ts';

const NOW = '2026-03-02T08:00';
const { anaSilva, tomBaker, mariaLopez } = people;
/** The log's domain: the practice under the monthly limit it is recorded with. */
const domain = scheduling.configure({ monthlyLimit: 1 });

async function input(): Promise<WhatIfInput> {
  const sandbox = createSandbox({ now: NOW, monthlyLimit: 1 });
  for (const command of [
    registerDoctor(anaSilva),
    registerPatient(tomBaker),
    registerPatient(mariaLopez),
    scheduleDay(),
    bookSlot(tomBaker),
    bookSlot({ ...tomBaker, startTime: '09:10' }),
  ])
    await sandbox.dispatch(command);
  await sandbox.settle();
  const events = await sandbox.events();
  const commands = await sandbox.commands();
  sandbox.close();
  const first = events.find((e) => e.type === 'SlotBooked')!;
  return {
    events,
    edits: [
      { kind: 'skip', position: first.position },
      { kind: 'insert', before: null, item: bookSlot(mariaLopez) },
    ],
    now: NOW,
    commands,
  };
}

describe('the what-if worker', () => {
  it('replays both sides off the main thread with the same result as on it', async () => {
    const request = await input();
    const inWorker = await whatIfInWorker(domain, request).result;
    expect(inWorker).toEqual(await runWhatIf(domain, request));
    if (inWorker?.kind !== 'ok') throw new Error(String(inWorker?.kind));
    expect(inWorker.original.reactions.map((r) => r.command)).toEqual(['CancelSlotBooking', 'NotifyPatient']);
    expect(inWorker.branch.commands).toEqual(['BookSlot: accepted (SlotBooked)']);
  });

  it('ends as stopped when stopped, and the runner then gives no result', async () => {
    const run = startWhatIf(domain, await input());
    run.stop();
    expect(await run.result).toEqual({ kind: 'stopped' });
    const runner = whatIfInWorker(domain, await input());
    runner.stop();
    expect(await runner.result).toBeNull();
  });
});
