import type { Command } from '../../../core/boundedContext.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import type { TraceEntry } from '../../../core/scheduler/scheduler.ts';
import { dayIdOf, slotIdOf } from '../../../domains/scheduling/ids.ts';

/** Who exists before the race starts: set up sequentially, with no interleaving. */
export interface RaceSetup {
  /** The virtual clock when the race starts, `YYYY-MM-DDTHH:MM`. */
  now: string;
  doctors: { doctorId: string; name: string }[];
  patients: { patientId: string; name: string }[];
  days: { doctorId: string; date: string; times: string[] }[];
}

/** What an actor tries to do. Slots are named by their day and start time. */
export type Intent =
  | { kind: 'book'; patientId: string; dayId: string; time: string }
  | { kind: 'bookDouble'; patientId: string; dayId: string; time: string }
  | { kind: 'cancelBooking'; patientId: string; dayId: string; time: string }
  | { kind: 'cancelDay'; dayId: string }
  | { kind: 'moveClock'; to: string };

/** One step of an actor's session. An actor's operations run in order; different actors run concurrently. */
export interface Operation {
  actor: string;
  intent: Intent;
}

/** Environment faults: not bugs, the runtime must cope with them. */
export interface RaceFaults {
  /** Events delivered twice, by position counted from the race's first event (1 = first event of the race). */
  duplicateDelivery: number[];
  /** Events per delivery to projections and sagas (1 = finest; larger = delayed, lumpier delivery). */
  deliveryBatchSize: number;
  /** Operations (by index) whose first successful append loses its acknowledgement, so the handler retries. */
  lostAcks: number[];
}

/** Planted bugs (BUGGIFY): each one breaks a guarantee a property checks. All off by default. */
export interface BugToggles {
  /** Appends skip the expected-version check. */
  skipVersionCheck: boolean;
  /** A double slot is written as two separate appends. */
  splitAppends: boolean;
  /** Projections apply redelivered events again (needs duplicate delivery to show). */
  nonIdempotentProjections: boolean;
  /** The overbooking saga counts from the read model as it is at delivery, not from its own state. */
  staleSagaReads: boolean;
}

export type BugName = keyof BugToggles;

/** A whole race as plain JSON: the same race replays to the same log, byte for byte. */
export interface Race {
  seed?: number;
  setup: RaceSetup;
  operations: Operation[];
  /** Drives the deterministic scheduler: 0 keeps the current actor, k > 0 switches to another. */
  choices: number[];
  faults: RaceFaults;
  bugs: BugToggles;
  monthlyLimit: number;
}

export const NO_FAULTS: RaceFaults = { duplicateDelivery: [], deliveryBatchSize: 1, lostAcks: [] };
export const NO_BUGS: BugToggles = {
  skipVersionCheck: false,
  splitAppends: false,
  nonIdempotentProjections: false,
  staleSagaReads: false,
};

/** What an operation's caller was told (Jepsen's ok/fail/info: info = unknown, e.g. the ack was lost). */
export interface OperationRecord {
  index: number;
  actor: string;
  intent: Intent;
  commandId: string;
  /** Scheduler steps (virtual time) when the operation started and ended. */
  invokeStep: number;
  completeStep: number | null;
  outcome: 'ok' | 'fail' | 'info';
  eventIds: string[];
  errorCode?: string;
}

/** One successful append, with the stream version its writer had read before deciding. */
export interface AppendRecord {
  step: number;
  owner: string;
  commandId: string;
  streamId: string;
  /** The last version of the stream this writer knew when it appended. */
  basedOnVersion: number;
  positions: number[];
}

/** A finding made while the race ran (not visible in the final log). */
export interface StepFinding {
  step: number;
  subscriber: string;
  kind: 'projectionDiverged' | 'checkpointWentBack';
  message: string;
}

