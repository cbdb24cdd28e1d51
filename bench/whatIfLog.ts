// A live log of about 10k events for the what-if benches (node and browser).
import { createDomainRuntime as createSandbox, scheduling } from '../src/domains/index.ts';
import { addDays } from '../src/core/clock.ts';
import type { RecordedEvent } from '../src/core/event.ts';
import { isSagaEvent, type WhatIfInput } from '../src/tools/what-if/whatIf.ts';
import { DAY_TIMES, NOW, registrations } from './practice.ts';

export { NOW };
export const MONTHLY_LIMIT = 10;

/**
 * A live log of about `events` events: 5 doctors, 400 patients, days of 36 slots, bookings spread over the
 * patients so that each overshoots the monthly limit about once (the overbooking saga compensates and mails).
 */
export async function largeLiveLog(events = 10_000): Promise<RecordedEvent[]> {
  const sandbox = createSandbox({ now: NOW, monthlyLimit: MONTHLY_LIMIT, runProjections: false });
  const patients = 400;
  const commands = registrations(5, patients);
  for (const command of commands) await sandbox.dispatch(command);
  let booking = 0;
  for (let day = 1; sandbox.head() < events; day++) {
    const date = addDays(NOW, day).slice(0, 10);
    for (let d = 0; d < 5 && sandbox.head() < events; d++) {
      await sandbox.dispatch({
        type: 'ScheduleDay',
        data: { doctorId: `doc${d}`, date, slots: DAY_TIMES.map((startTime) => ({ startTime })) },
      });
      for (const startTime of DAY_TIMES.slice(0, 30)) {
        const dayId = `doc${d}_${date}`;
        await sandbox.dispatch({
          type: 'BookSlot',
          data: { dayId, slotId: `${dayId}_${startTime}`, patientId: `pat${booking++ % patients}` },
        });
      }
    }
  }
  await sandbox.settle();
  const log = await sandbox.events();
  sandbox.close();
  return log;
}

/** The what-if the benches time: the log, with two of its bookings skipped. */
export function benchWhatIf(events: RecordedEvent[]): WhatIfInput {
  const bookings = events.filter((e) => !isSagaEvent(e) && e.type === 'SlotBooked');
  return {
    events,
    edits: [
      { kind: 'skip', position: bookings[100].position },
      { kind: 'skip', position: bookings[2_000].position },
    ],
    now: NOW,
  };
}

/** The domain the bench's log is recorded with: the practice under its monthly limit. */
export const benchDomain = scheduling.configure({ monthlyLimit: MONTHLY_LIMIT });
