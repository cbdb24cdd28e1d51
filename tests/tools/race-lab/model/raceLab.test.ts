import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replayRace, runRace } from '../../../../src/tools/race-lab/runRace.ts';
import {
  NO_BUGS,
  NO_FAULTS,
  buildCounterexample,
  canonicalJson,
  checkRaceProperty,
  combinedProperty,
  commandOf,
  describeOperation,
  everyProperty,
  largestOvershoot,
  monthlyCapProperty,
  raceArbitrary,
  prunedSetup,
  raceProperties,
  raceSetup,
  sagaSurplusProperty,
  sequentialOracle,
  summarize,
  toTestSource,
  type Counterexample,
  type Race,
} from '../../../../src/tools/race-lab/model/index.ts';

const DAY = 'ana_2026-03-03';
const setup = raceSetup({ patients: 2, days: 1, slotsPerDay: 4 });
const race = (overrides: Partial<Race>): Race => ({
  setup,
  operations: [],
  choices: [],
  faults: NO_FAULTS,
  bugs: NO_BUGS,
  monthlyLimit: 2,
  ...overrides,
});
const tomBooks = (time: string) => ({
  actor: 'tom',
  intent: { kind: 'book' as const, patientId: 'tom', dayId: DAY, time },
});
const eveBooks = (time: string) => ({
  actor: 'eve',
  intent: { kind: 'book' as const, patientId: 'eve', dayId: DAY, time },
});

