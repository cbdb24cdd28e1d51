/**
 * Walkthroughs: a domain's step-by-step teaching stories, played on a scratch sandbox of the domain one step at a
 * time. A step runs, then its caption is shown (`PlayedStep.note`), with where the read side stands right after.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import { withSettings } from '../scenarios/engine.ts';
import type { Walkthrough, WalkthroughStep } from '../../core/domain/walkthrough.ts';
import { createDeterministicScheduler } from '../../core/scheduler/deterministicScheduler.ts';
import type { DispatchResult } from '../../runtime/types.ts';
import { type Runtime as Sandbox } from '../../runtime/index.ts';
import {
  never,
  withDeliveryLatency,
  type LatentScheduler,
} from '../../runtime/schedulers/latentDeliveries.ts';
import {
  currentReadSide,
  scratchSandbox,
  settleAndRead,
  type ReadSide,
  type ScratchOutcome,
} from '../shared/scratchSandbox.ts';

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
  /** Deliveries held back by the walkthrough's latency. */
  held: number;
}

/** What one step of a walkthrough did, in words, and how far behind the read side was right after it. */
export interface PlayedStep {
  label: string;
  /** The step's caption, shown once it has run. */
  note?: string;
  outcomes: string[];
  /** The projections and sagas that had not caught up with the log when the step ended. */
  behind: SubscriberLag[];
  head: number;
}

/** A walkthrough played on a scratch sandbox: each step, then the settled read side, sagas and invariants. */
export type WalkthroughRun = Omit<ScratchOutcome, 'projections'> & { steps: PlayedStep[] };

export interface WalkthroughOptions {
  /** The deterministic scheduler's choices: how concurrent steps interleave. */
  choices?: readonly number[];
  /**
   * How the walkthrough's `latencyMs` passes: resolves when a held delivery may start. Default: never, so held
   * deliveries wait for a settle step (a whole play is instant and stays deterministic). The app passes real time.
   */
  wait?: (ms: number) => Promise<void>;
}

/** A walkthrough played one step at a time on its own scratch sandbox. */
export interface WalkthroughPlayer {
  readonly domain: DomainModule;
  readonly walkthrough: Walkthrough;
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
  finish(): Promise<WalkthroughRun>;
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

/** Runs one step on the sandbox and says what it did, with its caption; `behind` and `head` are read after. */
async function playStep(
  sandbox: Sandbox,
  step: WalkthroughStep,
): Promise<Omit<PlayedStep, 'behind' | 'head'>> {
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

/** Pure: the domain as the walkthrough runs it: its defaults, with the walkthrough's settings applied. */
export const walkthroughDomain = (domain: DomainModule, walkthrough: Walkthrough): DomainModule =>
  withSettings(domain, walkthrough.settings);

/**
 * Starts a walkthrough of `domain` on a fresh in-memory sandbox (under the walkthrough's settings) with the
 * deterministic scheduler, so its concurrent steps interleave the same way every time (as `choices` say), with
 * real projections and sagas. With `latencyMs`, deliveries to projections and sagas are held until
 * `wait(latencyMs)` resolves or a step settles, so the read side visibly lags behind the log and catches up.
 */
export function startWalkthrough(
  domain: DomainModule,
  walkthrough: Walkthrough,
  options: WalkthroughOptions = {},
): WalkthroughPlayer {
  const configured = walkthroughDomain(domain, walkthrough);
  const scheduler = withDeliveryLatency(
    createDeterministicScheduler(options.choices ?? [], { maxSteps: 20_000 }),
    walkthrough.latencyMs ?? 0,
    options.wait ?? never,
  );
  const sandbox = scratchSandbox(configured, walkthrough.now, { scheduler });
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
      const step = walkthrough.steps[played.length];
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
    domain: configured,
    walkthrough,
    played,
    get isFinished() {
      return played.length >= walkthrough.steps.length;
    },
    next,
    settle: () => serially(() => sandbox.settle()),
    whenQuiet: () => scheduler.whenQuiet(),
    lag: () => lagOf(sandbox, scheduler),
    readSide: () => currentReadSide(configured, sandbox),
    async finish() {
      while ((await next()) !== null);
      const { projections: _projections, ...outcome } = await serially(() =>
        settleAndRead(configured, sandbox),
      );
      return { ...outcome, steps: [...played] };
    },
    onChange: (listener) => sandbox.onChange(listener),
    close: () => sandbox.close(),
  };
}

/** Plays a whole walkthrough of `domain` (see `startWalkthrough`) and returns how it ended. */
export const playWalkthrough = (
  domain: DomainModule,
  walkthrough: Walkthrough,
  choices: readonly number[] = [],
): Promise<WalkthroughRun> => startWalkthrough(domain, walkthrough, { choices }).finish();
