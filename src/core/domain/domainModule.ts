/**
 * The domain contract: everything the runtime and every tool need to run one bounded context, in one object.
 * A domain module is pure data and pure functions (no store, no clock, no DOM); the runtime runs it, the tools
 * read it. Build one with `defineDomain` (checked, with a clear error naming what is missing or wrong).
 */
import type { z } from 'zod';
import type { BoundedContext, Command, QueryCatalog } from '../boundedContext.ts';
import type { DomainEvent } from '../event.ts';
import type { Invariant } from '../invariant.ts';
import type { FieldProblem } from '../rules.ts';
import type { RaceDefinition } from './raceDefinition.ts';
import type { ScenarioSpec } from './scenario.ts';
import type { Walkthrough } from './walkthrough.ts';

/** A command or event type: the schema of its data (the single source of its TypeScript type) and what it means. */
export interface MessageDefinition {
  // Why zod's core type: checking a domain file against the classic `z.ZodType` costs the rules lab's type
  // checker about half a second per schema; the core type is what every zod schema is.
  schema: z.core.$ZodType;
  /** One sentence a person reads, e.g. "Books one slot of a day for a patient". */
  description: string;
}

/**
 * A kind of id the log introduces (a patient, a day, a todo), so forms can suggest the ids the log knows.
 * Any command, event or query field named in `fields` holds such an id.
 */
export interface IdKind {
  label: string;
  fields: string[];
  /** The events that introduce such ids: the field holding the id, and the one that names it (for a label). */
  introducedBy: { event: string; field: string; labelField?: string }[];
}

/** A live instance of a saga, for the sagas panel: its key, its state as a statechart value, and its data. */
export interface SagaInstanceView {
  key: string;
  state: unknown;
  context: unknown;
}

/** How the sagas panel draws a saga: its statechart (an XState machine) and the instances in its state. */
export interface SagaView {
  /** An XState machine (`createMachine`), drawn as the saga's statechart. */
  machine?: unknown;
  instances?(sagaState: unknown): SagaInstanceView[];
}

/** A demo world to start from: commands dispatched in order on an empty log. */
export interface Demo {
  title: string;
  description: string;
  /** Pure: the commands, for a clock at `now` (a demo schedules what is still ahead of the clock). */
  commands(now: string): Command[];
}

/** A domain setting (e.g. scheduling's monthly limit): what it is, its default, and its rule. */
export interface SettingDefinition {
  label: string;
  description: string;
  default: unknown;
  /** Pure: null when the value is acceptable, else what is wrong with it. */
  problem?(value: unknown): string | null;
  /**
   * When the setting is a fact of the log (e.g. scheduling's `SetMonthlyLimit`), the command that changes it and
   * the field carrying the value: the app changes it by dispatching that command, so it replays with the log.
   */
  changedBy?: { command: string; field: string };
}

export type DomainSettings = Readonly<Record<string, unknown>>;

/** An event a stream's history could not hold where it stands: its index in the stream's events, and why. */
export interface HistoryProblem {
  index: number;
  /** Words that follow the event's name, e.g. "books slot … before it is scheduled in stream …". */
  problem: string;
}

/** The whole domain, as the runtime and the tools use it. */
export interface DomainModule<Q extends QueryCatalog = QueryCatalog> {
  readonly kind: 'eventscope.domain';
  /** Lower-case id, used in database names, files and links: `scheduling`, `todo`, `library`. */
  name: string;
  /** What a person calls it: "Doctor practice". */
  title: string;
  summary: string;
  /** The virtual clock's start when nothing else sets it. */
  defaultNow: string;
  /** Validate, plan (target and guard streams), decide, fold streams; projections and sagas. */
  context: BoundedContext;
  commands: Readonly<Record<string, MessageDefinition>>;
  events: Readonly<Record<string, MessageDefinition>>;
  /** Pure: every problem of an event's type and data (none when it has the domain's shape). */
  eventProblems(event: unknown): FieldProblem[];
  /** Pure: the stream an event of this domain belongs to (for Given events written without one). */
  streamOfEvent(event: DomainEvent): string;
  /** Pure: the lane group of a stream on the timeline, e.g. `doctorday`, `patient`. */
  streamGroupOf(streamId: string): string;
  queries: Q;
  ids: Readonly<Record<string, IdKind>>;
  sagaViews: Readonly<Record<string, SagaView>>;
  invariants: Invariant[];
  /** The race lab's generators, properties and planted bugs (absent: only the generic log properties apply). */
  race?: RaceDefinition;
  walkthroughs: Walkthrough[];
  scenarios: ScenarioSpec[];
  demo?: Demo;
  settings: Readonly<Record<string, SettingDefinition>>;
  /** The settings in force (defaults filled in). */
  settingValues: DomainSettings;
  /** Pure: the same domain under other settings (unknown names and bad values are refused with a clear error). */
  configure(settings: DomainSettings): DomainModule<Q>;
  /** Pure: one sentence for an event, e.g. "tom-baker booked ana-silva_2026-03-03 09:00" (the log shows it). */
  describeEvent?(event: DomainEvent): string;
  /**
   * Pure: the events of one stream, in a new order or with changed data (a what-if branch), that its aggregate
   * could not have recorded: a stream that does not start with its creation, a booking of a slot never scheduled.
   * Without it every history is accepted and the deciders' own checks apply to commands only.
   */
  historyProblems?(streamId: string, events: readonly DomainEvent[]): HistoryProblem[];
}
