import type { DomainEvent, RecordedEvent } from '../../core/event.ts';
import { checkInvariants, type Violation } from '../../domains/scheduling/invariants.ts';
import { dateOfDay, streamIdOfEvent } from '../../domains/scheduling/ids.ts';
import { schedulingQueries } from '../../domains/scheduling/projections/index.ts';
import type { CommandRecord } from '../../store/eventStore.ts';
import { createDomainRuntime as createSandbox } from '../../domains/index.ts';
import { type Runtime as Sandbox } from '../../runtime/index.ts';

/** The actor of the commands a scratch run dispatches itself; every other command is a saga's reaction. */
export const SCRATCH_ACTOR = 'scenario';

/** What a saga did on a scratch sandbox: the command it dispatched and what became of it. */
export interface SagaReaction {
  saga: string;
  command: string;
  /** What the command was about, in one short line (its data's ids). */
  subject: string;
  outcome: string;
  isAccepted: boolean;
}

/** The read models of a settled scratch sandbox, for everything its log mentions. */
export interface ReadSide {
  /** Per day: its status, its booked slots (`time patient`) and its free slot times. */
  days: Record<string, { status: string; booked: string[]; free: string[] }>;
  /** Bookings per patient per month (`patientId month`). */
  monthlyBookings: Record<string, number>;
  /** The subjects of each patient's mail. */
  mailbox: Record<string, string[]>;
}

/** A settled scratch sandbox: its log, read models, saga reactions and broken invariants. */
export interface ScratchOutcome {
  events: RecordedEvent[];
  readSide: ReadSide;
  /** A copy of every projection's state, by name (for `schedulingQueries`). */
  projections: Record<string, unknown>;
  reactions: SagaReaction[];
  violations: Violation[];
  /** Infrastructure failures met by the sandbox's runners (none expected). */
  failures: string[];
}

/** A fresh in-memory sandbox at `now` with real projections and sagas. */
export const scratchSandbox = (now: string, monthlyLimit?: number): Sandbox =>
  createSandbox({ now: now || undefined, monthlyLimit, followStore: false });

/**
 * Pure: which events were recorded together: a double slot's two bookings (each names the other) share one
 * key, every other event has its own. Events of one stream with the same key are appended at once.
 */
export const recordedTogether = (event: DomainEvent, index: number): string => {
  const data = (event.data ?? {}) as { slotId?: unknown; pairedSlotId?: unknown };
  return event.type === 'SlotBooked' &&
    typeof data.pairedSlotId === 'string' &&
    typeof data.slotId === 'string'
    ? [data.slotId, data.pairedSlotId].sort().join('+')
    : `#${index}`;
};

/**
 * Appends past events to their streams in the order given (each batch at its stream's current version, so the
 * streams are versioned anew), as the history commands would have recorded. Consecutive events of one stream
 * with the same `groupOf` key are one append (one command's events). `label` names them in their metadata.
 */
export async function appendHistory(
  sandbox: Sandbox,
  events: readonly DomainEvent[],
  label = 'given',
  groupOf: (event: DomainEvent, index: number) => string = recordedTogether,
): Promise<{ kind: 'ok' } | { kind: 'failed'; index: number; message: string }> {
  await sandbox.ready;
  let index = 0;
  while (index < events.length) {
    const streamId = streamIdOfEvent(events[index]);
    const key = groupOf(events[index], index);
    let end = index + 1;
    while (
      end < events.length &&
      streamIdOfEvent(events[end]) === streamId &&
      groupOf(events[end], end) === key
    )
      end++;
    const commandId = `${label}-${index + 1}`;
    const batch = events.slice(index, end).map((event, offset) => ({
      id: `${commandId}-event-${offset + 1}`,
      type: event.type,
      data: event.data,
      metadata: {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        occurredAt: sandbox.clock.now(),
        actor: SCRATCH_ACTOR,
      },
    }));
    const result = await sandbox.store.append(streamId, batch, { expectedVersion: 'any' });
    if (result.kind === 'failed') return { kind: 'failed', index, message: result.error.message };
    index = end;
  }
  return { kind: 'ok' };
}

const dataOf = (event: { data: unknown }) => (event.data ?? {}) as Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Pure: the read side the projections of `sandbox` hold for every day and patient the log mentions. */
export function readSideOf(sandbox: Sandbox, events: readonly RecordedEvent[]): ReadSide {
  const read = (name: string) => sandbox.projectionState(name) as never;
  const dayIds = new Set<string>();
  const patients = new Set<string>();
  for (const event of events) {
    const data = dataOf(event);
    if (text(data.dayId)) dayIds.add(text(data.dayId));
    if (text(data.patientId)) patients.add(text(data.patientId));
  }
  const months = new Set([...dayIds].map((dayId) => dateOfDay(dayId).slice(0, 7)).filter(Boolean));
  const days: ReadSide['days'] = {};
  for (const dayId of [...dayIds].sort()) {
    const day = schedulingQueries.doctorDay(read, dayId);
    if (!day) continue;
    days[dayId] = {
      status: day.status,
      booked: day.slots
        .filter((slot) => slot.status === 'booked')
        .map((slot) => `${slot.startTime} ${slot.patientId}`),
      free: day.slots.filter((slot) => slot.status === 'available').map((slot) => slot.startTime),
    };
  }
  const monthlyBookings: ReadSide['monthlyBookings'] = {};
  const mailbox: ReadSide['mailbox'] = {};
  for (const patientId of [...patients].sort()) {
    for (const month of [...months].sort()) {
      const count = schedulingQueries.monthlyBookings(read, patientId, month);
      if (count > 0) monthlyBookings[`${patientId} ${month}`] = count;
    }
    const mail = schedulingQueries.mailbox(read, patientId);
    if (mail.length > 0) mailbox[patientId] = mail.map((message) => message.subject);
  }
  return { days, monthlyBookings, mailbox };
}

/** A saga dispatches its reactions as actor `saga:<name>`. */
const SAGA_ACTOR_PREFIX = 'saga:';

/** Pure: the commands the sagas dispatched, with their outcome. */
export const sagaReactionsOf = (commands: readonly CommandRecord[]): SagaReaction[] =>
  commands
    .filter((record) => record.actor?.startsWith(SAGA_ACTOR_PREFIX))
    .map((record) => {
      const data = dataOf(record);
      return {
        saga: (record.actor ?? '').slice(SAGA_ACTOR_PREFIX.length),
        command: record.type,
        subject: [data.patientId, data.slotId ?? data.dayId].filter((v) => typeof v === 'string').join(', '),
        outcome:
          record.outcome.kind === 'accepted'
            ? `accepted (${record.outcome.eventIds.length} event${record.outcome.eventIds.length === 1 ? '' : 's'})`
            : `rejected: ${record.outcome.code}`,
        isAccepted: record.outcome.kind === 'accepted',
      };
    });

/** Settles the sandbox and reads everything a comparison needs from it, then closes it. */
export async function settleAndRead(sandbox: Sandbox, monthlyLimit?: number): Promise<ScratchOutcome> {
  await sandbox.settle();
  const events = await sandbox.events();
  const outcome: ScratchOutcome = {
    events,
    readSide: readSideOf(sandbox, events),
    projections: Object.fromEntries(
      sandbox.projections().map(({ name }) => [name, structuredClone(sandbox.projectionState(name))]),
    ),
    reactions: sagaReactionsOf(await sandbox.commands()),
    violations: checkInvariants(events, { monthlyLimit }).violations,
    failures: sandbox.failures().map((failure) => `${failure.subscriber}: ${failure.message}`),
  };
  sandbox.close();
  return outcome;
}
