import { AppState, type Outcome } from '../src/ui/shell/appState.svelte.ts';
import { seedDemoPractice } from '../src/domains/scheduling/board/demoPractice.ts';
import { slotTimes } from '../src/ui/forms/commandForms.ts';
import { people } from '../src/domains/scheduling/builders.ts';

/** The date the fixtures schedule; the clock starts the day before. */
export const DAY = '2026-03-03';
const NOW = '2026-03-02T08:00';

/** A real in-memory sandbox with nothing in it. */
export async function emptyApp(): Promise<AppState> {
  const app = AppState.inMemory({ now: NOW });
  await app.settle();
  return app;
}

/** Three doctors, four patients, a day each, three bookings. */
export async function typicalApp(): Promise<AppState> {
  const app = AppState.inMemory({ now: NOW });
  await seedDemoPractice((c) => app.dispatch(c), { date: DAY });
  await app.settle();
  return app;
}

/** Monthly limit 1: Tom's second booking is compensated by the overbooking saga, and he is told. */
export async function overbookedApp(): Promise<AppState> {
  const app = AppState.inMemory({ now: NOW, monthlyLimit: 1 });
  await seedDemoPractice((c) => app.dispatch(c), {
    date: DAY,
    bookings: [
      [0, '09:00'],
      [0, '09:30'],
      [1, '09:20'],
    ],
  });
  await app.dispatch({
    type: 'CancelDaySchedule',
    data: { dayId: `ravi-patel_${DAY}`, reason: 'doctor unwell' },
  });
  await app.settle();
  return app;
}

/** Thousands of events: five doctors, twelve days of 36 slots, many bookings and cancellations. */
export async function largeApp(): Promise<AppState> {
  const app = AppState.inMemory({ now: NOW, monthlyLimit: 40 });
  const doctors = [people.anaSilva, people.raviPatel, people.graceOkafor];
  const patients = [people.tomBaker, people.mariaLopez, people.chenWei, people.amaraNwosu];
  for (const d of doctors) await app.dispatch({ type: 'RegisterDoctor', data: { ...d } });
  for (const p of patients) await app.dispatch({ type: 'RegisterPatient', data: { ...p } });
  const times = [...slotTimes('08:00', '11:00'), ...slotTimes('13:00', '16:00')];
  for (let day = 3; day <= 14; day++) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    for (const d of doctors) {
      const dayId = `${d.doctorId}_${date}`;
      await app.dispatch({
        type: 'ScheduleDay',
        data: { doctorId: d.doctorId, date, slots: times.map((startTime) => ({ startTime })) },
      });
      for (const [i, p] of patients.entries()) {
        const slotId = `${dayId}_${times[i * 5]}`;
        await app.dispatch({ type: 'BookSlot', data: { dayId, slotId, patientId: p.patientId } });
      }
      if (day % 5 === 0)
        await app.dispatch({ type: 'CancelDaySchedule', data: { dayId, reason: 'training day' } });
    }
  }
  await app.settle();
  return app;
}

/** A real rejection from the runtime: booking a slot that does not exist. */
export async function rejectedOutcome(app: AppState): Promise<Outcome> {
  return app.dispatch({
    type: 'BookSlot',
    data: { dayId: `ana-silva_${DAY}`, slotId: 'nope', patientId: 'tom-baker' },
  });
}

/** A real acceptance: registering one more patient. */
export async function acceptedOutcome(app: AppState): Promise<Outcome> {
  return app.dispatch({
    type: 'RegisterPatient',
    data: {
      patientId: 'new-patient',
      name: 'New Patient',
      email: 'new@example.com',
      birthDate: '1990-01-01',
    },
  });
}

/** Story loaders: a real in-memory app, made by `make`, handed to the render function as `loaded.app`. */
export const withApp = (make: () => Promise<AppState>) => ({
  loaders: [async () => ({ app: await make() })],
});
