import fc from 'fast-check';
import { dayIdOf } from '../../../domains/scheduling/ids.ts';
import {
  NO_BUGS,
  describeOperation,
  type BugToggles,
  type Intent,
  type Operation,
  type Race,
  type RaceFaults,
  type RaceSetup,
} from './race.ts';

/** The knobs of a race: sizes, which intents and faults may appear, which bugs are planted. */
export interface RaceConfig {
  /** 1–5 patients (Tom, Eve, Ann, Bob, Kim). */
  patients: number;
  /** 1–3 days of Dr Ana Silva, in March 2026. */
  days: number;
  /** 2–12 consecutive 10-minute slots per day, from 09:00. */
  slotsPerDay: number;
  minOperations: number;
  maxOperations: number;
  monthlyLimit: number;
  /** Longest choice list, and largest choice value (k > 0 switches to the k-th other waiting actor). */
  maxChoices: number;
  maxChoice: number;
  /** Each patient may act from two sessions at once (`tom` and `tom#2`), e.g. a phone and a laptop. */
  hasSecondSessions: boolean;
  intents: { book: number; bookDouble: number; cancelBooking: number; cancelDay: number; moveClock: number };
  faults: { duplicateDelivery: boolean; delayedDelivery: boolean; lostAcks: boolean };
  bugs: BugToggles;
}

export const defaultRaceConfig: RaceConfig = {
  patients: 3,
  days: 1,
  slotsPerDay: 6,
  minOperations: 1,
  maxOperations: 12,
  monthlyLimit: 2,
  maxChoices: 60,
  maxChoice: 7,
  hasSecondSessions: true,
  intents: { book: 6, bookDouble: 3, cancelBooking: 2, cancelDay: 1, moveClock: 1 },
  faults: { duplicateDelivery: true, delayedDelivery: true, lostAcks: true },
  bugs: NO_BUGS,
};

const PATIENTS = [
  { patientId: 'tom', name: 'Tom Baker' },
  { patientId: 'eve', name: 'Eve Moneypenny' },
  { patientId: 'ann', name: 'Ann Lee' },
  { patientId: 'bob', name: 'Bob Stone' },
  { patientId: 'kim', name: 'Kim Park' },
];
const DATES = ['2026-03-03', '2026-03-04', '2026-03-05'];
const DOCTOR = { doctorId: 'ana', name: 'Dr Ana Silva' };

