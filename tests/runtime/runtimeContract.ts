import { raceDecorators } from '../../src/tools/race-lab/faults.ts';
import { describe, expect, it } from 'vitest';
import {
  createDomainRuntime as createSandbox,
  type SandboxOptions as RuntimeOptions,
} from '../../src/domains/index.ts';
import { type Runtime as Sandbox } from '../../src/runtime/index.ts';
import { createDeterministicScheduler } from '../../src/core/scheduler/deterministicScheduler.ts';
import type { EventStore } from '../../src/store/eventStore.ts';

export const NOW = '2026-03-02T08:00';
export const DAY = 'ana_2026-03-03';

export const registerAna = {
  type: 'RegisterDoctor',
  data: { doctorId: 'ana', name: 'Dr Ana Silva', specialty: 'GP' },
};
export const registerPatient = (patientId: string, name: string) => ({
  type: 'RegisterPatient',
  data: { patientId, name, email: `${patientId}@example.org`, birthDate: '1980-05-17' },
});
export const scheduleDay = (date = '2026-03-03', times = ['09:00', '09:10', '09:20', '09:30']) => ({
  type: 'ScheduleDay',
  data: { doctorId: 'ana', date, slots: times.map((startTime) => ({ startTime })) },
});
export const bookSlot = (patientId: string, time: string, dayId = DAY) => ({
  type: 'BookSlot',
  data: { dayId, slotId: `${dayId}_${time}`, patientId },
});

/** A small practice: one doctor, two patients, one scheduled day. */
export async function practiceWithOneDay(sandbox: Sandbox) {
  for (const command of [
    registerAna,
    registerPatient('tom', 'Tom Baker'),
    registerPatient('eve', 'Eve Moneypenny'),
    scheduleDay(),
  ]) {
    const result = await sandbox.dispatch(command);
    expect(result.kind, JSON.stringify(result)).toBe('accepted');
  }
}

const allProjections = (sandbox: Sandbox) =>
  Object.fromEntries(
    sandbox.projections().map((p) => [p.name, JSON.parse(JSON.stringify(sandbox.projectionState(p.name)))]),
  );

