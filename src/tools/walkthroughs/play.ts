import { createDeterministicScheduler } from '../../core/scheduler/deterministicScheduler.ts';
import type { Scenario, ScenarioStep } from '../../domains/scheduling/walkthroughs/index.ts';
import type { DispatchResult } from '../../runtime/types.ts';
import { createDomainRuntime as createSandbox } from '../../domains/index.ts';
import { type Runtime as Sandbox } from '../../runtime/index.ts';
import {
  never,
  withDeliveryLatency,
  type LatentScheduler,
} from '../../runtime/schedulers/latentDeliveries.ts';
import { readSideOf, settleAndRead, type ReadSide, type ScratchOutcome } from '../shared/scratchSandbox.ts';

/** How far one projection or saga has got through the log. */
export interface SubscriberLag {
  name: string;
  kind: 'projection' | 'saga';
  checkpoint: number;
  /** Events in the log it has not seen yet. */
  lag: number;
}

/** Where the read side stands against the log's head. */
export interface ReadSideLag {
  head: number;
  subscribers: SubscriberLag[];
  /** Deliveries held back by the scenario's latency. */
  held: number;
}

/** What one step of a teaching scenario did, in words, and how far behind the read side was right after it. */
export interface PlayedStep {
  label: string;
  note?: string;
  outcomes: string[];
  /** The projections and sagas that had not caught up with the log when the step ended. */
  behind: SubscriberLag[];
  head: number;
}

/** A teaching scenario played on a scratch sandbox: each step, then the settled read side, sagas and invariants. */
export type TeachingRun = Omit<ScratchOutcome, 'projections'> & { steps: PlayedStep[] };

export interface TeachingRunOptions {
  /** The deterministic scheduler's choices: how concurrent steps interleave. */
  choices?: readonly number[];
  /**
   * How the scenario's `latencyMs` passes: resolves when a held delivery may start. Default: never, so held
   * deliveries wait for a settle step (a whole play is instant and stays deterministic). The app passes real time.
   */
  wait?: (ms: number) => Promise<void>;
}

/** A teaching scenario played one step at a time on its own scratch sandbox. */
export interface TeachingPlayer {
  readonly scenario: Scenario;
  /** The steps played so far. */
  readonly played: readonly PlayedStep[];
  readonly isFinished: boolean;
  /** Plays the next step; null when every step has been played. */
  next(): Promise<PlayedStep | null>;
  /** Everything catches up now (held deliveries included), as a settle step would. */
  settle(): Promise<void>;
  /** Resolves once nothing runs; deliveries still held by the latency stay held. */
  whenQuiet(): Promise<void>;
  lag(): ReadSideLag;
  /** The read models as they are now: stale while deliveries lag. */
  readSide(): Promise<ReadSide>;
  /** Plays the remaining steps, settles, reads the outcome and closes the sandbox. */
  finish(): Promise<TeachingRun>;
  /** Called after anything changes on the sandbox. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  close(): void;
}

const outcomeOf = (type: string, actor: string | undefined, result: DispatchResult) => {
  const who = actor ? `${actor}: ` : '';
  return result.kind === 'accepted'
    ? `${who}${type} accepted (${result.events.map((event) => event.type).join(', ') || 'nothing recorded'})`
    : `${who}${type} rejected with ${result.error.code}`;
};

function lagOf(sandbox: Sandbox, scheduler: LatentScheduler): ReadSideLag {
  return {
    head: sandbox.head(),
    subscribers: [
      ...sandbox.projections().map(({ name, checkpoint, lag }) => ({
        name,
        kind: 'projection' as const,
        checkpoint,
        lag,
      })),
      ...sandbox
        .sagas()
        .map(({ name, checkpoint, lag }) => ({ name, kind: 'saga' as const, checkpoint, lag })),
    ],
    held: scheduler.held(),
  };
}

async function playStep(sandbox: Sandbox, step: ScenarioStep): Promise<Omit<PlayedStep, 'behind' | 'head'>> {
  if (step.kind === 'command') {
    const result = await sandbox.dispatch(step.command, { actor: step.actor });
    return {
      label: step.command.type,
      note: step.note,
      outcomes: [outcomeOf(step.command.type, step.actor, result)],
    };
  }
  if (step.kind === 'concurrent') {
    const results = await Promise.all(
      step.commands.map(({ command, actor }) => sandbox.dispatch(command, { actor })),
    );
    return {
      label: `At once: ${step.commands.map(({ command }) => command.type).join(' + ')}`,
      note: step.note,
      outcomes: results.map((result, i) =>
        outcomeOf(step.commands[i].command.type, step.commands[i].actor, result),
      ),
    };
  }
  if (step.kind === 'clock') {
    sandbox.clock.set(step.to);
    return { label: `The clock moves to ${step.to}`, note: step.note, outcomes: [] };
  }
  await sandbox.settle();
  return { label: 'Everything catches up', note: step.note, outcomes: [] };
}

/**
 * Starts a step-based teaching scenario on a fresh in-memory sandbox under the deterministic scheduler (so its
 * concurrent steps interleave the same way every time, as `choices` say), with real projections and sagas.
 * With `latencyMs`, deliveries to projections and sagas are held until `wait(latencyMs)` resolves or a step
 * settles, so the read side visibly lags behind the log and catches up.
 */
export function startTeachingRun(scenario: Scenario, options: TeachingRunOptions = {}): TeachingPlayer {
  const scheduler = withDeliveryLatency(
    createDeterministicScheduler(options.choices ?? [], { maxSteps: 20_000 }),
    scenario.latencyMs ?? 0,
    options.wait ?? never,
  );
  const sandbox = createSandbox({ now: scenario.now, monthlyLimit: scenario.monthlyLimit, scheduler });
  const played: PlayedStep[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  // Why a queue: a second click on "next" while a step runs must play the step after it, not the same one.
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const next = () =>
    serially(async () => {
      const step = scenario.steps[played.length];
      if (!step) return null;
      const done = await playStep(sandbox, step);
      // Why: a step ends once everything not held back by the latency has run (deliveries, saga reactions).
      await scheduler.whenQuiet();
      const lag = lagOf(sandbox, scheduler);
      const result: PlayedStep = {
        ...done,
        behind: lag.subscribers.filter((subscriber) => subscriber.lag > 0),
        head: lag.head,
      };
      played.push(result);
      return result;
    });
  return {
    scenario,
    played,
    get isFinished() {
      return played.length >= scenario.steps.length;
    },
    next,
    settle: () => serially(() => sandbox.settle()),
    whenQuiet: () => scheduler.whenQuiet(),
    lag: () => lagOf(sandbox, scheduler),
    readSide: async () => readSideOf(sandbox, await sandbox.events()),
    async finish() {
      while ((await next()) !== null);
      const { projections: _projections, ...outcome } = await serially(() =>
        settleAndRead(sandbox, scenario.monthlyLimit),
      );
      return { ...outcome, steps: [...played] };
    },
    onChange: (listener) => sandbox.onChange(listener),
    close: () => sandbox.close(),
  };
}

/** Plays a whole teaching scenario (see `startTeachingRun`) and returns how it ended. */
export const playTeachingScenario = (
  scenario: Scenario,
  choices: readonly number[] = [],
): Promise<TeachingRun> => startTeachingRun(scenario, { choices }).finish();
