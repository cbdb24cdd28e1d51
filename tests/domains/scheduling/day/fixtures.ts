import {
  dayScheduleArchived,
  dayScheduleCancelled,
  dayScheduled,
  doctorRegistered,
  patientRegistered,
  people,
  slotScheduleCancelled,
  slotScheduled,
  slotTimes,
} from '../../../../src/domains/scheduling/builders.ts';

export const { anaSilva, tomBaker, mariaLopez } = people;

/** Dr Ana Silva registered, her Monday 2 March 2026 scheduled with these slots, Tom Baker and Maria Lopez registered. */
export const aScheduledDay = (times: string[] = slotTimes('09:00', 3)) => [
  doctorRegistered(),
  patientRegistered(),
  patientRegistered(mariaLopez),
  dayScheduled(),
  ...times.map((startTime) => slotScheduled({ startTime })),
];

export const aCancelledDay = (times: string[] = slotTimes('09:00', 3)) => [
  ...aScheduledDay(times),
  ...times.map((startTime) => slotScheduleCancelled({ startTime })),
  dayScheduleCancelled(),
];

export const anArchivedDay = (times: string[] = slotTimes('09:00', 3)) => [
  ...aScheduledDay(times),
  dayScheduleArchived(),
];
