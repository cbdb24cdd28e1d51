import type { DomainEvent } from './event.ts';

/** A rejection: a code naming the broken rule, a sentence a person understands, and the facts. */
export interface DomainError<Code extends string = string> {
  code: Code;
  message: string;
  [fact: string]: unknown;
}

export type Decision<E extends DomainEvent = DomainEvent, Err extends DomainError = DomainError> =
  { kind: 'accepted'; events: E[] } | { kind: 'rejected'; error: Err };

/**
 * A decider (Emmett / Chassaing): pure `decide` and `evolve`.
 * `Ctx` carries what the shell read before deciding: the clock and guard-query answers.
 */
export interface Decider<C, E extends DomainEvent, S, Ctx = unknown, Err extends DomainError = DomainError> {
  initialState: () => S;
  evolve: (state: S, event: E) => S;
  decide: (command: C, state: S, context: Ctx) => Decision<E, Err>;
}

/** Pure: an accepted decision. */
export const accept = <E extends DomainEvent>(...events: E[]): Decision<E, never> => ({
  kind: 'accepted',
  events,
});

/** Pure: a rejected decision. */
export const reject = <Err extends DomainError>(error: Err): Decision<never, Err> => ({
  kind: 'rejected',
  error,
});
