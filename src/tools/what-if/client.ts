import type { WhatIfInput, WhatIfResult } from './whatIf.ts';
import { runInWorker, type WorkerRun } from '../shared/workerRun.ts';

export interface WhatIfWorkerApi {
  run(input: WhatIfInput): Promise<WhatIfResult>;
}

/** A what-if replayed in its own Web Worker: `stop()` terminates it, and `result` then resolves to `stopped`. */
export type WhatIfRun = WorkerRun<WhatIfResult>;

/** Starts a what-if in a fresh worker; the input is copied there (the live log is never shared, only read). */
export function startWhatIf(input: WhatIfInput): WhatIfRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return runInWorker<WhatIfWorkerApi, WhatIfResult>(worker, 'what-if', (api) => api.run(input));
}

/** `startWhatIf` as a runner: resolves to the result, or null when stopped; rejects when the worker crashed. */
export function whatIfInWorker(input: WhatIfInput): { result: Promise<WhatIfResult | null>; stop(): void } {
  const run = startWhatIf(input);
  return {
    result: run.result.then((ended) => {
      if (ended.kind === 'crashed') throw new Error(ended.message);
      return ended.kind === 'done' ? ended.result : null;
    }),
    stop: run.stop,
  };
}
