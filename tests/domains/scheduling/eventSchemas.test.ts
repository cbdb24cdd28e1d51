import { describe, expect, it } from 'vitest';
import * as build from '../../../src/domains/scheduling/builders.ts';
import { checkEvent, eventProblems } from '../../../src/domains/scheduling/eventSchemas.ts';
import { schedulingEventTypes } from '../../../src/domains/scheduling/events.ts';

type Data = Record<string, unknown>;
const broken = (event: { type: string; data: object }, change: Data) => ({
  type: event.type,
  data: { ...event.data, ...change },
});

/** Per event type: a realistic example, one field broken, and the path and words the check must give. */
const cases: [{ type: string; data: object }, Data, string, string][] = [
  [
    build.doctorRegistered(),
    { workingHours: [{ from: '12:00', to: '09:00' }] },
    'data.workingHours.0',
    'must end after it starts',
  ],
  [build.monthlyLimitSet(), { monthlyLimit: 2.5 }, 'data.monthlyLimit', 'must be a whole number, 1 or more'],
  [build.patientRegistered(), { email: 'tom at example' }, 'data.email', 'must be an email address'],
  [build.dayScheduled(), { date: '2026-02-30' }, 'data.date', 'must be a real date YYYY-MM-DD'],
  [build.slotScheduled(), { startTime: '9am' }, 'data.startTime', 'must be a time HH:MM'],
  [
    build.slotBooked(),
    { patientId: 'tom baker' },
    'data.patientId',
    'must not contain spaces, control or invisible characters',
  ],
  [build.slotBookingCancelled(), { reason: '  ' }, 'data.reason', 'must not be empty'],
  [build.slotScheduleCancelled(), { slotId: 42 }, 'data.slotId', 'must be a text'],
  [build.dayScheduleCancelled(), { dayId: 'monday' }, 'data.dayId', 'must be <doctorId>_<YYYY-MM-DD>'],
  [
    build.dayScheduleArchived(),
    { dayId: 'ana-silva_2026-13-01' },
    'data.dayId',
    'must be <doctorId>_<YYYY-MM-DD>',
  ],
  [build.patientNotified(), { causationEventId: '' }, 'data.causationEventId', 'must not be empty'],
];

describe('the check of an event’s data', () => {
  it('covers every event type of the domain', () => {
    expect(cases.map(([event]) => event.type)).toEqual(schedulingEventTypes);
  });

  describe.each(cases)('for $type', (event, change, path, problem) => {
    it('accepts the realistic example', () => {
      expect(checkEvent(event)).toEqual({ kind: 'valid' });
    });

    it(`names ${path} when it is broken`, () => {
      expect(checkEvent(broken(event, change))).toEqual({ kind: 'invalid', path, problem });
    });
  });

  it('says a missing field is required rather than of the wrong kind', () => {
    const { startTime: _, ...data } = build.slotScheduled().data;
    expect(checkEvent({ type: 'SlotScheduled', data })).toEqual({
      kind: 'invalid',
      path: 'data.startTime',
      problem: 'is required',
    });
  });

  it('never accepts a slot off the 10-minute grid or of another length', () => {
    expect(checkEvent(broken(build.slotScheduled(), { startTime: '09:05' }))).toMatchObject({
      path: 'data.startTime',
      problem: 'must be on the 10-minute grid (09:00, 09:10, …)',
    });
    expect(checkEvent(broken(build.slotScheduled(), { durationMinutes: 15 }))).toMatchObject({
      path: 'data.durationMinutes',
      problem: 'must be 10',
    });
  });

  it('refuses a day id that does not name the event’s doctor and date', () => {
    expect(checkEvent(broken(build.dayScheduled(), { doctorId: 'ravi-patel' }))).toEqual({
      kind: 'invalid',
      path: 'data.dayId',
      problem: 'must be ravi-patel_2026-03-02',
    });
  });

  it('accepts the paired slot of a double booking and leaves it optional', () => {
    expect(checkEvent(build.slotBooked({ pairedSlotId: 'ana-silva_2026-03-02_09:10' }))).toEqual({
      kind: 'valid',
    });
  });

  it('names an unknown event type and lists the known ones', () => {
    const checked = checkEvent({ type: 'DoctorHired', data: {} });
    expect(checked).toMatchObject({ kind: 'invalid', path: 'type' });
    if (checked.kind === 'invalid')
      expect(checked.problem).toMatch(/^must be one of DoctorRegistered, .*\(got "DoctorHired"\)$/);
  });

  it('names data that is not an object, and something that is not an event at all', () => {
    expect(checkEvent({ type: 'SlotBooked', data: [] })).toEqual({
      kind: 'invalid',
      path: 'data',
      problem: 'must be an object',
    });
    expect(checkEvent('SlotBooked')).toEqual({
      kind: 'invalid',
      path: '',
      problem: 'must be an object {type, data}',
    });
  });

  it('lists every problem, in field order, for forms that show each next to its field', () => {
    expect(eventProblems({ type: 'SlotBooked', data: { dayId: 'monday', patientId: 'tom baker' } })).toEqual([
      { path: ['data', 'dayId'], problem: 'must be <doctorId>_<YYYY-MM-DD>' },
      { path: ['data', 'slotId'], problem: 'is required' },
      { path: ['data', 'patientId'], problem: 'must not contain spaces, control or invisible characters' },
    ]);
  });
});
