import { describe, expect, it } from 'vitest';
import type { Walkthrough } from '../../../src/core/domain/walkthrough.ts';
import { scheduling } from '../../../src/domains/index.ts';
import {
  playWalkthrough as playWalkthroughOf,
  startWalkthrough as startWalkthroughOf,
  type WalkthroughOptions,
  type WalkthroughPlayer,
} from '../../../src/tools/walkthroughs/play.ts';
import { tally } from '../../fixtures/tallyDomain.ts';
import { answerOf, bookedOn, freeOn } from '../shared/answers.ts';

const walkthroughs = scheduling.walkthroughs;
const byId = (id: string) => walkthroughs.find((walkthrough) => walkthrough.id === id)!;
const laggingProjection = byId('lagging-projection');
const playWalkthrough = (walkthrough: Walkthrough) => playWalkthroughOf(scheduling, walkthrough);
const startWalkthrough = (walkthrough: Walkthrough, options?: WalkthroughOptions) =>
  startWalkthroughOf(scheduling, walkthrough, options);
const DAY = 'ana-silva_2026-03-02';

/** Plays steps up to and including the first booking `actor` makes. */
async function playUntilBookingBy(player: WalkthroughPlayer, actor: string) {
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

describe('playWalkthrough', () => {
  it.each(walkthroughs.map((s) => [s.id, s] as const))(
    'plays %s on a scratch sandbox',
    async (_, scenario) => {
      const run = await playWalkthrough(scenario);
      expect(run.failures).toEqual([]);
      expect(run.steps).toHaveLength(scenario.steps.length);
    },
  );

  it('lets exactly one of two racing patients hold the slot', async () => {
    const run = await playWalkthrough(byId('race-for-one-slot'));
    const race = run.steps.find((step) => step.label.startsWith('At once'))!;
    expect(race.outcomes.filter((o) => o.includes('accepted'))).toHaveLength(1);
    expect(race.outcomes.filter((o) => o.includes('rejected with SlotAlreadyBooked'))).toHaveLength(1);
    expect(run.violations).toEqual([]);
  });

  it('shows the overbooking saga compensating both halves of the double slot and emailing Tom', async () => {
    const run = await playWalkthrough(byId('overbooking'));
    expect(run.reactions.map((r) => `${r.saga}: ${r.command} (${r.subject}) ${r.outcome}`)).toEqual([
      `overbooking: CancelSlotBooking (${DAY}, ${DAY}_09:00, tom-baker) accepted (1 event)`,
      `overbooking: CancelSlotBooking (${DAY}, ${DAY}_09:10, tom-baker) accepted (1 event)`,
      `overbooking: NotifyPatient (tom-baker) accepted (1 event)`,
      `overbooking: NotifyPatient (tom-baker) accepted (1 event)`,
    ]);
    expect(answerOf(run.readSide, 'monthlyBookings', 'tom-baker', '2026-03')).toBe(3);
    expect(answerOf(run.readSide, 'mailbox', 'tom-baker')).toHaveLength(2);
  });
});

describe('a walkthrough with delivery latency', () => {
  it('leaves the read models behind the log after a step, until the scenario settles', async () => {
    const player = startWalkthrough(laggingProjection);
    const tom = await playUntilBookingBy(player, 'Tom Baker');
    expect(tom.outcomes).toEqual(['Tom Baker: BookSlot accepted (SlotBooked)']);
    expect(tom.behind.map((s) => s.name)).toEqual(expect.arrayContaining(['doctorDays', 'overbooking']));
    expect(tom.behind.every((s) => s.checkpoint === tom.head - 1)).toBe(true);
    // The stale read Maria acts on: the list still offers 09:00, which the day's stream has already booked.
    expect(freeOn(await player.readSide(), DAY)).toContain('09:00');

    const maria = await player.next();
    expect(maria?.outcomes).toEqual(['Maria Lopez: BookSlot rejected with SlotAlreadyBooked']);
    expect(freeOn(await player.readSide(), DAY)).toContain('09:00');

    const settled = await player.next();
    expect(settled?.label).toBe('Everything catches up');
    expect(settled?.behind).toEqual([]);
    const lag = player.lag();
    expect(lag.held).toBe(0);
    expect(lag.subscribers.every((s) => s.checkpoint === lag.head)).toBe(true);
    const readSide = await player.readSide();
    expect(freeOn(readSide, DAY)).not.toContain('09:00');
    expect(bookedOn(readSide, DAY)).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('catches up on its own once the latency has passed, without a settle step', async () => {
    const clock = manualWait();
    const player = startWalkthrough(laggingProjection, { wait: clock.wait });
    const tom = await playUntilBookingBy(player, 'Tom Baker');
    expect(tom.behind).not.toEqual([]);
    expect(player.lag().held).toBeGreaterThan(0);
    clock.elapse();
    await player.whenQuiet();
    const lag = player.lag();
    expect(lag.held).toBe(0);
    expect(lag.subscribers.map((s) => s.lag)).toEqual(lag.subscribers.map(() => 0));
    expect(bookedOn(await player.readSide(), DAY)).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('never lags without latency: every step ends with the read side caught up', async () => {
    const run = await playWalkthrough(byId('normal-day'));
    expect(run.steps.flatMap((step) => step.behind)).toEqual([]);
  });

  it('ends the same with or without latency once everything has settled', async () => {
    const lagging = await playWalkthrough(laggingProjection);
    const immediate = await playWalkthrough({ ...laggingProjection, latencyMs: 0 });
    expect(lagging.readSide).toEqual(immediate.readSide);
    expect(lagging.steps.map((s) => s.outcomes)).toEqual(immediate.steps.map((s) => s.outcomes));
  });
});

describe('a walkthrough of another domain', () => {
  const [twoCounts] = tally.walkthroughs;

  it('plays its steps and captions on that domain, and reads its queries', async () => {
    const run = await playWalkthroughOf(tally, twoCounts);
    expect(run.steps.map((step) => [step.label, step.note])).toEqual([
      ['Count', 'Ann counts 2'],
      ['Count', undefined],
      ['Everything catches up', 'The total reads 5'],
    ]);
    expect(run.steps[0].outcomes).toEqual(['Ann: Count accepted (Counted)']);
    expect(run.readSide.answers).toEqual([{ query: 'total', args: ['a'], answer: 5 }]);
    expect(run.reactions.map((r) => r.command)).toEqual(['Ring', 'Ring']);
  });

  it('runs under the walkthrough’s settings', async () => {
    const run = await playWalkthroughOf(tally, { ...twoCounts, settings: { ringEvery: 2 } });
    expect(run.reactions.map((r) => r.command)).toEqual(['Ring']);
  });
});
