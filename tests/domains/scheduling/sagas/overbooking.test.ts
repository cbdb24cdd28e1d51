import { describe, expect, it } from 'vitest';
import { recordEvents } from '../../../../src/core/testing/givenWhenThen.ts';
import type { DomainEvent } from '../../../../src/core/event.ts';
import { people, slotBooked, slotBookingCancelled } from '../../../../src/domains/scheduling/builders.ts';
import { listSagaInstances, streamIdOfEvent } from '../../../../src/domains/scheduling/index.ts';
import { createOverbookingSaga } from '../../../../src/domains/scheduling/sagas/overbookingSaga.ts';
import { withMonthlyLimit } from '../spec.ts';

const given = withMonthlyLimit(2);
const { mariaLopez } = people;
const march = (day: string, startTime = '09:00') => ({ date: `2026-03-${day}`, startTime });
const cancelForOverbooking = (day: string, startTime = '09:00') => ({
  type: 'CancelSlotBooking',
  data: {
    dayId: `ana-silva_2026-03-${day}`,
    slotId: `ana-silva_2026-03-${day}_${startTime}`,
    patientId: 'tom-baker',
    reason: 'overbooking',
  },
});

/** Every command the saga sends while the whole log is delivered once, in order. */
function reactionsOver(events: DomainEvent[], monthlyLimit = 2) {
  const saga = createOverbookingSaga(monthlyLimit);
  let state = saga.initialState();
  const commands: unknown[] = [];
  for (const event of recordEvents(events, { streamIdOf: streamIdOfEvent })) {
    const handled = saga.handle(state, event, { now: '2026-03-02T08:00' });
    state = handled.state;
    commands.push(...handled.reactions.map((reaction) => reaction.command));
  }
  return { state, commands };
}

