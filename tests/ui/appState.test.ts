import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/ui/appState.svelte.ts';
import { seedDemoPractice } from '../../src/ui/lib/demoPractice.ts';

describe('AppState', () => {
  describe('when a demo practice is dispatched into an in-memory sandbox', () => {
    it('exposes the log, the commands and the read models', async () => {
      const app = AppState.inMemory({ now: '2026-03-02T08:00' });
      await seedDemoPractice((c) => app.dispatch(c), { date: '2026-03-03' });
      await app.settle();
      expect(app.events.length).toBeGreaterThan(20);
      expect(app.commands.length).toBe(13);
      expect(app.query((q) => q.patientSlots('tom-baker'))).toHaveLength(1);
      expect(app.query((q) => q.doctorDay('ana-silva_2026-03-03'))?.slots[0].status).toBe('booked');
      expect(app.sagas.map((s) => s.name)).toEqual(['overbooking', 'dayCancellationNotifier']);
      app.close();
    });
  });

  describe('when the monthly limit is 1 and a patient books twice', () => {
    it('shows the compensation and the notification', async () => {
      const app = AppState.inMemory({ now: '2026-03-02T08:00', monthlyLimit: 1 });
      await seedDemoPractice((c) => app.dispatch(c), {
        date: '2026-03-03',
        bookings: [
          [0, '09:00'],
          [0, '09:30'],
        ],
      });
      await app.settle();
      expect(app.query((q) => q.monthlyBookings('tom-baker', '2026-03'))).toBe(1);
      expect(app.query((q) => q.mailbox('tom-baker'))).toHaveLength(1);
      const reactions = app.sagas.find((s) => s.name === 'overbooking')?.reactions ?? [];
      expect(reactions.map((r) => r.type)).toEqual(['CancelSlotBooking', 'NotifyPatient']);
      app.close();
    });
  });

  describe('when the clock is set to something that is not an instant', () => {
    it('says what is wrong and keeps the time', async () => {
      const app = AppState.inMemory({ now: '2026-03-02T08:00' });
      expect(app.setClock('tomorrow')).toMatch(/YYYY-MM-DDTHH:MM/);
      expect(app.sandbox.clock.now()).toBe('2026-03-02T08:00');
      app.close();
    });
  });
});
