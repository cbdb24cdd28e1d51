import * as Comlink from 'comlink';
import type { Overshoot } from '../../domains/scheduling/invariants.ts';
import type { RaceConfig } from './model/generators.ts';
import type { LabResult } from './model/lab.ts';
import type { BugToggles } from './model/race.ts';
import { runInWorker, type WorkerRun } from '../shared/workerRun.ts';

/** What the lab asks for: one property (or `everyProperty`), how many races, from which seed. */
export interface RaceLabRequest {
  property: string;
  numRuns: number;
  seed: number;
  monthlyLimit: number;
  bugs: BugToggles;
  /** Race sizes; the lab's defaults otherwise. */
  config?: Partial<Omit<RaceConfig, 'bugs' | 'monthlyLimit'>>;
}

/** Runs (before the first failure) that exercised each situation: is the generator reaching the hard cases? */
export interface RaceCoverage {
  conflicts: number;
  sagaTriggers: number;
  sagaCompensations: number;
  dayCancels: number;
  lostAcks: number;
  duplicates: number;
  largestOvershoot: Overshoot | null;
}

export interface RaceLabProgress {
  runs: number;
  elapsedMs: number;
  /** Races run while shrinking a failure (0 until one is found). */
  shrinkRuns: number;
  hasFailed: boolean;
  coverage: RaceCoverage;
}

export interface RaceLabWorkerApi {
  run(request: RaceLabRequest, onProgress: (progress: RaceLabProgress) => void): Promise<LabResult>;
}

/** A lab run in its own Web Worker: `stop()` terminates the worker, and `result` then resolves to `stopped`. */
export type RaceLabRun = WorkerRun<LabResult>;

/** Starts a lab run in a fresh worker; live progress arrives through `onProgress`. */
export function startRaceLab(
  request: RaceLabRequest,
  onProgress: (progress: RaceLabProgress) => void,
): RaceLabRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let isStopped = false;
  // Why the guard: progress already posted by the worker may still be in flight when it is terminated.
  const report = (progress: RaceLabProgress) => {
    if (!isStopped) onProgress(progress);
  };
  return runInWorker<RaceLabWorkerApi, LabResult>(
    worker,
    'race',
    (api) => api.run(JSON.parse(JSON.stringify(request)) as RaceLabRequest, Comlink.proxy(report)),
    () => (isStopped = true),
  );
}

/** Coverage before the first race. */
export const emptyCoverage = (): RaceCoverage => ({
  conflicts: 0,
  sagaTriggers: 0,
  sagaCompensations: 0,
  dayCancels: 0,
  lostAcks: 0,
  duplicates: 0,
  largestOvershoot: null,
});
