/**
 * What a domain gives the race lab: the world a race starts from, the concurrent operations it generates, the
 * domain's own properties and measures, and its planted bugs. The race lab adds the generic log properties
 * (versions contiguous, one winner per version, nothing lost, projections equal a replay, determinism) and the
 * generic planted bugs (no version check, split appends, non-idempotent projections) to every domain.
 */
import type fc from 'fast-check';
import type { BoundedContext, Command } from '../boundedContext.ts';
import type { RecordedEvent } from '../event.ts';
import type { Violation } from '../invariant.ts';

/** A race's size knobs by name, e.g. `{ patients: 3, slotsPerDay: 6 }`. */
export type RaceKnobs = Record<string, number>;

/** One knob the race lab shows, with its range and default. */
export interface RaceKnob {
  label: string;
  min: number;
  max: number;
  default: number;
}

/** The world before a race: the clock, and commands run one after another (no interleaving). */
export interface RaceWorld {
  now: string;
  commands: Command[];
}

/** One step of an actor's session: send a command, or move the virtual clock. */
export type RaceStep = { kind: 'command'; command: Command } | { kind: 'clock'; to: string };

/** An actor's operations run in order; different actors run concurrently. */
export interface RaceOperation {
  actor: string;
  step: RaceStep;
}

/** A broken guarantee, with the log positions and the scheduler step where it shows (when known). */
export interface RaceViolation {
  property: string;
  invariant: string;
  message: string;
  positions: number[];
  step: number | null;
}

/**
 * A number the lab reports for every race (not a pass/fail): e.g. the monthly cap's largest transient overshoot,
 * or how long two patrons held one copy before the compensation landed.
 */
export interface RaceMeasure {
  name: string;
  label: string;
  /** Pure: the measure over the race's log, or null when there is nothing to report. */
  measure(
    log: readonly RecordedEvent[],
    settings: Record<string, unknown>,
  ): {
    value: number;
    message: string;
    positions: number[];
  } | null;
}

/** The parts of a domain a planted bug may rewrite. */
export interface PlantableDomain {
  context: BoundedContext;
  /** The settings in force (a bug may need them, e.g. the monthly limit a stale-read saga compares with). */
  settingValues?: Readonly<Record<string, unknown>>;
}

/**
 * A flaw a facilitator plants for learners to find. `plant` is pure: it returns the domain with the flaw, as a
 * decorator (a saga that reads a lagging read model, a process that skips a check), never a flag in the runtime.
 */
export interface PlantedBug {
  name: string;
  /** One line: what is broken. */
  label: string;
  /** What a learner should look for. */
  hint: string;
  /** The property the meta-tests expect to catch it. */
  caughtBy: string;
  plant(domain: PlantableDomain): PlantableDomain;
}

/**
 * A domain invariant as a race property: it must hold at every step of a race (`always`, e.g. a regular patron
 * never holds more than 5 books) or once every projection and saga has caught up (`settled`, e.g. the monthly cap,
 * which a saga restores after a transient overshoot). `check` is pure over the log.
 */
export interface DomainRaceProperty {
  name: string;
  /** "always…/never…": what the property promises. */
  title: string;
  when: 'always' | 'settled';
  check(log: readonly RecordedEvent[], settings: Readonly<Record<string, unknown>>): Violation[];
}

/** The domain's side of the race lab. */
export interface RaceDefinition {
  knobs: Record<string, RaceKnob>;
  /** Pure: the world a race starts from, for the given knobs. */
  world(knobs: RaceKnobs): RaceWorld;
  /** The concurrent operations of one race over that world (actors, sessions and steps are generated). */
  operations(world: RaceWorld, knobs: RaceKnobs): fc.Arbitrary<RaceOperation[]>;
  /** Pure: one line a person reads, e.g. `tom books ana_2026-03-03 09:10`. */
  describe(operation: RaceOperation): string;
  /** The domain's invariants as race properties (checked beside the generic ones). */
  properties: DomainRaceProperty[];
  measures?: RaceMeasure[];
  bugs: PlantedBug[];
}
