import { describe, it } from 'vitest';
import { patientRegistered, people, registerPatient } from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';

describe('RegisterPatient', () => {
  describe('when the patient is new', () => {
    it('registers Tom Baker', () => {
      given([]).when(registerPatient()).thenEvents([patientRegistered()]);
    });
  });

  describe('when the patient is already registered', () => {
    it('rejects the second registration', () => {
      given([patientRegistered()])
        .when(registerPatient({ name: 'Thomas Baker' }))
        .thenRejects('PatientAlreadyRegistered', { patientId: people.tomBaker.patientId });
    });
  });

  describe('when the email or birth date is malformed', () => {
    it('rejects a bad email', () => {
      given([])
        .when(registerPatient({ email: 'tom.baker-at-example.com' }))
        .thenRejects('InvalidCommand', {
          field: 'data.email',
        });
    });

    it('rejects a birth date that is not a real date', () => {
      given([])
        .when(registerPatient({ birthDate: '1985-02-30' }))
        .thenRejects('InvalidCommand', {
          field: 'data.birthDate',
        });
    });

    it('reports the malformed command before the duplicate registration', () => {
      given([patientRegistered()])
        .when(registerPatient({ email: 'nope' }))
        .thenRejects('InvalidCommand');
    });
  });
});
