import { describe, it } from 'vitest';
import { notifyPatient, patientNotified } from '../../../../src/domains/scheduling/builders.ts';
import { given } from '../spec.ts';

describe('NotifyPatient', () => {
  describe('when the patient has not been told about this event', () => {
    it('sends the message', () => {
      given([])
        .when(notifyPatient({ causationEventId: 'evt-41' }))
        .thenEvents([patientNotified({ causationEventId: 'evt-41' })]);
    });

    it('sends another message for another event', () => {
      given([patientNotified({ causationEventId: 'evt-41' })])
        .when(notifyPatient({ causationEventId: 'evt-42' }))
        .thenEvents([patientNotified({ causationEventId: 'evt-42' })]);
    });
  });

  describe('when the same event is notified a second time', () => {
    it('accepts it and sends nothing (idempotent)', () => {
      given([patientNotified({ causationEventId: 'evt-41' })])
        .when(notifyPatient({ causationEventId: 'evt-41' }))
        .thenEvents([]);
    });
  });

  describe('when the command is malformed', () => {
    it('rejects an empty subject', () => {
      given([])
        .when(notifyPatient({ subject: '  ' }))
        .thenRejects('InvalidCommand', { field: 'data.subject' });
    });

    it('rejects a missing causation event id', () => {
      const { causationEventId: _, ...data } = notifyPatient().data;
      given([]).when({ type: 'NotifyPatient', data }).thenRejects('InvalidCommand', {
        field: 'data.causationEventId',
        problem: 'is required',
      });
    });
  });
});
