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
  /**
   * The read models as the shell sees them when deciding (they may lag behind the log). A correct decider never
   * reads them: it decides on its streams. Only a planted bug does (e.g. a limit counted from a lagging read model).
   */
  read?: ReadProjection;
}

/** `DecisionInput` with each stream already folded by its decider. */
export interface FoldedDecisionInput {
  stream: unknown;
  guards: Record<string, unknown>;
  now: string;
  /** As in `DecisionInput`: lagging read models, for planted bugs only. */
  read?: ReadProjection;
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
  // Why method syntax: a projection typed with its own state must still fit a domain's `Projection[]`.
  initialState(): State;
  apply(state: State, event: RecordedEvent): State;
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
  // Why method syntax: a saga typed with its own state must still fit a domain's `Saga[]`.
  initialState(): State;
  handle(
    state: State,
    event: RecordedEvent,
    context: SagaContext,
  ): { state: State; reactions: Reaction<C>[] };
}

/**
 * What a saga may read besides the event: the clock and, through `read`, the projections' live states. A correct
 * saga keeps what it decides on in its own state; reading a lagging read model is how a planted bug goes wrong.
 */
export interface SagaContext {
  now: string;
  read?: (projectionName: string) => unknown;
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
  /**
   * Pure: commands the runtime sends when the virtual clock moves from `from` to `to` (e.g. a daily sheet run when
   * the clock passes midnight). Sent like saga reactions, by the actor `clock`, after the move.
   */
  onClockMoved?(from: string, to: string): C[];
}

/** Gives a projection's current state by its name. */
export type ReadProjection = (projectionName: string) => unknown;

/** What a query reads: the projections' states and the virtual clock. */
export interface QueryContext {
  read: ReadProjection;
  /** The virtual clock's instant `YYYY-MM-DDTHH:MM`. */
  now: string;
}

/** One argument of a query, for forms, files and links. */
export interface QueryArgument {
  name: string;
  /** A label a person reads, e.g. "Patient". */
  label: string;
  /** Pure: null when the value is acceptable, else what is wrong with it ("must be a date YYYY-MM-DD"). */
  problem?: (value: unknown) => string | null;
  /** The kind of id it names (see `DomainModule.ids`), so forms can suggest ids the log knows. */
  idKind?: string;
  /**
   * Pure: the values a log names for it (e.g. the months its dates fall in), for forms to suggest and tools to
   * list every answer of. Without it: the ids of `idKind`, or the values of event fields of the same name.
   */
  valuesIn?(events: readonly DomainEvent[]): string[];
}

/** What a query answers: a count, a list of rows, one row or `null`, or any other JSON value. */
export type QueryAnswerKind = 'count' | 'list' | 'oneOrNull' | 'value';

/**
 * A named read-model query (a read model's public face): its arguments by name, what it answers, and how.
 * `run` is pure: it reads projection states through `context.read` and never changes them.
 */
export interface QueryDefinition<Args extends unknown[] = unknown[], Result = unknown> {
  description: string;
  args: QueryArgument[];
  answer: QueryAnswerKind;
  // Why method syntax: a catalog of differently typed queries must fit `QueryCatalog` (bivariant parameters).
  run(context: QueryContext, ...args: Args): Result;
}

export type QueryCatalog = Record<string, QueryDefinition>;

/** A catalog's queries bound to a sandbox: `query.availableSlots('2026-03-03')`. */
export type BoundQueries<Q extends QueryCatalog> = {
  [K in keyof Q]: Q[K] extends QueryDefinition<infer Args, infer Result> ? (...args: Args) => Result : never;
};

/** Pure: binds every query of a catalog to a reader and a clock (one home for what the runtime and time travel do). */
export function bindQueries<Q extends QueryCatalog>(
  queries: Q,
  read: ReadProjection,
  now: () => string,
): BoundQueries<Q> {
  const bound: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, query] of Object.entries(queries))
    bound[name] = (...args: unknown[]) => query.run({ read, now: now() }, ...args);
  return bound as BoundQueries<Q>;
}
