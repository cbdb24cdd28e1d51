import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Runtime as Sandbox } from '../../../src/runtime/index.ts';
import { createRuntime } from '../../../src/runtime/index.ts';
import { buildTimelineIndex } from '../../../src/tools/time-travel/model/timelineIndex.ts';
import { TimeTravel, queriesAt, sagaInstancesOf } from '../../../src/tools/time-travel/timeTravel.ts';
import { tally } from '../../fixtures/tallyDomain.ts';
import type { RecordedEvent } from '../../../src/core/event.ts';
import { createScheduling } from '../../../src/domains/scheduling/index.ts';
import { scheduling } from '../../../src/domains/index.ts';
import { causalLog } from '../../fixtures/sampleLogs.ts';

const context = () => createScheduling({ monthlyLimit: 2 });

/** The reference: a fresh fold of events 1..position, no snapshots. */
function freshFold(events: RecordedEvent[], position: number) {
  const { projections, sagas } = context();
  const models = Object.fromEntries(projections.map((p) => [p.name, p.initialState()]));
  const sagaStates = Object.fromEntries(sagas.map((s) => [s.name, s.initialState()]));
  for (const event of events.slice(0, position)) {
    for (const p of projections) models[p.name] = p.apply(models[p.name], event);
    for (const s of sagas)
      sagaStates[s.name] = s.handle(sagaStates[s.name], event, { now: event.metadata.occurredAt }).state;
  }
  return { models, sagaStates };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const viewAt = (travel: TimeTravel, position: number) => {
  const view = travel.at(position);
  const { projections, sagas } = context();
  return {
    models: Object.fromEntries(projections.map((p) => [p.name, view.read(p.name)])),
    sagaStates: Object.fromEntries(sagas.map((s) => [s.name, view.sagaState(s.name)])),
  };
};

describe('TimeTravel', () => {
  let sandbox: Sandbox;
  let events: RecordedEvent[];
  let storeBefore: string;
  beforeAll(async () => {
    sandbox = await causalLog();
    events = deepFreeze(await sandbox.events());
    storeBefore = JSON.stringify(await sandbox.exportLog());
  });

  it.each(['adaptive', 'always'] as const)(
    'always gives the state at P that a fresh fold of events 1..P gives (projection snapshots: %s)',
    (projectionSnapshots) => {
      const travel = new TimeTravel(context(), { snapshotEvery: 7, projectionSnapshots });
      travel.sync(events);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: events.length }), (position) => {
          expect(viewAt(travel, position)).toEqual(freshFold(events, position));
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(['adaptive', 'always'] as const)(
    'gives the same answers when scrubbing back and forth (%s)',
    (projectionSnapshots) => {
      const travel = new TimeTravel(context(), { snapshotEvery: 5, projectionSnapshots });
      travel.sync(events);
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: events.length }), { minLength: 2, maxLength: 12 }),
          (path) => {
            const first = path.map((p) => JSON.stringify(viewAt(travel, p)));
            const again = [...path].reverse().map((p) => JSON.stringify(viewAt(travel, p)));
            expect(again.reverse()).toEqual(first);
          },
        ),
        { numRuns: 30 },
      );
    },
  );

  it('at the head, equals the live read models', () => {
    const travel = new TimeTravel(context());
    travel.sync(events);
    const view = travel.at(events.length);
    for (const { name } of sandbox.projections())
      expect(view.read(name)).toEqual(JSON.parse(JSON.stringify(sandbox.projectionState(name))));
    for (const saga of sandbox.sagas()) expect(view.sagaState(saga.name)).toEqual(saga.state);
  });

  it('answers the domain queries as of the past: a slot is free before its booking, booked after', () => {
    const travel = new TimeTravel(context());
    travel.sync(events);
    const booking = events.find((e) => e.type === 'SlotBooked')!;
    const { dayId, slotId } = booking.data as { dayId: string; slotId: string };
    const statusAt = (p: number) =>
      queriesAt(scheduling, travel.at(p), () => sandbox.clock.now())
        .doctorDay(dayId)
        ?.slots.find((s) => s.slotId === slotId)?.status;
    expect(statusAt(booking.position - 1)).toBe('available');
    expect(statusAt(booking.position)).toBe('booked');
    expect(queriesAt(scheduling, travel.at(0), () => sandbox.clock.now()).doctorDay(dayId)).toBeNull();
  });

  it('follows a growing log, and starts again when the log is replaced', () => {
    const travel = new TimeTravel(context(), { snapshotEvery: 4 });
    travel.sync(events.slice(0, 10));
    expect(travel.head).toBe(10);
    travel.sync(events);
    expect(viewAt(travel, events.length)).toEqual(freshFold(events, events.length));
    const other = events.slice(0, 3).map((e) => ({ ...e, id: `${e.id}-other` }));
    travel.sync(other);
    expect(travel.head).toBe(3);
    expect(viewAt(travel, 3)).toEqual(freshFold(other, 3));
  });

  it('never writes the store nor changes the events it folds', async () => {
    const travel = new TimeTravel(context(), { snapshotEvery: 3 });
    travel.sync(events); // frozen: any change would throw
    for (let p = events.length; p >= 0; p -= 3) travel.at(p);
    expect(JSON.stringify(await sandbox.exportLog())).toBe(storeBefore);
  });

  it('folds only what is read, and stepping forward folds only the new events', () => {
    // The real projections and sagas, counting the events each is given.
    const applied = new Map<string, number>();
    const count = (name: string) => applied.set(name, (applied.get(name) ?? 0) + 1);
    const real = context();
    const counted = {
      projections: real.projections.map((p) => ({
        ...p,
        apply: (state: unknown, event: RecordedEvent) => (count(p.name), p.apply(state as never, event)),
      })),
      sagas: real.sagas.map((s) => ({
        ...s,
        handle: (state: unknown, event: RecordedEvent, ctx: { now: string }) => (
          count(s.name),
          s.handle(state as never, event, ctx)
        ),
      })),
    };
    const travel = new TimeTravel(counted as never, { snapshotEvery: 1_000 });
    travel.sync(events);
    const [doctorDays, overbooking] = ['doctorDays', 'overbooking'];
    travel.at(20).read(doctorDays);
    expect(applied.get(doctorDays)).toBe(20);
    expect(applied.has('appointments')).toBe(false);
    expect(applied.has(overbooking)).toBe(false);
    travel.at(21).read(doctorDays);
    travel.at(25).read(doctorDays);
    expect(applied.get(doctorDays)).toBe(25);
    // Back: from the last snapshot (the start, in so short a log), then forward again from there.
    travel.at(10).read(doctorDays);
    expect(applied.get(doctorDays)).toBe(35);
    expect(travel.at(10).read(doctorDays)).toEqual(freshFold(events, 10).models.doctorDays);
    travel.at(events.length).sagaState(overbooking);
    expect(applied.get(overbooking)).toBe(events.length);
  });

  it('keeps a saga snapshot every `snapshotEvery` events at no cost, so jumping back folds few events', () => {
    const handled = { count: 0 };
    const real = context();
    const counted = {
      projections: [],
      sagas: real.sagas.map((s) => ({
        ...s,
        handle: (state: unknown, event: RecordedEvent, ctx: { now: string }) => (
          handled.count++,
          s.handle(state as never, event, ctx)
        ),
      })),
    };
    const travel = new TimeTravel(counted as never, { snapshotEvery: 4 });
    travel.sync(events);
    travel.at(events.length).sagaState('overbooking');
    handled.count = 0;
    travel.at(9).sagaState('overbooking');
    // From the snapshot at 8: one event.
    expect(handled.count).toBe(1);
    expect(travel.at(9).sagaState('overbooking')).toEqual(freshFold(events, 9).sagaStates.overbooking);
  });

  it('jumps anywhere in a long log quickly, from snapshots', () => {
    const long: RecordedEvent[] = [];
    while (long.length < 20_000)
      for (const e of events) long.push({ ...e, id: `${e.id}#${long.length}`, position: long.length + 1 });
    const travel = new TimeTravel(context(), { snapshotEvery: 500 });
    travel.sync(long);
    expect(viewAt(travel, 12_345)).toEqual(freshFold(long, 12_345));
  });
});

