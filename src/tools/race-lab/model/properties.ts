import type { RecordedEvent } from '../../../core/event.ts';
import { OVERBOOKING, type SchedulingEvent } from '../../../domains/scheduling/events.ts';
import { dateOfDay } from '../../../domains/scheduling/ids.ts';
import {
  cancelledDayHasNoActiveBooking,
  contiguousVersions,
  doubleSlotAtomicity,
  gaplessPositions,
  monthlyCap,
  slotExclusivity,
  type Overshoot,
  type Violation,
} from '../../../domains/scheduling/invariants.ts';
import { schedulingProjections } from '../../../domains/scheduling/projections/index.ts';
import { monthOf } from '../../../domains/scheduling/time.ts';
import { canonicalJson, hashText } from '../../../core/json.ts';
import type { BugName, Race, RaceObservation, RaceOutcome, RaceRunner } from './race.ts';

/** A broken guarantee, with the log positions and the scheduler step where it shows (when known). */
export interface PropertyViolation {
  property: string;
  invariant: string;
  message: string;
  positions: number[];
  step: number | null;
}

/**
 * A guarantee of the runtime, checked over what a race produced. `check` is pure; the runner that produced
 * the outcome is injected by the caller (`runRace` in node and in the app's worker).
 */
export interface RaceProperty {
  name: string;
  /** "always…/never…": what the property promises. */
  title: string;
  /** `always`: at every step; `settled`: once every projection and saga caught up; `meta`: about the lab itself. */
  kind: 'always' | 'settled' | 'meta';
  /** The planted bugs this property is meant to catch. */
  catches: BugName[];
  /** Needs a second run of the same race (determinism). */
  needsReplay?: boolean;
  /** What the runner must watch while the race runs. */
  observe?: RaceObservation;
  check(outcome: RaceOutcome, race: Race, replay?: RaceOutcome): PropertyViolation[];
}

const raceEvents = (outcome: RaceOutcome) => outcome.log.slice(outcome.setupHead);
const isSettled = (outcome: RaceOutcome) => outcome.livelock === null;

const fromInvariants =
  (property: string, outcome: RaceOutcome) =>
  (violations: Violation[]): PropertyViolation[] =>
    violations.map((v) => ({
      property,
      invariant: v.invariant,
      message: v.message,
      positions: v.positions,
      step: v.positions.map((p) => outcome.appendSteps[p]).find((s) => s !== undefined) ?? null,
    }));

const violation = (
  property: string,
  invariant: string,
  message: string,
  positions: number[] = [],
  step: number | null = null,
) => ({
  property,
  invariant,
  message,
  positions,
  step,
});

export const slotExclusivityProperty: RaceProperty = {
  name: 'slotExclusivity',
  title: 'never gives one slot to two patients, at any step',
  kind: 'always',
  catches: ['skipVersionCheck'],
  check: (outcome) => fromInvariants('slotExclusivity', outcome)(slotExclusivity(outcome.log)),
};

export const doubleSlotProperty: RaceProperty = {
  name: 'doubleSlotAllOrNothing',
  title: 'always books both halves of a double slot in one append, or neither',
  kind: 'always',
  catches: ['splitAppends'],
  check(outcome) {
    const found = fromInvariants('doubleSlotAllOrNothing', outcome)(doubleSlotAtomicity(outcome.log));
    for (const op of outcome.operations) {
      if (op.intent.kind === 'bookDouble' && op.outcome === 'ok' && op.eventIds.length !== 2) {
        found.push(
          violation(
            'doubleSlotAllOrNothing',
            'doubleSlotAcknowledgement',
            `${op.actor} was told the double slot ${op.intent.dayId} ${op.intent.time} was booked, but only ${op.eventIds.length} booking was written`,
            [],
            op.completeStep,
          ),
        );
      }
    }
    return found;
  },
};

export const oneWinnerProperty: RaceProperty = {
  name: 'oneWinnerPerVersion',
  title: 'always lets exactly one writer win per stream version, and keeps versions contiguous',
  kind: 'always',
  catches: ['skipVersionCheck'],
  check(outcome) {
    const winners = new Map<string, (typeof outcome.appends)[number]>();
    const found: PropertyViolation[] = [];
    for (const append of outcome.appends) {
      const key = `${append.streamId}@${append.basedOnVersion}`;
      const earlier = winners.get(key);
      if (earlier) {
        found.push(
          violation(
            'oneWinnerPerVersion',
            'oneWinnerPerVersion',
            `${earlier.commandId} and ${append.commandId} both appended to ${append.streamId} after reading version ${append.basedOnVersion}`,
            [...earlier.positions, ...append.positions],
            append.step,
          ),
        );
      }
      winners.set(key, append);
    }
    const invariants = fromInvariants('oneWinnerPerVersion', outcome);
    return [
      ...found,
      ...invariants(contiguousVersions(outcome.log)),
      ...invariants(gaplessPositions(outcome.log)),
    ];
  },
};

