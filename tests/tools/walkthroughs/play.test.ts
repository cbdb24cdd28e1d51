import { describe, expect, it } from 'vitest';
import {
  playTeachingScenario,
  startTeachingRun,
  type TeachingPlayer,
} from '../../../src/tools/walkthroughs/play.ts';
import { laggingProjection, scenarios } from '../../../src/domains/scheduling/walkthroughs/index.ts';

const byId = (id: string) => scenarios.find((scenario) => scenario.id === id)!;
const DAY = 'ana-silva_2026-03-02';

/** Plays steps up to and including the first booking `actor` makes. */
async function playUntilBookingBy(player: TeachingPlayer, actor: string) {
  for (;;) {
    const step = await player.next();
    if (!step) throw new Error(`No booking by ${actor}`);
    if (step.label === 'BookSlot' && step.outcomes[0].startsWith(`${actor}:`)) return step;
  }
}

/** A wait the test releases by hand: no real time passes. */
function manualWait() {
  const pending: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => pending.push(resolve)),
    elapse: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

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

  it('shows the overbooking saga compensating both halves of the double slot and emailing Tom', async () => {
    const run = await playTeachingScenario(byId('overbooking'));
    expect(run.reactions.map((r) => `${r.saga}: ${r.command} (${r.subject}) ${r.outcome}`)).toEqual([
      `overbooking: CancelSlotBooking (tom-baker, ${DAY}_09:00) accepted (1 event)`,
      `overbooking: CancelSlotBooking (tom-baker, ${DAY}_09:10) accepted (1 event)`,
      `overbooking: NotifyPatient (tom-baker) accepted (1 event)`,
      `overbooking: NotifyPatient (tom-baker) accepted (1 event)`,
    ]);
    expect(run.readSide.monthlyBookings).toEqual({ 'tom-baker 2026-03': 3 });
    expect(run.readSide.mailbox['tom-baker']).toHaveLength(2);
  });
});

describe('a teaching scenario with delivery latency', () => {
  it('leaves the read models behind the log after a step, until the scenario settles', async () => {
    const player = startTeachingRun(laggingProjection);
    const tom = await playUntilBookingBy(player, 'Tom Baker');
    expect(tom.outcomes).toEqual(['Tom Baker: BookSlot accepted (SlotBooked)']);
    expect(tom.behind.map((s) => s.name)).toEqual(expect.arrayContaining(['doctorDays', 'overbooking']));
    expect(tom.behind.every((s) => s.checkpoint === tom.head - 1)).toBe(true);
    // The stale read Maria acts on: the list still offers 09:00, which the day's stream has already booked.
    expect((await player.readSide()).days[DAY].free).toContain('09:00');

    const maria = await player.next();
    expect(maria?.outcomes).toEqual(['Maria Lopez: BookSlot rejected with SlotAlreadyBooked']);
    expect((await player.readSide()).days[DAY].free).toContain('09:00');

    const settled = await player.next();
    expect(settled?.label).toBe('Everything catches up');
    expect(settled?.behind).toEqual([]);
    const lag = player.lag();
    expect(lag.held).toBe(0);
    expect(lag.subscribers.every((s) => s.checkpoint === lag.head)).toBe(true);
    const day = (await player.readSide()).days[DAY];
    expect(day.free).not.toContain('09:00');
    expect(day.booked).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('catches up on its own once the latency has passed, without a settle step', async () => {
    const clock = manualWait();
    const player = startTeachingRun(laggingProjection, { wait: clock.wait });
    const tom = await playUntilBookingBy(player, 'Tom Baker');
    expect(tom.behind).not.toEqual([]);
    expect(player.lag().held).toBeGreaterThan(0);
    clock.elapse();
    await player.whenQuiet();
    const lag = player.lag();
    expect(lag.held).toBe(0);
    expect(lag.subscribers.map((s) => s.lag)).toEqual(lag.subscribers.map(() => 0));
    expect((await player.readSide()).days[DAY].booked).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('never lags without latency: every step ends with the read side caught up', async () => {
    const run = await playTeachingScenario(byId('normal-day'));
    expect(run.steps.flatMap((step) => step.behind)).toEqual([]);
  });

  it('ends the same with or without latency once everything has settled', async () => {
    const lagging = await playTeachingScenario(laggingProjection);
    const immediate = await playTeachingScenario({ ...laggingProjection, latencyMs: 0 });
    expect(lagging.readSide).toEqual(immediate.readSide);
    expect(lagging.steps.map((s) => s.outcomes)).toEqual(immediate.steps.map((s) => s.outcomes));
  });
});
