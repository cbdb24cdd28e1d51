import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { library } from '../../../../src/domains/library/index.ts';
import { runRace } from '../race/raceRunner.ts';

const race = library.race!;
const knobs = {
  ...Object.fromEntries(Object.entries(race.knobs).map(([name, knob]) => [name, knob.default])),
  clockMoves: 4,
};
const world = race.world(knobs);
const played = fc
  .tuple(race.operations(world, knobs), fc.array(fc.nat(7), { maxLength: 80 }))
  .map(([operations, order]) => runRace(library.context, world, operations, order, []).world);

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('every saga of the library', () => {
  it('never changes a state it was given, and keeps plain JSON states', () => {
    fc.assert(
      fc.property(played, (game) => {
        for (const saga of library.context.sagas) {
          let state = deepFreeze(saga.initialState());
          for (const event of game.log)
            state = deepFreeze(saga.handle(state, event, { now: game.now }).state);
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('sends nothing and stays put when every event is delivered twice', () => {
    fc.assert(
      fc.property(played, (game) => {
        for (const saga of library.context.sagas) {
          let state = saga.initialState();
          for (const event of game.log) {
            state = saga.handle(state, event, { now: game.now }).state;
            const again = saga.handle(state, event, { now: game.now });
            expect(again.reactions).toEqual([]);
            expect(again.state).toEqual(state);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
