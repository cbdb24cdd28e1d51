import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../src/core/event.ts';
import { recordEvents } from '../../../../src/core/givenWhenThen.ts';
import {
  dayScheduled,
  doctorRegistered,
  patientNotified,
  patientRegistered,
  slotBooked,
  slotBookingCancelled,
  slotScheduled,
  slotTimes,
} from '../../../../src/domain/scheduling/builders.ts';
import { createScheduling, streamIdOfEvent } from '../../../../src/domain/scheduling/index.ts';

/** About 100k events of a busy practice: 5 doctors, 500 patients, 36-slot days, bookings and cancellations. */
function busyPracticeLog(size: number) {
  const events: DomainEvent[] = [];
  const doctorIds = ['ana-silva', 'ravi-patel', 'grace-okafor', 'lena-fischer', 'omar-haddad'];
  doctorIds.forEach((doctorId) => events.push(doctorRegistered({ doctorId, name: `Dr ${doctorId}` })));
  for (let p = 0; p < 500; p++)
    events.push(patientRegistered({ patientId: `patient-${p}`, name: `Patient ${p}` }));
  const times = [...slotTimes('08:00', 24), ...slotTimes('13:00', 12)];
  for (let dayIndex = 0; events.length < size; dayIndex++) {
    const date = `2026-${String(1 + (Math.floor(dayIndex / 140) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(dayIndex / 5) % 28)).padStart(2, '0')}`;
    const doctorId = doctorIds[dayIndex % 5];
    events.push(dayScheduled({ doctorId, date }));
    times.forEach((startTime) => events.push(slotScheduled({ doctorId, date, startTime })));
    times.forEach((startTime, index) => {
      const patientId = `patient-${(dayIndex * 7 + index) % 500}`;
      events.push(slotBooked({ doctorId, date, startTime, patientId }));
      if (index % 6 === 0) {
        events.push(slotBookingCancelled({ doctorId, date, startTime, patientId }));
        events.push(patientNotified({ patientId, causationEventId: `evt-${events.length}` }));
      }
    });
  }
  return recordEvents(events.slice(0, size), { streamIdOf: streamIdOfEvent });
}

const timed = (run: () => void) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

describe('rebuilding every projection', () => {
  it('folds 100k events in linear time, updating state in place', () => {
    const { projections } = createScheduling();
    const log = busyPracticeLog(100_000);
    const quarter = log.slice(0, 25_000);
    const rebuild = (events: typeof log) => () => {
      for (const projection of projections)
        events.reduce((state, event) => projection.apply(state, event), projection.initialState());
    };
    rebuild(quarter)();
    const quarterMs = timed(rebuild(quarter));
    const fullMs = timed(rebuild(log));
    // Why a ratio: four times the events must cost about four times the work, never the square of it.
    expect(fullMs).toBeLessThan(Math.max(8 * quarterMs, 200));
    expect(fullMs).toBeLessThan(3_000);
  });
});
