import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/tools/scenarios/run.ts';
import { builtInScenarios, type ScenarioSpec } from '../../../../src/tools/scenarios/model/scenarioFile.ts';
import {
  branchChanges,
  branchScenario,
  forkAt,
  moveStep,
} from '../../../../src/ui/tools/what-if/givenWhatIfModel.ts';

const slotAlreadyBooked = builtInScenarios.find((s) => s.id === 'slot-already-booked') as ScenarioSpec;

describe('a what-if branch of a scenario', () => {
  it('copies the Given up to the fork, and leaves the original alone', () => {
    const steps = forkAt(slotAlreadyBooked.given, 3);
    expect(steps.map((s) => s.from)).toEqual([0, 1, 2]);
    steps[0].isSkipped = true;
    expect(branchScenario(slotAlreadyBooked, steps).given).toEqual(slotAlreadyBooked.given.slice(1, 3));
    expect(slotAlreadyBooked.given).toHaveLength(5);
  });

  it('never moves a step past either end', () => {
    const steps = forkAt(slotAlreadyBooked.given, 2);
    expect(moveStep(steps, 0, -1)).toEqual(steps);
    expect(moveStep(steps, 1, 1)).toEqual(steps);
    expect(moveStep(steps, 1, -1).map((s) => s.from)).toEqual([1, 0]);
  });

  describe('when Tom’s booking is skipped', () => {
    const steps = forkAt(slotAlreadyBooked.given, 5);
    steps[4].isSkipped = true;

    it('lets Maria book, so the expectation of SlotAlreadyBooked fails in the branch only', () => {
      expect(runScenario(slotAlreadyBooked).pass).toBe(true);
      const branch = runScenario(branchScenario(slotAlreadyBooked, steps));
      expect(branch.pass).toBe(false);
      expect(branch.actual).toEqual({ events: ['SlotBooked'] });
    });

    it('says which step is skipped', () => {
      expect(branchChanges(steps, slotAlreadyBooked.given)).toEqual(['Step 5 (BookSlot) is skipped']);
    });
  });

  describe('when the day is scheduled before the doctor registers', () => {
    it('fails before the When, naming the step the domain refuses', () => {
      const steps = moveStep(moveStep(moveStep(forkAt(slotAlreadyBooked.given, 5), 3, -1), 2, -1), 1, -1);
      expect(steps.map((s) => s.from)).toEqual([3, 0, 1, 2, 4]);
      const branch = runScenario(branchScenario(slotAlreadyBooked, steps));
      expect(branch.verdict).toMatch(
        /^Failed before the When: Given step 1 was rejected \(DoctorNotRegistered\)/,
      );
      expect(branchChanges(steps, slotAlreadyBooked.given)).toContain('Step 4 (ScheduleDay) now comes at 1');
    });
  });
});

describe('the what-if panel state', () => {
  it('forks, skips Tom’s booking, and runs both side by side', async () => {
    const { ScenarioLabState } = await import('../../../../src/ui/tools/scenarios/scenarioLab.svelte.ts');
    const { WhatIfState } = await import('../../../../src/ui/tools/what-if/givenWhatIf.svelte.ts');
    const lab = new ScenarioLabState();
    lab.load(slotAlreadyBooked);
    const whatIf = new WhatIfState(lab);
    whatIf.fork();
    expect(whatIf.steps).toHaveLength(5);
    (whatIf.steps ?? [])[4].isSkipped = true;
    const running = whatIf.runBoth();
    expect(whatIf.original?.pass).toBe(true);
    expect(whatIf.branch?.pass).toBe(false);
    expect(whatIf.changes).toEqual(['Step 5 (BookSlot) is skipped']);
    await running;
    expect([whatIf.original?.pass, whatIf.branch?.pass]).toEqual([true, false]);
    expect(whatIf.original?.scratch?.violations).toEqual([]);
    expect(whatIf.branch?.scratch?.reactions).toEqual([]);
  });

  it('changes a step’s data, and keeps it when the text is not JSON', async () => {
    const { ScenarioLabState } = await import('../../../../src/ui/tools/scenarios/scenarioLab.svelte.ts');
    const { WhatIfState } = await import('../../../../src/ui/tools/what-if/givenWhatIf.svelte.ts');
    const lab = new ScenarioLabState();
    lab.load(slotAlreadyBooked);
    const whatIf = new WhatIfState(lab);
    whatIf.fork();
    const booking = slotAlreadyBooked.given[4];
    const data = booking.kind === 'command' ? booking.command.data : {};
    whatIf.change(4, '{"dayId": ');
    expect(whatIf.problem).toBe("Step 5's data is not valid JSON; it is unchanged.");
    whatIf.change(4, JSON.stringify({ ...data, slotId: 'ana-silva_2026-03-02_09:10' }));
    await whatIf.runBoth();
    expect(whatIf.branch?.actual).toEqual({ events: ['SlotBooked'] });
    expect(whatIf.changes).toEqual(['Step 5 (BookSlot) is changed']);
  });
});
