import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../../src/core/event.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { runRace } from '../race/raceRunner.ts';

const race = library.race!;
const { projections } = library.context;
const knobs = {
  ...Object.fromEntries(Object.entries(race.knobs).map(([name, knob]) => [name, knob.default])),
  branches: 2,
  clockMoves: 3,
};
const world = race.world(knobs);

/** Valid logs: races of the library played to the end, every command decided by the domain. */
const logArb = fc
  .tuple(race.operations(world, knobs), fc.array(fc.nat(7), { maxLength: 80 }))
  .map(([operations, order]) => runRace(library.context, world, operations, order, []).world);

/**
 * The same events in another order that keeps each stream's own order: at each step, `picks` chooses which
 * stream's next event comes (as events arrive to a read side fed stream by stream).
 */
function interleave(log: readonly RecordedEvent[], picks: readonly number[]): RecordedEvent[] {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const queues = [...streams.values()];
  const merged: RecordedEvent[] = [];
  for (let step = 0; merged.length < log.length; step++) {
    const open = queues.filter((queue) => queue.length > 0);
    const queue = open[(picks[step] ?? 0) % open.length];
    merged.push(queue.shift() as RecordedEvent);
  }
  return merged;
}

const fold = (events: readonly RecordedEvent[]) => {
  const states = new Map(
    projections.map((projection) => [
      projection.name,
      events.reduce((state, event) => projection.apply(state, event), projection.initialState()),
    ]),
  );
  return (name: string) => states.get(name);
};

/** Every query of the contract, for every patron, copy and branch of the world, at a clock. */
function answers(read: (name: string) => unknown, now: string) {
  const q = library.queries;
  const context = { read, now };
  const patrons = ['ann', 'ben', 'cora', 'nobody'];
  const copies = ['ddd-1', 'iddd-1', 'ddia-1', 'legacy-1', 'eip-1', 'refactoring-1', 'nothing'];
  return {
    catalogue: q.catalogue.run(context),
    available: ['central', 'riverside'].map((branch) => q.availableBooks.run(context, branch)),
    holds: patrons.map((patron) => q.patronHolds.run(context, patron)),
    checkouts: patrons.map((patron) => q.patronCheckouts.run(context, patron)),
    sheet: q.dailySheet.run(context),
    status: copies.map((copy) => q.bookStatus.run(context, copy)),
  };
}

/** A checkpoint as IndexedDB stores it: plain JSON. */
const checkpoint = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

describe('the read models', () => {
  it('answer every query the same in any arrival order that keeps each stream’s order', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(), { maxLength: 400 }), (played, picks) => {
        const reordered = interleave(played.log, picks);
        expect(answers(fold(reordered), played.now)).toEqual(answers(fold(played.log), played.now));
      }),
      { numRuns: 100 },
    );
  });

  it('reach the same state folded in one go or in chunks restored from JSON checkpoints', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.nat(200), { maxLength: 5 }), (played, cuts) => {
        for (const projection of projections) {
          const inOneGo = played.log.reduce(
            (state, event) => projection.apply(state, event),
            projection.initialState(),
          );
          let state = checkpoint(projection.initialState());
          let from = 0;
          for (const cut of [
            ...cuts.filter((at) => at < played.log.length).sort((a, b) => a - b),
            played.log.length,
          ]) {
            for (const event of played.log.slice(from, cut)) state = projection.apply(state, event);
            state = checkpoint(state);
            from = Math.max(from, cut);
          }
          expect(state).toEqual(checkpoint(inOneGo));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keep plain JSON states and never change the events they read', () => {
    fc.assert(
      fc.property(logArb, (played) => {
        const frozen = played.log.map((event) =>
          Object.freeze({ ...event, data: Object.freeze({ ...(event.data as object) }) }),
        );
        for (const projection of projections) {
          const state = frozen.reduce(
            (current, event) => projection.apply(current, event),
            projection.initialState(),
          );
          expect(checkpoint(state)).toEqual(state);
        }
      }),
      { numRuns: 30 },
    );
  });
});
