// The race lab's Web Worker entry: explores races off the main thread; the page stops it with `terminate()`.
// `runRaceLab` is exported so the bench can run the same work on the main thread as a baseline.
import * as Comlink from 'comlink';
import { OVERBOOKING } from '../../domains/scheduling/events.ts';
import { checkRaceProperty, type LabResult } from './model/lab.ts';
import { everyProperty, largestOvershoot, propertyNamed } from './model/properties.ts';
import { NO_BUGS, type Race, type RaceOutcome } from './model/race.ts';
import {
  emptyCoverage,
  type RaceCoverage,
  type RaceLabProgress,
  type RaceLabRequest,
  type RaceLabWorkerApi,
} from './client.ts';
import { runRace } from './runRace.ts';

/** Pure: adds one race's outcome to the coverage counters (conflict and compensation as the engine counts them). */
export function addCoverage(coverage: RaceCoverage, race: Race, outcome: RaceOutcome): RaceCoverage {
  const overshoot = largestOvershoot(outcome, race);
  const raceEvents = outcome.log.slice(outcome.setupHead);
  const one = (isSeen: boolean) => (isSeen ? 1 : 0);
  return {
    conflicts:
      coverage.conflicts +
      one(outcome.trace.filter((t) => t.kind === 'append').length > outcome.appends.length),
    sagaTriggers: coverage.sagaTriggers + one(outcome.commands.some((c) => c.actor?.startsWith('saga:'))),
    sagaCompensations:
      coverage.sagaCompensations +
      one(raceEvents.some((e) => (e.data as { reason?: string }).reason === OVERBOOKING)),
    dayCancels: coverage.dayCancels + one(raceEvents.some((e) => e.type === 'DayScheduleCancelled')),
    lostAcks: coverage.lostAcks + one(race.faults.lostAcks.length > 0),
    duplicates: coverage.duplicates + one(race.faults.duplicateDelivery.length > 0),
    largestOvershoot:
      overshoot && overshoot.overshoot > (coverage.largestOvershoot?.overshoot ?? 0)
        ? overshoot
        : coverage.largestOvershoot,
  };
}

const PROGRESS_EVERY_MS = 100;

/**
 * Runs the lab on this thread (the worker calls it; the bench calls it on the main thread as a baseline).
 * Progress is posted at most every 100 ms, and once more at the end.
 */
export async function runRaceLab(
  request: RaceLabRequest,
  onProgress: (progress: RaceLabProgress) => void = () => {},
): Promise<LabResult> {
  const property = request.property === everyProperty.name ? everyProperty : propertyNamed(request.property);
  const started = performance.now();
  const progress: RaceLabProgress = {
    runs: 0,
    elapsedMs: 0,
    shrinkRuns: 0,
    hasFailed: false,
    coverage: emptyCoverage(),
  };
  let lastPosted = 0;
  const post = (force = false) => {
    const now = performance.now();
    if (!force && now - lastPosted < PROGRESS_EVERY_MS) return;
    lastPosted = now;
    onProgress({ ...progress, elapsedMs: now - started });
  };
  const runner = async (race: Race, observe?: { checkEveryDelivery?: boolean }) => {
    const outcome = await runRace(race, observe);
    if (progress.hasFailed) progress.shrinkRuns += 1;
    else progress.coverage = addCoverage(progress.coverage, race, outcome);
    post();
    return outcome;
  };
  const result = await checkRaceProperty(property, runner, {
    numRuns: request.numRuns,
    seed: request.seed,
    config: { ...request.config, monthlyLimit: request.monthlyLimit, bugs: { ...NO_BUGS, ...request.bugs } },
    onRun: (runs, failed) => {
      progress.runs = runs;
      if (failed) progress.hasFailed = true;
      post();
    },
  });
  post(true);
  return result;
}

const api: RaceLabWorkerApi = {
  run: (request, onProgress) => runRaceLab(request, (progress) => void onProgress(progress)),
};

// Why the guard: node tests and the bench import this module on a page or in node, where nothing must be exposed.
declare const WorkerGlobalScope: (new () => object) | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) Comlink.expose(api);
