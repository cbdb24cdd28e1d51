// What the benches' practices are made of: the clock they start at, a full day's slot times, the registrations.
import type { SchedulingCommand } from '../src/domains/scheduling/index.ts';

export const NOW = '2026-01-01T00:00';

/** A full day's 36 slot start times: 08:00–11:50, then 13:00–14:50. */
export const DAY_TIMES = Array.from({ length: 36 }, (_, i) => {
  const minutes = 8 * 60 + i * 10 + (i >= 24 ? 60 : 0);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

/** Registers doctors `doc0…` and patients `pat0…`. */
export function registrations(doctors: number, patients: number): SchedulingCommand[] {
  const commands: SchedulingCommand[] = [];
  for (let d = 0; d < doctors; d++)
    commands.push({
      type: 'RegisterDoctor',
      data: { doctorId: `doc${d}`, name: `Dr ${d}`, specialty: 'GP' },
    });
  for (let p = 0; p < patients; p++)
    commands.push({
      type: 'RegisterPatient',
      data: {
        patientId: `pat${p}`,
        name: `Patient ${p}`,
        email: `p${p}@example.org`,
        birthDate: '1980-01-01',
      },
    });
  return commands;
}
