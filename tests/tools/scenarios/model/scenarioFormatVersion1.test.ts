import { describe, expect, it } from 'vitest';
import { domainNamed } from '../../../../src/domains/index.ts';
import { scheduling } from '../../../../src/domains/index.ts';
import { slotBooked } from '../../../../src/domains/scheduling/builders.ts';
import { scenarioDomain, scenarioSpec } from '../../../../src/tools/scenarios/engine.ts';
import { parseScenarioFile } from '../../../../src/tools/scenarios/model/scenarioFormat.ts';

const [scenario] = scheduling.scenarios;
/** A file as Eventscope wrote it before domains: format version 1, no domain, a monthly limit per scenario. */
const version1 = (monthlyLimit?: unknown) => ({
  format: 'eventscope.scenario',
  formatVersion: 1,
  scenarios: [{ ...scenario, ...(monthlyLimit === undefined ? {} : { monthlyLimit }) }],
});

describe('a version 1 scenario file', () => {
  it('still reads, as the doctor practice’s', () => {
    expect(scenario.settings).toBeUndefined();
    expect(parseScenarioFile(version1(), domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenarios: [scenario],
    });
  });

  it('reads its monthly limit as the monthlyLimit setting', () => {
    expect(parseScenarioFile(version1(3), domainNamed)).toEqual({
      kind: 'ok',
      domain: scheduling,
      scenarios: [{ ...scenario, settings: { monthlyLimit: 3 } }],
    });
  });

  it.each([0, -1, 2.5, '3', null, Number.POSITIVE_INFINITY])('refuses %s and names the field', (limit) => {
    expect(parseScenarioFile(version1(limit), domainNamed)).toEqual({
      kind: 'invalid',
      path: 'scenarios.0.monthlyLimit',
      message: 'scenarios.0.monthlyLimit: must be a whole number, 1 or more',
    });
  });

  it('gives its monthly limit to the sagas of the scenario’s engine', () => {
    const parsed = parseScenarioFile(version1(1), domainNamed);
    if (parsed.kind !== 'ok') throw new Error(parsed.message);
    const booked = [1, 2].map((n) => slotBooked({ startTime: `09:${n}0`, date: '2026-03-02' }));
    const limited = scenarioDomain(scheduling, parsed.scenarios[0]);
    const { given } = scenarioSpec(limited, '2026-03-02T08:00');
    const reactions = given(booked.slice(0, 1)).whenEvent(booked[1], { saga: 'overbooking' }).reactions;
    expect(reactions.map((command) => command.type)).toEqual(['CancelSlotBooking']);
    const unlimited = scenarioSpec(scheduling, '2026-03-02T08:00').given(booked.slice(0, 1));
    expect(unlimited.whenEvent(booked[1], { saga: 'overbooking' }).reactions).toEqual([]);
  });
});
