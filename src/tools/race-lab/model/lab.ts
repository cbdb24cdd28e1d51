import fc from 'fast-check';
import type { TraceEntry } from '../../../core/scheduler/scheduler.ts';
import { raceArbitrary, type RaceConfig } from './generators.ts';
import { minimizeRace } from './minimize.ts';
import { OVERBOOKING } from '../../../domains/scheduling/events.ts';
import type { Overshoot } from '../../../domains/scheduling/invariants.ts';
import {
  evaluateRace,
  largestOvershoot,
  propertyNamed,
  type PropertyViolation,
  type RaceProperty,
} from './properties.ts';
import {
  NO_BUGS,
  describeOperation,
  raceSize,
  type Race,
  type RaceOutcome,
  type RaceRunner,
} from './race.ts';

/** A failing race, shrunk, as a JSON file: replays exactly with `replayCounterexample` (or the app's `replayRace`). */
export interface Counterexample {
  format: 'eventscope.race-counterexample';
  formatVersion: 1;
  property: string;
  title: string;
  race: Race;
  choices: number[];
  /** fast-check's seed and shrink path: `fc.check(…, { seed, path })` goes straight back to this case. */
  seed: number;
  path: string;
  trace: TraceEntry[];
  violations: PropertyViolation[];
  /** The operations as sentences, in order. */
  story: string[];
  size: ReturnType<typeof raceSize>;
  runsToFailure: number;
  /** fast-check's shrink steps, then the second-stage minimiser's accepted steps and races run. */
  shrinkSteps: number;
  minimizeSteps: number;
  minimizeRuns: number;
}

/** One failing candidate met while shrinking: the shrink story the lab can chart. */
export interface ShrinkPoint {
  operations: number;
  nonZeroChoices: number;
  contextSwitches: number;
}

export interface LabRunOptions {
  numRuns?: number;
  seed?: number;
  /** Stop shrinking after this many steps. */
  maxShrinks?: number;
  config?: Partial<RaceConfig>;
  /** Called after each run, e.g. to post progress from a worker. */
  onRun?: (run: number, failed: boolean) => void;
  /** Races the second-stage minimiser may run after fast-check's shrinking (default 600; 0 = off). */
  minimizeRuns?: number;
}

export interface LabResult {
  property: string;
  passed: boolean;
  numRuns: number;
  seed: number;
  counterexample: Counterexample | null;
  shrinkStory: ShrinkPoint[];
  /** Coverage until the first failure: runs with a conflict, a saga compensation, a lost ack, a duplicate delivery. */
  statistics: {
    runs: number;
    conflicts: number;
    sagaCompensations: number;
    lostAcks: number;
    duplicates: number;
    /** The largest transient overshoot of the monthly limit seen in any run (the saga compensates it later). */
    largestOvershoot: Overshoot | null;
  };
  error: string | null;
}

/** A fast-check property over generated races, for vitest and for the app's worker alike. */
export function raceProperty(
  property: RaceProperty,
  runner: RaceRunner,
  config: Partial<RaceConfig> = {},
  onResult?: (race: Race, outcome: RaceOutcome, violations: PropertyViolation[]) => void,
  maxShrinks?: number,
) {
  const races = raceArbitrary({ ...config, bugs: { ...NO_BUGS, ...config.bugs } });
  return fc.asyncProperty(
    maxShrinks === undefined ? races : fc.limitShrink(races, maxShrinks),
    async (race) => {
      const { outcome, violations } = await evaluateRace(property, race, runner);
      onResult?.(race, outcome, violations);
      if (violations.length > 0) throw new RaceFailure(violations);
    },
  );
}

/** Thrown by `raceProperty` so fast-check's report shows the broken guarantee in words. */
export class RaceFailure extends Error {
  constructor(readonly violations: PropertyViolation[]) {
    super(violations.map((v) => `${v.property}/${v.invariant}: ${v.message}`).join('\n'));
    this.name = 'RaceFailure';
  }
}

/** Explores races for one property; on failure returns the shrunk counterexample and the shrink story. */
export async function checkRaceProperty(
  property: RaceProperty | string,
  runner: RaceRunner,
  options: LabRunOptions = {},
): Promise<LabResult> {
  const checked = typeof property === 'string' ? propertyNamed(property) : property;
  const seed = options.seed ?? 1;
  const statistics: LabResult['statistics'] = {
    runs: 0,
    conflicts: 0,
    sagaCompensations: 0,
    lostAcks: 0,
    duplicates: 0,
    largestOvershoot: null,
  };
  const shrinkStory: ShrinkPoint[] = [];
  let hasFailed = false;
  let runsToFailure = 0;
  const onResult = (race: Race, outcome: RaceOutcome, violations: PropertyViolation[]) => {
    if (!hasFailed) {
      statistics.runs += 1;
      statistics.conflicts +=
        outcome.trace.filter((t) => t.kind === 'append').length > outcome.appends.length ? 1 : 0;
      statistics.sagaCompensations += outcome.log.some(
        (e) => (e.data as { reason?: string }).reason === OVERBOOKING,
      )
        ? 1
        : 0;
      statistics.lostAcks += race.faults.lostAcks.length > 0 ? 1 : 0;
      statistics.duplicates += race.faults.duplicateDelivery.length > 0 ? 1 : 0;
      const overshoot = largestOvershoot(outcome, race);
      if (overshoot && overshoot.overshoot > (statistics.largestOvershoot?.overshoot ?? 0)) {
        statistics.largestOvershoot = overshoot;
      }
      options.onRun?.(statistics.runs, violations.length > 0);
    }
    if (violations.length === 0) return;
    if (!hasFailed) runsToFailure = statistics.runs;
    hasFailed = true;
    const size = raceSize(race, outcome);
    shrinkStory.push({
      operations: size.operations,
      nonZeroChoices: size.nonZeroChoices,
      contextSwitches: outcome.contextSwitches,
    });
  };
  const details = await fc.check(
    raceProperty(checked, runner, options.config, onResult, options.maxShrinks),
    {
      seed,
      numRuns: options.numRuns ?? 100,
    },
  );
  const base = { property: checked.name, seed, shrinkStory, statistics };
  if (!details.failed)
    return { ...base, passed: true, numRuns: details.numRuns, counterexample: null, error: null };
  const race = details.counterexample?.[0];
  if (!race)
    return {
      ...base,
      passed: false,
      numRuns: details.numRuns,
      counterexample: null,
      error: String(details.errorInstance),
    };
  const minimized =
    options.minimizeRuns === 0
      ? { race, steps: 0, runs: 0 }
      : await minimizeRace(checked, race, runner, { maxRuns: options.minimizeRuns });
  const counterexample = await buildCounterexample(checked, minimized.race, runner, {
    seed,
    path: details.counterexamplePath ?? '',
    runsToFailure,
    shrinkSteps: details.numShrinks,
    minimizeSteps: minimized.steps,
    minimizeRuns: minimized.runs,
  });
  return { ...base, passed: false, numRuns: details.numRuns, counterexample, error: null };
}

