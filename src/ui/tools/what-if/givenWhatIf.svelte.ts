import type { GivenItem, ScenarioSpec } from '../../../core/domain/scenario.ts';
import { runScenario, runScenarioOnSandbox, type ScenarioRun } from '../../../tools/scenarios/run.ts';
import { editsOf, type BranchStep } from '../../../tools/what-if/edits.ts';
import {
  branchScenario,
  givenBranch,
  givenChanges,
  messageOfStep,
  type GivenEdit,
} from '../../../tools/what-if/givenBranch.ts';
import type { ScenarioLabState } from '../scenarios/scenarioLab.svelte.ts';

/** One listed step of the branch: where it comes from, whether it is skipped, and what it is now. */
export interface ListedStep {
  /** Its number in the Given (1-based). */
  from: number;
  isSkipped: boolean;
  item: GivenItem;
}

/**
 * A what-if branch of the scenario being built, with the live log's edit model: fork its Given after a step,
 * skip, move or change steps, and run both with the same When and Then.
 */
export class WhatIfState {
  /** Fork after this Given step; 0 = the last. */
  position = $state(0);
  /** Whether a branch is open (forked). */
  isOpen = $state(false);
  skipped = $state<number[]>([]);
  /** New data of changed steps, by step number. */
  changed = $state<Record<number, Record<string, unknown>>>({});
  moves = $state<{ position: number; before: number | null }[]>([]);
  original = $state.raw<ScenarioRun | null>(null);
  branch = $state.raw<ScenarioRun | null>(null);
  changes = $state.raw<string[]>([]);
  problem = $state<string | null>(null);
  readonly #lab: ScenarioLabState;

  constructor(lab: ScenarioLabState) {
    this.#lab = lab;
  }

  /** The branch's edits, in the shared model's order. */
  edits(): GivenEdit[] {
    return $state.snapshot(
      editsOf<GivenItem>({
        skipped: this.skipped,
        changed: Object.entries(this.changed).map(([step, data]) => [Number(step), data] as const),
        moves: this.moves,
        inserts: [],
      }),
    ) as GivenEdit[];
  }

  /** The steps up to the fork in the branch's order (moves and changes made), each marked when skipped. */
  get steps(): ListedStep[] | null {
    if (!this.isOpen) return null;
    const given = $state.snapshot(this.#lab.given) as GivenItem[];
    const unskipped = this.edits().filter((edit) => edit.kind !== 'skip');
    const branch = givenBranch(given, this.position, unskipped);
    if (branch.kind === 'invalid') return null;
    return branch.steps.map((step) => {
      const { from } = step as Extract<BranchStep<GivenItem, GivenItem>, { kind: 'original' }>;
      return { from, isSkipped: this.skipped.includes(from), item: step.item };
    });
  }

  fork(): void {
    this.isOpen = true;
    this.skipped = [];
    this.changed = {};
    this.moves = [];
    this.original = this.branch = null;
    this.problem = null;
  }

  close(): void {
    this.isOpen = false;
    this.original = this.branch = null;
  }

  toggleSkip(step: number): void {
    this.skipped = this.skipped.includes(step)
      ? this.skipped.filter((each) => each !== step)
      : [...this.skipped, step].sort((a, b) => a - b);
  }

  /** Moves a step one place earlier (−1) or later (+1) among the steps not skipped; nothing at either end. */
  move(step: number, offset: -1 | 1): void {
    const kept = (this.steps ?? []).filter((each) => !each.isSkipped || each.from === step);
    const index = kept.findIndex((each) => each.from === step);
    if (index < 0) return;
    if (offset === -1 && index > 0)
      this.moves = [...this.moves, { position: step, before: kept[index - 1].from }];
    if (offset === 1 && index < kept.length - 1)
      this.moves = [...this.moves, { position: step, before: kept[index + 2]?.from ?? null }];
  }

  /** Replaces a step's data; a text that is not JSON leaves the step as it was and says so. */
  change(step: number, dataText: string): void {
    try {
      const data = JSON.parse(dataText) as Record<string, unknown>;
      this.changed = { ...this.changed, [step]: data };
      this.problem = null;
    } catch {
      this.problem = `Step ${step}'s data is not valid JSON; it is unchanged.`;
    }
  }

  /** The data a step has in the branch (changed, or as in the Given). */
  dataOf(step: ListedStep): Record<string, unknown> {
    return messageOfStep(step.item).data;
  }

  /**
   * Runs the original scenario and the branch with the same When and Then, for side-by-side reading: the
   * engine's results at once, then both played on scratch sandboxes (sagas included) unless run again meanwhile.
   */
  async runBoth(): Promise<void> {
    const built = this.#lab.build();
    if (built.kind === 'invalid' || !this.isOpen) {
      this.problem = built.kind === 'invalid' ? built.message : 'Fork the Given first.';
      return;
    }
    const edits = this.edits();
    const branched = branchScenario(built.scenario, this.position, edits);
    if (branched.kind === 'invalid') {
      this.problem = branched.message;
      return;
    }
    const domain = this.#lab.domain;
    const branch: ScenarioSpec = branched.scenario;
    const engineRuns = [runScenario(domain, built.scenario), runScenario(domain, branch)] as const;
    [this.original, this.branch] = engineRuns;
    this.changes = givenChanges(built.scenario.given, this.position, edits);
    this.problem = null;
    const scratchRuns = await Promise.all([
      runScenarioOnSandbox(domain, built.scenario),
      runScenarioOnSandbox(domain, branch),
    ]);
    if (this.original === engineRuns[0] && this.branch === engineRuns[1])
      [this.original, this.branch] = scratchRuns;
  }
}
