import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/app/sandbox.ts';
import type { WhatIfInput } from '../../src/app/whatIf.ts';
import type { RecordedEvent } from '../../src/core/event.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotTimes,
} from '../../src/domain/scheduling/builders.ts';
import { LiveWhatIfState, type WhatIfRunner } from '../../src/ui/scenarios/liveWhatIf.svelte.ts';
import { describeEdit, PAGE_SIZE, pageOf, searchLog } from '../../src/ui/scenarios/liveWhatIfLog.ts';

const NOW = '2026-03-02T08:00';
const DAY = 'ana-silva_2026-03-02';
const { anaSilva, tomBaker, mariaLopez } = people;

async function log(bookings = 1) {
  const sandbox = createSandbox({ now: NOW, monthlyLimit: 100 });
  const slots = slotTimes('08:00', 24).map((startTime) => ({ startTime }));
  for (const command of [
    registerDoctor(anaSilva),
    registerPatient(tomBaker),
    registerPatient(mariaLopez),
    scheduleDay({ slots }),
    scheduleDay({ date: '2026-03-03', slots }),
    ...slots.slice(0, bookings).map(({ startTime }) => bookSlot({ ...tomBaker, startTime })),
  ])
    await sandbox.dispatch(command);
  await sandbox.settle();
  const events = await sandbox.events();
  sandbox.close();
  return events;
}

const bookingAt = (events: readonly RecordedEvent[], time: string) =>
  events.find((e) => e.type === 'SlotBooked' && (e.data as { slotId: string }).slotId === `${DAY}_${time}`)!
    .position;

describe('the live log as the what-if lists it', () => {
  it('finds any event of the whole log by position, type or id, a page at a time', async () => {
    const events = await log(24);
    expect(events.length).toBeGreaterThan(2 * PAGE_SIZE);
    expect(searchLog(events, 'patientregistered maria').map((e) => e.type)).toEqual(['PatientRegistered']);
    expect(searchLog(events, `#1 `).map((e) => e.position)).toEqual([
      1,
      ...events.slice(9, 19).map((e) => e.position),
    ]);
    const first = pageOf(events, events.length, 0);
    expect(first.rows.map((e) => e.position)).toEqual(events.slice(0, PAGE_SIZE).map((e) => e.position));
    const atHead = pageOf(events, events.length, null);
    expect(atHead.rows.at(-1)?.position).toBe(events.length);
    expect(pageOf(events, 5, null).rows.map((e) => e.position)).toEqual(
      events.slice(0, PAGE_SIZE).map((e) => e.position),
    );
  });

  it('pages back to the start of the log and forks at an event far from the head', async () => {
    const events = await log(24);
    const whatIf = new LiveWhatIfState();
    expect(whatIf.page(events).rows.at(-1)?.position).toBe(events.length);
    while (whatIf.page(events).start > 0) whatIf.turn(events, -1);
    expect(whatIf.page(events).rows[0].position).toBe(1);
    whatIf.search = 'SlotBooked 08:30';
    const [booking] = whatIf.page(events).rows;
    whatIf.forkAt(booking.position);
    whatIf.search = '';
    expect(whatIf.forkPosition(events)).toBe(booking.position);
    expect(booking.position).toBeGreaterThan(PAGE_SIZE);
    expect(whatIf.page(events).rows.at(-1)?.position).toBe(booking.position);
  });
});

