import * as Comlink from 'comlink';
import type { WhatIfInput, WhatIfResult } from './whatIf.ts';

export interface WhatIfWorkerApi {
  run(input: WhatIfInput): Promise<WhatIfResult>;
}

/** A what-if replayed in its own Web Worker: `stop()` terminates it, and `result` then resolves to `stopped`. */
export interface WhatIfRun {
  result: Promise<
    { kind: 'done'; result: WhatIfResult } | { kind: 'stopped' } | { kind: 'crashed'; message: string }
  >;
  stop(): void;
}

/** Starts a what-if in a fresh worker; the input is copied there (the live log is never shared, only read). */
export function startWhatIf(input: WhatIfInput): WhatIfRun {
  const worker = new Worker(new URL('./whatIfWorker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<WhatIfWorkerApi>(worker);
  let interrupt: (value: { kind: 'stopped' } | { kind: 'crashed'; message: string }) => void = () => {};
  const interrupted = new Promise<{ kind: 'stopped' } | { kind: 'crashed'; message: string }>(
    (resolve) => (interrupt = resolve),
  );
  worker.addEventListener('error', (event) => {
    interrupt({ kind: 'crashed', message: event.message || 'The what-if worker failed to start.' });
    worker.terminate();
  });
  const finished = api.run(input).then(
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
      worker.terminate();
      interrupt({ kind: 'stopped' });
    },
  };
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