/** Runs the race again and packs everything needed to replay and explain it. */
export async function buildCounterexample(
  property: RaceProperty,
  race: Race,
  runner: RaceRunner,
  found: {
    seed: number;
    path: string;
    runsToFailure: number;
    shrinkSteps: number;
    minimizeSteps?: number;
    minimizeRuns?: number;
  },
): Promise<Counterexample> {
  const plain = JSON.parse(JSON.stringify(race)) as Race;
  const { outcome, violations } = await evaluateRace(property, plain, runner);
  return {
    format: 'eventscope.race-counterexample',
    formatVersion: 1,
    property: property.name,
    title: property.title,
    race: plain,
    choices: plain.choices,
    seed: found.seed,
    path: found.path,
    trace: outcome.trace,
    violations,
    story: plain.operations.map(describeOperation),
    size: raceSize(plain, outcome),
    runsToFailure: found.runsToFailure,
    shrinkSteps: found.shrinkSteps,
    minimizeSteps: found.minimizeSteps ?? 0,
    minimizeRuns: found.minimizeRuns ?? 0,
  };
}

/** Replays a counterexample; `isExact` when it takes the same path and breaks the property the same way. */
export async function replayCounterexample(counterexample: Counterexample, runner: RaceRunner) {
  const property = propertyNamed(counterexample.property);
  const race = { ...counterexample.race, choices: counterexample.choices };
  const { outcome, violations } = await evaluateRace(property, race, runner);
  const isExact =
    JSON.stringify(outcome.trace) === JSON.stringify(counterexample.trace) &&
    JSON.stringify(violations) === JSON.stringify(counterexample.violations);
  return { outcome, violations, isExact };
}

/** Pure: "2 operations, 2 actors, 1 context switch". */
export function summarize(counterexample: Pick<Counterexample, 'size'>): string {
  const { operations, actors, contextSwitches } = counterexample.size;
  const plural = (n: number, word: string) =>
    `${n} ${word}${n === 1 ? '' : word.endsWith('ch') ? 'es' : 's'}`;
  return [
    plural(operations, 'operation'),
    plural(actors, 'actor'),
    plural(contextSwitches ?? 0, 'context switch'),
  ].join(', ');
}

export interface TestSourceOptions {
  /** Path from the test file to `src/` (default: a file in `tests/simulation/`). */
  srcPath?: string;
  /** `holds` (default): a regression test, red until the race is fixed. `breaks`: documents a planted bug. */
  expectation?: 'holds' | 'breaks';
}

/** Pure: a vitest file that replays the counterexample, for the app's "copy as test". */
export function toTestSource(counterexample: Counterexample, options: TestSourceOptions = {}): string {
  const src = options.srcPath ?? '../../src';
  const expectation = options.expectation ?? 'holds';
  const story = counterexample.story.map((line) => `//   ${line}`).join('\n');
  const json = JSON.stringify(counterexample, null, 2);
  const assertion =
    expectation === 'holds'
      ? `    const { violations } = await replayRace(counterexample);\n    expect(violations.map((v) => v.message)).toEqual([]);`
      : `    const { violations } = await replayRace(counterexample);\n    expect(violations.map((v) => v.property)).toContain(counterexample.property);`;
  const name =
    expectation === 'holds' ? counterexample.title : `breaks "${counterexample.title}" (planted bug)`;
  return `import { describe, expect, it } from 'vitest';
import { replayRace } from '${src}/tools/race-lab/runRace.ts';
import type { Counterexample } from '${src}/tools/race-lab/model/lab.ts';

// Found by the race lab: ${counterexample.property} (${summarize(counterexample)}).
// Seed ${counterexample.seed}, path "${counterexample.path}", after ${counterexample.runsToFailure} run(s), ${counterexample.shrinkSteps} shrink step(s)
// and ${counterexample.minimizeSteps} minimising step(s).
${story}
const counterexample: Counterexample = ${json};

describe('race lab counterexample: ${counterexample.property}', () => {
  it(${JSON.stringify(name)}, async () => {
${assertion}
  });
});
`;
}