describe('overbooking saga', () => {
  describe('when a booking keeps the patient within the monthly limit', () => {
    it('sends nothing', () => {
      given([slotBooked(march('02'))])
        .whenEvent(slotBooked(march('03')), { saga: 'overbooking' })
        .thenReactions([]);
    });
  });

  describe('when a booking takes the patient over the monthly limit', () => {
    it('cancels that booking for overbooking', () => {
      given([slotBooked(march('02')), slotBooked(march('03'))])
        .whenEvent(slotBooked(march('04')), { saga: 'overbooking' })
        .thenReactions([cancelForOverbooking('04')]);
    });

    it('uses the default limit of 10 when none is configured', () => {
      const tenBookings = Array.from({ length: 10 }, (_, index) =>
        slotBooked(march(String(index + 2).padStart(2, '0'))),
      );
      expect(reactionsOver(tenBookings, 10).commands).toEqual([]);
      expect(reactionsOver([...tenBookings, slotBooked(march('20'))], 10).commands).toEqual([
        cancelForOverbooking('20'),
      ]);
    });
  });

  describe('when the compensation arrives', () => {
    it('tells the patient, naming the cancellation as the cause', () => {
      const { reactions } = given([
        slotBooked(march('02')),
        slotBooked(march('03')),
        slotBooked(march('04')),
      ]).whenEvent(slotBookingCancelled({ ...march('04'), reason: 'overbooking' }), { saga: 'overbooking' });
      expect(reactions).toEqual([
        {
          type: 'NotifyPatient',
          data: {
            patientId: 'tom-baker',
            subject: 'Your appointment on 2026-03-04 at 09:00 was cancelled',
            body: expect.stringContaining('at most 2 appointments in a month') as unknown as string,
            causationEventId: 'evt-4',
          },
        },
      ]);
    });
  });

  describe('when a patient cancels a booking', () => {
    it('frees a place in the month', () => {
      given([slotBooked(march('02')), slotBooked(march('03')), slotBookingCancelled(march('02'))])
        .whenEvent(slotBooked(march('04')), { saga: 'overbooking' })
        .thenReactions([]);
    });

    it('does not notify anyone', () => {
      given([slotBooked(march('02'))])
        .whenEvent(slotBookingCancelled(march('02')), { saga: 'overbooking' })
        .thenReactions([]);
    });
  });

  describe('when the bookings fall in different months or belong to different patients', () => {
    it('counts each patient and month on its own', () => {
      given([slotBooked(march('02')), slotBooked(march('03')), slotBooked({ ...mariaLopez, ...march('04') })])
        .whenEvent(slotBooked({ date: '2026-04-01' }), { saga: 'overbooking' })
        .thenReactions([]);
    });
  });

  describe('when a double slot overshoots the limit by two', () => {
    const double = [
      slotBooked({ ...march('05', '09:00'), pairedSlotId: 'ana-silva_2026-03-05_09:10' }),
      slotBooked({ ...march('05', '09:10'), pairedSlotId: 'ana-silva_2026-03-05_09:00' }),
    ];

    it('cancels exactly both surplus slots and nothing more', () => {
      const log = [
        slotBooked(march('02')),
        slotBooked(march('03')),
        ...double,
        slotBookingCancelled({ ...march('05', '09:00'), reason: 'overbooking' }),
        slotBookingCancelled({ ...march('05', '09:10'), reason: 'overbooking' }),
      ];
      const { commands } = reactionsOver(log);
      expect(
        commands.filter((command) => (command as { type: string }).type === 'CancelSlotBooking'),
      ).toEqual([cancelForOverbooking('05', '09:00'), cancelForOverbooking('05', '09:10')]);
      expect(
        commands.filter((command) => (command as { type: string }).type === 'NotifyPatient'),
      ).toHaveLength(2);
    });

    it('cancels only the half that overshoots by one', () => {
      given([slotBooked(march('02')), double[0]])
        .whenEvent(double[1], { saga: 'overbooking' })
        .thenReactions([cancelForOverbooking('05', '09:10')]);
    });
  });

  describe('when a compensation is still pending', () => {
    it('does not count the booking it will cancel', () => {
      given([
        slotBooked(march('02')),
        slotBooked(march('03')),
        slotBooked(march('04')),
        slotBookingCancelled({ ...march('02'), reason: 'patient-request' }),
      ])
        .whenEvent(slotBooked(march('05')), { saga: 'overbooking' })
        .thenReactions([]);
    });

    it('still cancels a booking that goes over the limit', () => {
      given([slotBooked(march('02')), slotBooked(march('03')), slotBooked(march('04'))])
        .whenEvent(slotBooked(march('05')), { saga: 'overbooking' })
        .thenReactions([cancelForOverbooking('05')]);
    });
  });

  describe('when an event is delivered again', () => {
    it('sends nothing the second time', () => {
      given([slotBooked(march('02')), slotBooked(march('03')), slotBooked(march('04'))])
        .whenRedelivered(3, { saga: 'overbooking' })
        .thenReactions([]);
    });

    it('leaves its state unchanged', () => {
      const saga = createOverbookingSaga(2);
      const [first] = recordEvents([slotBooked(march('02'))], { streamIdOf: streamIdOfEvent });
      const once = saga.handle(saga.initialState(), first, { now: '2026-03-02T08:00' });
      const twice = saga.handle(once.state, first, { now: '2026-03-02T08:00' });
      expect(twice).toEqual({ state: once.state, reactions: [] });
    });
  });

  describe('its state', () => {
    it('is plain JSON and lists one instance per patient and month', () => {
      const { state } = reactionsOver([
        slotBooked(march('02')),
        slotBooked(march('03')),
        slotBooked(march('04')),
      ]);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      expect(listSagaInstances(state)).toEqual([
        {
          key: 'tom-baker/2026-03',
          state: 'compensating',
          context: {
            patientId: 'tom-baker',
            month: '2026-03',
            monthlyLimit: 2,
            activeSlots: [
              'ana-silva_2026-03-02|ana-silva_2026-03-02_09:00',
              'ana-silva_2026-03-03|ana-silva_2026-03-03_09:00',
              'ana-silva_2026-03-04|ana-silva_2026-03-04_09:00',
            ],
            pendingCancellations: ['ana-silva_2026-03-04|ana-silva_2026-03-04_09:00'],
          },
        },
      ]);
    });

    it('returns to within the limit once the compensation is applied', () => {
      const { state } = reactionsOver([
        slotBooked(march('02')),
        slotBooked(march('03')),
        slotBooked(march('04')),
        slotBookingCancelled({ ...march('04'), reason: 'overbooking' }),
      ]);
      expect(listSagaInstances(state).map((instance) => instance.state)).toEqual(['withinLimit']);
    });
  });
});
