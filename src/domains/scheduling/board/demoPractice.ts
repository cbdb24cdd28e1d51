import { people } from '../builders.ts';
import { dayIdOf, slotIdOf } from '../ids.ts';
import { slotTimes } from '../../../ui/forms/commandForms.ts';

type Dispatch = (command: { type: string; data: Record<string, unknown> }) => Promise<{ kind: string }>;

export interface DemoOptions {
  /** The day to schedule, `YYYY-MM-DD`. */
  date: string;
  /** Bookings to make: [patient index, slot start time]. */
  bookings?: [number, string][];
}

/** Fills an empty practice through real commands: three doctors, four patients, one scheduled day each. */
export async function seedDemoPractice(dispatch: Dispatch, { date, bookings }: DemoOptions): Promise<void> {
  const doctors = [people.anaSilva, people.raviPatel, people.graceOkafor];
  const patients = [people.tomBaker, people.mariaLopez, people.chenWei, people.amaraNwosu];
  for (const d of doctors) await dispatch({ type: 'RegisterDoctor', data: { ...d } });
  for (const p of patients) await dispatch({ type: 'RegisterPatient', data: { ...p } });
  const hours: [string, string][] = [
    ['09:00', '10:30'],
    ['08:30', '10:00'],
    ['10:00', '11:30'],
  ];
  for (const [i, d] of doctors.entries()) {
    const slots = slotTimes(...hours[i]).map((startTime) => ({ startTime }));
    await dispatch({ type: 'ScheduleDay', data: { doctorId: d.doctorId, date, slots } });
  }
  const plan = bookings ?? [
    [0, '09:00'],
    [1, '09:20'],
    [2, '09:40'],
  ];
  for (const [patient, time] of plan) {
    const dayId = dayIdOf(doctors[0].doctorId, date);
    await dispatch({
      type: 'BookSlot',
      data: { dayId, slotId: slotIdOf(dayId, time), patientId: patients[patient].patientId },
    });
  }
}
