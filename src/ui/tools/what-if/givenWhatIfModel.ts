import type { GivenItem, ScenarioSpec } from '../../../tools/scenarios/model/scenarioFile.ts';

/** One step of a what-if branch: which Given step of the original it copies, whether it is skipped, its data. */
export interface BranchStep {
  from: number;
  isSkipped: boolean;
  item: GivenItem;
}

/** Pure: a branch forked after Given step `position` (1-based): a copy of steps 1…position. */
export const forkAt = (given: readonly GivenItem[], position: number): BranchStep[] =>
  given.slice(0, position).map((item, from) => ({ from, isSkipped: false, item: structuredClone(item) }));

/** Pure: the steps with the one at `index` moved by `offset` (−1 earlier, +1 later); unchanged at the ends. */
export function moveStep(steps: readonly BranchStep[], index: number, offset: -1 | 1): BranchStep[] {
  const target = index + offset;
  if (target < 0 || target >= steps.length) return [...steps];
  const moved = [...steps];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** Pure: the scenario as the branch tells it: the same When and Then over the branch's Given. */
export const branchScenario = (scenario: ScenarioSpec, steps: readonly BranchStep[]): ScenarioSpec => ({
  ...scenario,
  id: `${scenario.id}-what-if`,
  title: `${scenario.title} (what if)`,
  given: steps.filter((step) => !step.isSkipped).map((step) => step.item),
});

/** Pure: a line per step saying how the branch differs from the original, for the side-by-side view. */
export function branchChanges(steps: readonly BranchStep[], original: readonly GivenItem[]): string[] {
  const changes: string[] = [];
  steps.forEach((step, index) => {
    const name = step.item.kind === 'event' ? step.item.event.type : step.item.command.type;
    if (step.isSkipped) changes.push(`Step ${step.from + 1} (${name}) is skipped`);
    else if (step.from !== index) changes.push(`Step ${step.from + 1} (${name}) now comes at ${index + 1}`);
    if (JSON.stringify(step.item) !== JSON.stringify(original[step.from]))
      changes.push(`Step ${step.from + 1} (${name}) is changed`);
  });
  const dropped = original.length - steps.length;
  if (dropped > 0) changes.push(`The ${dropped} step${dropped === 1 ? '' : 's'} after the fork are left out`);
  return changes;
}
