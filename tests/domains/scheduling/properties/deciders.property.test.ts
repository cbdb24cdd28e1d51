import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  cancelledDayHasNoActiveBooking,
  contiguousVersions,
  doubleSlotAtomicity,
  gaplessPositions,
  monthlyCap,
  slotExclusivity,
} from '../../../../src/domains/scheduling/invariants.ts';
import type { PureWorld } from '../pureWorld.ts';
import { openPractice, stepArb, type Step } from './stories.ts';

const MONTHLY_LIMIT = 2;

function assertNoViolation(world: PureWorld, story: Step[]) {
  const violations = [
    ...slotExclusivity(world.log),
    ...doubleSlotAtomicity(world.log),
    ...contiguousVersions(world.log),
    ...gaplessPositions(world.log),
    ...cancelledDayHasNoActiveBooking(world.log),
  ];
  if (violations.length > 0) {
    throw new Error(
      `${violations.map((v) => v.message).join('\n')}\nafter: ${story.map(String).join(' → ')}`,
    );
  }
}

describe('the deciders, under random practice life', () => {
  it('never give one slot two active bookings, never half-book a double slot, never break stream versions', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (story) => {
        const world = openPractice(MONTHLY_LIMIT);
        for (const step of story) {
          step.run(world);
          assertNoViolation(world, story);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('always bring every patient back within the monthly limit once settled', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (story) => {
        const world = openPractice(MONTHLY_LIMIT);
        for (const step of story) step.run(world);
        world.settle();
        const { violations } = monthlyCap(world.log, MONTHLY_LIMIT);
        if (violations.length > 0)
          throw new Error(`${violations[0].message}\nafter: ${story.map(String).join(' → ')}`);
      }),
      { numRuns: 200 },
    );
  });

  it('always decide the same way given the same input', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), (story) => {
        const world = openPractice(MONTHLY_LIMIT);
        for (const step of story) step.run(world);
        for (const { command } of world.outcomes) {
          const first = world.decide(command);
          const second = world.decide(command);
          if (JSON.stringify(first) !== JSON.stringify(second))
            throw new Error(`${command.type} is not deterministic`);
        }
      }),
      { numRuns: 50 },
    );
  });
});
