import { describe, expect, it } from 'vitest';
import { laggingProjection, raceForOneSlot } from '../../../../src/domains/scheduling/walkthroughs/index.ts';
import { TeachingPlayerState } from '../../../../src/ui/tools/walkthroughs/teachingPlayer.svelte.ts';

const DAY = 'ana-silva_2026-03-02';

/** A wait the test releases by hand: no real time passes. */
function manualWait() {
  const pending: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => pending.push(resolve)),
    elapse: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

async function stepUntil(player: TeachingPlayerState, label: string, actor: string) {
  while (!player.played.some((step) => step.label === label && step.outcomes[0]?.startsWith(actor)))
    await player.next();
}

describe('the teaching player', () => {
  it('plays one step per click and shows how the scenario ended after the last', async () => {
    const player = new TeachingPlayerState({ wait: manualWait().wait });
    expect(player.open('no-such-scenario')).toBe(false);
    expect(player.open(raceForOneSlot.id)).toBe(true);
    await player.next();
    expect(player.played.map((s) => s.label)).toEqual(['RegisterDoctor']);
    for (let i = 1; i < raceForOneSlot.steps.length; i++) await player.next();
    expect(player.isFinished).toBe(true);
    expect(player.outcome).toBeNull();
    await player.next();
    expect(player.outcome?.violations).toEqual([]);
    expect(player.outcome?.readSide.days[DAY].booked).toHaveLength(1);
    player.close();
  });

  it('shows the read side lagging behind the log while the latency lasts, then catching up', async () => {
    const clock = manualWait();
    const player = new TeachingPlayerState({ wait: clock.wait });
    player.open(laggingProjection.id);
    await stepUntil(player, 'BookSlot', 'Tom Baker');
    const lagging = player.lag!;
    expect(lagging.held).toBeGreaterThan(0);
    expect(lagging.subscribers.filter((s) => s.lag > 0).map((s) => s.name)).toContain('doctorDays');
    expect(player.readSide?.days[DAY].free).toContain('09:00');

    clock.elapse();
    await player.whenQuiet();
    expect(player.lag?.held).toBe(0);
    expect(player.lag?.subscribers.filter((s) => s.lag > 0)).toEqual([]);
    expect(player.readSide?.days[DAY].free).not.toContain('09:00');
    expect(player.readSide?.days[DAY].booked).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('starts again from the first step', async () => {
    const player = new TeachingPlayerState({ wait: manualWait().wait });
    player.open(raceForOneSlot.id);
    await player.toEnd();
    expect(player.outcome).not.toBeNull();
    player.restart();
    expect(player.played).toEqual([]);
    expect(player.outcome).toBeNull();
    expect(player.scenario?.id).toBe(raceForOneSlot.id);
    player.close();
    expect(player.scenario).toBeNull();
  });
});