export const noLostEventsProperty: RaceProperty = {
  name: 'noLostOrPhantomEvents',
  title: 'never loses, duplicates or invents an event (acknowledgements against the log)',
  kind: 'always',
  catches: [],
  check(outcome) {
    const name = 'noLostOrPhantomEvents';
    const found: PropertyViolation[] = [];
    const log = raceEvents(outcome);
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of outcome.log) byId.set(event.id, [...(byId.get(event.id) ?? []), event]);
    for (const [id, copies] of byId) {
      if (copies.length > 1) {
        found.push(
          violation(
            name,
            'duplicated',
            `Event ${id} is in the log ${copies.length} times`,
            copies.map((e) => e.position),
          ),
        );
      }
    }
    const uncertain = new Set(outcome.operations.filter((o) => o.outcome === 'info').map((o) => o.commandId));
    const acknowledged = new Set<string>();
    for (const command of outcome.commands) {
      if (command.outcome.kind !== 'accepted') continue;
      for (const id of command.outcome.eventIds) {
        acknowledged.add(id);
        if (!byId.has(id))
          found.push(
            violation(
              name,
              'lost',
              `${command.commandId} was acknowledged with event ${id}, which is not in the log`,
            ),
          );
      }
    }
    for (const op of outcome.operations) {
      if (op.outcome === 'ok') {
        for (const id of op.eventIds) {
          if (!byId.has(id))
            found.push(
              violation(
                name,
                'lost',
                `${op.actor} was told ${id} was written, but it is not in the log`,
                [],
                op.completeStep,
              ),
            );
        }
      }
      if (op.outcome === 'fail') {
        const written = log.filter((e) => e.metadata.commandId === op.commandId);
        if (written.length > 0) {
          found.push(
            violation(
              name,
              'phantom',
              `${op.actor} was told ${op.commandId} failed (${op.errorCode}), yet it wrote ${written.map((e) => e.type).join(', ')}`,
              written.map((e) => e.position),
              op.completeStep,
            ),
          );
        }
      }
    }
    for (const event of log) {
      if (acknowledged.has(event.id) || uncertain.has(event.metadata.commandId)) continue;
      found.push(
        violation(
          name,
          'phantom',
          `Event ${event.id} (${event.type}) is in the log but no command was acknowledged with it`,
          [event.position],
          outcome.appendSteps[event.position] ?? null,
        ),
      );
    }
    const effects = new Map<string, number>();
    for (const event of log) {
      const key = `${event.metadata.commandId}|${event.streamId}|${event.type}|${canonicalJson(event.data)}`;
      const first = effects.get(key);
      if (first !== undefined) {
        found.push(
          violation(name, 'duplicated', `${event.metadata.commandId} wrote the same ${event.type} twice`, [
            first,
            event.position,
          ]),
        );
      }
      effects.set(key, event.position);
    }
    return found;
  },
};

/** Pure: each projection folded from scratch over the whole log. */
export function freshProjections(log: readonly RecordedEvent[]): Record<string, unknown> {
  return Object.fromEntries(
    schedulingProjections().map((projection) => [
      projection.name,
      log.reduce((state, event) => projection.apply(state, event), projection.initialState()),
    ]),
  );
}

export const projectionsReplayProperty: RaceProperty = {
  name: 'projectionsMatchReplay',
  title: 'always ends, once settled, with every projection equal to a fresh replay of the log',
  kind: 'settled',
  catches: ['nonIdempotentProjections'],
  check(outcome) {
    if (!isSettled(outcome)) return [];
    const name = 'projectionsMatchReplay';
    const fresh = freshProjections(outcome.log);
    const head = outcome.log.length;
    const found: PropertyViolation[] = [];
    for (const projection of outcome.projections) {
      if (projection.checkpoint !== head) {
        found.push(
          violation(
            name,
            'caughtUp',
            `${projection.name} stopped at ${projection.checkpoint}; the log ends at ${head}`,
          ),
        );
      }
      if (canonicalJson(projection.state) !== canonicalJson(fresh[projection.name])) {
        found.push(
          violation(
            name,
            'equalsReplay',
            `${projection.name} differs from a fresh replay of the ${head} events`,
          ),
        );
      }
    }
    for (const saga of outcome.sagas) {
      if (saga.checkpoint !== head)
        found.push(
          violation(
            name,
            'caughtUp',
            `saga ${saga.name} stopped at ${saga.checkpoint}; the log ends at ${head}`,
          ),
        );
    }
    return found;
  },
};