/** The runtime's guarantees, for any EventStore implementation. */
export function runtimeContract(label: string, makeStore: () => Promise<EventStore>) {
  const sandboxOn = async (options: RuntimeOptions = {}) => {
    const sandbox = createSandbox({ now: NOW, store: await makeStore(), ...options });
    await sandbox.ready;
    return sandbox;
  };

  describe(`the runtime on the ${label} store`, () => {
    describe('when a command is accepted', () => {
      it('appends its events with the command, correlation, causation and virtual time', async () => {
        const sandbox = await sandboxOn();
        await practiceWithOneDay(sandbox);
        const result = await sandbox.dispatch(bookSlot('tom', '09:00'), { actor: 'tom' });
        expect(result.kind).toBe('accepted');
        if (result.kind !== 'accepted') return;
        expect(result.events.map((e) => e.type)).toEqual(['SlotBooked']);
        expect(result.events[0].metadata).toMatchObject({
          commandId: result.commandId,
          correlationId: result.commandId,
          causationId: result.commandId,
          occurredAt: NOW,
          actor: 'tom',
        });
        const records = await sandbox.commands();
        expect(records.at(-1)).toMatchObject({
          commandId: result.commandId,
          type: 'BookSlot',
          outcome: { kind: 'accepted', eventIds: [result.events[0].id] },
        });
      });
    });

    describe('when a command is rejected', () => {
      it('appends nothing and records the rejection', async () => {
        const sandbox = await sandboxOn();
        await practiceWithOneDay(sandbox);
        await sandbox.dispatch(bookSlot('tom', '09:00'));
        const before = await sandbox.events();
        const result = await sandbox.dispatch(bookSlot('eve', '09:00'));
        expect(result).toMatchObject({ kind: 'rejected', error: { code: 'SlotAlreadyBooked' } });
        expect(await sandbox.events()).toEqual(before);
        expect((await sandbox.commands()).at(-1)?.outcome).toMatchObject({
          kind: 'rejected',
          code: 'SlotAlreadyBooked',
        });
      });

      it('answers malformed input with InvalidCommand and appends nothing', async () => {
        const sandbox = await sandboxOn();
        for (const input of [
          null,
          42,
          { type: 'FlyToTheMoon', data: {} },
          { type: 'BookSlot', data: { dayId: DAY } },
        ]) {
          const result = await sandbox.dispatch(input);
          expect(result).toMatchObject({ kind: 'rejected', error: { code: 'InvalidCommand' } });
        }
        expect(await sandbox.events()).toEqual([]);
        expect(await sandbox.commands()).toHaveLength(4);
      });
    });

    describe('after a reload', () => {
      it('resumes from the checkpoints with no event applied twice or skipped', async () => {
        const reference = await sandboxOn();
        await practiceWithOneDay(reference);
        for (const time of ['09:00', '09:10', '09:20']) await reference.dispatch(bookSlot('tom', time));
        await reference.settle();
        const log = await reference.events();
        const half = log.findIndex((e) => e.type === 'SlotBooked') + 1;

        const store = await makeStore();
        const appendRaw = async (events: typeof log) => {
          for (const event of events) {
            const result = await store.append(event.streamId, [event], {
              expectedVersion: event.version - 1 || 'no-stream',
            });
            expect(result.kind).toBe('appended');
          }
        };
        await appendRaw(log.slice(0, half));
        const first = createSandbox({ now: NOW, store, runSagas: false });
        await first.settle();
        expect(first.query.monthlyBookings('tom', '2026-03')).toBe(1);
        first.close();

        await appendRaw(log.slice(half));
        for (const { name } of first.projections()) {
          expect((await store.loadCheckpoint(`projection:${name}`))?.position).toBe(half);
        }
        const second = createSandbox({ now: NOW, store, runSagas: false });
        await second.settle();
        expect(second.query.monthlyBookings('tom', '2026-03')).toBe(3);
        expect(allProjections(second)).toEqual(allProjections(reference));
      });
    });

    it('rebuilds every projection from zero to exactly its incremental state', async () => {
      const sandbox = await sandboxOn({ monthlyLimit: 2 });
      await practiceWithOneDay(sandbox);
      for (const time of ['09:00', '09:10', '09:20']) await sandbox.dispatch(bookSlot('tom', time));
      await sandbox.dispatch({ type: 'CancelDaySchedule', data: { dayId: DAY, reason: 'Dr Silva is ill' } });
      await sandbox.settle();
      const incremental = allProjections(sandbox);
      for (const { name } of sandbox.projections()) await sandbox.rebuildProjection(name);
      expect(allProjections(sandbox)).toEqual(incremental);
    });

    describe('when every event is delivered twice', () => {
      it('ends with the same read models (the checkpoint makes redelivery harmless)', async () => {
        const clean = await sandboxOn();
        const twice = await sandboxOn({ decorators: raceDecorators({ duplicated: () => true }) });
        for (const sandbox of [clean, twice]) {
          await practiceWithOneDay(sandbox);
          await sandbox.dispatch(bookSlot('tom', '09:00'));
          await sandbox.settle();
        }
        expect(allProjections(twice)).toEqual(allProjections(clean));
      });

      it('double-counts when the idempotence guard is switched off (the planted bug shows)', async () => {
        const buggy = await sandboxOn({
          decorators: raceDecorators({ duplicated: () => true, nonIdempotentProjections: true }),
        });
        await practiceWithOneDay(buggy);
        await buggy.dispatch(bookSlot('tom', '09:00'));
        await buggy.settle();
        expect(buggy.query.monthlyBookings('tom', '2026-03')).toBe(2);
      });
    });

    describe('when two patients race for slots of one day', () => {
      const race = async (tomTime: string, eveTime: string, maxRetries = 3) => {
        const store = await makeStore();
        const setup = createSandbox({ now: NOW, store });
        await practiceWithOneDay(setup);
        await setup.settle();
        setup.close();
        // Choices: Tom loads, then Eve loads before Tom appends, then Tom appends first.
        const scheduler = createDeterministicScheduler([0, 1, 1]);
        const sandbox = createSandbox({ now: NOW, store, scheduler, maxRetries });
        const [tom, eve] = await Promise.all([
          sandbox.dispatch(bookSlot('tom', tomTime)),
          sandbox.dispatch(bookSlot('eve', eveTime)),
        ]);
        await sandbox.settle();
        return { sandbox, tom, eve, records: await sandbox.commands() };
      };

      it('retries the loser after a conflict and books both different slots', async () => {
        const { tom, eve, records } = await race('09:00', '09:10');
        expect([tom.kind, eve.kind]).toEqual(['accepted', 'accepted']);
        const retried = records.filter((r) => r.attempts.length > 0);
        expect(retried).toHaveLength(1);
        expect(retried[0].attempts[0]).toMatchObject({ streamId: `doctorday-${DAY}` });
      });

      it('gives the same slot to exactly one patient; the other is told it is taken', async () => {
        const { tom, eve } = await race('09:00', '09:00');
        expect([tom.kind, eve.kind].sort()).toEqual(['accepted', 'rejected']);
        const loser = tom.kind === 'rejected' ? tom : eve;
        expect(loser).toMatchObject({ error: { code: 'SlotAlreadyBooked' } });
      });

      it('reports ConcurrencyConflict when the retries run out, having written nothing', async () => {
        const { sandbox, tom, eve } = await race('09:00', '09:10', 0);
        const loser = [tom, eve].find((r) => r.kind === 'rejected');
        expect(loser).toMatchObject({ error: { code: 'ConcurrencyConflict' } });
        const booked = (await sandbox.events()).filter((e) => e.type === 'SlotBooked');
        expect(booked).toHaveLength(1);
      });
    });

    describe('the overbooking saga', () => {
      it('compensates the booking over the limit, caused by it and in its correlation, then notifies', async () => {
        const sandbox = await sandboxOn({ monthlyLimit: 1 });
        await practiceWithOneDay(sandbox);
        await sandbox.dispatch(bookSlot('tom', '09:00'));
        const second = await sandbox.dispatch(bookSlot('tom', '09:10'));
        await sandbox.settle();
        if (second.kind !== 'accepted') throw new Error('the second booking is accepted first');
        const trigger = second.events[0];
        const log = await sandbox.events();
        const cancelled = log.find((e) => e.type === 'SlotBookingCancelled');
        expect(cancelled?.data).toMatchObject({ slotId: `${DAY}_09:10`, reason: 'overbooking' });
        expect(cancelled?.metadata).toMatchObject({
          causationId: trigger.id,
          correlationId: trigger.metadata.correlationId,
        });
        const notified = log.find((e) => e.type === 'PatientNotified');
        expect(notified?.metadata.causationId).toBe(cancelled?.id);
        expect(notified?.metadata.correlationId).toBe(trigger.metadata.correlationId);
        expect(sandbox.query.monthlyBookings('tom', '2026-03')).toBe(1);
        expect(sandbox.query.mailbox('tom')).toHaveLength(1);
      });
    });

    it('shows lag while deliveries are delayed and none once settled', async () => {
      const sandbox = await sandboxOn({ latencyMs: 30 });
      await practiceWithOneDay(sandbox);
      await sandbox.dispatch(bookSlot('tom', '09:00'));
      expect(sandbox.projections().some((p) => p.lag > 0)).toBe(true);
      await sandbox.settle();
      expect(sandbox.projections().every((p) => p.lag === 0)).toBe(true);
    });
  });
}
