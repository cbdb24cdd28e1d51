import type { NewEvent, RecordedEvent } from '../../src/core/event.ts';
import type { EventStore, NewCommandRecord } from '../../src/store/eventStore.ts';

let counter = 0;

export const DAY = 'day-ana-silva-2026-11-23';
export const OTHER_DAY = 'day-ana-silva-2026-11-24';

/** A slot event with realistic defaults and a fresh id. */
export function slotEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  counter += 1;
  return {
    id: `evt-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    type: 'SlotScheduled',
    data: { doctorId: 'ana-silva', date: '2026-11-23', startTime: '09:00', durationMinutes: 15 },
    metadata: {
      commandId: `cmd-${counter}`,
      correlationId: `cmd-${counter}`,
      causationId: `cmd-${counter}`,
      occurredAt: '2026-11-23T08:00',
      actor: 'Dr Ana Silva',
    },
    ...overrides,
  };
}

export const slotEvents = (count: number): NewEvent[] => Array.from({ length: count }, () => slotEvent());

export function commandRecord(overrides: Partial<NewCommandRecord> = {}): NewCommandRecord {
  return {
    commandId: 'cmd-book-1',
    type: 'BookSlot',
    data: { slotId: 'slot-0900', patientId: 'tom-baker' },
    correlationId: 'cmd-book-1',
    causationId: 'cmd-book-1',
    actor: 'Tom Baker',
    issuedAt: '2026-11-23T08:05',
    outcome: { kind: 'accepted', eventIds: ['evt-1'], firstPosition: 1, lastPosition: 1 },
    attempts: [],
    headPosition: 1,
    ...overrides,
  };
}

/** Appends and fails the test if the store refused. */
export async function mustAppend(
  store: EventStore,
  streamId: string,
  events: NewEvent[],
): Promise<RecordedEvent[]> {
  const result = await store.append(streamId, events, { expectedVersion: 'any' });
  if (result.kind !== 'appended') throw new Error(`append failed: ${result.error.message}`);
  return result.events;
}

export const positions = (events: RecordedEvent[]): number[] => events.map((e) => e.position);

export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The store's whole persistent state as one string, to prove a failed operation changed nothing. */
export async function snapshot(store: EventStore, subscriberIds: string[] = ['schedule']): Promise<string> {
  const log = await store.exportLog('2026-11-23T12:00');
  const checkpoints = await Promise.all(subscriberIds.map((id) => store.loadCheckpoint(id)));
  return JSON.stringify({ log, checkpoints, head: await store.head() });
}
