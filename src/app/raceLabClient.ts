import * as Comlink from 'comlink';
import type { Overshoot } from '../domain/scheduling/invariants.ts';
import type { RaceConfig } from '../simulation/generators.ts';
import type { LabResult } from '../simulation/lab.ts';
import type { BugToggles } from '../simulation/race.ts';

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
export interface RaceLabRun {
  result: Promise<
    { kind: 'done'; result: LabResult } | { kind: 'stopped' } | { kind: 'crashed'; message: string }
  >;
  stop(): void;
}

/** Starts a lab run in a fresh worker; live progress arrives through `onProgress`. */
export function startRaceLab(
  request: RaceLabRequest,
  onProgress: (progress: RaceLabProgress) => void,
): RaceLabRun {
  const worker = new Worker(new URL('./raceWorker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RaceLabWorkerApi>(worker);
  let settle: (value: { kind: 'stopped' } | { kind: 'crashed'; message: string }) => void = () => {};
  const interrupted = new Promise<{ kind: 'stopped' } | { kind: 'crashed'; message: string }>(
    (resolve) => (settle = resolve),
  );
  worker.addEventListener('error', (event) => {
    settle({ kind: 'crashed', message: event.message || 'The race worker failed to start.' });
    worker.terminate();
  });
  let isStopped = false;
  // Why the guard: progress already posted by the worker may still be in flight when it is terminated.
  const report = (progress: RaceLabProgress) => {
    if (!isStopped) onProgress(progress);
  };
  const finished = api.run(JSON.parse(JSON.stringify(request)) as RaceLabRequest, Comlink.proxy(report)).then(
    (result) => ({ kind: 'done' as const, result }),
    (error: unknown) => ({
      kind: 'crashed' as const,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
  const result = Promise.race([finished, interrupted]).finally(() => {
    worker.terminate();
    api[Comlink.releaseProxy]();
  });
  return {
    result,
    stop: () => {
      // Why terminate rather than ask: a race in progress cannot be interrupted from outside, the worker can.
      isStopped = true;
      worker.terminate();
      settle({ kind: 'stopped' });
    },
  };
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
