import type { ActorScheduler, TaskLabel } from '../../core/scheduler/scheduler.ts';

export interface LiveScheduler extends ActorScheduler {
  /** Delay, in ms, before each delivery to a projection or saga: makes eventual consistency visible. */
  latencyMs: number;
}

/** The app's scheduler: everything runs as soon as it can, deliveries after `latencyMs`. */
export function createLiveScheduler(latencyMs = 0): LiveScheduler {
  const active = new Set<Promise<unknown>>();
  const delayFor = (label: TaskLabel, latency: number) => (label.kind === 'deliver' ? latency : 0);
  return {
    latencyMs,
    async run<T>(label: TaskLabel, step: () => Promise<T> | T): Promise<T> {
      const delay = delayFor(label, this.latencyMs);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return step();
    },
    spawn<T>(_owner: string, activity: () => Promise<T>): Promise<T> {
      const running = activity();
      active.add(running);
      const forget = () => active.delete(running);
      running.then(forget, forget);
      return running;
    },
    async whenIdle() {
      // Why a loop: an actor that finishes may have spawned others (a delivery wakes a saga, a saga dispatches).
      while (active.size > 0) await Promise.allSettled([...active]);
    },
  };
}
