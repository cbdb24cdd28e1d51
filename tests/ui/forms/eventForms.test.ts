import { describe, expect, it } from 'vitest';
import {
  dayScheduled,
  doctorRegistered,
  patientNotified,
  patientRegistered,
  slotBooked,
  slotBookingCancelled,
  slotScheduled,
} from '../../../src/domains/scheduling/builders.ts';
import { checkEvent } from '../../../src/domains/scheduling/eventSchemas.ts';
import { schedulingEventTypes } from '../../../src/domains/scheduling/events.ts';
import {
  buildEvents,
  eventFormSpecs,
  knownValues,
  parseEventData,
  parseEventList,
  suggestionsFor,
  summaryOf,
} from '../../../src/ui/forms/eventForms.ts';
import { eventExamples } from '../../../src/ui/forms/eventExamples.ts';

const specOf = (type: string) => eventFormSpecs.find((spec) => spec.type === type)!;

describe('the event forms', () => {
  it('have a form for every event of the domain', () => {
    expect(eventFormSpecs.map((spec) => spec.type)).toEqual(schedulingEventTypes);
  });

  it('always accept the realistic example of each event type', () => {
    for (const example of eventExamples) expect(checkEvent(example)).toEqual({ kind: 'valid' });
  });

  describe('a DoctorRegistered form', () => {
    it('builds the event the domain records, with the default working hours when left blank', () => {
      const built = buildEvents(specOf('DoctorRegistered'), {
        doctorId: 'ana-silva',
        name: 'Dr Ana Silva',
        specialty: 'General practice',
      });
      expect(built).toEqual({ kind: 'valid', events: [doctorRegistered()] });
    });

    it('reads working hours as periods', () => {
      const built = buildEvents(specOf('DoctorRegistered'), {
        doctorId: 'ana-silva',
        name: 'Dr Ana Silva',
        specialty: 'GP',
        workingHours: '09:00-12:00',
      });
      expect(built.kind === 'valid' && built.events[0].data.workingHours).toEqual([
        { from: '09:00', to: '12:00' },
      ]);
    });

    it('names a period that ends before it starts, next to the field', () => {
      const built = buildEvents(specOf('DoctorRegistered'), {
        doctorId: 'ana-silva',
        name: 'Dr Ana Silva',
        specialty: 'GP',
        workingHours: '12:00-09:00',
      });
      expect(built).toEqual({
        kind: 'invalid',
        problems: { workingHours: 'Working hours must end after it starts' },
      });
    });
  });

  describe('a DayScheduled form', () => {
    it('derives the day id from the doctor and the date', () => {
      expect(buildEvents(specOf('DayScheduled'), { doctorId: 'ana-silva', date: '2026-03-02' })).toEqual({
        kind: 'valid',
        events: [dayScheduled()],
      });
    });

    it('refuses a date that is not in the calendar', () => {
      expect(buildEvents(specOf('DayScheduled'), { doctorId: 'ana-silva', date: '2026-02-30' })).toEqual({
        kind: 'invalid',
        problems: { date: 'Date must be a real date YYYY-MM-DD' },
      });
    });
  });

  describe('a SlotScheduled form', () => {
    it('builds one 10-minute slot per start time of a slot list, with the default slot ids', () => {
      const built = buildEvents(specOf('SlotScheduled'), {
        doctorId: 'ana-silva',
        date: '2026-03-02',
        startTimes: '09:00-09:20, 11:00',
      });
      expect(built).toEqual({
        kind: 'valid',
        events: ['09:00', '09:10', '11:00'].map((startTime) => slotScheduled({ startTime })),
      });
    });

    it('refuses a start time off the 10-minute grid', () => {
      const built = buildEvents(specOf('SlotScheduled'), {
        doctorId: 'ana-silva',
        date: '2026-03-02',
        startTimes: '09:05',
      });
      expect(built).toEqual({
        kind: 'invalid',
        problems: { startTimes: 'Start times "09:05" must be on the 10-minute grid (09:00, 09:10, …)' },
      });
    });
  });

  describe('a SlotBooked form', () => {
    it('leaves the paired slot out unless it is a double slot', () => {
      const values = {
        dayId: 'ana-silva_2026-03-02',
        slotId: 'ana-silva_2026-03-02_09:00',
        patientId: 'tom-baker',
      };
      expect(buildEvents(specOf('SlotBooked'), values)).toEqual({ kind: 'valid', events: [slotBooked()] });
      expect(
        buildEvents(specOf('SlotBooked'), { ...values, pairedSlotId: ' ana-silva_2026-03-02_09:10 ' }),
      ).toEqual({
        kind: 'valid',
        events: [slotBooked({ pairedSlotId: 'ana-silva_2026-03-02_09:10' })],
      });
    });

    it('names every missing or malformed field next to it, and builds nothing', () => {
      expect(buildEvents(specOf('SlotBooked'), { dayId: 'monday', patientId: 'tom baker' })).toEqual({
        kind: 'invalid',
        problems: {
          dayId: 'Day id must be <doctorId>_<YYYY-MM-DD>',
          slotId: 'Slot id is required',
          patientId: 'Patient id must not contain spaces, control or invisible characters',
        },
      });
    });
  });

  it('builds the other events as the builders make them', () => {
    expect(
      buildEvents(specOf('PatientRegistered'), {
        patientId: 'tom-baker',
        name: 'Tom Baker',
        email: 'tom.baker@example.com',
        birthDate: '1985-06-14',
      }),
    ).toEqual({ kind: 'valid', events: [patientRegistered()] });
    expect(
      buildEvents(specOf('SlotBookingCancelled'), {
        dayId: 'ana-silva_2026-03-02',
        slotId: 'ana-silva_2026-03-02_09:00',
        patientId: 'tom-baker',
        reason: 'patient-request',
      }),
    ).toEqual({ kind: 'valid', events: [slotBookingCancelled()] });
    const notified = patientNotified();
    expect(buildEvents(specOf('PatientNotified'), notified.data)).toEqual({
      kind: 'valid',
      events: [notified],
    });
  });
});

