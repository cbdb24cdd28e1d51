import type { Command } from '../boundedContext.ts';

/** One step of a walkthrough, played against a sandbox. `note` is the caption shown when the step has run. */
export type WalkthroughStep =
  | { kind: 'command'; command: Command; actor?: string; note?: string }
  /** Dispatched together, without waiting for each other: their loads and appends interleave. */
  | { kind: 'concurrent'; commands: { command: Command; actor?: string }[]; note?: string }
  | { kind: 'clock'; to: string; note?: string }
  /** Wait until every projection and saga has caught up, reactions included. */
  | { kind: 'settle'; note?: string };

/** A built-in walkthrough (a step-by-step teaching story), as data. */
export interface Walkthrough {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  /** The virtual clock at the start, `YYYY-MM-DDTHH:MM`. */
  now: string;
  /** The domain's settings for this walkthrough (e.g. scheduling's `monthlyLimit`). */
  settings?: Record<string, unknown>;
  /** Delivery latency to projections and sagas, to make eventual consistency visible. */
  latencyMs?: number;
  steps: WalkthroughStep[];
}

/** @deprecated names kept while the tools move to "walkthrough"; use `Walkthrough` and `WalkthroughStep`. */
export type Scenario = Walkthrough & { monthlyLimit?: number };
export type ScenarioStep = WalkthroughStep;
