import { describe, it } from 'vitest';
import { doctorRegistered, people, registerDoctor } from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';

const { anaSilva, raviPatel } = people;
const fiveDoctors = ['ana-silva', 'ravi-patel', 'grace-okafor', 'lena-fischer', 'omar-haddad'].map(
  (doctorId) => doctorRegistered({ doctorId, name: `Dr ${doctorId}` }),
);

describe('RegisterDoctor', () => {
  describe('when the practice has room', () => {
    it('registers the doctor with the default working hours', () => {
      given([])
        .when(registerDoctor())
        .thenEvents([
          {
            type: 'DoctorRegistered',
            data: {
              doctorId: anaSilva.doctorId,
              name: 'Dr Ana Silva',
              specialty: 'General practice',
              workingHours: [
                { from: '08:00', to: '12:00' },
                { from: '13:00', to: '17:00' },
              ],
            },
          },
        ]);
    });

    it('keeps the working hours the command gives', () => {
      const workingHours = [{ from: '09:00', to: '13:00' }];
      given([])
        .when(registerDoctor({ ...raviPatel, workingHours }))
        .thenEvents([doctorRegistered({ ...raviPatel, workingHours })]);
    });
  });

  describe('when the doctor is already registered', () => {
    it('rejects the second registration', () => {
      given([doctorRegistered()])
        .when(registerDoctor())
        .thenRejects('DoctorAlreadyRegistered', { doctorId: anaSilva.doctorId });
    });
  });

  describe('when the practice already employs five doctors', () => {
    it('rejects a sixth doctor', () => {
      given(fiveDoctors)
        .when(registerDoctor({ doctorId: 'sofia-rossi', name: 'Dr Sofia Rossi' }))
        .thenRejects('PracticeFull', { doctorCount: 5, maxDoctors: 5 });
    });

    it('accepts a fifth doctor', () => {
      given(fiveDoctors.slice(0, 4))
        .when(registerDoctor({ doctorId: 'omar-haddad', name: 'Dr Omar Haddad' }))
        .thenEvents([doctorRegistered({ doctorId: 'omar-haddad', name: 'Dr Omar Haddad' })]);
    });

    it('reports an already registered doctor before a full practice', () => {
      given(fiveDoctors).when(registerDoctor()).thenRejects('DoctorAlreadyRegistered');
    });
  });

  describe('when the command is malformed', () => {
    it('rejects it as invalid, naming the field', () => {
      given([])
        .when({ type: 'RegisterDoctor', data: { doctorId: 'ana-silva', specialty: 'General practice' } })
        .thenRejects('InvalidCommand', { field: 'data.name' });
    });
  });
});
