import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../src/domains/scheduling/invariants.ts';
import { schedulingQueries, validateCommand } from '../../../../src/domains/scheduling/index.ts';
import {
  dayCancellation,
  doubleSlot,
  laggingProjection,
  normalDay,
  overbooking,
  raceForOneSlot,
  scenarios,
} from '../../../../src/domains/scheduling/walkthroughs/index.ts';
import { isInstant } from '../../../../src/domains/scheduling/time.ts';
import { runScenario } from './referenceRunner.ts';

const readModelsOf = (run: ReturnType<typeof runScenario>) => run.readModels();
const results = (run: ReturnType<typeof runScenario>) =>
  run.outcomes.map((outcome) => `${outcome.command.type}:${outcome.result}`);

describe('built-in scenarios', () => {
  it('have unique ids', () => {
    expect(new Set(scenarios.map((scenario) => scenario.id)).size).toBe(scenarios.length);
  });

  describe.each(scenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (_, scenario) => {
    it('holds only valid commands and instants', () => {
      expect(isInstant(scenario.now)).toBe(true);
      for (const step of scenario.steps) {
        if (step.kind === 'command') expect(validateCommand(step.command).kind).toBe('valid');
        if (step.kind === 'concurrent')
          for (const { command } of step.commands) expect(validateCommand(command).kind).toBe('valid');
        if (step.kind === 'clock') expect(isInstant(step.to)).toBe(true);
      }
    });

    it('never breaks an invariant when played', () => {
      const run = runScenario(scenario);
      expect(checkInvariants(run.log, { monthlyLimit: scenario.monthlyLimit ?? 10 }).violations).toEqual([]);
    });
  });

  describe('a normal day', () => {
    it('ends with Maria at 09:30 and Tom’s slot free again', () => {
      const run = runScenario(normalDay);
      const read = readModelsOf(run);
      expect(results(run).every((result) => result.endsWith(':accepted'))).toBe(true);
      expect(schedulingQueries.appointment(read, 'ana-silva_2026-03-02_09:30')?.patient.name).toBe(
        'Maria Lopez',
      );
      expect(schedulingQueries.appointment(read, 'ana-silva_2026-03-02_09:10')).toBeNull();
    });
  });

  describe('two patients racing for one slot', () => {
    it('lets exactly one of them book it', () => {
      expect(results(runScenario(raceForOneSlot)).slice(-2)).toEqual([
        'BookSlot:accepted',
        'BookSlot:SlotAlreadyBooked',
      ]);
    });
  });

  describe('a double slot', () => {
    it('books Tom’s pair and none of Maria’s', () => {
      const run = runScenario(doubleSlot);
      expect(results(run).slice(-3)).toEqual([
        'BookDoubleSlot:accepted',
        'BookSlot:accepted',
        'BookDoubleSlot:SlotAlreadyBooked',
      ]);
      const day = schedulingQueries.doctorDay(readModelsOf(run), 'ana-silva_2026-03-02');
      expect(day?.slots.find((slot) => slot.startTime === '09:30')?.status).toBe('available');
    });
  });

  describe('a day cancellation', () => {
    it('emails each of the three patients once', () => {
      const read = readModelsOf(runScenario(dayCancellation));
      for (const patientId of ['tom-baker', 'maria-lopez', 'chen-wei']) {
        expect(schedulingQueries.mailbox(read, patientId)).toHaveLength(1);
      }
    });
  });

  describe('overbooking', () => {
    it('overshoots by two, then cancels exactly the double slot and emails Tom twice', () => {
      const run = runScenario(overbooking);
      const read = readModelsOf(run);
      expect(checkInvariants(run.log, { monthlyLimit: 3 }).largestOvershoot).toMatchObject({
        bookings: 5,
        overshoot: 2,
      });
      expect(schedulingQueries.monthlyBookings(read, 'tom-baker', '2026-03')).toBe(3);
      expect(schedulingQueries.mailbox(read, 'tom-baker')).toHaveLength(2);
    });
  });

  describe('a lagging projection', () => {
    it('rejects Maria’s booking from a stale list', () => {
      const run = runScenario(laggingProjection);
      expect(laggingProjection.latencyMs).toBeGreaterThan(0);
      expect(results(run).slice(-2)).toEqual(['BookSlot:SlotAlreadyBooked', 'BookSlot:DayNotScheduled']);
    });
  });
});
