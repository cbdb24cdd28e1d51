import { describe, expect, it } from 'vitest';
import { startRaceLab, type RaceLabProgress } from '../../../src/tools/race-lab/client.ts';
import { NO_BUGS } from '../../../src/tools/race-lab/model/race.ts';

const request = {
  property: 'slotExclusivity',
  numRuns: 300,
  seed: 1,
  monthlyLimit: 2,
  bugs: { ...NO_BUGS, skipVersionCheck: true },
};

describe('the race lab worker', () => {
  describe('when the version check is skipped', () => {
    it('finds and shrinks a double booking, streaming progress on the way', async () => {
      const progress: RaceLabProgress[] = [];
      const run = startRaceLab(request, (p) => progress.push(p));
      const ended = await run.result;
      if (ended.kind !== 'done') throw new Error(`the run ended as ${ended.kind}`);
      const { counterexample } = ended.result;
      expect(counterexample?.violations.map((v) => v.invariant)).toContain('slotExclusivity');
      expect(counterexample?.size.operations).toBe(2);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)?.hasFailed).toBe(true);
    });
  });

  describe('when stopped', () => {
    it('terminates the worker and reports that it was stopped', async () => {
      const progress: RaceLabProgress[] = [];
      const run = startRaceLab(
        { ...request, property: 'everyProperty', numRuns: 100_000, bugs: NO_BUGS },
        (p) => progress.push(p),
      );
      await expect.poll(() => progress.at(-1)?.runs ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
      run.stop();
      expect(await run.result).toEqual({ kind: 'stopped' });
      const seen = progress.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(progress.length).toBe(seen);
    });
  });
});
