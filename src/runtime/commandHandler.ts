import type { BoundedContext, Command } from '../core/boundedContext.ts';
import type { VirtualClock } from '../core/clock.ts';
import type { DomainError } from '../core/decider.ts';
import type { NewEvent, RecordedEvent } from '../core/event.ts';
import type { ActorScheduler } from '../core/scheduler/scheduler.ts';
import type { CommandRecord, EventStore, ExpectedVersion } from '../store/eventStore.ts';
import type { IdGenerator } from './idGenerators.ts';
import type { StreamStateCache } from './streamStateCache.ts';
import type { DispatchMetadata, DispatchResult } from './types.ts';

/** Planted bugs for the race lab (all off in normal use). */
export interface RuntimeFaults {
  /** Append with `expectedVersion: 'any'`: optimistic concurrency is gone. */
  skipVersionCheck?: boolean;
  /** Append each event on its own: a double slot is no longer atomic. */
  splitAppends?: boolean;
  /**
   * Fault: this successful append's acknowledgement is lost. The events are in the store, but the handler
   * is told the append failed, so it reloads and decides again (the retry sees its own write).
   */
  loseAck?: (append: { commandId: string; streamId: string; attempt: number }) => boolean;
}

export interface CommandHandlerDeps {
  context: BoundedContext;
  store: EventStore;
  scheduler: ActorScheduler;
  clock: VirtualClock;
  ids: IdGenerator;
  faults: RuntimeFaults;
  /** Reload-and-decide-again attempts after a concurrency conflict. */
  maxRetries: number;
  onAppended: (events: RecordedEvent[]) => void;
  onRecorded: (record: CommandRecord) => void;
  /** Folded stream states kept between commands (used when the context can decide from folded states). */
  cache: StreamStateCache;
}

type Attempt = CommandRecord['attempts'][number];