describe('an event typed as JSON', () => {
  it('is added when its data has the event’s shape', () => {
    expect(parseEventData('SlotBooked', JSON.stringify(slotBooked().data))).toEqual({
      kind: 'ok',
      event: slotBooked(),
    });
  });

  it.each([
    ['{"dayId":', 'The event data is not valid JSON.'],
    ['{"dayId":"ana-silva_2026-03-02","slotId":"x"}', 'SlotBooked: data.patientId is required'],
    [
      '{"dayId":"ana-silva_2026-03-02","slotId":"x","patientId":42}',
      'SlotBooked: data.patientId must be a text',
    ],
  ])('says what is wrong with %s', (json, message) => {
    expect(parseEventData('SlotBooked', json)).toEqual({ kind: 'invalid', message });
  });

  it('refuses a day id that does not name the event’s doctor and date', () => {
    const data = { ...dayScheduled().data, dayId: 'ravi-patel_2026-03-02' };
    expect(parseEventData('DayScheduled', JSON.stringify(data))).toEqual({
      kind: 'invalid',
      message: 'DayScheduled: data.dayId must be ana-silva_2026-03-02',
    });
  });
});

describe('a JSON list of expected events', () => {
  it('is read whole when every event is one of the domain', () => {
    const events = [slotBooked(), slotBookingCancelled()];
    expect(parseEventList(JSON.stringify(events))).toEqual({ kind: 'ok', events });
  });

  it.each([
    ['[', 'The expected events are not valid JSON.'],
    ['{}', 'The expected events must be a JSON list [ … ].'],
    [JSON.stringify([slotBooked(), { type: 'SlotTaken', data: {} }]), 'Event 2: type must be one of'],
    [JSON.stringify([{ type: 'DayScheduleArchived', data: {} }]), 'Event 1: data.dayId is required'],
  ])('names the first problem in %s', (json, message) => {
    const parsed = parseEventList(json);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message.startsWith(message)).toBe(true);
  });
});

describe('the suggestions of a form', () => {
  const known = knownValues([
    doctorRegistered(),
    patientRegistered(),
    slotScheduled(),
    slotScheduled({ startTime: '09:10' }),
  ]);

  it('are the ids and dates the events mention', () => {
    expect(known).toEqual({
      doctorId: ['ana-silva'],
      patientId: ['tom-baker'],
      dayId: ['ana-silva_2026-03-02'],
      slotId: ['ana-silva_2026-03-02_09:00', 'ana-silva_2026-03-02_09:10'],
      date: ['2026-03-02'],
    });
  });

  it('offer the slot ids for the paired slot, and nothing for free text', () => {
    expect(suggestionsFor(known, 'pairedSlotId')).toEqual(known.slotId);
    expect(suggestionsFor(known, 'reason')).toEqual([]);
  });
});

it('summarises a command’s or event’s data in one line', () => {
  expect(summaryOf(slotBooked())).toBe('ana-silva_2026-03-02 · ana-silva_2026-03-02_09:00 · tom-baker');
  expect(summaryOf(doctorRegistered())).toBe(
    'ana-silva · Dr Ana Silva · General practice · 08:00-12:00, 13:00-17:00',
  );
  expect(
    summaryOf({
      type: 'ScheduleDay',
      data: {
        doctorId: 'ana-silva',
        date: '2026-03-02',
        slots: [{ startTime: '09:00' }, { startTime: '09:10' }],
      },
    }),
  ).toBe('ana-silva · 2026-03-02 · 09:00, 09:10');
});
