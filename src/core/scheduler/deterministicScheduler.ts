import type { ActorScheduler, TaskLabel, TraceEntry } from './scheduler.ts';

export interface DeterministicScheduler extends ActorScheduler {
  readonly trace: readonly TraceEntry[];
  readonly contextSwitches: number;
  /** Choices consumed so far (a choice is consumed only when two or more actors are waiting). */
  readonly choicesUsed: number;
}

export interface DeterministicSchedulerOptions {
  /** Releases after which the run is declared livelocked (bounded progress). */
  maxSteps?: number;
}

export class LivelockError extends Error {
  constructor(readonly steps: number) {
    super(`The run did not settle within ${steps} scheduler steps`);
    this.name = 'LivelockError';
  }
}

interface Waiting {
  label: TaskLabel;
  release: () => void;
  fail: (error: Error) => void;
}

/**
 * Pure-promise cooperative scheduler: tasks wait until every actor is blocked, then one is released.
 * Which one is decided by `choices`: 0 keeps running the current actor (or the longest-waiting one when it
 * has nothing waiting); k > 0 switches to the k-th other waiting actor (mod their number).
 * Why this shape: interleavings become plain data that replays exactly and that fast-check shrinks towards
 * all zeros, i.e. towards the fewest context switches.
 */
export function createDeterministicScheduler(
  choices: readonly number[] = [],
  options: DeterministicSchedulerOptions = {},
): DeterministicScheduler {
  const maxSteps = options.maxSteps ?? 100_000;
  const waiting: Waiting[] = [];
  const trace: TraceEntry[] = [];
  let idleWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let current: string | null = null;
  let choiceIndex = 0;
  let contextSwitches = 0;
  let isCheckQueued = false;
  let failure: Error | null = null;

  // Why a microtask: actors started in the same synchronous turn all get to queue their first task
  // before anything is chosen, so the choices decide even the very first interleaving.
  const check = () => {
    if (isCheckQueued) return;
    isCheckQueued = true;
    queueMicrotask(() => {
      isCheckQueued = false;
      if (running > 0) return;
      if (waiting.length === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((w) => (failure ? w.reject(failure) : w.resolve()));
        return;
      }
      releaseNext();
    });
  };

  const releaseNext = () => {
    if (trace.length >= maxSteps) {
      failure = new LivelockError(maxSteps);
      waiting.splice(0).forEach((w) => w.fail(failure as Error));
      check();
      return;
    }
    const owners = [...new Set(waiting.map((w) => w.label.owner))];
    const hasCurrentWaiting = current !== null && owners.includes(current);
    let owner: string;
    let isContextSwitch = false;
    if (owners.length === 1) {
      owner = owners[0];
    } else {
      const choice = Math.abs(Math.trunc(choices[choiceIndex] ?? 0));
      choiceIndex += 1;
      const others = owners.filter((o) => o !== current);
      if (choice === 0) owner = hasCurrentWaiting ? (current as string) : owners[0];
      else {
        owner = others[(choice - 1) % others.length];
        isContextSwitch = hasCurrentWaiting;
      }
    }
    if (isContextSwitch) contextSwitches += 1;
    const index = waiting.findIndex((w) => w.label.owner === owner);
    const [next] = waiting.splice(index, 1);
    current = owner;
    trace.push({
      step: trace.length + 1,
      owner,
      kind: next.label.kind,
      detail: next.label.detail,
      isContextSwitch,
    });
    running += 1;
    next.release();
  };

  return {
    get trace() {
      return trace;
    },
    get contextSwitches() {
      return contextSwitches;
    },
    get choicesUsed() {
      return choiceIndex;
    },
    spawn<T>(_owner: string, activity: () => Promise<T>): Promise<T> {
      running += 1;
      let result: Promise<T>;
      try {
        result = activity();
      } catch (error) {
        result = Promise.reject(error);
      }
      return result.finally(() => {
        running -= 1;
        check();
      });
    },
    async run<T>(label: TaskLabel, step: () => Promise<T> | T): Promise<T> {
      if (failure) throw failure;
      if (running <= 0) throw new Error('Scheduler.run was called outside a spawned actor');
      await new Promise<void>((release, fail) => {
        waiting.push({ label, release, fail });
        running -= 1;
        check();
      });
      return step();
    },
    whenIdle() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        idleWaiters.push({ resolve, reject });
        check();
      });
    },
  };
}
