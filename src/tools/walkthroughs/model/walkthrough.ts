import type { SchedulingCommand } from '../../../domains/scheduling/commands.ts';

/** One step of a teaching scenario, played by the scenario runner against a sandbox. */
export type ScenarioStep =
  | { kind: 'command'; command: SchedulingCommand; actor?: string; note?: string }
  /** Dispatched together, without waiting for each other: their loads and appends interleave. */
  | { kind: 'concurrent'; commands: { command: SchedulingCommand; actor?: string }[]; note?: string }
  | { kind: 'clock'; to: string; note?: string }
  /** Wait until every projection and saga has caught up, reactions included. */
  | { kind: 'settle'; note?: string };

/** A built-in teaching scenario, as data. */
export interface Scenario {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  /** The virtual clock at the start, `YYYY-MM-DDTHH:MM`. */
  now: string;
  monthlyLimit?: number;
  /** Delivery latency to projections and sagas, to make eventual consistency visible. */
  latencyMs?: number;
  steps: ScenarioStep[];
}
