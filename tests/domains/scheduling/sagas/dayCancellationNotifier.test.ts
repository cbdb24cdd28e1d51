import { describe, expect, it } from 'vitest';
import {
  dayScheduleCancelled,
  people,
  slotBooked,
  slotBookingCancelled,
  slotScheduleCancelled,
} from '../../../../src/domains/scheduling/builders.ts';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import { listSagaInstances, streamIdOfEvent } from '../../../../src/domains/scheduling/index.ts';
import { createDayCancellationNotifierSaga } from '../../../../src/domains/scheduling/sagas/dayCancellationNotifierSaga.ts';
import { given } from '../spec.ts';

const { mariaLopez } = people;
const saga = { saga: 'dayCancellationNotifier' };

describe('day cancellation notifier', () => {
  describe('when a booking is cancelled with its day', () => {
    it('tells the patient, naming the cancellation as the cause', () => {
      given([slotBooked({ startTime: '09:10' })])
        .whenEvent(slotBookingCancelled({ startTime: '09:10', reason: 'day-cancelled' }), saga)
        .thenReactions([
          {
            type: 'NotifyPatient',
            data: {
              patientId: 'tom-baker',
              subject: 'Your appointment on 2026-03-02 at 09:10 was cancelled',
              body:
                'Your doctor can no longer see patients on 2026-03-02, so every appointment that day was cancelled, ' +
                'including yours on 2026-03-02 at 09:10. Please book another slot.',
              causationEventId: 'evt-2',
            },
          },
        ]);
    });

    it('tells each patient of the day', () => {
      const { reactions } = given([
        slotBooked(),
        slotBooked({ ...mariaLopez, startTime: '09:10' }),
        slotBookingCancelled({ reason: 'day-cancelled' }),
      ]).whenEvent(
        slotBookingCancelled({ ...mariaLopez, startTime: '09:10', reason: 'day-cancelled' }),
        saga,
      );
      expect(reactions).toMatchObject([
        { type: 'NotifyPatient', data: { patientId: mariaLopez.patientId, causationEventId: 'evt-4' } },
      ]);
    });
  });

  describe('when a booking is cancelled for another reason', () => {
    it('sends nothing', () => {
      given([slotBooked()])
        .whenEvent(slotBookingCancelled({ reason: 'overbooking' }), saga)
        .thenReactions([]);
      given([slotBooked()])
        .whenEvent(slotBookingCancelled({ reason: 'patient-request' }), saga)
        .thenReactions([]);
    });
  });

  describe('when the cancellation is delivered again', () => {
    it('sends nothing the second time', () => {
      given([slotBooked(), slotBookingCancelled({ reason: 'day-cancelled' })])
        .whenRedelivered(2, saga)
        .thenReactions([]);
    });
  });

  describe('its state', () => {
    it('is plain JSON, one instance per cancelled day, done once the day is cancelled', () => {
      const notifier = createDayCancellationNotifierSaga();
      const log = recordEvents(
        [
          slotBooked(),
          slotBookingCancelled({ reason: 'day-cancelled' }),
          slotScheduleCancelled(),
          dayScheduleCancelled(),
        ],
        { streamIdOf: streamIdOfEvent },
      );
      const state = log.reduce(
        (current, event) => notifier.handle(current, event, { now: '' }).state,
        notifier.initialState(),
      );
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      expect(listSagaInstances(state)).toEqual([
        {
          key: 'ana-silva_2026-03-02',
          state: 'done',
          context: { dayId: 'ana-silva_2026-03-02', notifiedPatientIds: ['tom-baker'] },
        },
      ]);
    });
  });
});
