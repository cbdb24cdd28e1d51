import type { Decision, DomainError } from './decider.ts';
import type { DomainEvent, RecordedEvent } from './event.ts';

/** A command as dispatched: a type and its data, like an event. */
export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Which stream a command writes, and which other streams it reads first (guard queries, seed 003). */
export interface CommandPlan {
  streamId: string;
  guardStreamIds: string[];
}

/** What the shell read before deciding. */
export interface DecisionInput {
  /** The target stream's events, in version order. */
  stream: RecordedEvent[];
  /** Each guard stream's events, by stream id (missing stream = empty array). */
  guards: Record<string, RecordedEvent[]>;
  /** The virtual clock's instant `YYYY-MM-DDTHH:MM`. */
  now: string;
}

/** `DecisionInput` with each stream already folded by its decider. */
export interface FoldedDecisionInput {
  stream: unknown;
  guards: Record<string, unknown>;
  now: string;
}

/** A stream's decider, as far as folding goes. `evolve` is pure and never changes `state`. */
export interface StreamFold {
  initialState(): unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
}

/**
 * A read model: a fold over the global log.
 * Why `apply` may update `state` in place: a rebuild folds 100k events, and copying the state per event
 * would make it quadratic. The runner owns the state: it clones it to save it, and hands it out read-only.
 * `apply` must be deterministic and touch nothing but `state`; states are plain JSON data.
 */
export interface Projection<State = unknown> {
  name: string;
  description: string;
  initialState: () => State;
  apply: (state: State, event: RecordedEvent) => State;
}

/** A command a saga wants sent, before the runtime gives it ids. */
export interface Reaction<C extends Command = Command> {
  command: C;
}

/**
 * A process manager used purely: event in, next state and commands out.
 * Must be idempotent: handling an event it has already handled returns the same state and no commands.
 */
export interface Saga<State = unknown, C extends Command = Command> {
  name: string;
  description: string;
  initialState: () => State;
  handle: (
    state: State,
    event: RecordedEvent,
    context: { now: string },
  ) => { state: State; reactions: Reaction<C>[] };
}

/** Everything the runtime needs to run a domain: validation, routing, decisions, read models and sagas. */
export interface BoundedContext<
  C extends Command = Command,
  E extends DomainEvent = DomainEvent,
  Err extends DomainError = DomainError,
> {
  name: string;
  /** Pure: a typed command, or an `InvalidCommand` error saying what is wrong. */
  validate: (input: unknown) => { kind: 'valid'; command: C } | { kind: 'invalid'; error: Err };
  // Why method syntax: a context typed with its own command union (e.g. scheduling's) must still be usable where
  // the runtime expects the generic `BoundedContext`; method parameters are checked bivariantly.
  plan(command: C): CommandPlan;
  /** Pure: the events to append to `plan(command).streamId`, or the rejection. Appends nothing. */
  decide(command: C, input: DecisionInput): Decision<E, Err>;
  /**
   * Pure: the same decision from already-folded stream states, so the shell can keep states between commands
   * and fold only the events it has not seen (an aggregate cache). `decide` = fold each stream, then this.
   */
  decideFolded?(command: C, input: FoldedDecisionInput): Decision<E, Err>;
  /** Pure: how any stream of this context folds (its decider's `initialState` and `evolve`). */
  streamFold?(streamId: string): StreamFold;
  projections: Projection[];
  sagas: Saga<unknown, C>[];
}
