import type { RecordedEvent } from './event.ts';

/** A broken invariant: which, a sentence, and the log positions that show it. */
export interface Violation {
  invariant: string;
  message: string;
  positions: number[];
}

/**
 * A rule the whole log must obey (a domain's invariants, checked by the race lab at every step and by tests).
 * `check` is pure; `settings` are the domain's settings the log was written under (e.g. a monthly limit).
 */
export interface Invariant {
  name: string;
  /** "always…/never…": what the invariant promises. */
  title: string;
  check(log: readonly RecordedEvent[], settings: Readonly<Record<string, unknown>>): Violation[];
}
