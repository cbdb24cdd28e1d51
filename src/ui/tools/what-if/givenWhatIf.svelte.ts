import { runScenario, runScenarioOnSandbox, type ScenarioRun } from '../../../tools/scenarios/run.ts';
import type { GivenItem } from '../../../tools/scenarios/model/scenarioFile.ts';
import type { ScenarioLabState } from '../scenarios/scenarioLab.svelte.ts';
import { branchChanges, branchScenario, forkAt, moveStep, type BranchStep } from './givenWhatIfModel.ts';

/** A what-if branch of the scenario being built: fork its Given, skip, reorder or change steps, run both. */
export class WhatIfState {
  position = $state(0);
  steps = $state<BranchStep[] | null>(null);
  original = $state.raw<ScenarioRun | null>(null);
  branch = $state.raw<ScenarioRun | null>(null);
  changes = $state.raw<string[]>([]);
  problem = $state<string | null>(null);
  readonly #lab: ScenarioLabState;

  constructor(lab: ScenarioLabState) {
    this.#lab = lab;
  }

  fork(): void {
    this.steps = forkAt(
      $state.snapshot(this.#lab.given) as GivenItem[],
      this.position || this.#lab.given.length,
    );
    this.original = this.branch = null;
    this.problem = null;
  }

  close(): void {
    this.steps = null;
    this.original = this.branch = null;
  }

  move(index: number, offset: -1 | 1): void {
    if (this.steps) this.steps = moveStep(this.steps, index, offset);
  }

  /** Replaces a step's data; a text that is not JSON leaves the step as it was and says so. */
  change(index: number, dataText: string): void {
    const step = this.steps?.[index];
    if (!step) return;
    try {
      const data = JSON.parse(dataText) as Record<string, unknown>;
      step.item =
        step.item.kind === 'event'
          ? { kind: 'event', event: { ...step.item.event, data } }
          : { kind: 'command', command: { ...step.item.command, data } };
      this.problem = null;
    } catch {
      this.problem = `Step ${step.from + 1}'s data is not valid JSON; it is unchanged.`;
    }
  }

  /**
   * Runs the original scenario and the branch with the same When and Then, for side-by-side reading: the
   * engine's results at once, then both played on scratch sandboxes (sagas included) unless run again meanwhile.
   */
  async runBoth(): Promise<void> {
    const built = this.#lab.build();
    if (built.kind === 'invalid' || !this.steps) {
      this.problem = built.kind === 'invalid' ? built.message : 'Fork the Given first.';
      return;
    }
    const steps = $state.snapshot(this.steps) as BranchStep[];
    const branch = branchScenario(built.scenario, steps);
    const engineRuns = [runScenario(built.scenario), runScenario(branch)] as const;
    [this.original, this.branch] = engineRuns;
    this.changes = branchChanges(steps, built.scenario.given);
    this.problem = null;
    const scratchRuns = await Promise.all([
      runScenarioOnSandbox(built.scenario),
      runScenarioOnSandbox(branch),
    ]);
    if (this.original === engineRuns[0] && this.branch === engineRuns[1])
      [this.original, this.branch] = scratchRuns;
  }
}
