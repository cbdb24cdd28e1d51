import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/domain/scenario.ts';
import type { RecordedEvent } from '../../../src/core/event.ts';
import type { CommandRecord } from '../../../src/store/eventStore.ts';
import { createDomainRuntime as createSandbox, scheduling } from '../../../src/domains/index.ts';
import { createRuntime } from '../../../src/runtime/index.ts';
import { readSideOf } from '../../../src/tools/shared/readSide.ts';
import {
  applyLogEdits as applyEdits,
  isSagaEvent,
  runWhatIf as runWhatIfOf,
  type WhatIfInput,
  type WhatIfSide,
} from '../../../src/tools/what-if/whatIf.ts';
import {
  bookDoubleSlot,
  bookSlot,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
} from '../../../src/domains/scheduling/builders.ts';
import { tally } from '../../fixtures/tallyDomain.ts';

/** The what-if of a practice log recorded under a monthly limit (the practice's default, 10, when none). */
const runWhatIf = ({ monthlyLimit, ...input }: WhatIfInput & { monthlyLimit?: number }) =>
  runWhatIfOf(monthlyLimit === undefined ? scheduling : scheduling.configure({ monthlyLimit }), input);

/** A side's answer to one question of the read side. */
const answer = (side: WhatIfSide, query: string, ...args: string[]): unknown =>
  side.readSide.answers.find((a) => a.query === query && a.args.join('|') === args.join('|'))?.answer;

/** The booked slots of a side's day, `time patient`, as its doctorDay read model says. */
const booked = (side: WhatIfSide, dayId: string) =>
  (
    answer(side, 'doctorDay', dayId) as { slots: { startTime: string; status: string; patientId?: string }[] }
  ).slots
    .filter((slot) => slot.status === 'booked')
    .map((slot) => `${slot.startTime} ${slot.patientId}`);
const free = (side: WhatIfSide, dayId: string) =>
  (answer(side, 'doctorDay', dayId) as { slots: { startTime: string; status: string }[] }).slots
    .filter((slot) => slot.status === 'available')
    .map((slot) => slot.startTime);

const { anaSilva, tomBaker, mariaLopez } = people;
const NOW = '2026-03-02T08:00';
const DAY = 'ana-silva_2026-03-02';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The practice, Tom at 09:00, Maria at 09:10, and (limit 1) Tom's overbooking at 09:20 compensated by the saga. */
async function liveLog(): Promise<{ events: RecordedEvent[]; commands: CommandRecord[] }> {
  const sandbox = createSandbox({ now: NOW, monthlyLimit: 1 });
  for (const command of [
    registerDoctor(anaSilva),
    registerPatient(tomBaker),
    registerPatient(mariaLopez),
    scheduleDay(),
    bookSlot(tomBaker),
    bookSlot({ ...mariaLopez, startTime: '09:10' }),
    bookSlot({ ...tomBaker, startTime: '09:20' }),
  ])
    expect((await sandbox.dispatch(command)).kind).toBe('accepted');
  await sandbox.settle();
  const recorded = { events: await sandbox.events(), commands: await sandbox.commands() };
  sandbox.close();
  return recorded;
}

const positionOf = (events: readonly RecordedEvent[], type: string, slot: string) =>
  events.find((e) => e.type === type && (e.data as { slotId?: string }).slotId === `${DAY}_${slot}`)!
    .position;

