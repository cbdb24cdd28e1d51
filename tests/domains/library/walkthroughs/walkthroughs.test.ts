import { describe, expect, it } from 'vitest';
import { isInstant } from '../../../../src/core/clock.ts';
import type { Walkthrough } from '../../../../src/core/domain/index.ts';
import { library } from '../../../../src/domains/library/index.ts';
import {
  researchersRestrictedBook,
  theDailySheet,
  theSixthHold,
  twoPatronsOneCopy,
} from '../../../../src/domains/library/walkthroughs/index.ts';
import { World } from '../world.ts';

type Mode = 'sagas run at settle steps only' | 'sagas run after every step';

/** Plays a walkthrough on the pure world; the results of each step's commands, by step. */
function play(walkthrough: Walkthrough, mode: Mode) {
  const world = new World(library.context, walkthrough.now);
  const results: string[][] = [];
  for (const step of walkthrough.steps) {
    const before = world.outcomes.length;
    if (step.kind === 'command') world.dispatch(step.command, { actor: step.actor ?? 'user' });
    else if (step.kind === 'concurrent') world.concurrently(step.commands.map(({ command }) => command));
    else if (step.kind === 'clock') world.moveClock(step.to);
    else world.settle();
    results.push(world.outcomes.slice(before).map((outcome) => `${outcome.command.type}:${outcome.result}`));
    if (mode === 'sagas run after every step' && !walkthrough.latencyMs) world.settle();
  }
  world.settle();
  return { world, results, last: results.flat() };
}

const modes: Mode[] = ['sagas run at settle steps only', 'sagas run after every step'];
const query = (world: World, name: keyof typeof library.queries, ...args: string[]) =>
  (library.queries[name].run as (context: unknown, ...rest: string[]) => unknown)(
    { read: world.readModels(), now: world.now },
    ...args,
  );

describe('the library’s walkthroughs', () => {
  it('are the four of the contract, with unique ids', () => {
    expect(library.walkthroughs.map((walkthrough) => walkthrough.id)).toEqual([
      'two-patrons-one-copy',
      'the-sixth-hold',
      'the-daily-sheet',
      'a-researchers-restricted-book',
    ]);
  });

  describe.each(library.walkthroughs.map((walkthrough) => [walkthrough.id, walkthrough] as const))(
    '%s',
    (_, walkthrough) => {
      it('holds only valid commands and instants', () => {
        expect(isInstant(walkthrough.now)).toBe(true);
        for (const step of walkthrough.steps) {
          if (step.kind === 'command') expect(library.context.validate(step.command).kind).toBe('valid');
          if (step.kind === 'concurrent')
            for (const { command } of step.commands)
              expect(library.context.validate(command).kind).toBe('valid');
          if (step.kind === 'clock') expect(isInstant(step.to)).toBe(true);
        }
      });

      it.each(modes)('never breaks an invariant when played, %s', (mode) => {
        const { world } = play(walkthrough, mode);
        expect(library.invariants.flatMap((invariant) => invariant.check(world.log, {}))).toEqual([]);
      });
    },
  );

  describe.each(modes)('%s', (mode) => {
    it('two patrons, one copy: both holds accepted, the duplicate found, the second compensated', () => {
      const { world, results } = play(twoPatronsOneCopy, mode);
      const concurrent = twoPatronsOneCopy.steps.findIndex((step) => step.kind === 'concurrent');
      expect(results[concurrent]).toEqual(['PlaceOnHold:accepted', 'PlaceOnHold:accepted']);
      const types = world.log.map((event) => event.type);
      expect(types.filter((type) => type === 'BookDuplicateHoldFound')).toHaveLength(1);
      const cancelled = world.log.filter((event) => event.type === 'BookHoldCanceled');
      expect(cancelled.map((event) => (event.data as { reason: string }).reason)).toEqual(['duplicate-hold']);
      const holders = ['ann', 'ben'].filter(
        (patron) => (query(world, 'patronHolds', patron) as unknown[]).length > 0,
      );
      expect(holders).toHaveLength(1);
      expect(query(world, 'bookStatus', 'ddd-1')).toEqual({
        bookId: 'ddd-1',
        status: 'on-hold',
        patronId: holders[0],
      });
    });

    it('the sixth hold: the fifth says so, the sixth is refused, Cora gets the sixth copy', () => {
      const { results, last } = play(theSixthHold, mode);
      const holds = results.flat().filter((result) => result.startsWith('PlaceOnHold'));
      expect(holds).toEqual([
        ...Array(5).fill('PlaceOnHold:accepted'),
        'PlaceOnHold:MaximumHoldsReached',
        'PlaceOnHold:BookNotAvailable',
        'PlaceOnHold:accepted',
      ]);
      expect(last).toContain('PlaceOnHold:accepted');
      const { world } = play(theSixthHold, mode);
      expect(world.log.filter((event) => event.type === 'MaximumNumberOfHoldsReached')).toHaveLength(1);
    });

    it('the daily sheet: two runs, one expiry, two overdue checkouts, then a refused and an accepted hold', () => {
      const { world, results } = play(theDailySheet, mode);
      const count = (type: string) => world.log.filter((event) => event.type === type).length;
      expect(count('DailySheetRun')).toBe(2);
      expect(count('BookHoldExpired')).toBe(1);
      expect(count('OverdueCheckoutRegistered')).toBe(2);
      expect(
        results
          .flat()
          .filter((result) => result.startsWith('PlaceOnHold'))
          .slice(-2),
      ).toEqual(['PlaceOnHold:TooManyOverdueCheckouts', 'PlaceOnHold:accepted']);
      expect(results.flat().filter((result) => result.startsWith('CheckOut'))).toEqual([
        'CheckOut:accepted',
        'CheckOut:accepted',
      ]);
      expect(query(world, 'bookStatus', 'ddd-1')).toEqual({ bookId: 'ddd-1', status: 'available' });
    });

    it('a researcher’s restricted book: refused twice for Ann, held open-ended and lent to Cora', () => {
      const { world, results } = play(researchersRestrictedBook, mode);
      expect(
        results.flat().filter((result) => result.startsWith('PlaceOnHold') || result.startsWith('CheckOut')),
      ).toEqual([
        'PlaceOnHold:RestrictedBookForRegularPatron',
        'PlaceOnHold:OpenEndedHoldForRegularPatron',
        'PlaceOnHold:accepted',
        'CheckOut:accepted',
      ]);
      expect(world.log.filter((event) => event.type === 'DailySheetRun')).toHaveLength(30);
      expect(world.log.filter((event) => event.type === 'BookHoldExpired')).toHaveLength(0);
    });
  });
});