const timeAt = (index: number) => {
  const minutes = 9 * 60 + index * 10;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** Pure: the practice a config describes (one doctor, its patients and days). */
export function raceSetup(config: Pick<RaceConfig, 'patients' | 'days' | 'slotsPerDay'>): RaceSetup {
  const times = Array.from({ length: Math.min(Math.max(config.slotsPerDay, 1), 18) }, (_, i) => timeAt(i));
  return {
    now: '2026-03-02T08:00',
    doctors: [DOCTOR],
    patients: PATIENTS.slice(0, Math.min(Math.max(config.patients, 1), PATIENTS.length)),
    days: DATES.slice(0, Math.min(Math.max(config.days, 1), DATES.length)).map((date) => ({
      doctorId: DOCTOR.doctorId,
      date,
      times,
    })),
  };
}

/** Operations print as a story in fast-check's reports: `[tom books ana_2026-03-03 09:00, …]`. */
function readable(operation: Operation): Operation {
  Object.defineProperty(operation, fc.toStringMethod, {
    value: () => describeOperation(operation),
    enumerable: false,
  });
  return operation;
}

/** An operation by one actor of the setup. */
export function operationArbitrary(setup: RaceSetup, config: RaceConfig): fc.Arbitrary<Operation> {
  const dayIds = setup.days.map((d) => dayIdOf(d.doctorId, d.date));
  const times = setup.days[0]?.times ?? [];
  const slot = fc.record({ dayId: fc.constantFrom(...dayIds), time: fc.constantFrom(...times) });
  const patient = fc.constantFrom(...setup.patients.map((p) => p.patientId));
  const isSecondSession = config.hasSecondSessions ? fc.boolean() : fc.constant(false);
  const byPatient = (kind: 'book' | 'bookDouble' | 'cancelBooking') =>
    fc.tuple(patient, slot, isSecondSession).map(([patientId, { dayId, time }, isSecond]) => ({
      actor: isSecond ? `${patientId}#2` : patientId,
      intent: { kind, patientId, dayId, time } as Intent,
    }));
  const clockTargets = setup.days.flatMap((d) => d.times.map((t) => `${d.date}T${t}`));
  const weighted = [
    { weight: config.intents.book, arbitrary: byPatient('book') },
    { weight: config.intents.bookDouble, arbitrary: byPatient('bookDouble') },
    { weight: config.intents.cancelBooking, arbitrary: byPatient('cancelBooking') },
    {
      weight: config.intents.cancelDay,
      arbitrary: fc
        .constantFrom(...dayIds)
        .map((dayId) => ({ actor: DOCTOR.doctorId, intent: { kind: 'cancelDay', dayId } as Intent })),
    },
    {
      weight: config.intents.moveClock,
      arbitrary: fc
        .constantFrom(...clockTargets)
        .map((to) => ({ actor: 'clock', intent: { kind: 'moveClock', to } as Intent })),
    },
  ].filter((w) => w.weight > 0);
  return fc.oneof(...weighted).map(readable);
}

/**
 * The scheduler's choice list. Each race draws its own switch density, so some schedules are chaotic and some
 * preempt rarely at random points (PCT's insight: few preemptions find most races). Why a `map` over raw draws:
 * every raw value shrinks towards 0, which here means "no switch", so shrinking removes context switches.
 */
export function choicesArbitrary(
  config: Pick<RaceConfig, 'maxChoice' | 'maxChoices'>,
): fc.Arbitrary<number[]> {
  return fc
    .record({
      density: fc.integer({ min: 0, max: 100 }),
      raw: fc.array(fc.tuple(fc.nat(99), fc.integer({ min: 1, max: Math.max(1, config.maxChoice) })), {
        maxLength: config.maxChoices,
      }),
    })
    .map(({ density, raw }) => raw.map(([draw, choice]) => (draw >= 100 - density ? choice : 0)));
}

/** The faults a config allows; none when switched off. */
export function faultsArbitrary(config: RaceConfig): fc.Arbitrary<RaceFaults> {
  return fc.record({
    duplicateDelivery: config.faults.duplicateDelivery
      ? fc.uniqueArray(fc.integer({ min: 1, max: 3 * config.maxOperations }), { maxLength: 3 })
      : fc.constant([]),
    deliveryBatchSize: config.faults.delayedDelivery ? fc.integer({ min: 1, max: 3 }) : fc.constant(1),
    lostAcks: config.faults.lostAcks
      ? fc.uniqueArray(fc.nat(Math.max(0, config.maxOperations - 1)), { maxLength: 2 })
      : fc.constant([]),
  });
}

/**
 * A whole race as generated data: operations, the scheduler's choice list and faults all shrink,
 * so a failure shrinks to few operations and few context switches. The setup is fixed by the config.
 */
export function raceArbitrary(overrides: Partial<RaceConfig> = {}): fc.Arbitrary<Race> {
  const config = { ...defaultRaceConfig, ...overrides };
  const setup = raceSetup(config);
  return fc
    .record({
      operations: fc.array(operationArbitrary(setup, config), {
        minLength: config.minOperations,
        maxLength: config.maxOperations,
      }),
      choices: choicesArbitrary(config),
      faults: faultsArbitrary(config),
    })
    .map(({ operations, choices, faults }) => ({
      setup,
      operations,
      choices,
      faults,
      bugs: config.bugs,
      monthlyLimit: config.monthlyLimit,
    }));
}
