/**
 * Scratch sandboxes: a fresh in-memory runtime of any domain for a tool to play a history on (a scenario's Given,
 * a what-if branch, a walkthrough), and what it ended with: its log, read side, saga reactions and broken
 * invariants.
 */
import type { DomainModule } from '../../core/domain/domainModule.ts';
import type { DomainEvent, RecordedEvent } from '../../core/event.ts';
import type { Violation } from '../../core/invariant.ts';
import { createRuntime, type Runtime as Sandbox, type RuntimeOptions } from '../../runtime/index.ts';
import type { CommandRecord } from '../../store/eventStore.ts';
import { readSideOf, type ReadSide } from './readSide.ts';

export type { ReadSide };

/** The actor of the commands a scratch run dispatches itself; every other command is a saga's reaction. */
export const SCRATCH_ACTOR = 'scenario';

/** What a saga did on a scratch sandbox: the command it dispatched and what became of it. */
export interface SagaReaction {
  saga: string;
  command: string;
  /** What the command was about, in one short line (the ids in its data). */
  subject: string;
  outcome: string;
  isAccepted: boolean;
}

/** A settled scratch sandbox: its log, read models, saga reactions and broken invariants. */
export interface ScratchOutcome {
  events: RecordedEvent[];
  readSide: ReadSide;
  /** A copy of every projection's state, by name (to ask the domain's queries of). */
  projections: Record<string, unknown>;
  reactions: SagaReaction[];
  violations: Violation[];
  /** Infrastructure failures met by the sandbox's runners (none expected). */
  failures: string[];
}

/** A fresh in-memory sandbox of `domain` (under its settings) at `now`, with real projections and sagas. */
export const scratchSandbox = (
  domain: DomainModule,
  now: string,
  options: Omit<RuntimeOptions, 'now' | 'store'> & { store?: RuntimeOptions['store'] } = {},
): Sandbox => createRuntime(domain, { followStore: false, ...options, now: now || undefined });

/**
 * Appends past events to their streams in the order given (each batch at its stream's current version, so the
 * streams are versioned anew), as the history commands would have recorded. Consecutive events of one stream
 * with the same `groupOf` key are one append (one command's events). `label` names them in their metadata.
 */
export async function appendHistory(
  domain: DomainModule,
  sandbox: Sandbox,
  events: readonly DomainEvent[],
  label = 'given',
  groupOf: (event: DomainEvent, index: number) => string = (_, index) => `#${index}`,
): Promise<{ kind: 'ok' } | { kind: 'failed'; index: number; message: string }> {
  await sandbox.ready;
  let index = 0;
  while (index < events.length) {
    const streamId = domain.streamOfEvent(events[index]);
    const key = groupOf(events[index], index);
    let end = index + 1;
    while (
      end < events.length &&
      domain.streamOfEvent(events[end]) === streamId &&
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Pure: the ids a message's data holds (the fields the domain's id kinds name), in the data's order. */
export function subjectOf(domain: DomainModule, message: { data: unknown }): string {
  const idFields = new Set(Object.values(domain.ids).flatMap((kind) => kind.fields));
  const data = isRecord(message.data) ? message.data : {};
  return Object.entries(data)
    .filter(([field, value]) => idFields.has(field) && typeof value === 'string' && value !== '')
    .map(([, value]) => value as string)
    .join(', ');
}

/** A saga dispatches its reactions as actor `saga:<name>`. */
const SAGA_ACTOR_PREFIX = 'saga:';

/** Pure: the commands the sagas dispatched, with their outcome. */
export const sagaReactionsOf = (domain: DomainModule, commands: readonly CommandRecord[]): SagaReaction[] =>
  commands
    .filter((record) => record.actor?.startsWith(SAGA_ACTOR_PREFIX))
    .map((record) => ({
      saga: (record.actor ?? '').slice(SAGA_ACTOR_PREFIX.length),
      command: record.type,
      subject: subjectOf(domain, record),
      outcome:
        record.outcome.kind === 'accepted'
          ? `accepted (${record.outcome.eventIds.length} event${record.outcome.eventIds.length === 1 ? '' : 's'})`
          : `rejected: ${record.outcome.code}`,
      isAccepted: record.outcome.kind === 'accepted',
    }));

/** Pure: every invariant of the domain the log breaks, under the domain's settings. */
export const violationsOf = (domain: DomainModule, events: readonly RecordedEvent[]): Violation[] =>
  domain.invariants.flatMap((invariant) => invariant.check(events, domain.settingValues));

/** The read side of a sandbox of `domain` now, for everything its log names. */
export async function currentReadSide(domain: DomainModule, sandbox: Sandbox): Promise<ReadSide> {
  const events = await sandbox.events();
  return readSideOf(domain, events, (name) => sandbox.projectionState(name), sandbox.clock.now());
}

/** Settles the sandbox and reads everything a comparison needs from it, then closes it. */
export async function settleAndRead(domain: DomainModule, sandbox: Sandbox): Promise<ScratchOutcome> {
  await sandbox.settle();
  const events = await sandbox.events();
  const projections = Object.fromEntries(
    sandbox.projections().map(({ name }) => [name, structuredClone(sandbox.projectionState(name))]),
  );
  const outcome: ScratchOutcome = {
    events,
    readSide: readSideOf(domain, events, (name) => projections[name], sandbox.clock.now()),
    projections,
    reactions: sagaReactionsOf(domain, await sandbox.commands()),
    violations: violationsOf(domain, events),
    failures: sandbox.failures().map((failure) => `${failure.subscriber}: ${failure.message}`),
  };
  sandbox.close();
  return outcome;
}