/** Everything a run of a race produced, as plain JSON: the properties are pure functions of it. */
export interface RaceOutcome {
  log: RecordedEvent[];
  /** Log positions up to this one were written by the setup. */
  setupHead: number;
  operations: OperationRecord[];
  /** Every command the runtime handled (operations and saga reactions) with its recorded outcome. */
  commands: {
    commandId: string;
    type: string;
    actor?: string;
    outcome: { kind: 'accepted'; eventIds: string[] } | { kind: 'rejected'; code: string };
  }[];
  appends: AppendRecord[];
  /** Step at which each race event was appended, by position. */
  appendSteps: Record<number, number>;
  stepFindings: StepFinding[];
  /** Read-model states once settled (or when the run stopped). */
  projections: { name: string; checkpoint: number; state: unknown }[];
  sagas: { name: string; checkpoint: number }[];
  /** Failures the runtime's runners reported. */
  failures: { subscriber: string; message: string }[];
  trace: TraceEntry[];
  contextSwitches: number;
  choicesUsed: number;
  /** Set when the run did not settle within its step budget. */
  livelock: { steps: number } | null;
}

/** What a property asks the runner to watch beyond the log (costly, so only on request). */
export interface RaceObservation {
  /** Compare each projection with a fresh fold of the log after every delivery. */
  checkEveryDelivery?: boolean;
}

/** Runs a race on the real runtime; injected into the properties (the app passes `runRace`). */
export type RaceRunner = (race: Race, observe?: RaceObservation) => Promise<RaceOutcome>;

const slotOf = (intent: { dayId: string; time: string }) => slotIdOf(intent.dayId, intent.time);

/** Pure: the command an intent dispatches, or null for a clock move. */
export function commandOf(intent: Intent): Command | null {
  switch (intent.kind) {
    case 'book':
      return {
        type: 'BookSlot',
        data: { dayId: intent.dayId, slotId: slotOf(intent), patientId: intent.patientId },
      };
    case 'bookDouble':
      return {
        type: 'BookDoubleSlot',
        data: { dayId: intent.dayId, slotId: slotOf(intent), patientId: intent.patientId },
      };
    case 'cancelBooking':
      return {
        type: 'CancelSlotBooking',
        data: {
          dayId: intent.dayId,
          slotId: slotOf(intent),
          patientId: intent.patientId,
          reason: 'patient-cancelled',
        },
      };
    case 'cancelDay':
      return { type: 'CancelDaySchedule', data: { dayId: intent.dayId, reason: 'doctor unavailable' } };
    case 'moveClock':
      return null;
  }
}

/** Pure: the commands that build the setup, in order. */
export function setupCommands(setup: RaceSetup): Command[] {
  return [
    ...setup.doctors.map(({ doctorId, name }) => ({
      type: 'RegisterDoctor',
      data: { doctorId, name, specialty: 'General practice' },
    })),
    ...setup.patients.map(({ patientId, name }) => ({
      type: 'RegisterPatient',
      data: { patientId, name, email: `${patientId}@example.org`, birthDate: '1980-05-17' },
    })),
    ...setup.days.map(({ doctorId, date, times }) => ({
      type: 'ScheduleDay',
      data: { doctorId, date, slots: times.map((startTime) => ({ startTime })) },
    })),
  ];
}

/** Pure: the day ids of a setup, in order. */
export const dayIdsOf = (setup: RaceSetup): string[] => setup.days.map((d) => dayIdOf(d.doctorId, d.date));

/** Pure: one line a person reads, e.g. `tom books ana_2026-03-03 09:10`. */
export function describeOperation(operation: Operation): string {
  const { actor, intent } = operation;
  switch (intent.kind) {
    case 'book':
      return `${actor} books ${intent.dayId} ${intent.time}${intent.patientId === actor ? '' : ` for ${intent.patientId}`}`;
    case 'bookDouble':
      return `${actor} books a double slot ${intent.dayId} ${intent.time}${intent.patientId === actor ? '' : ` for ${intent.patientId}`}`;
    case 'cancelBooking':
      return `${actor} cancels ${intent.patientId}'s booking ${intent.dayId} ${intent.time}`;
    case 'cancelDay':
      return `${actor} cancels the day ${intent.dayId}`;
    case 'moveClock':
      return `${actor} moves the clock to ${intent.to}`;
  }
}

/** Pure: the counts a counterexample is judged by. */
export function raceSize(race: Race, outcome?: RaceOutcome) {
  return {
    operations: race.operations.length,
    actors: new Set(race.operations.map((o) => o.actor)).size,
    nonZeroChoices: race.choices.filter((c) => c !== 0).length,
    contextSwitches: outcome?.contextSwitches ?? null,
    steps: outcome?.trace.length ?? null,
  };
}
