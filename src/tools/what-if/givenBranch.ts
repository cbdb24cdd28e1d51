/**
 * The what-if of a scenario's Given, with the same edit model as the live log's: the branch copies Given steps
 * 1…position, edited (skip, move, change, insert), and keeps the scenario's When and Then.
 */
import type { GivenItem, ScenarioSpec } from '../../core/domain/scenario.ts';
import { applyEdits, describeEdit, type BranchStep, type WhatIfEdit } from './edits.ts';

/** A change of a Given's branch: steps named by their number (1-based); inserts are Given steps. */
export type GivenEdit = WhatIfEdit<GivenItem>;

/** Pure: the message a Given step carries: its event, or its command. */
export const messageOfStep = (item: GivenItem) => (item.kind === 'event' ? item.event : item.command);

/** Pure: a Given step with new data, of the same kind and type. */
const withData = (item: GivenItem, data: Record<string, unknown>): GivenItem =>
  item.kind === 'event'
    ? { kind: 'event', event: { type: item.event.type, data } }
    : { kind: 'command', command: { type: item.command.type, data } };

/** Pure: Given steps 1…`position` (all of them when 0) edited, or the first edit that names nothing there. */
export function givenBranch(
  given: readonly GivenItem[],
  position: number,
  edits: readonly GivenEdit[],
): { kind: 'ok'; steps: BranchStep<GivenItem, GivenItem>[] } | { kind: 'invalid'; message: string } {
  const upTo = position > 0 ? Math.min(position, given.length) : given.length;
  const originals = given.slice(0, upTo).map((item, index) => ({ position: index + 1, item }));
  return applyEdits(originals, edits, withData, 'step');
}

/** Pure: the scenario as the branch tells it: the same When and Then over the branch's Given. */
export function branchScenario(
  scenario: ScenarioSpec,
  position: number,
  edits: readonly GivenEdit[],
): { kind: 'ok'; scenario: ScenarioSpec } | { kind: 'invalid'; message: string } {
  const branch = givenBranch(scenario.given, position, edits);
  if (branch.kind === 'invalid') return branch;
  return {
    kind: 'ok',
    scenario: {
      ...scenario,
      id: `${scenario.id}-what-if`,
      title: `${scenario.title} (what if)`,
      given: branch.steps.map((step) => structuredClone(step.item)),
    },
  };
}

/** Pure: a line per edit saying how the branch differs from the Given, for the side-by-side view. */
export function givenChanges(
  given: readonly GivenItem[],
  position: number,
  edits: readonly GivenEdit[],
): string[] {
  const upTo = position > 0 ? Math.min(position, given.length) : given.length;
  const name = (step: number) =>
    given[step - 1] ? `step ${step} (${messageOfStep(given[step - 1]).type})` : `step ${step}`;
  const lines = edits.map((edit) =>
    describeEdit(edit, {
      original: name,
      inserted: (item) => `${item.kind} ${messageOfStep(item).type}`,
      dataOf: (step) => (given[step - 1] ? messageOfStep(given[step - 1]).data : {}),
    }),
  );
  const dropped = given.length - upTo;
  if (dropped > 0) lines.push(`The ${dropped} step${dropped === 1 ? '' : 's'} after the fork are left out`);
  return lines;
}
