import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../../src/core/event.ts';
import { createScheduling, schedulingQueries } from '../../../../src/domains/scheduling/index.ts';
import { openPractice, stepArb } from './stories.ts';

const { projections } = createScheduling();

const logArb = fc.array(stepArb, { maxLength: 40 }).map((story) => {
  const world = openPractice(2);
  for (const step of story) step.run(world);
  world.settle();
  return world.log;
});

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/** A checkpoint as IndexedDB stores it: plain JSON. */
const checkpoint = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

function foldInChunks(projection: (typeof projections)[number], log: RecordedEvent[], cuts: number[]) {
  let state = checkpoint(projection.initialState());
  let from = 0;
  for (const cut of [...cuts.filter((at) => at < log.length).sort((a, b) => a - b), log.length]) {
    for (const event of log.slice(from, cut)) state = projection.apply(state, event);
    state = checkpoint(state);
    from = Math.max(from, cut);
  }
  return state;
}

describe('every projection', () => {
  it('always reaches the same state folded in one go or in chunks restored from JSON checkpoints', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(80), { maxLength: 5 }), (log, cuts) => {
        for (const projection of projections) {
          const inOneGo = log.reduce(
            (state, event) => projection.apply(state, event),
            projection.initialState(),
          );
          expect(foldInChunks(projection, log, cuts)).toEqual(inOneGo);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('always keeps plain JSON state and never mutates the events it reads', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const frozen = deepFreeze(structuredClone(log));
        for (const projection of projections) {
          const state = frozen.reduce(
            (current, event) => projection.apply(current, event),
            projection.initialState(),
          );
          expect(checkpoint(state)).toEqual(state);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('always answers queries the same whether kept up to date or rebuilt from zero', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const incremental = new Map(
          projections.map((projection) => [projection.name, projection.initialState()]),
        );
        for (const event of log) {
          for (const projection of projections)
            incremental.set(projection.name, projection.apply(incremental.get(projection.name), event));
        }
        const rebuilt = new Map(
          projections.map((projection) => [
            projection.name,
            checkpoint(log).reduce(
              (state, event) => projection.apply(state, event),
              projection.initialState(),
            ),
          ]),
        );
        const ask = (read: (name: string) => unknown) => ({
          available: schedulingQueries.availableSlots(read, '2026-03-02'),
          tom: schedulingQueries.patientSlots(read, 'tom-baker', '2026-03-02T08:00'),
          appointment: schedulingQueries.appointment(read, 'ana-silva_2026-03-02_09:10'),
          day: schedulingQueries.doctorDay(read, 'ana-silva_2026-03-02'),
          mailbox: schedulingQueries.mailbox(read, 'maria-lopez'),
          monthly: schedulingQueries.monthlyBookings(read, 'chen-wei', '2026-03'),
        });
        expect(ask((name) => incremental.get(name))).toEqual(ask((name) => rebuilt.get(name)));
      }),
      { numRuns: 50 },
    );
  });
});
