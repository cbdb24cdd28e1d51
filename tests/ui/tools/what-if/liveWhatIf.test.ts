import { describe, expect, it } from 'vitest';
import { createDomainRuntime as createSandbox, scheduling } from '../../../../src/domains/index.ts';
import type { WhatIfInput } from '../../../../src/tools/what-if/whatIf.ts';
import type { LogEdit } from '../../../../src/tools/what-if/whatIf.ts';
import { bookedOn } from '../../../tools/shared/answers.ts';
import type { RecordedEvent } from '../../../../src/core/event.ts';
import {
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  slotTimes,
} from '../../../../src/domains/scheduling/builders.ts';
import type { Message } from '../../../../src/core/domain/scenario.ts';
import { buildCommand, commandSpecs } from '../../../../src/ui/forms/commandForms.ts';
import { buildEvents, eventFormSpecs } from '../../../../src/ui/forms/eventForms.ts';
import { eventFormValues } from '../../../../src/ui/forms/eventFormValues.ts';
import { LiveWhatIfState, type WhatIfRunner } from '../../../../src/ui/tools/what-if/liveWhatIf.svelte.ts';
import {
  describeEdit as describeEditOf,
  PAGE_SIZE,
  pageOf,
  searchLog,
} from '../../../../src/ui/tools/what-if/liveWhatIfLog.ts';

/** The log's domain: the practice under the monthly limit the log is recorded with (100: no compensation). */
const domain = scheduling.configure({ monthlyLimit: 100 });
const describeEdit = (edit: LogEdit, byPosition: Map<number, RecordedEvent>) =>
  describeEditOf(domain, edit, byPosition);

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

/** What a form hands over once its fields are checked: the command or events it built (the test fails on a problem). */
function submitted<Built extends { kind: string }>(built: Built): Exclude<Built, { kind: 'invalid' }> {
  if (built.kind === 'invalid') throw new Error(JSON.stringify(built));
  return built as Exclude<Built, { kind: 'invalid' }>;
}
const commandForm = (type: string, values: Record<string, string>): Message =>
  submitted(
    buildCommand(
      commandSpecs.find((spec) => spec.type === type)!,
      values,
    ),
  ).command;
const eventForm = (type: string, values: Record<string, string>): Message[] =>
  submitted(
    buildEvents(
      eventFormSpecs.find((spec) => spec.type === type)!,
      values,
    ),
  ).events;

