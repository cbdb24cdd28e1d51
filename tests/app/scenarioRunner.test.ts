import { describe, expect, it } from 'vitest';
import { runScenario, runScenarioOnSandbox, scenarioTestSource } from '../../src/app/scenarioRunner.ts';
import { givenWhenThen } from '../../src/core/givenWhenThen.ts';
import { createScheduling, streamIdOfEvent } from '../../src/domain/scheduling/index.ts';
import {
  builtInScenarios,
  givenHistory,
  runQuery,
  type Message,
  type ScenarioSpec,
} from '../../src/domain/scheduling/scenarioFile.ts';
import { bookSlot, people, slotBooked } from '../../src/domain/scheduling/builders.ts';

const slotAlreadyBooked = builtInScenarios.find((s) => s.id === 'slot-already-booked') as ScenarioSpec;
const bookAFreeSlot = builtInScenarios.find((s) => s.id === 'book-a-free-slot') as ScenarioSpec;

/** Runs an exported vitest source with the project's helpers in place of its imports. */
function runExportedSource(source: string): void {
  const body = source
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n');
  const tests: (() => void)[] = [];
  const describe = (_: string, block: () => void) => block();
  const it = (_: string, test: () => void) => tests.push(test);
  new Function(
    'describe',
    'it',
    'givenWhenThen',
    'createScheduling',
    'streamIdOfEvent',
    'givenHistory',
    'runQuery',
    body,
  )(describe, it, givenWhenThen, createScheduling, streamIdOfEvent, givenHistory, runQuery);
  expect(tests).toHaveLength(1);
  for (const test of tests) test();
}

describe('runScenario', () => {
  describe.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'the built-in scenario %s',
    (_, scenario) => {
      it('passes when run', () => {
        const run = runScenario(scenario);
        expect(run.checks.filter((check) => !check.pass)).toEqual([]);
        expect(run.pass).toBe(true);
        expect(run.verdict).toMatch(/^Passed: /);
      });

      it('passes as its exported vitest source', () => {
        expect(() => runExportedSource(scenarioTestSource(scenario))).not.toThrow();
      });
    },
  );

  describe('when the slot is already booked but the scenario expects a booking', () => {
    const wrong: ScenarioSpec = {
      ...slotAlreadyBooked,
      then: { events: [{ type: 'SlotBooked', data: { dayId: 'x', slotId: 'y', patientId: 'maria-lopez' } }] },
    };

    it('fails and says so in plain words', () => {
      const run = runScenario(wrong);
      expect(run.pass).toBe(false);
      expect(run.verdict).toBe(
        'Failed: the scenario expects BookSlot to record SlotBooked, but BookSlot was rejected with ' +
          'SlotAlreadyBooked: Slot 09:00 on 2026-03-02 is already booked by another patient.',
      );
      expect(run.checks[0].diff).toContain('- expected\n+ actual');
      expect(run.checks[0].diff).toContain('+     "code": "SlotAlreadyBooked"');
    });

    it('fails as its exported vitest source too', () => {
      expect(() => runExportedSource(scenarioTestSource(wrong))).toThrow(/Spec failed/);
    });
  });

  describe('when an expected read-model row differs', () => {
    const wrongRows: ScenarioSpec = {
      ...bookAFreeSlot,
      thenRows: [{ query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 2 }],
    };

    it('names the read model that differs', () => {
      const run = runScenario(wrongRows);
      expect(run.pass).toBe(false);
      expect(run.verdict).toContain('but Read model monthlyBookings(tom-baker, 2026-03) differs');
      expect(run.checks[1].diff).toContain('- 2\n+ 1');
    });

    it('fails as its exported vitest source too', () => {
      expect(() => runExportedSource(scenarioTestSource(wrongRows))).toThrow(/Spec failed/);
    });
  });

  describe('when a given command is rejected', () => {
    it('fails before the When and names the step', () => {
      const run = runScenario({ ...slotAlreadyBooked, given: slotAlreadyBooked.given.slice(1) });
      expect(run.pass).toBe(false);
      expect(run.verdict).toMatch(
        /^Failed before the When: Given step 3 was rejected \(DoctorNotRegistered\)/,
      );
    });
  });
});

describe('runScenarioOnSandbox', () => {
  const overbooked: ScenarioSpec = {
    id: 'limit-1-overbooking',
    title: 'A second booking in a month of one is compensated',
    tags: ['saga'],
    now: '2026-03-02T08:00',
    // The practice, and Tom's booking at 09:00.
    given: slotAlreadyBooked.given,
    when: bookSlot({ ...people.tomBaker, startTime: '09:10' }) as Message,
    then: {
      events: [slotBooked({ ...people.tomBaker, startTime: '09:10' }) as Message],
    },
    thenRows: [
      { query: 'monthlyBookings', args: ['tom-baker', '2026-03'], expected: 1 },
      {
        query: 'mailbox',
        args: ['tom-baker'],
        expected: [
          {
            body:
              'A patient can hold at most 1 appointments in a month. Your booking on 2026-03-02 at 09:10 went over ' +
              'that limit for 2026-03, so it was cancelled automatically. Your other appointments are unchanged.',
            causationEventId: 'evt-2',
            patientId: 'tom-baker',
            subject: 'Your appointment on 2026-03-02 at 09:10 was cancelled',
          },
        ],
      },
    ],
  };

  it('evaluates the expected rows after the sagas reacted, so a compensated overbooking passes', async () => {
    const run = await runScenarioOnSandbox(overbooked, { monthlyLimit: 1 });
    expect(run.checks.filter((check) => !check.pass)).toEqual([]);
    expect(run.pass).toBe(true);
    expect(
      run.scratch?.reactions.map(({ saga, command, isAccepted }) => ({ saga, command, isAccepted })),
    ).toEqual([
      { saga: 'overbooking', command: 'CancelSlotBooking', isAccepted: true },
      { saga: 'overbooking', command: 'NotifyPatient', isAccepted: true },
    ]);
    expect(run.scratch?.violations).toEqual([]);
    expect(run.scratch?.failures).toEqual([]);
  });

  it('fails the same scenario on the engine alone, where no saga runs', () => {
    const run = runScenario(overbooked);
    expect(run.pass).toBe(false);
    expect(run.checks.map((check) => check.pass)).toEqual([true, false, false]);
  });

  it('keeps the engine’s decision check: a wrong Then fails with its diff', async () => {
    const run = await runScenarioOnSandbox(
      { ...overbooked, then: { rejection: 'SlotAlreadyBooked' } },
      { monthlyLimit: 1 },
    );
    expect(run.pass).toBe(false);
    expect(run.checks[0]).toMatchObject({ label: 'Rejected with SlotAlreadyBooked', pass: false });
    expect(run.verdict).toMatch(/^Failed: the scenario expects BookSlot to be rejected/);
  });

  it('stops before the When when a Given command is rejected', async () => {
    const run = await runScenarioOnSandbox({
      ...overbooked,
      given: [...overbooked.given, overbooked.given[4]],
    });
    expect(run.pass).toBe(false);
    expect(run.verdict).toMatch(/^Failed before the When: Given step 6 was rejected \(SlotAlreadyBooked\)/);
  });

  it.each(builtInScenarios.map((s) => [s.id, s] as const))(
    'passes the built-in scenario %s on a scratch sandbox too',
    async (_, scenario) => {
      const run = await runScenarioOnSandbox(scenario);
      expect(run.checks.filter((check) => !check.pass)).toEqual([]);
      expect(run.scratch?.failures).toEqual([]);
      expect(run.scratch?.violations).toEqual([]);
    },
  );
});
