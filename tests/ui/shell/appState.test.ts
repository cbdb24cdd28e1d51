import { describe, expect, it } from 'vitest';
import { AppState } from '../../../src/ui/shell/appState.svelte.ts';
import { seedDemoPractice } from '../../../src/domains/scheduling/board/demoPractice.ts';

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

describe('AppState while viewing the past', () => {
  it('shows the log and the commands up to the viewed position, refuses commands, and comes back to live', async () => {
    const { TimelineState } = await import('../../../src/ui/tools/timeline/timelineState.svelte.ts');
    const { BoardState } = await import('../../../src/domains/scheduling/board/boardState.svelte.ts');
    const app = AppState.inMemory({ now: '2026-03-02T08:00' });
    await seedDemoPractice((c) => app.dispatch(c), { date: '2026-03-03' });
    await app.settle();
    const head = app.head;
    const booking = app.commands.find((c) => c.type === 'BookSlot')!;
    expect(booking.outcome.kind).toBe('accepted');
    const before = (booking.outcome as { firstPosition: number }).firstPosition - 1;
    const firstPatient = app.events.find((e) => e.type === 'PatientRegistered')!.position;

    const timeline = new TimelineState(app);
    const board = new BoardState(app);
    timeline.send({ type: 'playback.scrubTo', position: before });
    expect(app.shownEvents.map((e) => e.position)).toEqual([...Array(before)].map((_, i) => i + 1));
    expect(app.shownCommands.map((c) => c.commandId)).not.toContain(booking.commandId);
    expect(app.shownCommands.length).toBeGreaterThan(0);

    timeline.send({ type: 'playback.scrubTo', position: firstPatient - 1 });
    // The pickers offer only who was registered by then.
    expect(board.roster.patients).toEqual([]);
    expect(board.roster.doctors.length).toBeGreaterThan(0);

    const outcome = await app.dispatch({
      type: 'RegisterPatient',
      data: { patientId: 'x', name: 'X', birthDate: '1990-01-01' },
    });
    expect(outcome).toMatchObject({ kind: 'failed', message: expect.stringContaining('go back to live') });
    await app.settle();
    expect(app.head).toBe(head);

    timeline.send({ type: 'playback.live' });
    expect(app.shownEvents).toBe(app.events);
    expect(app.shownCommands).toBe(app.commands);
    expect(board.roster.patients.length).toBeGreaterThan(0);
    timeline.close();
    app.close();
  });
});