describe('runWhatIf', () => {
  let log: RecordedEvent[];
  let commands: CommandRecord[];
  let snapshot: string;
  beforeAll(async () => {
    const recorded = await liveLog();
    log = deepFreeze(recorded.events);
    commands = recorded.commands;
    snapshot = JSON.stringify(log);
  });

  it('tells the sagas’ events apart from the users’', () => {
    expect(log.filter(isSagaEvent).map((e) => e.type)).toEqual(['SlotBookingCancelled', 'PatientNotified']);
  });

  it('frees a skipped booking’s slot in the branch only, and leaves the original log unchanged', async () => {
    const tomAt9 = positionOf(log, 'SlotBooked', '09:00');
    const result = await runWhatIf({
      events: log,
      commands,
      edits: [{ kind: 'skip', position: tomAt9 }],
      now: NOW,
      monthlyLimit: 1,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(booked(result.original, DAY)).toEqual(['09:00 tom-baker', '09:10 maria-lopez']);
    expect(booked(result.branch, DAY)).toEqual(['09:10 maria-lopez', '09:20 tom-baker']);
    expect(free(result.branch, DAY)).toContain('09:00');
    // Without the 09:00 booking, the 09:20 one is Tom's first of the month: no compensation, no mail.
    expect(result.original.reactions.map((r) => r.command)).toEqual(['CancelSlotBooking', 'NotifyPatient']);
    expect(result.branch.reactions).toEqual([]);
    expect(answer(result.original, 'mailbox', 'tom-baker')).toHaveLength(1);
    expect(answer(result.branch, 'mailbox', 'tom-baker')).toEqual([]);
    expect(result.sagaEventsLeftOut).toBe(2);
    expect(result.differences).toEqual([
      `availableSlots(2026-03-02): [ana-silva].slots: without ${DAY}_09:20, [ana-silva].slots: with ${DAY}_09:00`,
      `patientSlots(tom-baker): without ${DAY}_09:00, with ${DAY}_09:20`,
      expect.stringMatching(
        new RegExp(`^appointment\\(${DAY}_09:00\\): \\{slotId: ${DAY}_09:00, .*… → none$`),
      ),
      expect.stringMatching(new RegExp(`^appointment\\(${DAY}_09:20\\): none → \\{slotId: ${DAY}_09:20, `)),
      `doctorDay(${DAY}): slots[${DAY}_09:00].status: booked → available, slots[${DAY}_09:00].patientId: tom-baker → none, ` +
        `slots[${DAY}_09:20].status: available → booked, slots[${DAY}_09:20].patientId: none → tom-baker`,
      'mailbox(tom-baker): 1 row → none',
      'Saga reactions: 2 in the original, 0 in the branch',
    ]);
    expect(result.original.violations).toEqual([]);
    expect(result.branch.violations).toEqual([]);
    expect(JSON.stringify(log)).toBe(snapshot);
  });

  it('forks at a position: later events are left out of both sides', async () => {
    const result = await runWhatIf({
      events: log,
      position: positionOf(log, 'SlotBooked', '09:00'),
      edits: [],
      now: NOW,
      monthlyLimit: 1,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(booked(result.original, DAY)).toEqual(['09:00 tom-baker']);
    expect(result.differences).toEqual([]);
  });

  it('re-versions the streams when events are reordered', async () => {
    const maria = positionOf(log, 'SlotBooked', '09:10');
    const tomAt9 = positionOf(log, 'SlotBooked', '09:00');
    const steps = applyEdits(
      log.filter((e) => !isSagaEvent(e)),
      [],
    );
    const tomIndex =
      steps.kind === 'ok' ? steps.steps.findIndex((s) => s.kind === 'event' && s.from === tomAt9) : -1;
    const result = await runWhatIf({
      events: log,
      edits: [{ kind: 'move', position: maria, to: tomIndex }],
      now: NOW,
      monthlyLimit: 1,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    const dayEvents = result.branch.events.filter((e) => e.streamId === `doctorday-${DAY}`);
    expect(dayEvents.map((e) => e.version)).toEqual(dayEvents.map((_, i) => i + 1));
    const bookings = dayEvents
      .filter((e) => e.type === 'SlotBooked')
      .map((e) => (e.data as { patientId: string }).patientId);
    expect(bookings.slice(0, 2)).toEqual(['maria-lopez', 'tom-baker']);
    expect(result.branch.violations).toEqual([]);
  });

  it('rejects a reorder that books a slot before it is scheduled, saying which', async () => {
    const tomAt9 = positionOf(log, 'SlotBooked', '09:00');
    const result = await runWhatIf({
      events: log,
      edits: [{ kind: 'move', position: tomAt9, to: 0 }],
      now: NOW,
    });
    expect(result).toEqual({
      kind: 'invalid',
      message: `Step 1 (SlotBooked ${DAY}_09:00, event ${tomAt9} of the original) would open stream doctorday-${DAY}, which must start with DayScheduled`,
    });
  });

  it('rejects a change that books a booked slot twice', async () => {
    const maria = log.find((e) => e.position === positionOf(log, 'SlotBooked', '09:10'))!;
    const result = await runWhatIf({
      events: log,
      edits: [
        {
          kind: 'change',
          position: maria.position,
          data: { ...(maria.data as object), slotId: `${DAY}_09:00` },
        },
      ],
      now: NOW,
    });
    expect(result.kind === 'invalid' && result.message).toMatch(
      /books slot ana-silva_2026-03-02_09:00 while it is still booked/,
    );
  });

  it('dispatches an inserted command at its place in the branch', async () => {
    const tomAt9 = positionOf(log, 'SlotBooked', '09:00');
    const result = await runWhatIf({
      events: log,
      position: tomAt9,
      edits: [
        { kind: 'skip', position: tomAt9 },
        { kind: 'insert', at: tomAt9 - 1, item: bookSlot(mariaLopez) as Message },
      ],
      now: NOW,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.branch.commands).toEqual(['BookSlot: accepted (SlotBooked)']);
    expect(booked(result.branch, DAY)).toEqual(['09:00 maria-lopez']);
    expect(result.differences).toContain('monthlyBookings(maria-lopez, 2026-03): 0 → 1');
  });

  it('appends a double slot’s two bookings together, as its command did', async () => {
    const sandbox = createSandbox({ now: NOW });
    for (const command of [
      registerDoctor(anaSilva),
      registerPatient(tomBaker),
      scheduleDay(),
      bookDoubleSlot(tomBaker),
    ])
      expect((await sandbox.dispatch(command)).kind).toBe('accepted');
    const doubleLog = deepFreeze(await sandbox.events());
    sandbox.close();
    const result = await runWhatIf({ events: doubleLog, edits: [], now: NOW });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.branch.violations).toEqual([]);
    expect(booked(result.branch, DAY)).toEqual(['09:00 tom-baker', '09:10 tom-baker']);
  });

  it('says when an edit names an event the branch does not hold', async () => {
    const result = await runWhatIf({
      events: log,
      position: 2,
      edits: [{ kind: 'skip', position: 5 }],
      now: NOW,
    });
    expect(result).toEqual({
      kind: 'invalid',
      message: 'Edit 1 (skip): event 5 is not in the branch (any more)',
    });
  });

  it('applies several edits in turn: two skips, a move and two inserts named by the events they precede', async () => {
    const [tomAt9, maria, tomAt920] = ['09:00', '09:10', '09:20'].map((t) =>
      positionOf(log, 'SlotBooked', t),
    );
    const day = log.find((e) => e.type === 'DayScheduled')!.position;
    const steps = applyEdits(
      log.filter((e) => !isSagaEvent(e)),
      [
        { kind: 'skip', position: tomAt9 },
        { kind: 'skip', position: tomAt920 },
        {
          kind: 'insert',
          before: maria,
          item: bookSlot({ ...tomBaker, startTime: '09:40' }) as Message,
        },
        { kind: 'move', position: maria, before: null },
        {
          kind: 'insert',
          before: null,
          item: bookSlot({ ...mariaLopez, startTime: '09:50' }) as Message,
        },
      ],
    );
    if (steps.kind !== 'ok') throw new Error(steps.message);
    const tail = steps.steps.slice(-3).map((s) => (s.kind === 'event' ? s.from : s.command.data.slotId));
    expect(tail).toEqual([`${DAY}_09:40`, maria, `${DAY}_09:50`]);
    expect(steps.steps.some((s) => s.kind === 'event' && [tomAt9, tomAt920].includes(s.from))).toBe(false);
    expect(
      applyEdits(log, [
        { kind: 'move', position: maria, before: tomAt9 },
        { kind: 'skip', position: tomAt9 },
      ]).kind,
    ).toBe('ok');
    expect(applyEdits(log, [{ kind: 'move', position: maria, before: maria }])).toEqual({
      kind: 'invalid',
      message: `Edit 1 (move): event ${maria} cannot move before itself`,
    });
    expect(
      applyEdits(log, [
        { kind: 'skip', position: day },
        { kind: 'move', position: maria, before: day },
      ]),
    ).toEqual({
      kind: 'invalid',
      message: `Edit 2 (move): event ${day} is not in the branch (any more)`,
    });
  });

  it('lets the sagas react as the branch replays, before the events and commands that follow', async () => {
    // Tom's 09:20 is his second booking of the month (limit 1): the saga cancels it at once, so Maria, asking
    // for 09:20 right after, finds it free, as she would have in the live runtime (and is compensated in turn).
    const mariaAt920 = bookSlot({ ...mariaLopez, startTime: '09:20' }) as Message;
    const result = await runWhatIf({
      events: log,
      edits: [{ kind: 'insert', before: null, item: mariaAt920 }],
      now: NOW,
      monthlyLimit: 1,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.branch.commands).toEqual(['BookSlot: accepted (SlotBooked)']);
    const tomAt920 = result.branch.events.findIndex(
      (e) => e.type === 'SlotBooked' && (e.data as { slotId: string }).slotId === `${DAY}_09:20`,
    );
    expect(
      result.branch.events
        .slice(tomAt920)
        .map((e) => `${e.type} ${(e.data as { patientId: string }).patientId} by ${e.metadata.actor}`),
    ).toEqual([
      'SlotBooked tom-baker by scenario',
      'SlotBookingCancelled tom-baker by saga:overbooking',
      'PatientNotified tom-baker by saga:overbooking',
      'SlotBooked maria-lopez by scenario',
      'SlotBookingCancelled maria-lopez by saga:overbooking',
      'PatientNotified maria-lopez by saga:overbooking',
    ]);
  });

  it('only reads the live store it forks: its events, commands and head stay as they were', async () => {
    const sandbox = createSandbox({ now: NOW, monthlyLimit: 1 });
    for (const command of [
      registerDoctor(anaSilva),
      registerPatient(tomBaker),
      scheduleDay(),
      bookSlot(tomBaker),
    ])
      await sandbox.dispatch(command);
    await sandbox.settle();
    const before = {
      events: await sandbox.events(),
      commands: await sandbox.commands(),
      head: sandbox.head(),
    };
    const booking = before.events.at(-1)!.position;
    const result = await runWhatIf({
      events: before.events,
      edits: [
        { kind: 'skip', position: booking },
        {
          kind: 'insert',
          before: null,
          item: bookSlot({ ...tomBaker, startTime: '09:20' }) as Message,
        },
      ],
      now: NOW,
      monthlyLimit: 1,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(booked(result.branch, DAY)).toEqual(['09:20 tom-baker']);
    await sandbox.settle();
    expect({
      events: await sandbox.events(),
      commands: await sandbox.commands(),
      head: sandbox.head(),
    }).toEqual(before);
    sandbox.close();
  });
});

describe('the original side', () => {
  it('equals the live log’s read models, replayed under the settings the log was recorded with', async () => {
    const live = createSandbox({ now: NOW, monthlyLimit: 1 });
    for (const command of [
      registerDoctor(anaSilva),
      registerPatient(tomBaker),
      scheduleDay(),
      bookSlot(tomBaker),
      bookSlot({ ...tomBaker, startTime: '09:10' }),
    ])
      await live.dispatch(command);
    await live.settle();
    const events = await live.events();
    const domain = scheduling.configure({ monthlyLimit: 1 });
    const liveReadSide = readSideOf(domain, events, (name) => live.projectionState(name), NOW);
    const commands = await live.commands();
    live.close();
    const result = await runWhatIfOf(domain, { events, commands, edits: [], now: NOW });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.original.readSide).toEqual(liveReadSide);
    expect(result.original.reactions.map((r) => r.command)).toEqual(['CancelSlotBooking', 'NotifyPatient']);
    // The branch without edits replays to the same read side (its events have new ids, quoted as the same events).
    expect(result.differences).toEqual([]);
    // Under another limit than the log's, the branch's sagas decide otherwise.
    const otherLimit = await runWhatIfOf(scheduling, { events, commands, edits: [], now: NOW });
    if (otherLimit.kind !== 'ok') throw new Error(otherLimit.message);
    // The original is the log as recorded: every answer but the configured limit itself is the live one.
    const recorded = (side: typeof liveReadSide) => ({
      ...side,
      answers: side.answers.filter((a) => a.query !== 'monthlyLimit'),
    });
    expect(recorded(otherLimit.original.readSide)).toEqual(recorded(liveReadSide));
    expect(otherLimit.differences).toContain('mailbox(tom-baker): 1 row → none');
  });
});

describe('a what-if of another domain', () => {
  /** Two counters: a counted 2 then 3, b counted 1; the bell rings after each count. */
  async function tallyLog(): Promise<{ events: RecordedEvent[]; commands: CommandRecord[] }> {
    const sandbox = createRuntime(tally);
    for (const [counterId, by] of [
      ['a', 2],
      ['b', 1],
      ['a', 3],
      ['a', -4],
    ] as const)
      expect((await sandbox.dispatch({ type: 'Count', data: { counterId, by } })).kind).toBe('accepted');
    await sandbox.settle();
    const recorded = { events: await sandbox.events(), commands: await sandbox.commands() };
    sandbox.close();
    return recorded;
  }

  it('replays the branch with that domain’s sagas and compares its queries’ answers', async () => {
    const { events, commands } = await tallyLog();
    const counted = events.filter((e) => e.type === 'Counted');
    const result = await runWhatIfOf(tally, {
      events,
      commands,
      edits: [
        { kind: 'skip', position: counted[3].position },
        { kind: 'insert', before: null, item: { type: 'Count', data: { counterId: 'c', by: 7 } } },
      ],
      now: tally.defaultNow,
    });
    if (result.kind !== 'ok') throw new Error(result.message);
    expect(result.sagaEventsLeftOut).toBe(4);
    expect(result.original.readSide.answers).toEqual([
      { query: 'total', args: ['a'], answer: 1 },
      { query: 'total', args: ['b'], answer: 1 },
      { query: 'total', args: ['c'], answer: 0 },
    ]);
    expect(result.differences).toEqual([
      'total(a): 1 → 5',
      'total(c): 0 → 7',
      'Saga reactions: 4 in the original, 4 in the branch',
    ]);
    expect(result.branch.commands).toEqual(['Count: accepted (Counted)']);
    expect(result.branch.reactions.map((r) => r.subject)).toEqual(['a', 'b', 'a', 'c']);
  });

  it('refuses a branch its domain says no stream could hold, naming the step', async () => {
    const { events, commands } = await tallyLog();
    const counted = events.filter((e) => e.type === 'Counted');
    const result = await runWhatIfOf(tally, {
      events,
      commands,
      edits: [{ kind: 'move', position: counted[3].position, before: counted[0].position }],
      now: tally.defaultNow,
    });
    expect(result).toEqual({
      kind: 'invalid',
      message: `Step 1 (Counted a, event ${counted[3].position} of the original) would take counter-a below 0 (to -4)`,
    });
  });
});
