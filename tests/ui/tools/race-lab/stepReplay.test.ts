import { beforeAll, describe, expect, it } from 'vitest';
import { runRaceLab } from '../../../../src/tools/race-lab/worker.ts';
import { replayRace } from '../../../../src/tools/race-lab/runRace.ts';
import type { Counterexample } from '../../../../src/tools/race-lab/model/lab.ts';
import { NO_BUGS } from '../../../../src/tools/race-lab/model/race.ts';
import { ownerLabel, replaySteps } from '../../../../src/ui/tools/race-lab/stepReplayModel.ts';
import type { RaceLabProgress } from '../../../../src/tools/race-lab/client.ts';

const request = {
  property: 'slotExclusivity',
  numRuns: 200,
  seed: 1,
  monthlyLimit: 2,
  bugs: { ...NO_BUGS, skipVersionCheck: true },
};

let counterexample: Counterexample;
const progress: RaceLabProgress[] = [];
beforeAll(async () => {
  const result = await runRaceLab(request, (p) => progress.push(p));
  if (!result.counterexample) throw new Error('expected a counterexample');
  counterexample = result.counterexample;
});

describe('the race lab on one thread', () => {
  it('finds a double booking when the version check is skipped, and reports progress', () => {
    expect(counterexample.property).toBe('slotExclusivity');
    expect(counterexample.violations.map((v) => v.invariant)).toContain('slotExclusivity');
    expect(progress.at(-1)).toMatchObject({ hasFailed: true, runs: counterexample.runsToFailure });
  });
});

describe('replaying a counterexample step by step', () => {
  it('starts with every invariant holding and ends with the one the counterexample broke', async () => {
    const { outcome } = await replayRace(counterexample);
    const steps = replaySteps(outcome, counterexample.race.monthlyLimit);
    expect(steps).toHaveLength(counterexample.trace.length);
    expect(steps[0].invariants.every((i) => i.isHolding)).toBe(true);
    const last = steps.at(-1)!;
    expect(last.events).toEqual(outcome.log.slice(outcome.setupHead));
    expect(last.invariants.find((i) => i.name === 'slotExclusivity')?.isHolding).toBe(false);
  });

  it('adds each event at the step that appended it', async () => {
    const { outcome } = await replayRace(counterexample);
    const steps = replaySteps(outcome, counterexample.race.monthlyLimit);
    const appended = steps.flatMap((s) => s.newEvents.map((e) => e.position));
    expect(appended).toEqual(outcome.log.slice(outcome.setupHead).map((e) => e.position));
    const appendSteps = steps.filter((s) => s.newEvents.length > 0).map((s) => s.entry.kind);
    expect(new Set(appendSteps)).toEqual(new Set(['append']));
  });
});

describe('a trace owner', () => {
  it('reads as the actor and the operation number', () => {
    expect(ownerLabel('op-1', ['tom', 'tom#2'])).toBe('tom#2 · op 2');
    expect(ownerLabel('clock/op-0', ['clock'])).toBe('clock · op 1');
    expect(ownerLabel('saga:overbooking', ['tom'])).toBe('saga:overbooking');
  });
});
