import type { WorkingHours } from '../events.ts';

export const MAX_DOCTORS = 5;

/** The practice's default consulting hours: 08:00–12:00 and 13:00–17:00. */
export const DEFAULT_WORKING_HOURS: WorkingHours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

/** Pure: a small practice employs between 1 and 5 doctors (seed 000). */
export const isPracticeFull = (doctorCount: number): boolean => doctorCount >= MAX_DOCTORS;
