import { describe, expect, it } from 'vitest';
import {
  builtInScenarios,
  parseScenarioFile,
  scenarioSpec,
  toScenarioFile,
} from '../../../../src/tools/scenarios/model/scenarioFile.ts';
import { slotBooked } from '../../../../src/domains/scheduling/builders.ts';

const [scenario] = builtInScenarios;
const fileWith = (monthlyLimit: unknown) => ({
  ...toScenarioFile([scenario]),
  scenarios: [{ ...scenario, monthlyLimit }],
});

describe('the monthly limit of a scenario file', () => {
  it('is optional: a version 1 file without it reads as before', () => {
    expect(scenario.monthlyLimit).toBeUndefined();
    expect(parseScenarioFile(toScenarioFile([scenario]))).toEqual({ kind: 'ok', scenarios: [scenario] });
  });

  it('reads back a whole number of bookings', () => {
    expect(parseScenarioFile(fileWith(3))).toEqual({
      kind: 'ok',
      scenarios: [{ ...scenario, monthlyLimit: 3 }],
    });
  });

  it.each([0, -1, 2.5, '3', null, Number.POSITIVE_INFINITY])('refuses %s and names the field', (limit) => {
    expect(parseScenarioFile(fileWith(limit))).toEqual({
      kind: 'invalid',
      path: 'scenarios.0.monthlyLimit',
      message: 'scenarios.0.monthlyLimit: must be a whole number of bookings, 1 or more',
    });
  });

  it('is given to the sagas of the scenario’s engine', () => {
    const booked = [1, 2].map((n) => slotBooked({ startTime: `09:${n}0`, date: '2026-03-02' }));
    const { given } = scenarioSpec('2026-03-02T08:00', { monthlyLimit: 1 });
    const reactions = given(booked.slice(0, 1)).whenEvent(booked[1], { saga: 'overbooking' }).reactions;
    expect(reactions.map((command) => command.type)).toEqual(['CancelSlotBooking']);
    const unlimited = scenarioSpec('2026-03-02T08:00').given(booked.slice(0, 1));
    expect(unlimited.whenEvent(booked[1], { saga: 'overbooking' }).reactions).toEqual([]);
  });
});
