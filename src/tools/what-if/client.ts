import type { DomainModule, DomainSettings } from '../../core/domain/domainModule.ts';
import type { WhatIfInput, WhatIfResult } from './whatIf.ts';
import { runInWorker, type WorkerRun } from '../shared/workerRun.ts';

/** What crosses to the worker: the domain by name with its settings (a module's functions cannot be copied). */
export interface WhatIfRequest {
  domain: string;
  settings: DomainSettings;
  input: WhatIfInput;
}

export interface WhatIfWorkerApi {
  run(request: WhatIfRequest): Promise<WhatIfResult>;
}

/** A what-if replayed in its own Web Worker: `stop()` terminates it, and `result` then resolves to `stopped`. */
export type WhatIfRun = WorkerRun<WhatIfResult>;

/**
 * Starts a what-if of a built-in domain (under the domain's settings) in a fresh worker; the input is copied there
 * (the live log is never shared, only read).
 */
export function startWhatIf(domain: DomainModule, input: WhatIfInput): WhatIfRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const request: WhatIfRequest = { domain: domain.name, settings: { ...domain.settingValues }, input };
  return runInWorker<WhatIfWorkerApi, WhatIfResult>(worker, 'what-if', (api) => api.run(request));
}

/** `startWhatIf` as a runner: resolves to the result, or null when stopped; rejects when the worker crashed. */
export function whatIfInWorker(
  domain: DomainModule,
  input: WhatIfInput,
): { result: Promise<WhatIfResult | null>; stop(): void } {
  const run = startWhatIf(domain, input);
  return {
    result: run.result.then((ended) => {
      if (ended.kind === 'crashed') throw new Error(ended.message);
      return ended.kind === 'done' ? ended.result : null;
    }),
    stop: run.stop,
  };
}