export const projectionsIdempotentProperty: RaceProperty = {
  name: 'projectionsIdempotentAndMonotonic',
  title: 'never lets a redelivered event change a projection, nor a checkpoint go back',
  kind: 'always',
  catches: ['nonIdempotentProjections'],
  observe: { checkEveryDelivery: true },
  check: (outcome) =>
    outcome.stepFindings.map((f) =>
      violation('projectionsIdempotentAndMonotonic', f.kind, `Step ${f.step}: ${f.message}`, [], f.step),
    ),
};

/** The largest transient overshoot of the monthly limit while the race ran (the saga compensates it later). */
export const largestOvershoot = (outcome: RaceOutcome, race: Race): Overshoot | null =>
  monthlyCap(outcome.log, race.monthlyLimit).largestOvershoot;

export const monthlyCapProperty: RaceProperty = {
  name: 'monthlyCapOnceSettled',
  title: 'always holds the monthly limit once settled (a transient overshoot is allowed)',
  kind: 'settled',
  catches: ['staleSagaReads'],
  check: (outcome, race) =>
    isSettled(outcome)
      ? fromInvariants(
          'monthlyCapOnceSettled',
          outcome,
        )(monthlyCap(outcome.log, race.monthlyLimit).violations)
      : [],
};

type Booking = { patientId: string; month: string };
const bookingKey = (data: { dayId: string; slotId: string; patientId: string }) =>
  `${data.patientId}|${data.dayId}|${data.slotId}`;

/** Pure: active bookings at the end of the log (every cancellation counts). */
export function activeBookings(log: readonly RecordedEvent[]): Set<string> {
  const active = new Set<string>();
  for (const recorded of log) {
    const event = recorded as unknown as SchedulingEvent;
    if (event.type === 'SlotBooked') active.add(bookingKey(event.data));
    if (event.type === 'SlotBookingCancelled') active.delete(bookingKey(event.data));
  }
  return active;
}

/**
 * Pure oracle: the same accepted bookings and non-saga cancellations, in log order, with the monthly rule
 * applied at once (a sequential world where the saga reacts before anything else happens).
 */
export function sequentialOracle(log: readonly RecordedEvent[], monthlyLimit: number): Set<string> {
  const active = new Map<string, Booking>();
  const counts = new Map<string, number>();
  const countKey = (b: Booking) => `${b.patientId}/${b.month}`;
  for (const recorded of log) {
    const event = recorded as unknown as SchedulingEvent;
    if (event.type !== 'SlotBooked' && event.type !== 'SlotBookingCancelled') continue;
    const key = bookingKey(event.data);
    const booking = { patientId: event.data.patientId, month: monthOf(dateOfDay(event.data.dayId)) };
    if (event.type === 'SlotBooked') {
      const count = (counts.get(countKey(booking)) ?? 0) + 1;
      if (count > monthlyLimit) continue;
      active.set(key, booking);
      counts.set(countKey(booking), count);
    } else if (event.data.reason !== OVERBOOKING && active.has(key)) {
      active.delete(key);
      counts.set(countKey(booking), (counts.get(countKey(booking)) ?? 1) - 1);
    }
  }
  return new Set(active.keys());
}

export const sagaSurplusProperty: RaceProperty = {
  name: 'sagaCancelsExactlyTheSurplus',
  title: 'always cancels exactly the surplus bookings, as a sequential replay would',
  kind: 'settled',
  catches: ['staleSagaReads'],
  check(outcome, race) {
    if (!isSettled(outcome)) return [];
    const actual = activeBookings(outcome.log);
    const expected = sequentialOracle(outcome.log, race.monthlyLimit);
    const found: PropertyViolation[] = [];
    for (const key of expected) {
      if (!actual.has(key))
        found.push(
          violation(
            'sagaCancelsExactlyTheSurplus',
            'overCompensated',
            `Booking ${key} was cancelled, but it was within the limit`,
          ),
        );
    }
    for (const key of actual) {
      if (!expected.has(key))
        found.push(
          violation(
            'sagaCancelsExactlyTheSurplus',
            'underCompensated',
            `Booking ${key} is still active, but it was over the limit`,
          ),
        );
    }
    return found;
  },
};

