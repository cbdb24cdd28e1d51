import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../../src/core/boundedContext.ts';
import {
  cancelHold,
  checkOut,
  copies,
  patrons,
  placeOnHold,
} from '../../../../src/domains/library/builders.ts';
import type { RaceKnobs, RaceOperation } from '../../../../src/core/domain/index.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { runRace } from './raceRunner.ts';

const race = library.race!;
const defaults = Object.fromEntries(Object.entries(race.knobs).map(([name, knob]) => [name, knob.default]));
const choices = fc.array(fc.nat(7), { maxLength: 120 });

/** A race over the knobs as fast-check input: its operations and the scheduler's choices. */
const raceOf = (knobs: RaceKnobs) => {
  const world = race.world(knobs);
  return { world, arbitrary: fc.tuple(race.operations(world, knobs), choices) };
};

describe('the library’s race definition', () => {
  it('starts from a world whose commands are all accepted, one after another', () => {
    for (const knobs of [defaults, { ...defaults, patrons: 5, researchers: 2, books: 8, branches: 2 }]) {
      const { world } = raceOf(knobs);
      const { world: played } = runRace(library.context, world, [], [], race.properties);
      expect(played.outcomes.every((outcome) => outcome.result === 'accepted')).toBe(true);
      expect(played.outcomes.filter((outcome) => outcome.command.type === 'RegisterPatron')).toHaveLength(
        knobs.patrons,
      );
    }
  });

  it('generates operations whose commands are valid, by patrons of the world, with the clock moving forward', () => {
    const { world, arbitrary } = raceOf(defaults);
    fc.assert(
      fc.property(arbitrary, ([operations]) => {
        let now = world.now;
        for (const operation of operations) {
          if (operation.step.kind === 'clock') {
            expect(operation.step.to > now).toBe(true);
            now = operation.step.to;
          } else expect(library.context.validate(operation.step.command).kind).toBe('valid');
          expect(race.describe(operation)).not.toContain('undefined');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('tells each operation as a line a person reads', () => {
    expect(
      race.describe({
        actor: 'ann#2',
        step: {
          kind: 'command',
          command: { type: 'PlaceOnHold', data: { patronId: 'ann', bookId: 'ddd-1', days: 2 } },
        },
      }),
    ).toBe('ann (second session) places ddd-1 on hold for 2 days');
    expect(race.describe({ actor: 'clock', step: { kind: 'clock', to: '2026-03-04T09:00' } })).toBe(
      'the clock moves to 2026-03-04 09:00',
    );
  });

  it('keeps every property of the correct domain, whatever the interleaving', () => {
    for (const knobs of [defaults, { ...defaults, branches: 2, patrons: 4 }]) {
      const { world, arbitrary } = raceOf(knobs);
      fc.assert(
        fc.property(arbitrary, ([operations, order]) => {
          const run = runRace(library.context, world, operations, order, race.properties);
          expect(run.violations).toEqual([]);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('keeps the properties in a race found once: a checkout read a copy set aside for an earlier hold', () => {
    const { ann, ben } = patrons;
    const copy = copies.iddd1;
    const by = (actor: string, command: Command): RaceOperation => ({
      actor,
      step: { kind: 'command', command },
    });
    const operations: RaceOperation[] = [
      by('ann#2', placeOnHold(ann, copy, 1)),
      by('ben', placeOnHold(ben, copy, 1)),
      by('ben', cancelHold(ben, copy)),
      by('ben', placeOnHold(ben, copy, 1)),
      by('ben', checkOut(ben, copy, 1)),
      by('ben', checkOut(ben, copy, 1)),
      { actor: 'clock', step: { kind: 'clock', to: '2026-03-04T00:00' } },
    ];
    const run = runRace(library.context, race.world(defaults), operations, [1], race.properties);
    expect(run.world.results().filter((result) => result.startsWith('CheckOut'))).toEqual([
      'CheckOut:BookNotSetAsideForPatron',
      'CheckOut:BookNotSetAsideForPatron',
    ]);
    expect(run.violations).toEqual([]);
  });

  it('races often enough to see a transient double hold', () => {
    const { world, arbitrary } = raceOf(defaults);
    const measured = fc
      .sample(arbitrary, { numRuns: 150, seed: 7 })
      .map(
        ([operations, order]) =>
          runRace(library.context, world, operations, order, race.properties).world.log,
      )
      .map((log) => race.measures?.[0].measure(log, {}) ?? null)
      .filter((value) => value !== null);
    expect(measured.length).toBeGreaterThan(0);
  });
});