describe('a race', () => {
  it('turns intents into the commands of DOMAIN.md', () => {
    expect(commandOf(tomBooks('09:10').intent)).toEqual({
      type: 'BookSlot',
      data: { dayId: DAY, slotId: `${DAY}_09:10`, patientId: 'tom' },
    });
    expect(commandOf({ kind: 'moveClock', to: '2026-03-03T09:00' })).toBeNull();
    expect(describeOperation(tomBooks('09:10'))).toBe(`tom books ${DAY} 09:10`);
  });

  it('is plain JSON: a race read back from its JSON text replays to the same log', async () => {
    await fc.assert(
      fc.asyncProperty(raceArbitrary(), async (generated) => {
        const file = JSON.parse(JSON.stringify(generated)) as Race;
        expect(JSON.stringify((await runRace(file)).log)).toBe(
          JSON.stringify((await runRace(generated)).log),
        );
      }),
      { numRuns: 30 },
    );
  });

  describe('when two patients race for one slot', () => {
    it('gives it to the first to append and tells the other it is taken (one context switch)', async () => {
      const outcome = await runRace(
        race({ operations: [tomBooks('09:00'), eveBooks('09:00')], choices: [0, 1] }),
      );
      expect(outcome.contextSwitches).toBe(1);
      expect(outcome.operations.map((o) => [o.actor, o.outcome, o.errorCode ?? null])).toEqual([
        ['tom', 'fail', 'SlotAlreadyBooked'],
        ['eve', 'ok', null],
      ]);
      expect(raceProperties.flatMap((p) => p.check(outcome, race({})))).toEqual([]);
    });

    it('lets both win when the version check is skipped (the planted bug)', async () => {
      const buggy = race({
        operations: [tomBooks('09:00'), eveBooks('09:00')],
        choices: [0, 1],
        bugs: { ...NO_BUGS, skipVersionCheck: true },
      });
      const outcome = await runRace(buggy);
      const names = raceProperties.flatMap((p) => p.check(outcome, buggy)).map((v) => v.property);
      expect(new Set(names)).toEqual(new Set(['slotExclusivity', 'oneWinnerPerVersion']));
    });
  });

  describe('when an acknowledgement is lost', () => {
    it('retries, recognises its own write and reports the booking once', async () => {
      const outcome = await runRace(
        race({ operations: [tomBooks('09:00')], faults: { ...NO_FAULTS, lostAcks: [0] } }),
      );
      expect(outcome.operations[0]).toMatchObject({ outcome: 'ok', eventIds: [expect.any(String)] });
      expect(outcome.log.filter((e) => e.type === 'SlotBooked')).toHaveLength(1);
      expect(raceProperties.flatMap((p) => p.check(outcome, race({})))).toEqual([]);
    });
  });

  it('always replays the same race to a byte-identical log and trace', async () => {
    await fc.assert(
      fc.asyncProperty(raceArbitrary(), async (generated) => {
        const [first, second] = [await runRace(generated), await runRace(generated)];
        expect(JSON.stringify(second.log)).toBe(JSON.stringify(first.log));
        expect(second.trace).toEqual(first.trace);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the saga oracle', () => {
  it('keeps the first bookings up to the limit, in log order, ignoring the saga’s own cancellations', async () => {
    const outcome = await runRace(
      race({ operations: ['09:00', '09:10', '09:20'].map(tomBooks), monthlyLimit: 2 }),
    );
    const kept = sequentialOracle(outcome.log, 2);
    expect([...kept].sort()).toEqual([`tom|${DAY}|${DAY}_09:00`, `tom|${DAY}|${DAY}_09:10`]);
    expect(largestOvershoot(outcome, race({}))).toMatchObject({
      patientId: 'tom',
      bookings: 3,
      overshoot: 1,
    });
  });
});

describe('a shrunk race', () => {
  it('keeps only the patients, days and slots its operations name (plus the slot after the last)', () => {
    const pruned = prunedSetup(
      race({ setup: raceSetup({ patients: 3, days: 2, slotsPerDay: 6 }), operations: [tomBooks('09:10')] }),
    );
    expect(pruned.patients.map((p) => p.patientId)).toEqual(['tom']);
    expect(pruned.days).toEqual([
      { doctorId: 'ana', date: '2026-03-03', times: ['09:00', '09:10', '09:20'] },
    ]);
  });
});

describe('canonical JSON', () => {
  it('never depends on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });
});

describe('with every bug toggle off', () => {
  it('always keeps every guarantee over 1,000 generated races (all faults on, the clock moving)', async () => {
    const result = await checkRaceProperty(everyProperty, runRace, { numRuns: 1_000, seed: 2026 });
    expect(result.counterexample?.violations ?? result.error ?? []).toEqual([]);
    expect(result.passed).toBe(true);
    // The runs really race: conflicts, compensations, lost acks and duplicates all occur.
    expect(result.statistics.conflicts).toBeGreaterThan(50);
    expect(result.statistics.sagaCompensations).toBeGreaterThan(50);
    expect(result.statistics.lostAcks).toBeGreaterThan(50);
    expect(result.statistics.duplicates).toBeGreaterThan(50);
    expect(result.statistics.largestOvershoot?.overshoot).toBeGreaterThan(0);
  });

  it('always holds the real monthly limit of 10 once settled (one patient in two sessions, up to 20 bookings)', async () => {
    const config = {
      patients: 1,
      days: 2,
      slotsPerDay: 10,
      minOperations: 8,
      maxOperations: 20,
      monthlyLimit: 10,
      intents: { book: 6, bookDouble: 4, cancelBooking: 1, cancelDay: 0, moveClock: 0 },
    };
    const property = combinedProperty('monthlyAtTen', [monthlyCapProperty, sagaSurplusProperty]);
    const result = await checkRaceProperty(property, runRace, { numRuns: 200, seed: 10, config });
    expect(result.counterexample?.violations ?? []).toEqual([]);
    expect(result.statistics.sagaCompensations).toBeGreaterThan(10);
  });
});

describe('a counterexample', () => {
  const buggy = race({
    operations: [tomBooks('09:00'), eveBooks('09:00')],
    choices: [0, 1],
    bugs: { ...NO_BUGS, skipVersionCheck: true },
  });
  const found = { seed: 42, path: '0:1', runsToFailure: 1, shrinkSteps: 0 };

  it('replays exactly from its JSON file', async () => {
    const counterexample = await buildCounterexample(everyProperty, buggy, runRace, found);
    const file = JSON.parse(JSON.stringify(counterexample)) as Counterexample;
    const replay = await replayRace(file);
    expect(replay.isExact).toBe(true);
    expect(replay.violations).toEqual(counterexample.violations);
    expect(summarize(counterexample)).toBe('2 operations, 2 actors, 1 context switch');
  });

  it('renders as a vitest file that embeds the race and replays it', async () => {
    const counterexample = await buildCounterexample(everyProperty, buggy, runRace, found);
    const source = toTestSource(counterexample, { expectation: 'breaks' });
    expect(source).toContain("import { replayRace } from '../../src/tools/race-lab/runRace.ts';");
    expect(source).toContain(`//   tom books ${DAY} 09:00`);
    const json = source.slice(source.indexOf('= {') + 2, source.indexOf(';\n\ndescribe'));
    expect(JSON.parse(json)).toEqual(counterexample);
  });
});
