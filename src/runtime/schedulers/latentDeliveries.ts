import type { ActorScheduler } from '../../core/scheduler/scheduler.ts';

/** A scheduler whose deliveries to projections and sagas arrive late, and which can say how many are held. */
export interface LatentScheduler extends ActorScheduler {
  /** Deliveries held back right now. */
  held(): number;
  /** Resolves once the inner scheduler is quiet; held deliveries stay held. */
  whenQuiet(): Promise<void>;
}

/** Subscriber actors are named `projection:<name>` and `saga:<name>` by their runners. */
const isSubscriber = (owner: string) => owner.startsWith('projection:') || owner.startsWith('saga:');

/**
 * Wraps a scheduler so that every projection and saga catch-up starts only once `wait(latencyMs)` has resolved,
 * or at once when the runtime settles: the read side lags behind the log, as with the live scheduler's latency.
 * Why the wait is held before `spawn` rather than inside a task: a held actor would count as running, and a
 * deterministic scheduler releases nothing while any actor runs.
 */
export function withDeliveryLatency(
  inner: ActorScheduler,
  latencyMs: number,
  wait: (ms: number) => Promise<void>,
): LatentScheduler {
  const held = new Set<() => void>();
  const releaseAll = () => [...held].forEach((start) => start());
  return {
    run: (label, step) => inner.run(label, step),
    spawn<T>(owner: string, activity: () => Promise<T>): Promise<T> {
      if (latencyMs <= 0 || !isSubscriber(owner)) return inner.spawn(owner, activity);
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          if (!held.delete(start)) return;
          inner.spawn(owner, activity).then(resolve, reject);
        };
        held.add(start);
        void wait(latencyMs).then(start);
      });
    },
    async whenIdle() {
      // Why a loop: a released delivery can wake a saga, whose command wakes the projections again.
      do {
        releaseAll();
        await inner.whenIdle();
      } while (held.size > 0);
    },
    held: () => held.size,
    whenQuiet: () => inner.whenIdle(),
  };
}

/** Real time, for the app: resolves after `ms` milliseconds. */
export const afterMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Never resolves: held deliveries wait for the runtime to settle. */
export const never = (): Promise<void> => new Promise<void>(() => {});
