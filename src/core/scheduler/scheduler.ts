/**
 * Every async boundary of the runtime goes through a scheduler (DESIGN.md decision 8).
 * A task is a labelled step; `run` resolves when the scheduler decides to let it through.
 * The normal scheduler lets everything through (with optional latency per label);
 * the deterministic one holds tasks and releases them in an order chosen by a list of choices.
 */
export interface Scheduler {
  /** Waits for the scheduler's go, then runs `step` and returns its result. */
  run<T>(label: TaskLabel, step: () => Promise<T> | T): Promise<T>;
}

export interface TaskLabel {
  /** 'load' | 'append' | 'deliver' | 'react' | 'dispatch' … */
  kind: string;
  /** The actor or subscriber this task belongs to: tasks of one owner stay in order. */
  owner: string;
  detail?: string;
}

/** A scheduler that also tracks the runtime's concurrent activities ("actors"), so it can tell when all is quiet. */
export interface ActorScheduler extends Scheduler {
  /** Starts an actor. Every `run` call must happen inside a spawned actor. */
  spawn<T>(owner: string, activity: () => Promise<T>): Promise<T>;
  /** Resolves once no actor is running or waiting. */
  whenIdle(): Promise<void>;
}

/** One released task, for replay and the timeline. */
export interface TraceEntry {
  step: number;
  owner: string;
  kind: string;
  detail?: string;
  /** True when this release switched away from an actor that still had work waiting. */
  isContextSwitch: boolean;
}
