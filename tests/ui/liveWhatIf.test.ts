import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/app/sandbox.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../../src/domain/scheduling/builders.ts';
import { LiveWhatIfState } from '../../src/ui/scenarios/liveWhatIf.svelte.ts';

const NOW = '2026-03-02T08:00';

async function log() {
  const sandbox = createSandbox({ now: NOW });
  for (const command of [
    registerDoctor(people.anaSilva),
    registerPatient(people.tomBaker),
    scheduleDay(),
    bookSlot(people.tomBaker),
  ])
    await sandbox.dispatch(command);
  await sandbox.settle();
  const events = await sandbox.events();
  sandbox.close();
  return events;
}

describe('the what-if of the live log', () => {
  it('lists the events up to the fork and turns skips and a move into edits', async () => {
    const events = await log();
    const whatIf = new LiveWhatIfState();
    expect(whatIf.listed(events).map((e) => e.position)).toEqual(events.map((e) => e.position));
    whatIf.position = 3;
    expect(whatIf.listed(events)).toHaveLength(3);
    whatIf.position = 0;
    whatIf.toggleSkip(2);
    whatIf.toggleSkip(2);
    whatIf.toggleSkip(events.length);
    whatIf.moveFrom = 2;
    whatIf.moveBefore = 1;
    expect(whatIf.edits(events)).toEqual([
      { kind: 'skip', position: events.length },
      { kind: 'move', position: 2, to: 0 },
    ]);
  });

  it('runs the branch: skipping the booking frees the slot there only', async () => {
    const events = await log();
    const whatIf = new LiveWhatIfState();
    whatIf.toggleSkip(events.length);
    await whatIf.run(events, NOW, 10);
    expect(whatIf.isRunning).toBe(false);
    expect(whatIf.result?.kind === 'ok' && whatIf.result.differences).toEqual([
      'Day ana-silva_2026-03-02: not booked in the branch: 09:00 tom-baker',
      'Monthly bookings of tom-baker 2026-03: 1 → none',
    ]);
    whatIf.reset();
    expect(whatIf.result).toBeNull();
  });

  it('changes an event’s data and inserts a command, and refuses what is not JSON or not a command', async () => {
    const events = await log();
    const booking = events.at(-1)!;
    const whatIf = new LiveWhatIfState();
    whatIf.change(booking.position, '{"slotId": ');
    expect(whatIf.problem).toBe(
      `The data of event #${booking.position} is not a JSON object; it is unchanged.`,
    );
    whatIf.change(
      booking.position,
      JSON.stringify({ ...(booking.data as object), slotId: 'ana-silva_2026-03-02_09:10' }),
    );
    whatIf.insert('{"type": "BookSlot", "data": {}}', null);
    expect(whatIf.problem).toMatch(/^The command to insert is not valid: /);
    whatIf.insert(JSON.stringify(bookSlot({ ...people.mariaLopez })), null);
    expect(whatIf.problem).toBeNull();
    expect(whatIf.edits(events).map((edit) => edit.kind)).toEqual(['change', 'insertCommand']);
    await whatIf.run(events, NOW, 10);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    // Maria is not a patient in this log: the inserted command is decided for real, and refused.
    expect(whatIf.result.branch.commands).toEqual([
      'BookSlot: rejected with PatientNotRegistered: Patient maria-lopez is not registered at the practice',
    ]);
    expect(whatIf.result.branch.readSide.days['ana-silva_2026-03-02'].booked).toEqual(['09:10 tom-baker']);
    expect(whatIf.result.original.readSide.days['ana-silva_2026-03-02'].booked).toEqual(['09:00 tom-baker']);
  });

  it('says why a move breaks a stream', async () => {
    const events = await log();
    const whatIf = new LiveWhatIfState();
    whatIf.moveFrom = events.length;
    whatIf.moveBefore = 1;
    await whatIf.run(events, NOW, 10);
    expect(whatIf.result?.kind === 'invalid' && whatIf.result.message).toMatch(
      /must start with DayScheduled/,
    );
  });
});
