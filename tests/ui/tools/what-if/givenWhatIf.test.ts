import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../../../src/core/domain/scenario.ts';
import { scheduling } from '../../../../src/domains/index.ts';
import { runScenario as runScenarioOf } from '../../../../src/tools/scenarios/run.ts';
import { applyEdits, type WhatIfEdit } from '../../../../src/tools/what-if/edits.ts';
import {
  branchScenario as branchOf,
  givenBranch,
  givenChanges,
  type GivenEdit,
} from '../../../../src/tools/what-if/givenBranch.ts';
import { tally } from '../../../fixtures/tallyDomain.ts';

const slotAlreadyBooked = scheduling.scenarios.find((s) => s.id === 'slot-already-booked') as ScenarioSpec;
const runScenario = (scenario: ScenarioSpec) => runScenarioOf(scheduling, scenario);
const branchScenario = (scenario: ScenarioSpec, position: number, edits: GivenEdit[]) => {
  const branched = branchOf(scenario, position, edits);
  if (branched.kind !== 'ok') throw new Error(branched.message);
  return branched.scenario;
};

describe('a what-if branch of a scenario', () => {
  it('copies the Given up to the fork, and leaves the original alone', () => {
    const branch = givenBranch(slotAlreadyBooked.given, 3, []);
    expect(branch.kind === 'ok' && branch.steps.map((s) => s.kind === 'original' && s.from)).toEqual([
      1, 2, 3,
    ]);
    expect(branchScenario(slotAlreadyBooked, 3, [{ kind: 'skip', position: 1 }]).given).toEqual(
      slotAlreadyBooked.given.slice(1, 3),
    );
    expect(slotAlreadyBooked.given).toHaveLength(5);
  });

  it('uses the live log’s edit model: a move to a place that is not there is refused, naming the edit', () => {
    expect(givenBranch(slotAlreadyBooked.given, 2, [{ kind: 'move', position: 2, before: 5 }])).toEqual({
      kind: 'invalid',
      message: 'Edit 1 (move): step 5 is not in the branch (any more)',
    });
    expect(givenBranch(slotAlreadyBooked.given, 2, [{ kind: 'move', position: 1, before: 1 }])).toEqual({
      kind: 'invalid',
      message: 'Edit 1 (move): step 1 cannot move before itself',
    });
  });

  describe('when Tom’s booking is skipped', () => {
    const edits: GivenEdit[] = [{ kind: 'skip', position: 5 }];

    it('lets Maria book, so the expectation of SlotAlreadyBooked fails in the branch only', () => {
      expect(runScenario(slotAlreadyBooked).pass).toBe(true);
      const branch = runScenario(branchScenario(slotAlreadyBooked, 5, edits));
      expect(branch.pass).toBe(false);
      expect(branch.actual).toEqual({ events: ['SlotBooked'] });
    });

    it('says which step is skipped', () => {
      expect(givenChanges(slotAlreadyBooked.given, 5, edits)).toEqual(['Skip step 5 (BookSlot)']);
    });
  });

  describe('when the day is scheduled before the doctor registers', () => {
    it('fails before the When, naming the step the domain refuses', () => {
      const edits: GivenEdit[] = [{ kind: 'move', position: 4, before: 1 }];
      const branch = givenBranch(slotAlreadyBooked.given, 5, edits);
      expect(branch.kind === 'ok' && branch.steps.map((s) => s.kind === 'original' && s.from)).toEqual([
        4, 1, 2, 3, 5,
      ]);
      expect(runScenario(branchScenario(slotAlreadyBooked, 5, edits)).verdict).toMatch(
        /^Failed before the When: Given step 1 was rejected \(DoctorNotRegistered\)/,
      );
      expect(givenChanges(slotAlreadyBooked.given, 5, edits)).toEqual([
        'Move step 4 (ScheduleDay) before step 1 (RegisterDoctor)',
      ]);
    });
  });

  it('inserts a Given step, and changes one’s data, as the live log’s what-if does', () => {
    const [, addsUp] = tally.scenarios;
    const edits: GivenEdit[] = [
      {
        kind: 'insert',
        before: 1,
        item: { kind: 'event', event: { type: 'Counted', data: { counterId: 'a', by: 10 } } },
      },
      { kind: 'change', position: 1, data: { counterId: 'a', by: 5 } },
    ];
    const branch = branchScenario(addsUp, 0, edits);
    expect(runScenarioOf(tally, branch).actual).toEqual({ events: ['Counted'] });
    expect(branch.given).toEqual([
      { kind: 'event', event: { type: 'Counted', data: { counterId: 'a', by: 10 } } },
      { kind: 'command', command: { type: 'Count', data: { counterId: 'a', by: 5 } } },
    ]);
    expect(givenChanges(addsUp.given, 0, edits)).toEqual([
      'Insert event Counted before step 1 (Count)',
      'Change the data of step 1 (Count): by → 5',
    ]);
  });

  it('is the same model as the live log’s: the same edits give the same order', () => {
    const items = ['a', 'b', 'c', 'd'].map((item, i) => ({ position: i + 1, item }));
    const edits: WhatIfEdit<string>[] = [
      { kind: 'move', position: 4, before: 2 },
      { kind: 'insert', before: null, item: 'e' },
      { kind: 'skip', position: 3 },
    ];
    const branch = applyEdits(items, edits, (item) => item, 'step');
    expect(branch.kind === 'ok' && branch.steps.map((s) => s.item)).toEqual(['a', 'd', 'b', 'e']);
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
    whatIf.toggleSkip(5);
    expect(whatIf.steps?.map((step) => step.isSkipped)).toEqual([false, false, false, false, true]);
    const running = whatIf.runBoth();
    expect(whatIf.original?.pass).toBe(true);
    expect(whatIf.branch?.pass).toBe(false);
    expect(whatIf.changes).toEqual(['Skip step 5 (BookSlot)']);
    await running;
    expect([whatIf.original?.pass, whatIf.branch?.pass]).toEqual([true, false]);
    expect(whatIf.original?.scratch?.violations).toEqual([]);
    expect(whatIf.branch?.scratch?.reactions).toEqual([]);
  });

  it('moves a step among the steps kept, never past either end', async () => {
    const { ScenarioLabState } = await import('../../../../src/ui/tools/scenarios/scenarioLab.svelte.ts');
    const { WhatIfState } = await import('../../../../src/ui/tools/what-if/givenWhatIf.svelte.ts');
    const lab = new ScenarioLabState();
    lab.load(slotAlreadyBooked);
    const whatIf = new WhatIfState(lab);
    whatIf.fork();
    whatIf.move(1, -1);
    whatIf.move(5, 1);
    expect(whatIf.moves).toEqual([]);
    whatIf.move(4, -1);
    whatIf.move(4, -1);
    expect(whatIf.steps?.map((step) => step.from)).toEqual([1, 4, 2, 3, 5]);
    whatIf.toggleSkip(2);
    whatIf.move(4, 1);
    expect(whatIf.steps?.map((step) => step.from)).toEqual([1, 2, 3, 4, 5]);
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
    whatIf.change(5, '{"dayId": ');
    expect(whatIf.problem).toBe("Step 5's data is not valid JSON; it is unchanged.");
    whatIf.change(5, JSON.stringify({ ...data, slotId: 'ana-silva_2026-03-02_09:10' }));
    await whatIf.runBoth();
    expect(whatIf.branch?.actual).toEqual({ events: ['SlotBooked'] });
    expect(whatIf.changes).toEqual([
      'Change the data of step 5 (BookSlot): slotId → ana-silva_2026-03-02_09:10',
    ]);
  });
});
