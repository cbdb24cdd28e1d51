import fc from 'fast-check';
import type { SchedulingCommand } from '../../../../src/domains/scheduling/index.ts';
import {
  archiveDaySchedule,
  bookDoubleSlot,
  bookSlot,
  cancelDaySchedule,
  cancelSlotBooking,
  people,
  registerDoctor,
  registerPatient,
  scheduleDay,
  scheduleSlot,
} from '../../../../src/domains/scheduling/builders.ts';
import { PureWorld } from '../pureWorld.ts';

/** One thing that happens in the practice; `toString` tells it, so a shrunk failure reads as a story. */
export interface Step {
  run(world: PureWorld): void;
  toString(): string;
}

const doctors = [people.anaSilva, people.raviPatel];
const patients = [people.tomBaker, people.mariaLopez, people.chenWei];
const dates = ['2026-03-02', '2026-03-03', '2026-04-01'];
const times = ['09:00', '09:10', '09:20', '09:30', '11:50', '12:00'];

// Why weighted: races and double slots only happen when steps meet on the same few slots.
const doctorArb = fc.oneof(
  { arbitrary: fc.constant(doctors[0]), weight: 4 },
  { arbitrary: fc.constant(doctors[1]), weight: 1 },
);
const patientArb = fc.constantFrom(...patients);
const dateArb = fc.oneof(
  { arbitrary: fc.constant(dates[0]), weight: 6 },
  { arbitrary: fc.constantFrom(...dates.slice(1)), weight: 1 },
);
const timeArb = fc.oneof(
  { arbitrary: fc.constantFrom(...times.slice(0, 3)), weight: 6 },
  { arbitrary: fc.constantFrom(...times.slice(3)), weight: 1 },
);
const slotArb = fc.record({ doctor: doctorArb, date: dateArb, startTime: timeArb });

const name = (doctor: { name: string }) => doctor.name;
const shortName = (patient: { name: string }) => patient.name;

const dispatch = (story: string, command: SchedulingCommand): Step => ({
  run: (world) => {
    const before = world.log.length;
    const outcome = world.dispatch(command);
    if (outcome.result !== 'accepted' && world.log.length !== before)
      throw new Error(`${story}: rejected but appended`);
  },
  toString: () => story,
});

const commandStepArb: fc.Arbitrary<Step> = fc.oneof(
  doctorArb.map((doctor) => dispatch(`${name(doctor)} joins`, registerDoctor(doctor))),
  patientArb.map((patient) => dispatch(`${shortName(patient)} registers`, registerPatient(patient))),
  fc
    .record({ doctor: doctorArb, date: dateArb, slots: fc.subarray(times, { minLength: 0, maxLength: 4 }) })
    .map(({ doctor, date, slots }) =>
      dispatch(
        `${name(doctor)} opens ${date} with ${slots.join(', ') || 'no slots'}`,
        scheduleDay({ doctorId: doctor.doctorId, date, slots: slots.map((startTime) => ({ startTime })) }),
      ),
    ),
  slotArb.map(({ doctor, date, startTime }) =>
    dispatch(
      `${name(doctor)} adds ${startTime} on ${date}`,
      scheduleSlot({ doctorId: doctor.doctorId, date, startTime }),
    ),
  ),
  fc.record({ slot: slotArb, patient: patientArb }).map(({ slot, patient }) =>
    dispatch(
      `${shortName(patient)} books ${slot.startTime} on ${slot.date} with ${name(slot.doctor)}`,
      bookSlot({
        doctorId: slot.doctor.doctorId,
        date: slot.date,
        startTime: slot.startTime,
        patientId: patient.patientId,
      }),
    ),
  ),
  fc.record({ slot: slotArb, patient: patientArb }).map(({ slot, patient }) =>
    dispatch(
      `${shortName(patient)} books a double slot from ${slot.startTime} on ${slot.date} with ${name(slot.doctor)}`,
      bookDoubleSlot({
        doctorId: slot.doctor.doctorId,
        date: slot.date,
        startTime: slot.startTime,
        patientId: patient.patientId,
      }),
    ),
  ),
  fc.record({ slot: slotArb, patient: fc.option(patientArb, { nil: undefined }) }).map(({ slot, patient }) =>
    dispatch(
      `${patient ? shortName(patient) : 'Reception'} cancels the booking of ${slot.startTime} on ${slot.date} with ${name(slot.doctor)}`,
      cancelSlotBooking({
        doctorId: slot.doctor.doctorId,
        date: slot.date,
        startTime: slot.startTime,
        patientId: patient?.patientId,
      }),
    ),
  ),
  fc
    .record({ doctor: doctorArb, date: dateArb })
    .map(({ doctor, date }) =>
      dispatch(`${name(doctor)} cancels ${date}`, cancelDaySchedule({ doctorId: doctor.doctorId, date })),
    ),
  fc
    .record({ doctor: doctorArb, date: dateArb })
    .map(({ doctor, date }) =>
      dispatch(
        `${name(doctor)}'s ${date} is archived`,
        archiveDaySchedule({ doctorId: doctor.doctorId, date }),
      ),
    ),
);

const raceStepArb: fc.Arbitrary<Step> = fc
  .record({ slot: slotArb, first: patientArb, second: patientArb, isDouble: fc.boolean() })
  .map(({ slot, first, second, isDouble }) => {
    const book = isDouble ? bookDoubleSlot : bookSlot;
    const ref = { doctorId: slot.doctor.doctorId, date: slot.date, startTime: slot.startTime };
    return {
      run: (world: PureWorld) => {
        world.concurrently([
          book({ ...ref, patientId: first.patientId }),
          book({ ...ref, patientId: second.patientId }),
        ]);
      },
      toString: () =>
        `${shortName(first)} and ${shortName(second)} race for ${isDouble ? 'a double slot at ' : ''}${slot.startTime} on ${slot.date} with ${name(slot.doctor)}`,
    };
  });

const settleStep: Step = { run: (world) => world.settle(), toString: () => 'everything settles' };

// Why settle before moving the clock: a compensation sent after its slot has started is rejected (SlotInPast).
const clockStepArb: fc.Arbitrary<Step> = fc
  .constantFrom('2026-03-02T09:15', '2026-03-03T10:00')
  .map((to) => ({
    run: (world: PureWorld) => {
      world.settle();
      if (to > world.now) world.now = to;
    },
    toString: () => `the clock moves to ${to}`,
  }));

/** A step of practice life: mostly commands, sometimes a race, a settle or the clock moving on. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: commandStepArb, weight: 8 },
  { arbitrary: raceStepArb, weight: 2 },
  { arbitrary: fc.constant(settleStep), weight: 1 },
  { arbitrary: clockStepArb, weight: 1 },
);

/** A practice where everyone is registered and Dr Silva's Monday is open, so random steps reach deep states. */
export function openPractice(monthlyLimit = 2): PureWorld {
  const world = new PureWorld('2026-03-02T08:00', monthlyLimit);
  for (const doctor of doctors) world.dispatch(registerDoctor(doctor));
  for (const patient of patients) world.dispatch(registerPatient(patient));
  world.dispatch(scheduleDay({ slots: times.slice(0, 4).map((startTime) => ({ startTime })) }));
  return world;
}
