import { describe, expect, it } from 'vitest';
import { replayRace, runRace } from '../../../../src/tools/race-lab/runRace.ts';
import {
  NO_BUGS,
  checkRaceProperty,
  summarize,
  toTestSource,
  type BugName,
  type RaceConfig,
} from '../../../../src/tools/race-lab/model/index.ts';

const NO_FAULTS_CONFIG = { duplicateDelivery: false, delayedDelivery: false, lostAcks: false };

/**
 * Each planted bug, the property that must catch it, and what the lab promises. Seeded (seed 7), so these are
 * exact: measured runs to failure, then the bounds asserted on the shrunk counterexample.
 */
const plantedBugs: {
  bug: BugName;
  property: string;
  config: Partial<RaceConfig>;
  /** Measured with seed 7: the run that failed first. */
  runsToFailure: number;
  maxOperations: number;
  maxContextSwitches: number;
}[] = [
  {
    bug: 'skipVersionCheck',
    property: 'oneWinnerPerVersion',
    config: { faults: NO_FAULTS_CONFIG },
    runsToFailure: 4,
    maxOperations: 2,
    maxContextSwitches: 1,
  },
  {
    bug: 'skipVersionCheck',
    property: 'slotExclusivity',
    config: { faults: NO_FAULTS_CONFIG },
    runsToFailure: 4,
    maxOperations: 2,
    maxContextSwitches: 1,
  },
  {
    bug: 'splitAppends',
    property: 'doubleSlotAllOrNothing',
    config: { faults: NO_FAULTS_CONFIG },
    runsToFailure: 33,
    maxOperations: 2,
    maxContextSwitches: 1,
  },
  {
    bug: 'nonIdempotentProjections',
    property: 'projectionsMatchReplay',
    config: { faults: { ...NO_FAULTS_CONFIG, duplicateDelivery: true } },
    runsToFailure: 1,
    maxOperations: 1,
    maxContextSwitches: 0,
  },
  {
    bug: 'nonIdempotentProjections',
    property: 'projectionsIdempotentAndMonotonic',
    config: { faults: { ...NO_FAULTS_CONFIG, duplicateDelivery: true } },
    runsToFailure: 1,
    maxOperations: 1,
    maxContextSwitches: 0,
  },
  {
    bug: 'staleSagaReads',
    property: 'sagaCancelsExactlyTheSurplus',
    config: { faults: NO_FAULTS_CONFIG },
    runsToFailure: 20,
    maxOperations: 2,
    maxContextSwitches: 0,
  },
  {
    bug: 'staleSagaReads',
    property: 'monthlyCapOnceSettled',
    config: { faults: NO_FAULTS_CONFIG, monthlyLimit: 1 },
    runsToFailure: 18,
    maxOperations: 2,
    maxContextSwitches: 0,
  },
];

describe('the race lab with a planted bug', () => {
  for (const planted of plantedBugs) {
    describe(`when ${planted.bug} is on`, () => {
      it(`breaks ${planted.property} at run ${planted.runsToFailure}, shrunk to ≤ ${planted.maxOperations} operations and ≤ ${planted.maxContextSwitches} context switches`, async () => {
        const result = await checkRaceProperty(planted.property, runRace, {
          numRuns: 100,
          seed: 7,
          config: { ...planted.config, bugs: { ...NO_BUGS, [planted.bug]: true } },
        });
        const counterexample = result.counterexample;
        expect(result.passed).toBe(false);
        if (!counterexample) throw new Error(result.error ?? 'no counterexample');
        expect(counterexample.runsToFailure).toBe(planted.runsToFailure);
        expect(summarize(counterexample)).toMatch(/operations?, \d actors?, \d context switch/);
        expect(counterexample.size.operations).toBeLessThanOrEqual(planted.maxOperations);
        expect(counterexample.size.contextSwitches).toBeLessThanOrEqual(planted.maxContextSwitches);
        const replay = await replayRace(JSON.parse(JSON.stringify(counterexample)));
        expect(replay.isExact).toBe(true);
        expect(toTestSource(counterexample, { expectation: 'breaks' })).toContain(
          `race lab counterexample: ${planted.property}`,
        );
      });
    });
  }
});