describe('time travel over another domain', () => {
  it('binds that domain’s queries and lists its sagas’ instances as of any position', async () => {
    const sandbox = createRuntime(tally);
    for (const by of [2, 3, 4]) await sandbox.dispatch({ type: 'Count', data: { counterId: 'a', by } });
    await sandbox.settle();
    const events = await sandbox.events();
    sandbox.close();
    const travel = new TimeTravel(tally.context);
    travel.sync(events);
    const secondCount = events.filter((e) => e.type === 'Counted')[1].position;
    const view = travel.at(secondCount);
    expect(queriesAt(tally, view, () => tally.defaultNow).total('a')).toBe(5);
    expect(queriesAt(tally, travel.at(events.length), () => tally.defaultNow).total('a')).toBe(9);
    expect(sagaInstancesOf(tally, 'bell', view.sagaState('bell'))).toEqual([
      { key: 'bell', state: 'listening', context: { seen: secondCount, counted: 2 } },
    ]);
    expect(sagaInstancesOf(tally, 'no-such-saga', null)).toEqual([]);
    expect(sagaInstancesOf(tally, 'toString', null)).toEqual([]);
  });

  it('groups the timeline’s lanes as the domain groups its streams', async () => {
    const grouped = {
      ...tally,
      streamGroupOf: (streamId: string) => (streamId === 'calendar' ? 'days' : 'counters'),
    };
    const sandbox = createRuntime(tally, { now: '2026-05-04T09:00' });
    await sandbox.dispatch({ type: 'Count', data: { counterId: 'a', by: 1 } });
    await sandbox.dispatch({ type: 'Count', data: { counterId: 'b', by: 1 } });
    sandbox.clock.set('2026-05-05T09:00');
    await sandbox.settle();
    const index = buildTimelineIndex(await sandbox.events(), await sandbox.commands(), grouped.streamGroupOf);
    sandbox.close();
    expect(index.groups).toEqual([
      { id: 'counters', streamIds: ['counter-a', 'counter-b'] },
      { id: 'days', streamIds: ['calendar'] },
    ]);
    expect(index.sagaNames).toEqual(['bell']);
  });
});
