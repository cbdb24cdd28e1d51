import { describe, expect, it } from 'vitest';
import { playTeachingScenario } from '../../src/app/teachingRun.ts';
import { scenarios } from '../../src/domain/scheduling/scenarios/index.ts';

const byId = (id: string) => scenarios.find((scenario) => scenario.id === id)!;

describe('playTeachingScenario', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('plays %s on a scratch sandbox', async (_, scenario) => {
    const run = await playTeachingScenario(scenario);
    expect(run.failures).toEqual([]);
    expect(run.steps).toHaveLength(scenario.steps.length);
  });

  it('lets exactly one of two racing patients hold the slot', async () => {
    const run = await playTeachingScenario(byId('race-for-one-slot'));
    const race = run.steps.find((step) => step.label.startsWith('At once'))!;
    expect(race.outcomes.filter((o) => o.includes('accepted'))).toHaveLength(1);
    expect(race.outcomes.filter((o) => o.includes('rejected with SlotAlreadyBooked'))).toHaveLength(1);
    expect(run.violations).toEqual([]);
  });

  it('shows the overbooking saga compensating and emailing', async () => {
    const run = await playTeachingScenario(byId('overbooking'));
    console.log(
      JSON.stringify({ r: run.reactions, m: run.readSide.monthlyBookings, v: run.violations }, null, 1),
    );
  });
});
