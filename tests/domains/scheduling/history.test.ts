import { describe, expect, it } from 'vitest';
import { scheduling } from '../../../src/domains/index.ts';
import {
  dayScheduled,
  patientRegistered,
  slotBooked,
  slotScheduled,
} from '../../../src/domains/scheduling/builders.ts';
import { schedulingHistoryProblems } from '../../../src/domains/scheduling/history.ts';

const DAY = 'doctorday-ana-silva_2026-03-02';
const SLOT = 'ana-silva_2026-03-02_09:00';
const cancelled = {
  type: 'SlotBookingCancelled',
  data: { dayId: 'ana-silva_2026-03-02', slotId: SLOT, patientId: 'tom-baker', reason: 'patient-request' },
};

describe('what a stream of the practice could not have recorded', () => {
  it('accepts a day that opens, schedules, books, cancels and books again', () => {
    expect(
      schedulingHistoryProblems(DAY, [
        dayScheduled(),
        slotScheduled(),
        slotBooked(),
        cancelled,
        slotBooked(),
      ]),
    ).toEqual([]);
  });

  it('names a day that does not start with DayScheduled, or schedules it twice', () => {
    expect(schedulingHistoryProblems(DAY, [slotScheduled(), dayScheduled()])).toEqual([
      { index: 0, problem: `would open stream ${DAY}, which must start with DayScheduled` },
      { index: 1, problem: `would record DayScheduled a second time in stream ${DAY}` },
    ]);
    expect(schedulingHistoryProblems(DAY, [dayScheduled(), slotScheduled(), dayScheduled()])).toEqual([
      { index: 2, problem: `would record DayScheduled a second time in stream ${DAY}` },
    ]);
    expect(schedulingHistoryProblems('patient-tom-baker', [patientRegistered()])).toEqual([]);
  });

  it('names a booking of a slot not scheduled or still booked, and a cancellation of one not booked', () => {
    expect(schedulingHistoryProblems(DAY, [dayScheduled(), slotBooked()])).toEqual([
      { index: 1, problem: `books slot ${SLOT} before it is scheduled in stream ${DAY}` },
    ]);
    expect(
      schedulingHistoryProblems(DAY, [dayScheduled(), slotScheduled(), slotBooked(), slotBooked()]),
    ).toEqual([{ index: 3, problem: `books slot ${SLOT} while it is still booked in stream ${DAY}` }]);
    expect(schedulingHistoryProblems(DAY, [dayScheduled(), slotScheduled(), cancelled])).toEqual([
      { index: 2, problem: `cancels a booking of slot ${SLOT} that is not booked in stream ${DAY}` },
    ]);
  });

  it('is the domain module’s history rule', () => {
    expect(scheduling.historyProblems).toBe(schedulingHistoryProblems);
  });
});