const booking = (patientId: string, time: string) =>
  commandForm('BookSlot', { dayId: DAY, slotId: `${DAY}_${time}`, patientId });

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
    const whatIf = new LiveWhatIfState({ domain });
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
    const whatIf = new LiveWhatIfState({ domain });
    whatIf.toggleSkip(at8);
    whatIf.toggleSkip(at810);
    whatIf.toggleSkip(at8);
    whatIf.toggleSkip(at820);
    whatIf.move(events, at830, at810);
    whatIf.move(events, at810, null);
    whatIf.insert(events, booking('maria-lopez', '08:00'), at830);
    whatIf.insert(events, booking('maria-lopez', '09:00'), null);
    expect(whatIf.problem).toBeNull();
    const edits = whatIf.edits();
    expect(edits.map((e) => e.kind)).toEqual(['move', 'move', 'insert', 'insert', 'skip', 'skip']);
    const byPosition = new Map(events.map((e) => [e.position, e]));
    expect(edits.map((edit) => describeEdit(edit, byPosition))).toEqual([
      `Move #${at830} SlotBooked ${DAY}_08:30 before #${at810} SlotBooked ${DAY}_08:10`,
      `Move #${at810} SlotBooked ${DAY}_08:10 at the end`,
      `Insert BookSlot ${DAY}_08:00 before #${at830} SlotBooked ${DAY}_08:30`,
      `Insert BookSlot ${DAY}_09:00 at the end`,
      `Skip #${at810} SlotBooked ${DAY}_08:10`,
      `Skip #${at820} SlotBooked ${DAY}_08:20`,
    ]);
  });

  it('replays them all: two skipped bookings free their slots, two inserted ones take others', async () => {
    const events = await log(4);
    const [at810, at820] = ['08:10', '08:20'].map((t) => bookingAt(events, t));
    const whatIf = new LiveWhatIfState({ domain });
    whatIf.toggleSkip(at810);
    whatIf.toggleSkip(at820);
    whatIf.insert(events, booking('maria-lopez', '08:10'), null);
    whatIf.insert(events, booking('maria-lopez', '09:00'), null);
    await whatIf.run(events, NOW);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    expect(whatIf.isRunning).toBe(false);
    expect(whatIf.result.branch.commands).toEqual([
      'BookSlot: accepted (SlotBooked)',
      'BookSlot: accepted (SlotBooked)',
    ]);
    expect(bookedOn(whatIf.result.branch.readSide, DAY)).toEqual([
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
    const whatIf = new LiveWhatIfState({ domain });
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

  it('says why a move breaks a stream', async () => {
    const events = await log(1);
    const whatIf = new LiveWhatIfState({ domain });
    whatIf.move(events, events.length, 1);
    await whatIf.run(events, NOW);
    expect(whatIf.result?.kind === 'invalid' && whatIf.result.message).toMatch(
      /must start with DayScheduled/,
    );
  });

  it('hands the runner plain data, and keeps the last result when a replay is stopped', async () => {
    const events = await log(1);
    const inputs: WhatIfInput[] = [];
    let finish: (value: null) => void = () => {};
    const runner: WhatIfRunner = (_, input) => {
      inputs.push(input);
      return { result: new Promise((resolve) => (finish = resolve)), stop: () => finish(null) };
    };
    const whatIf = new LiveWhatIfState({ runner, domain });
    whatIf.changeTo(
      events,
      1,
      eventForm('DoctorRegistered', { ...eventFormValues(events[0])!, specialty: 'GP' }),
    );
    const running = whatIf.run(events, NOW);
    expect(whatIf.isRunning).toBe(true);
    expect(() => structuredClone(inputs[0])).not.toThrow();
    expect(inputs[0].edits).toEqual([
      { kind: 'change', position: 1, data: { ...(events[0].data as object), specialty: 'GP' } },
    ]);
    whatIf.stop();
    await running;
    expect(whatIf.isRunning).toBe(false);
    expect(whatIf.result).toBeNull();
  });
});

describe('inserting a command through its form', () => {
  it('dispatches the command the form built in the branch, just before the chosen event', async () => {
    const events = await log(1);
    const at8 = bookingAt(events, '08:00');
    const whatIf = new LiveWhatIfState({ domain });
    expect(whatIf.insert(events, booking('maria-lopez', '08:10'), at8)).toBeNull();
    expect(whatIf.edits()).toEqual([{ kind: 'insert', before: at8, item: booking('maria-lopez', '08:10') }]);
    await whatIf.run(events, NOW);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    const { steps, branch } = whatIf.result;
    const inserted = steps.findIndex((step) => step.kind === 'command');
    expect(steps[inserted + 1]).toMatchObject({ kind: 'event', from: at8 });
    expect(branch.commands).toEqual(['BookSlot: accepted (SlotBooked)']);
    expect(bookedOn(branch.readSide, DAY)).toEqual(['08:00 tom-baker', '08:10 maria-lopez']);
  });

  it('leaves the branch as it was when the domain would not read the command, or the place is not in it', async () => {
    const events = await log(1);
    const whatIf = new LiveWhatIfState({ domain });
    const offTheGrid = commandForm('ScheduleSlot', { dayId: DAY, startTime: '09:05' });
    expect(whatIf.insert(events, offTheGrid, null)).toMatchObject({
      kind: 'rejected',
      error: { code: 'InvalidCommand', message: expect.stringMatching(/10-minute grid/) },
    });
    whatIf.forkAt(3);
    expect(whatIf.insert(events, booking('maria-lopez', '08:10'), events.length)).toEqual({
      kind: 'failed',
      message: `Event #${events.length} is not a user's event up to the fork (#3); the sagas' events run again by themselves.`,
    });
    expect(whatIf.inserts).toEqual([]);
    expect(whatIf.edits()).toEqual([]);
  });
});

describe('changing an event through its form', () => {
  it("always fills the form so that it builds each user's event of the log again", async () => {
    const events = await log(2);
    for (const event of searchLog(events, '')) {
      const values = eventFormValues(event);
      expect(values, `#${event.position} ${event.type}`).not.toBeNull();
      expect(eventForm(event.type, values!)).toEqual([{ type: event.type, data: event.data }]);
    }
  });

  it('leaves to JSON an event whose data its form would write otherwise (a slot id of its own)', () => {
    const slot = eventForm('SlotScheduled', {
      doctorId: 'ana-silva',
      date: '2026-03-02',
      startTimes: '09:00',
    })[0];
    expect(eventFormValues({ type: 'SlotScheduled', data: { ...slot.data, slotId: 'room-2' } })).toBeNull();
  });

  it('replays the branch with the data the form built, and the log keeps its own', async () => {
    const events = await log(1);
    const at8 = bookingAt(events, '08:00');
    const original = events.find((event) => event.position === at8)!;
    const whatIf = new LiveWhatIfState({ domain });
    const values = { ...eventFormValues(original)!, patientId: 'maria-lopez' };
    expect(whatIf.changeTo(events, at8, eventForm('SlotBooked', values))).toBeNull();
    const [edit] = whatIf.edits();
    expect(edit).toEqual({
      kind: 'change',
      position: at8,
      data: { dayId: DAY, slotId: `${DAY}_08:00`, patientId: 'maria-lopez' },
    });
    expect(describeEdit(edit, new Map(events.map((e) => [e.position, e])))).toBe(
      `Change the data of #${at8} SlotBooked ${DAY}_08:00: patientId → maria-lopez`,
    );
    await whatIf.run(events, NOW);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    expect(bookedOn(whatIf.result.branch.readSide, DAY)).toEqual(['08:00 maria-lopez']);
    expect(original.data).toMatchObject({ patientId: 'tom-baker' });
    expect(whatIf.changeTo(events, at8, eventForm('SlotBooked', eventFormValues(original)!))).toBeNull();
    expect(whatIf.edits()).toEqual([]);
  });

  it('leaves the branch as it was when the form makes other than one event of its type, or the JSON is wrong', async () => {
    const events = await log(1);
    const slot = events.find((event) => event.type === 'SlotScheduled')!;
    const at8 = bookingAt(events, '08:00');
    const whatIf = new LiveWhatIfState({ domain });
    const twoSlots = eventForm('SlotScheduled', { ...eventFormValues(slot)!, startTimes: '09:00-09:20' });
    expect(whatIf.changeTo(events, slot.position, twoSlots)).toBe(
      `Event #${slot.position} is unchanged: a change makes it one SlotScheduled, not 2.`,
    );
    expect(whatIf.changeTo(events, slot.position, [{ type: 'DayScheduled', data: {} }])).toBe(
      `Event #${slot.position} is unchanged: it stays a SlotScheduled, not a DayScheduled.`,
    );
    expect(whatIf.changeJson(events, at8, '{"slotId": ')).toBe(
      `Event #${at8} is unchanged: The event data is not valid JSON.`,
    );
    expect(whatIf.changeJson(events, at8, JSON.stringify({ dayId: DAY, patientId: 'maria-lopez' }))).toBe(
      `Event #${at8} is unchanged: SlotBooked: data.slotId is required`,
    );
    expect(whatIf.changed).toEqual({});
    expect(
      whatIf.changeJson(
        events,
        at8,
        JSON.stringify({ dayId: DAY, slotId: `${DAY}_08:10`, patientId: 'tom-baker' }),
      ),
    ).toBeNull();
    await whatIf.run(events, NOW);
    if (whatIf.result?.kind !== 'ok') throw new Error(String(whatIf.result?.kind));
    expect(bookedOn(whatIf.result.branch.readSide, DAY)).toEqual(['08:10 tom-baker']);
    whatIf.unchange(at8);
    expect(whatIf.edits()).toEqual([]);
  });
});
