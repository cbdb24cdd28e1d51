import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../../src/domains/index.ts';
import { WalkthroughPlayerState } from '../../../../src/ui/tools/walkthroughs/walkthroughPlayer.svelte.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';
import { bookedOn, freeOn } from '../../../tools/shared/answers.ts';

const byId = (id: string) => scheduling.walkthroughs.find((walkthrough) => walkthrough.id === id)!;
const raceForOneSlot = byId('race-for-one-slot');
const laggingProjection = byId('lagging-projection');

const DAY = 'ana-silva_2026-03-02';

/** A wait the test releases by hand: no real time passes. */
function manualWait() {
  const pending: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => pending.push(resolve)),
    elapse: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

async function stepUntil(player: WalkthroughPlayerState, label: string, actor: string) {
  while (!player.played.some((step) => step.label === label && step.outcomes[0]?.startsWith(actor)))
    await player.next();
}

describe('the walkthrough player', () => {
  it('plays one step per click and shows how the walkthrough ended after the last', async () => {
    const player = new WalkthroughPlayerState({ wait: manualWait().wait });
    expect(player.open('no-such-walkthrough')).toBe(false);
    expect(player.open(raceForOneSlot.id)).toBe(true);
    await player.next();
    expect(player.played.map((s) => s.label)).toEqual(['RegisterDoctor']);
    for (let i = 1; i < raceForOneSlot.steps.length; i++) await player.next();
    expect(player.isFinished).toBe(true);
    expect(player.outcome).toBeNull();
    await player.next();
    expect(player.outcome?.violations).toEqual([]);
    expect(bookedOn(player.outcome!.readSide, DAY)).toHaveLength(1);
    player.close();
  });

  it('shows the read side lagging behind the log while the latency lasts, then catching up', async () => {
    const clock = manualWait();
    const player = new WalkthroughPlayerState({ wait: clock.wait });
    player.open(laggingProjection.id);
    await stepUntil(player, 'BookSlot', 'Tom Baker');
    const lagging = player.lag!;
    expect(lagging.held).toBeGreaterThan(0);
    expect(lagging.subscribers.filter((s) => s.lag > 0).map((s) => s.name)).toContain('doctorDays');
    expect(freeOn(player.readSide!, DAY)).toContain('09:00');

    clock.elapse();
    await player.whenQuiet();
    expect(player.lag?.held).toBe(0);
    expect(player.lag?.subscribers.filter((s) => s.lag > 0)).toEqual([]);
    expect(freeOn(player.readSide!, DAY)).not.toContain('09:00');
    expect(bookedOn(player.readSide!, DAY)).toEqual(['09:00 tom-baker']);
    player.close();
  });

  it('starts again from the first step', async () => {
    const player = new WalkthroughPlayerState({ wait: manualWait().wait });
    player.open(raceForOneSlot.id);
    await player.toEnd();
    expect(player.outcome).not.toBeNull();
    player.restart();
    expect(player.played).toEqual([]);
    expect(player.outcome).toBeNull();
    expect(player.walkthrough?.id).toBe(raceForOneSlot.id);
    player.close();
    expect(player.walkthrough).toBeNull();
  });

  it('plays another domain’s walkthroughs, with their captions', async () => {
    const player = new WalkthroughPlayerState({ domain: tally, wait: manualWait().wait });
    expect(player.walkthroughs).toEqual(tally.walkthroughs);
    expect(player.open('two-counts')).toBe(true);
    await player.next();
    expect(player.played.map((step) => [step.label, step.note])).toEqual([['Count', 'Ann counts 2']]);
    await player.toEnd();
    expect(player.outcome?.readSide.answers).toEqual([{ query: 'total', args: ['a'], answer: 5 }]);
    player.useDomain(scheduling);
    expect(player.walkthrough).toBeNull();
    expect(player.walkthroughs).toEqual(scheduling.walkthroughs);
    player.close();
  });
});
