import { beforeAll, describe, expect, it } from 'vitest';
import { runRaceLab } from '../../../../src/tools/race-lab/worker.ts';
import { raceLinkUrl } from '../../../../src/ui/tools/race-lab/raceLink.ts';
import { RaceLabState } from '../../../../src/ui/tools/race-lab/raceLab.svelte.ts';
import { NO_BUGS } from '../../../../src/tools/race-lab/model/race.ts';
import type { Counterexample } from '../../../../src/tools/race-lab/model/lab.ts';

let counterexample: Counterexample;
beforeAll(async () => {
  const result = await runRaceLab(
    {
      property: 'slotExclusivity',
      numRuns: 200,
      seed: 1,
      monthlyLimit: 2,
      bugs: { ...NO_BUGS, skipVersionCheck: true },
    },
    () => {},
  );
  if (!result.counterexample) throw new Error('expected a counterexample');
  counterexample = result.counterexample;
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe('opening a counterexample on the timeline', () => {
  it('shows its log on a timeline of its own that follows the replay step by step', async () => {
    const lab = new RaceLabState();
    lab.openLink(new URL(raceLinkUrl(counterexample, 'http://localhost/')).hash);
    await until(() => lab.steps.length > 0);
    expect(await lab.openOnTimeline()).toBeNull();
    const shown = lab.onTimeline;
    if (!shown) throw new Error('no timeline');
    const log = lab.steps.at(-1)?.events ?? [];
    expect(shown.app.head).toBe(log.at(-1)?.position);
    // Two bookings of one slot are on the timeline's log: the double booking the lab found.
    const booked = shown.app.events.filter((e) => e.type === 'SlotBooked');
    expect(booked.length).toBeGreaterThanOrEqual(2);
    // The race's commands are drawn too: each booking has its command mark, linked to its event.
    for (const event of booked.filter((e) => e.position > log[0].position - 1)) {
      const mark = shown.app.timelineIndex.commandById.get(event.metadata.commandId);
      expect(mark?.eventIds, event.id).toContain(event.id);
    }

    // Sagas do not run on this timeline: they are shown caught up with the log they reacted in, not lagging.
    expect(shown.app.sagas.map((s) => [s.name, s.checkpoint, s.lag])).toEqual(
      shown.app.sagas.map((s) => [s.name, shown.app.head, 0]),
    );
    expect(shown.app.sagas.length).toBe(2);

    lab.goToStep(0);
    // Step 0 may append nothing yet: the timeline then stands at the end of the race's setup.
    const setupHead = log[0].position - 1;
    expect(shown.timeline.position).toBe(lab.steps[0].events.at(-1)?.position ?? setupHead);
    lab.goToStep(lab.steps.length - 1);
    expect(shown.timeline.position).toBe(log.at(-1)?.position);
  });
});
