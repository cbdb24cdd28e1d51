import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoundedContext } from '../../../../src/core/boundedContext.ts';
import {
  addBookInstance,
  books,
  checkOut,
  placeOnHold,
  registerPatron,
  runDailySheet,
} from '../../../../src/domains/library/builders.ts';
import { library } from '../../../../src/domains/library/index.ts';
import { holdsInReadModel } from '../../../../src/domains/library/plantedBugs/index.ts';
import type { PlantedBug, RaceKnobs } from '../../../../src/core/domain/index.ts';
import { aLibrary, ann, ben, ddd1, extraCopies } from '../fixtures.ts';
import { World } from '../world.ts';
import { runRace } from './raceRunner.ts';

const race = library.race!;
const bug = (name: string): PlantedBug => {
  const found = race.bugs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No planted bug ${name}`);
  return found;
};
const planted = (name: string): BoundedContext => bug(name).plant({ context: library.context }).context;
const defaults = Object.fromEntries(Object.entries(race.knobs).map(([name, knob]) => [name, knob.default]));
const violated = (context: BoundedContext, world: World) =>
  race.properties
    .flatMap((property) => property.check(world.log, {}))
    .map((violation) => violation.invariant);

/** A world whose library is set up from events the catalogue would have recorded, then settled. */
function libraryWorld(context: BoundedContext, more = extraCopies(0)): World {
  const world = new World(context);
  for (const event of aLibrary(more))
    if (event.type === 'BookAdded') world.dispatch({ type: 'AddBook', data: event.data });
    else if (event.type === 'BookInstanceAddedToCatalogue') world.dispatch(addBookInstance(event.data));
    else world.dispatch(registerPatron(event.data));
  world.settle();
  return world;
}

/** Searches races over the knobs for one that breaks a property; the first counterexample's violations. */
function search(context: BoundedContext, knobs: RaceKnobs, numRuns: number, seed: number) {
  const world = race.world(knobs);
  let violations: string[] = [];
  const result = fc.check(
    fc.property(
      fc.tuple(race.operations(world, knobs), fc.array(fc.nat(7), { maxLength: 120 })),
      ([ops, order]) => {
        const run = runRace(context, world, ops, order, race.properties);
        violations = run.violations.map((violation) => violation.invariant);
        return run.violations.length === 0;
      },
    ),
    { numRuns, seed, endOnFailure: true },
  );
  return { failed: result.failed, violations };
}

describe('the planted bugs', () => {
  it('are the three of the contract, each caught by a property of the domain', () => {
    expect(race.bugs.map((planted) => planted.name)).toEqual([
      'skipDuplicateCheck',
      'nonIdempotentDailySheet',
      'holdLimitFromReadModel',
    ]);
    for (const planted of race.bugs)
      expect(race.properties.map((property) => property.name)).toContain(planted.caughtBy);
  });

  it('leave the domain they are planted in unchanged', () => {
    const before = library.context.decide;
    for (const planted of race.bugs) planted.plant({ context: library.context });
    expect(library.context.decide).toBe(before);
    expect(library.context.sagas.map((saga) => saga.name)).toEqual([
      'bookFollowsPatrons',
      'duplicateHoldCompensation',
      'dailySheet',
    ]);
  });
});

describe('the book process skips the duplicate check', () => {
  const twoPatronsOneCopy = (context: BoundedContext) => {
    const world = libraryWorld(context);
    world.concurrently([placeOnHold(ann, ddd1, 7), placeOnHold(ben, ddd1, 7)]);
    world.settle();
    return world;
  };

  it('finds the duplicate and compensates it in the correct domain', () => {
    const world = twoPatronsOneCopy(library.context);
    expect(world.log.map((event) => event.type)).toContain('BookDuplicateHoldFound');
    expect(violated(library.context, world)).toEqual([]);
  });

  it('with the bug, marks the copy on hold for the second patron too: both keep it', () => {
    const context = planted('skipDuplicateCheck');
    const world = twoPatronsOneCopy(context);
    expect(world.log.map((event) => event.type)).not.toContain('BookDuplicateHoldFound');
    expect(world.log.filter((event) => event.type === 'BookMarkedOnHold').map((event) => event.data)).toEqual(
      [
        { bookId: 'ddd-1', patronId: 'ann', holdTill: '2026-03-09T09:00', holdNumber: 1 },
        { bookId: 'ddd-1', patronId: 'ben', holdTill: '2026-03-09T09:00', holdNumber: 1 },
      ],
    );
    expect(violated(context, world)).toEqual(['oneHolderPerBook']);
  });

  it('is found by racing patrons', () => {
    expect(search(library.context, defaults, 100, 11).failed).toBe(false);
    const found = search(planted('skipDuplicateCheck'), defaults, 300, 11);
    expect(found.failed).toBe(true);
    expect(found.violations).toContain('oneHolderPerBook');
  });
});

describe('the daily sheet is not idempotent', () => {
  const twoMidnightsAtOnce = (context: BoundedContext) => {
    const world = libraryWorld(context);
    world.dispatch(placeOnHold(ann, ddd1, 1));
    world.settle();
    world.moveClock('2026-03-04T09:00');
    world.settle();
    return world;
  };
  const expiries = (world: World) => world.log.filter((event) => event.type === 'BookHoldExpired').length;

  it('expires a hold once in the correct domain, however many runs come before the expiry lands', () => {
    const world = twoMidnightsAtOnce(library.context);
    expect(world.log.filter((event) => event.type === 'DailySheetRun')).toHaveLength(2);
    expect(expiries(world)).toBe(1);
    expect(violated(library.context, world)).toEqual([]);
  });

  it('with the bug, expires it twice', () => {
    const context = planted('nonIdempotentDailySheet');
    const world = twoMidnightsAtOnce(context);
    expect(expiries(world)).toBe(2);
    expect(violated(context, world)).toContain('expiryAndOverdueAtMostOnce');
  });

  it('with the bug, runs again for a date it has run', () => {
    const context = planted('nonIdempotentDailySheet');
    const world = new World(context);
    world.dispatch(runDailySheet('2026-03-02'));
    world.dispatch(runDailySheet('2026-03-02'));
    expect(world.log.map((event) => event.type)).toEqual(['DailySheetRun', 'DailySheetRun']);
    const correct = new World();
    correct.dispatch(runDailySheet('2026-03-02'));
    correct.dispatch(runDailySheet('2026-03-02'));
    expect(correct.log).toHaveLength(1);
  });

  it('is found by racing patrons while the clock moves', () => {
    const knobs = { ...defaults, clockMoves: 5 };
    expect(search(library.context, knobs, 100, 5).failed).toBe(false);
    const found = search(planted('nonIdempotentDailySheet'), knobs, 300, 5);
    expect(found.failed).toBe(true);
    expect(found.violations).toContain('expiryAndOverdueAtMostOnce');
  });
});

describe('the hold limit is read from a lagging read model', () => {
  const six = extraCopies(6);
  /** Ann places six holds while the read side lags behind her first five. */
  const sixHoldsWithALaggingReadSide = (context: BoundedContext) => {
    const world = libraryWorld(context, six);
    world.readCheckpoint = world.log.length;
    const outcomes = six.map((copy) => world.dispatch(placeOnHold(ann, copy, 7)));
    return { world, results: outcomes.map((outcome) => outcome.result) };
  };

  it('counts the holds in the read model as it is when deciding', () => {
    const world = libraryWorld(library.context, six);
    world.dispatch(placeOnHold(ann, six[0], 7));
    world.dispatch(placeOnHold(ann, six[1], 7));
    expect(holdsInReadModel(world.readModels(), 'ann')).toBe(2);
    expect(holdsInReadModel(world.readModels(world.log.length - 1), 'ann')).toBe(1);
    expect(holdsInReadModel(undefined, 'ann')).toBe(0);
  });

  it('refuses the sixth hold in the correct domain, whatever the read side says', () => {
    const { world, results } = sixHoldsWithALaggingReadSide(library.context);
    expect(results.at(-1)).toBe('MaximumHoldsReached');
    expect(violated(library.context, world)).not.toContain('regularPatronHoldLimit');
  });

  it('with the bug, accepts a sixth hold the lagging read model does not show', () => {
    const context = planted('holdLimitFromReadModel');
    const { world, results } = sixHoldsWithALaggingReadSide(context);
    expect(results).toEqual(Array(6).fill('accepted'));
    expect(violated(context, world)).toContain('regularPatronHoldLimit');
  });

  it('with the bug and a read side up to date, still refuses the sixth', () => {
    const context = planted('holdLimitFromReadModel');
    const world = libraryWorld(context, six);
    const results = six.map((copy) => world.dispatch(placeOnHold(ann, copy, 7)).result);
    expect(results.at(-1)).toBe('MaximumHoldsReached');
  });

  it('is found by one regular patron placing holds quickly', () => {
    const knobs = { ...defaults, patrons: 1, researchers: 0, books: 6, operations: 30, clockMoves: 0 };
    expect(search(library.context, knobs, 60, 5).failed).toBe(false);
    const found = search(planted('holdLimitFromReadModel'), knobs, 1000, 5);
    expect(found.failed).toBe(true);
    expect(found.violations).toContain('regularPatronHoldLimit');
  });
});

describe('a checkout refused while the book process lags', () => {
  it('is what keeps a duplicate hold from leaving the library', () => {
    const world = libraryWorld(library.context);
    world.concurrently([placeOnHold(ann, ddd1, 7), placeOnHold(ben, ddd1, 7)]);
    expect(world.dispatch(checkOut(ben, ddd1, 3)).result).toBe('BookNotSetAsideForPatron');
    expect(books.ddd.isbn).toBe('9780321125217');
  });
});