/** Validate → load (with guard queries) → decide → append with the expected version; retry on conflict. */
export async function handleCommand(
  deps: CommandHandlerDeps,
  input: unknown,
  metadata: DispatchMetadata = {},
  /** The scheduler actor doing the work (a saga runs its reactions as itself). */
  owner?: string,
): Promise<DispatchResult> {
  const { context, store, scheduler, clock } = deps;
  const commandId = metadata.commandId ?? deps.ids('cmd');
  const actor = owner ?? commandId;
  const envelope = {
    commandId,
    correlationId: metadata.correlationId ?? commandId,
    causationId: metadata.causationId ?? commandId,
    actor: metadata.actor,
  };
  const attempts: Attempt[] = [];
  const finish = async (result: DispatchResult, command: Partial<Command>): Promise<DispatchResult> => {
    const events = result.kind === 'accepted' ? result.events : [];
    const record = await store.recordCommand({
      ...envelope,
      type: typeof command.type === 'string' ? command.type : '(unknown)',
      data: command.data ?? null,
      issuedAt: clock.now(),
      outcome:
        result.kind === 'accepted'
          ? {
              kind: 'accepted',
              eventIds: events.map((e) => e.id),
              firstPosition: events[0]?.position ?? null,
              lastPosition: events.at(-1)?.position ?? null,
            }
          : { kind: 'rejected', code: result.error.code, message: result.error.message },
      attempts,
      headPosition: await store.head(),
    });
    deps.onRecorded(record);
    return result;
  };

  // 1. Validate: malformed input never reaches a decider.
  const validation = context.validate(input);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Partial<Command>;
  if (validation.kind === 'invalid')
    return finish({ kind: 'rejected', error: validation.error, commandId }, raw);
  const command = validation.command;
  const plan = context.plan(command);

  for (let attempt = 0; attempt <= deps.maxRetries; attempt++) {
    // A retry after a lost acknowledgement finds its own earlier write: the command is done, not decided again.
    if (attempt > 0) {
      const written = (await store.readStream(plan.streamId)).filter(
        (e) => e.metadata.commandId === commandId,
      );
      if (written.length > 0) return finish({ kind: 'accepted', events: written, commandId }, command);
    }
    // 2. Load the target stream and the guard streams (best effort across aggregates, seed 003), then
    // 3. decide: pure. With a cache, only events appended since the last command are folded.
    const { decision, version, now } = await scheduler.run(
      { kind: 'load', owner: actor, detail: plan.streamId },
      async () => {
        const now = clock.now();
        const streamIds = [plan.streamId, ...plan.guardStreamIds];
        if (context.decideFolded && context.streamFold) {
          const fold = context.streamFold.bind(context);
          const [target, ...guards] = await Promise.all(
            streamIds.map((id) => deps.cache.load(store, id, fold(id))),
          );
          const guardStates = Object.fromEntries(plan.guardStreamIds.map((id, i) => [id, guards[i].state]));
          return {
            now,
            version: target.version,
            decision: context.decideFolded(command, { stream: target.state, guards: guardStates, now }),
          };
        }
        const [stream, ...guardStreams] = await Promise.all(streamIds.map((id) => store.readStream(id)));
        const guards = Object.fromEntries(plan.guardStreamIds.map((id, i) => [id, guardStreams[i]]));
        const decision = context.decide(command, { stream, guards, now });
        return { now, version: stream.at(-1)?.version ?? 0, decision };
      },
    );
    if (decision.kind === 'rejected')
      return finish({ kind: 'rejected', error: decision.error, commandId }, command);
    if (decision.events.length === 0) return finish({ kind: 'accepted', events: [], commandId }, command);

    // 4. Append with the version the decision was based on.
    const newEvents: NewEvent[] = decision.events.map((event) => ({
      id: deps.ids('evt'),
      type: event.type,
      data: event.data,
      metadata: { ...envelope, occurredAt: now },
    }));
    const expectedVersion: ExpectedVersion = deps.faults.skipVersionCheck ? 'any' : version || 'no-stream';
    const batches = deps.faults.splitAppends ? newEvents.map((e) => [e]) : [newEvents];
    const appended: RecordedEvent[] = [];
    let conflict: Attempt | null = null;
    for (const [index, batch] of batches.entries()) {
      const result = await scheduler.run({ kind: 'append', owner: actor, detail: plan.streamId }, () =>
        store.append(plan.streamId, batch, {
          expectedVersion:
            index === 0 || expectedVersion === 'any' ? expectedVersion : (appended.at(-1)?.version ?? 0),
        }),
      );
      if (
        result.kind === 'appended' &&
        deps.faults.loseAck?.({ commandId, streamId: plan.streamId, attempt })
      ) {
        // The store has the events (subscribers must see them); only this handler believes it failed.
        deps.onAppended(result.events);
        conflict = { streamId: plan.streamId, expectedVersion: 'any', actualVersion: result.streamVersion };
        break;
      }
      if (result.kind === 'appended') {
        appended.push(...result.events);
        deps.onAppended(result.events);
        continue;
      }
      if (result.error.code !== 'ConcurrencyConflict') {
        const failure: DomainError = { code: result.error.code, message: result.error.message };
        return finish({ kind: 'rejected', error: failure, commandId }, command);
      }
      conflict = {
        streamId: plan.streamId,
        expectedVersion: result.error.expectedVersion,
        actualVersion: result.error.actualVersion,
      };
      break;
    }
    if (!conflict) return finish({ kind: 'accepted', events: appended, commandId }, command);
    // 5. Conflict: someone wrote the stream since we loaded it. Reload and decide again.
    attempts.push(conflict);
    if (appended.length > 0) return finish({ kind: 'accepted', events: appended, commandId }, command);
  }

  const last = attempts.at(-1) as Attempt;
  const error: DomainError = {
    code: 'ConcurrencyConflict',
    message: `Stream ${last.streamId} kept changing while this command was decided (${attempts.length} attempts); nothing was written.`,
    streamId: last.streamId,
    expectedVersion: last.expectedVersion,
    actualVersion: last.actualVersion,
  };
  return finish({ kind: 'rejected', error, commandId }, command);
}
