import { describe, expect, it } from 'vitest';
import { runScenario, scenarioTestSource } from '../../src/app/scenarioRunner.ts';
import { givenWhenThen } from '../../src/core/givenWhenThen.ts';
import { createScheduling, streamIdOfEvent } from '../../src/domain/scheduling/index.ts';
import {
  builtInScenarios,
  givenHistory,
  runQuery,
  type ScenarioSpec,
} from '../../src/domain/scheduling/scenarioFile.ts';

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
