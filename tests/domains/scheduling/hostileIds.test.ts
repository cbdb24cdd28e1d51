import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/index.ts';

/** Ids named like members of Object.prototype: each must be an ordinary id everywhere it becomes a key. */
const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
];

const registerDoctor = (doctorId: string) => ({
  type: 'RegisterDoctor',
  data: { doctorId, name: `Dr ${doctorId}`, specialty: 'GP' },
});
const registerPatient = (patientId: string) => ({
  type: 'RegisterPatient',
  data: { patientId, name: `Patient ${patientId}`, email: 'p@example.org', birthDate: '1980-01-01' },
});
const scheduleDay = (doctorId: string) => ({
  type: 'ScheduleDay',
  data: { doctorId, date: '2026-03-03', slots: [{ startTime: '09:00' }, { startTime: '09:10' }] },
});
const book = (doctorId: string, patientId: string, time: string) => ({
  type: 'BookSlot',
  data: { dayId: `${doctorId}_2026-03-03`, slotId: `${doctorId}_2026-03-03_${time}`, patientId },
});

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();
afterEach(() => expect(prototypeKeys()).toEqual(before));

describe.each(HOSTILE_IDS)('the id %j', (id) => {
  it('is an unknown doctor until registered, then an ordinary one', async () => {
    const sandbox = createSandbox();
    expect(await sandbox.dispatch(scheduleDay(id))).toMatchObject({
      kind: 'rejected',
      error: { code: 'DoctorNotRegistered' },
    });
    expect((await sandbox.dispatch(registerDoctor(id))).kind).toBe('accepted');
    expect((await sandbox.dispatch(scheduleDay(id))).kind).toBe('accepted');
    await sandbox.settle();
    expect(sandbox.query.availableSlots('2026-03-03')).toEqual([
      expect.objectContaining({ doctorId: id, doctorName: `Dr ${id}` }),
    ]);
  });

  it('books, counts, cancels and notifies as a patient without touching anyone else’s figures', async () => {
    const sandbox = createSandbox({ monthlyLimit: 1 });
    for (const command of [
      registerDoctor('ana'),
      scheduleDay('ana'),
      registerPatient(id),
      registerPatient('tom'),
    ])
      expect((await sandbox.dispatch(command)).kind).toBe('accepted');
    await sandbox.dispatch(book('ana', id, '09:00'));
    await sandbox.dispatch(book('ana', id, '09:10'));
    await sandbox.settle();
    expect(sandbox.query.monthlyBookings(id, '2026-03')).toBe(1);
    expect(sandbox.query.monthlyBookings('tom', '2026-03')).toBe(0);
    expect(sandbox.query.mailbox(id)).toHaveLength(1);
    expect(sandbox.query.mailbox('tom')).toEqual([]);
    expect(sandbox.query.patientSlots(id).map((s) => s.startTime)).toEqual(['09:00']);
    expect(sandbox.query.appointment('ana_2026-03-03_09:00')?.patient.patientId).toBe(id);
    const [overbooking] = sandbox.sagas();
    expect(overbooking.stopped).toBeNull();
  });
});
