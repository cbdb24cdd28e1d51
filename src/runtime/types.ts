import type { RecordedEvent } from '../core/event.ts';
import type { DomainError } from '../core/decider.ts';
import type { CommandRecord, EventLogFile, EventStore, ImportResult } from '../store/eventStore.ts';

/** What `dispatch` returns (DOMAIN.md): the recorded events, or the rejection. Never throws for a domain rejection. */
export type DispatchResult =
  | { kind: 'accepted'; events: RecordedEvent[]; commandId: string }
  | { kind: 'rejected'; error: DomainError; commandId: string };

/** Optional envelope fields for a dispatched command; the runtime fills in the rest. */
export interface DispatchMetadata {
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  actor?: string;
}

/** A projection's progress, for the read-models panel. */
export interface ProjectionStatus {
  name: string;
  description: string;
  /** Position of the last event applied. */
  checkpoint: number;
  /** Events in the log not yet applied. */
  lag: number;
}

/** A saga's progress and its live instances, for the sagas panel. */
export interface SagaStatus {
  name: string;
  description: string;
  checkpoint: number;
  lag: number;
  state: unknown;
}

export interface SandboxOptions {
  /** The virtual clock's start, `YYYY-MM-DDTHH:MM`. */
  now?: string;
  /** Overbooking saga's monthly limit (default 10). */
  monthlyLimit?: number;
  /** Default: a fresh in-memory store. */
  store?: EventStore;
  /** Delivery latency to projections and sagas in ms (0 = immediate). */
  latencyMs?: number;
}
export type { CommandRecord, EventLogFile, ImportResult };