export const cancelledDayProperty: RaceProperty = {
  name: 'cancelledDayHasNoActiveBooking',
  title: 'never leaves an active booking on a cancelled day',
  kind: 'always',
  catches: ['skipVersionCheck'],
  check: (outcome) =>
    fromInvariants('cancelledDayHasNoActiveBooking', outcome)(cancelledDayHasNoActiveBooking(outcome.log)),
};

export const boundedProgressProperty: RaceProperty = {
  name: 'boundedProgress',
  title: 'always settles within the step budget, every operation answered',
  kind: 'always',
  catches: [],
  check(outcome) {
    const name = 'boundedProgress';
    const found: PropertyViolation[] = [];
    if (outcome.livelock)
      found.push(
        violation(
          name,
          'livelock',
          `The race did not settle within ${outcome.livelock.steps} scheduler steps`,
        ),
      );
    for (const op of outcome.operations) {
      if (op.completeStep === null)
        found.push(
          violation(
            name,
            'unanswered',
            `${op.actor}'s ${op.intent.kind} (${op.commandId}) never got an answer`,
          ),
        );
    }
    for (const failure of outcome.failures)
      found.push(violation(name, 'runnerFailed', `${failure.subscriber} failed: ${failure.message}`));
    return found;
  },
};

/** Pure: a short fingerprint of a run: the log's hash and the scheduler's trace length. */
export const fingerprint = (outcome: RaceOutcome) => ({
  logHash: hashText(canonicalJson(outcome.log)),
  events: outcome.log.length,
  steps: outcome.trace.length,
});

export const deterministicReplayProperty: RaceProperty = {
  name: 'deterministicReplay',
  title: 'always replays the same race (seed and choices) to a byte-identical log',
  kind: 'meta',
  catches: [],
  needsReplay: true,
  check(outcome, _race, replay) {
    if (!replay) return [];
    const found: PropertyViolation[] = [];
    if (JSON.stringify(outcome.log) !== JSON.stringify(replay.log)) {
      const a = fingerprint(outcome);
      const b = fingerprint(replay);
      found.push(
        violation(
          'deterministicReplay',
          'sameLog',
          `The replay wrote a different log (${a.logHash}, ${a.events} events vs ${b.logHash}, ${b.events} events)`,
        ),
      );
    }
    if (JSON.stringify(outcome.trace) !== JSON.stringify(replay.trace)) {
      found.push(
        violation(
          'deterministicReplay',
          'sameTrace',
          `The replay took a different path (${outcome.trace.length} vs ${replay.trace.length} steps)`,
        ),
      );
    }
    return found;
  },
};

/** Every property of the race lab, in the order the lab lists them. */
export const raceProperties: RaceProperty[] = [
  slotExclusivityProperty,
  doubleSlotProperty,
  oneWinnerProperty,
  noLostEventsProperty,
  projectionsReplayProperty,
  projectionsIdempotentProperty,
  monthlyCapProperty,
  sagaSurplusProperty,
  cancelledDayProperty,
  boundedProgressProperty,
  deterministicReplayProperty,
];

/** Pure: the property of that name. */
export function propertyNamed(name: string): RaceProperty {
  const found = [...raceProperties, everyProperty].find((p) => p.name === name);
  if (!found) throw new Error(`No race property named "${name}"`);
  return found;
}

/** Runs the race (twice when the property needs a replay) and checks it. */
export async function evaluateRace(
  property: RaceProperty,
  race: Race,
  runner: RaceRunner,
): Promise<{ outcome: RaceOutcome; violations: PropertyViolation[] }> {
  const outcome = await runner(race, property.observe);
  const replay = property.needsReplay ? await runner(race, property.observe) : undefined;
  return { outcome, violations: property.check(outcome, race, replay) };
}

/** Several properties checked over one run (and one replay when any needs it). */
export function combinedProperty(name: string, properties: RaceProperty[]): RaceProperty {
  return {
    name,
    title: `always keeps ${properties.map((p) => p.name).join(', ')}`,
    kind: 'meta',
    catches: [...new Set(properties.flatMap((p) => p.catches))],
    needsReplay: properties.some((p) => p.needsReplay),
    observe: { checkEveryDelivery: properties.some((p) => p.observe?.checkEveryDelivery) },
    check: (outcome, race, replay) => properties.flatMap((p) => p.check(outcome, race, replay)),
  };
}

/** Every property at once over one run (and its replay): how CI and the lab's "run all" check a race. */
export const everyProperty: RaceProperty = {
  ...combinedProperty('everyProperty', raceProperties),
  title: 'always keeps every guarantee of the race lab',
};
