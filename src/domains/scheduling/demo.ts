/** A demo practice to start from: three doctors, four patients, a day each, three bookings. */
import type { Command } from '../../core/boundedContext.ts';
import { addDays } from '../../core/clock.ts';
import { people } from './builders.ts';
import { dayIdOf, slotIdOf } from './ids.ts';
import { addMinutes, instantOf, minutesOf } from './time.ts';

const HOURS: [string, string][] = [
  ['09:00', '10:30'],
  ['08:30', '10:00'],
  ['10:00', '11:30'],
];
const BOOKINGS: [number, string][] = [
  [0, '09:00'],
  [1, '09:20'],
  [2, '09:40'],
];
const EARLIEST = '08:30';

const times = (from: string, to: string) =>
  Array.from({ length: (minutesOf(to) - minutesOf(from)) / 10 }, (_, i) => addMinutes(from, i * 10));

/** Pure: the day the demo schedules: today while its first slot is still ahead of the clock, else tomorrow. */
export const demoDate = (now: string): string =>
  instantOf(now.slice(0, 10), EARLIEST) > now ? now.slice(0, 10) : addDays(now, 1).slice(0, 10);

/** Pure: the demo's commands for a clock at `now`: every slot it schedules and books is ahead of the clock. */
export function demoCommands(now: string): Command[] {
  const date = demoDate(now);
  const doctors = [people.anaSilva, people.raviPatel, people.graceOkafor];
  const patients = [people.tomBaker, people.mariaLopez, people.chenWei, people.amaraNwosu];
  const dayOfAna = dayIdOf(doctors[0].doctorId, date);
  return [
    ...doctors.map((doctor) => ({ type: 'RegisterDoctor', data: { ...doctor } })),
    ...patients.map((patient) => ({ type: 'RegisterPatient', data: { ...patient } })),
    ...doctors.map((doctor, i) => ({
      type: 'ScheduleDay',
      data: {
        doctorId: doctor.doctorId,
        date,
        slots: times(...HOURS[i]).map((startTime) => ({ startTime })),
      },
    })),
    ...BOOKINGS.map(([patient, time]) => ({
      type: 'BookSlot',
      data: { dayId: dayOfAna, slotId: slotIdOf(dayOfAna, time), patientId: patients[patient].patientId },
    })),
  ];
}