describe('the what-if of the live log', () => {
  it('turns several skips, changes, moves and inserts into edits, in the order made', async () => {
    const events = await log(4);
    const [at8, at810, at820, at830] = ['08:00', '08:10', '08:20', '08:30'].map((t) => bookingAt(events, t));
    const whatIf = new LiveWhatIfState();
    whatIf.toggleSkip(at8);
    whatIf.toggleSkip(at810);
    whatIf.toggleSkip(at8);
    whatIf.toggleSkip(at820);
    whatIf.move(events, at830, at810);
    whatIf.move(events, at810, null);
    whatIf.insert(JSON.stringify(bookSlot({ ...mariaLopez, startTime: '08:00' })), at830);
    whatIf.insert(JSON.stringify(bookSlot({ ...mariaLopez, startTime: '09:00' })), null);
    expect(whatIf.problem).toBeNull();
    const edits = whatIf.edits();
    expect(edits.map((e) => e.kind)).toEqual([
      'skip',
      'skip',
      'move',
      'move',
      'insertCommand',
      'insertCommand',
    ]);
    const byPosition = new Map(events.map((e) => [e.position, e]));
    expect(edits.map((edit) => describeEdit(edit, byPosition))).toEqual([
      `Skip #${at810} SlotBooked ${DAY}_08:10`,
      `Skip #${at820} SlotBooked ${DAY}_08:20`,
      `Move #${at830} SlotBooked ${DAY}_08:30 before #${at810} SlotBooked ${DAY}_08:10`,
      `Move #${at810} SlotBooked ${DAY}_08:10 at the end`,
      `Insert BookSlot ${DAY}_08:00 before #${at830} SlotBooked ${DAY}_08:30`,
      `Insert BookSlot ${DAY}_09:00 at the end`,
    ]);
  });

  it('replays them all: two skipped bookings free their slots, two inserted ones take others', async () => {
    const events = await log(4);
    const [at810, at820] = ['08:10', '08:20'].map((t) => bookingAt(events, t));
    const whatIf = new LiveWhatIfState();
    whatIf.toggleSkip(at810);
    whatIf.toggleSkip(at820);
    whatIf.insert(JSON.stringify(bookSlot({ ...mariaLopez, startTime: '08:10' })), null);
    whatIf.insert(JSON.stringify(bookSlot({ ...mariaLopez, startTime: '09:00' })), null);
    await whatIf.run(events, NOW, 100);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    expect(whatIf.isRunning).toBe(false);
    expect(whatIf.result.branch.commands).toEqual([
      'BookSlot: accepted (SlotBooked)',
      'BookSlot: accepted (SlotBooked)',
    ]);
    expect(whatIf.result.branch.readSide.days[DAY].booked).toEqual([
      '08:00 tom-baker',
      '08:10 maria-lopez',
      '08:30 tom-baker',
      '09:00 maria-lopez',
    ]);
    whatIf.reset();
    expect(whatIf.result).toBeNull();
    expect(whatIf.edits()).toEqual([]);
  });

  it('refuses to move a sagas’ event, an event after the fork, or an event before itself', async () => {
    const events = await log(2);
    const whatIf = new LiveWhatIfState();
    whatIf.forkAt(3);
    whatIf.move(events, 2, 5);
    expect(whatIf.problem).toBe(
      "Event #5 is not a user's event up to the fork (#3); the sagas' events run again by themselves.",
    );
    whatIf.move(events, 2, 2);
    expect(whatIf.problem).toBe('Event #2 cannot move before itself.');
    expect(whatIf.moves).toEqual([]);
    whatIf.move(events, 3, 1);
    expect(whatIf.problem).toBeNull();
    expect(whatIf.moves).toEqual([{ position: 3, before: 1 }]);
  });

  it('changes an event’s data and refuses what is not JSON or not a command', async () => {
    const events = await log(1);
    const booking = events.at(-1)!;
    const whatIf = new LiveWhatIfState();
    whatIf.change(booking.position, '{"slotId": ');
    expect(whatIf.problem).toBe(
      `The data of event #${booking.position} is not a JSON object; it is unchanged.`,
    );
    whatIf.change(booking.position, JSON.stringify({ ...(booking.data as object), slotId: `${DAY}_08:10` }));
    whatIf.insert('{"type": "BookSlot", "data": {}}', null);
    expect(whatIf.problem).toMatch(/^The command to insert is not valid: /);
    whatIf.insert('BookSlot', null);
    expect(whatIf.problem).toBe('The command to insert is not JSON: write {"type": …, "data": {…}}.');
    await whatIf.run(events, NOW, 100);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    expect(whatIf.result.branch.readSide.days[DAY].booked).toEqual(['08:10 tom-baker']);
    whatIf.unchange(booking.position);
    expect(whatIf.edits()).toEqual([]);
  });

  it('says why a move breaks a stream', async () => {
    const events = await log(1);
    const whatIf = new LiveWhatIfState();
    whatIf.move(events, events.length, 1);
    await whatIf.run(events, NOW, 10);
    expect(whatIf.result?.kind === 'invalid' && whatIf.result.message).toMatch(
      /must start with DayScheduled/,
    );
  });

  it('hands the runner plain data, and keeps the last result when a replay is stopped', async () => {
    const events = await log(1);
    const inputs: WhatIfInput[] = [];
    let finish: (value: null) => void = () => {};
    const runner: WhatIfRunner = (input) => {
      inputs.push(input);
      return { result: new Promise((resolve) => (finish = resolve)), stop: () => finish(null) };
    };
    const whatIf = new LiveWhatIfState({ runner });
    whatIf.change(1, '{"doctorId": "ana-silva", "name": "Dr Ana Silva", "specialty": "GP"}');
    const running = whatIf.run(events, NOW, 10);
    expect(whatIf.isRunning).toBe(true);
    expect(() => structuredClone(inputs[0])).not.toThrow();
    expect(inputs[0].edits).toEqual([
      { kind: 'change', position: 1, data: { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'GP' } },
    ]);
    whatIf.stop();
    await running;
    expect(whatIf.isRunning).toBe(false);
    expect(whatIf.result).toBeNull();
  });
});
