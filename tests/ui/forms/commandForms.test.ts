import { describe, expect, it } from 'vitest';
import { buildCommand, commandSpecs, parseSlotList, slotTimes } from '../../../src/ui/forms/commandForms.ts';
import { schedulingCommandTypes } from '../../../src/domains/scheduling/index.ts';

const spec = (type: string) => commandSpecs.find((s) => s.type === type) ?? commandSpecs[0];

describe('command forms', () => {
  it('has a form for every command of the domain', () => {
    expect(commandSpecs.map((s) => s.type)).toEqual([...schedulingCommandTypes]);
  });

  it('expands a from–to range into 10-minute start times, the end excluded', () => {
    expect(slotTimes('09:00', '09:40')).toEqual(['09:00', '09:10', '09:20', '09:30']);
    expect(parseSlotList('08:50, 09:00-09:20')).toEqual({ times: ['08:50', '09:00', '09:10'] });
    expect(parseSlotList('nine')).toEqual({ problem: expect.stringContaining('"nine"') });
  });

  describe('when required fields are missing or malformed', () => {
    it('names each problem and builds nothing', () => {
      const built = buildCommand(spec('RegisterPatient'), { email: 'nope', birthDate: '14/06/1985' });
      expect(built).toEqual({
        kind: 'invalid',
        problems: {
          patientId: 'Patient id is required',
          name: 'Name is required',
          email: expect.stringContaining('Email must be an email address'),
          birthDate: 'Birth date must be a date YYYY-MM-DD',
        },
      });
    });
  });

  describe('when the form is complete', () => {
    it('builds the command, leaving out empty optional fields', () => {
      const built = buildCommand(spec('ScheduleDay'), {
        doctorId: 'ana',
        date: '2026-03-03',
        slots: '09:00-09:20',
      });
      expect(built).toEqual({
        kind: 'valid',
        command: {
          type: 'ScheduleDay',
          data: {
            doctorId: 'ana',
            date: '2026-03-03',
            slots: [{ startTime: '09:00' }, { startTime: '09:10' }],
          },
        },
      });
      const doctor = buildCommand(spec('RegisterDoctor'), {
        doctorId: 'ana',
        name: 'Dr Ana',
        specialty: 'GP',
      });
      expect(doctor.kind === 'valid' && 'workingHours' in doctor.command.data).toBe(false);
    });
  });
});
