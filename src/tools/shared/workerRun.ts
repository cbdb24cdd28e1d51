import * as Comlink from 'comlink';

/** How a run in a worker ended: its result, stopped by the user, or the worker failed. */
export type WorkerEnd<R> =
  { kind: 'done'; result: R } | { kind: 'stopped' } | { kind: 'crashed'; message: string };

/** A call running in its own Web Worker: `stop()` terminates the worker, and `result` then resolves to `stopped`. */
export interface WorkerRun<R> {
  result: Promise<WorkerEnd<R>>;
  stop(): void;
}

/**
 * Runs `call` on the worker's comlink API; the worker is terminated when it ends, however it ends. Why terminate
 * rather than ask: a long run cannot be interrupted from outside, the worker can. `onStop` runs first on a stop
 * (e.g. to drop progress already in flight).
 */
export function runInWorker<Api, R>(
  worker: Worker,
  what: string,
  call: (api: Comlink.Remote<Api>) => Promise<R>,
  onStop: () => void = () => {},
): WorkerRun<R> {
  const api = Comlink.wrap<Api>(worker);
  let interrupt: (end: { kind: 'stopped' } | { kind: 'crashed'; message: string }) => void = () => {};
  const interrupted = new Promise<{ kind: 'stopped' } | { kind: 'crashed'; message: string }>(
    (resolve) => (interrupt = resolve),
  );
  worker.addEventListener('error', (event) => {
    interrupt({ kind: 'crashed', message: event.message || `The ${what} worker failed to start.` });
    worker.terminate();
  });
  const finished = call(api).then(
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
      onStop();
      worker.terminate();
      interrupt({ kind: 'stopped' });
    },
  };
}
