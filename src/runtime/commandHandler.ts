import type { BoundedContext, Command, ReadProjection } from '../core/boundedContext.ts';
import type { VirtualClock } from '../core/clock.ts';
import type { DomainError } from '../core/decider.ts';
import type { NewEvent, RecordedEvent } from '../core/event.ts';
import type { ActorScheduler } from '../core/scheduler/scheduler.ts';
import type { CommandRecord, EventStore, ExpectedVersion } from '../store/eventStore.ts';
import type { IdGenerator } from './idGenerators.ts';
import { recordableInput } from './recordableInput.ts';
import type { StreamStateCache } from './streamStateCache.ts';
import type { Append, DispatchMetadata, DispatchResult, RuntimeObserver } from './types.ts';

export interface CommandHandlerDeps {
  context: BoundedContext;
  store: EventStore;
  scheduler: ActorScheduler;
  clock: VirtualClock;
  ids: IdGenerator;
  /** Appends as one scheduled step (decorated by the race lab's faults). */
  append: Append;
  /** Reload-and-decide-again attempts after a concurrency conflict. */
  maxRetries: number;
  /** Waits before retry `attempt` (jittered backoff when live; nothing under a deterministic scheduler). */
  backoff: (attempt: number) => Promise<void>;
  onAppended: (events: RecordedEvent[]) => void;
  onRecorded: (record: CommandRecord) => void;
  /** Folded stream states kept between commands (used when the context can decide from folded states). */
  cache: StreamStateCache;
  observer?: RuntimeObserver;
  /** The read models as this runtime holds them (a correct decider never reads them; a planted bug may). */
  read?: ReadProjection;
}

type Attempt = CommandRecord['attempts'][number];

/** The default append: one scheduled step, straight to the store. */
export const scheduledAppend =
  (store: EventStore, scheduler: ActorScheduler): Append =>
  ({ streamId, events, expectedVersion, actor }) =>
    scheduler.run({ kind: 'append', owner: actor, detail: streamId }, () =>
      store.append(streamId, events, { expectedVersion }),
    );

const failure = (code: string, error: unknown): DomainError => ({
  code,
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Validate → load (with guard queries) → decide → append with the expected version; retry on conflict.
 * Never throws: an infrastructure failure is a rejection with the store's code (e.g. `QuotaExceeded`).
 */
export async function handleCommand(
  deps: CommandHandlerDeps,
  input: unknown,
  metadata: DispatchMetadata = {},
  /** The scheduler actor doing the work (a saga runs its reactions as itself). */
  owner?: string,
): Promise<DispatchResult> {
  const commandId = metadata.commandId ?? deps.ids('cmd');
  const actor = owner ?? commandId;
  const envelope = {
    commandId,
    correlationId: metadata.correlationId ?? commandId,
    causationId: metadata.causationId ?? commandId,
    actor: metadata.actor,
  };
  const attempts: Attempt[] = [];
  const finish = async (result: DispatchResult, command: { type: string; data: unknown }) => {
    const events = result.kind === 'accepted' ? result.events : [];
    // Why sanitise even a valid command: a domain's schema may allow what the log format cannot hold.
    const recordable = recordableInput(command);
    try {
      const record = await deps.store.recordCommand({
        ...envelope,
        type: recordable.type,
        data: recordable.data,
        issuedAt: deps.clock.now(),
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
        headPosition: await deps.store.head(),
      });
      deps.onRecorded(record);
      deps.observer?.recorded?.(record);
    } catch (error) {
      // The outcome stands (the events, if any, are in the log); only its record is missing.
      if (result.kind === 'rejected') return result;
      return { kind: 'rejected', error: failure('StoreFailed', error), commandId } as DispatchResult;
    }
    return result;
  };

  try {
    return await decideAndAppend(deps, input, commandId, actor, envelope, attempts, finish);
  } catch (error) {
    return finish(
      { kind: 'rejected', error: failure('RuntimeError', error), commandId },
      recordableInput(input),
    );
  }
}

async function decideAndAppend(
  deps: CommandHandlerDeps,
  input: unknown,
  commandId: string,
  actor: string,
  envelope: Omit<NewEvent['metadata'], 'occurredAt'>,
  attempts: Attempt[],
  finish: (result: DispatchResult, command: { type: string; data: unknown }) => Promise<DispatchResult>,
): Promise<DispatchResult> {
  const { context, store, scheduler, clock } = deps;
  // 1. Validate: malformed input never reaches a decider (and is recorded only in a form the log can hold).
  let validation: ReturnType<BoundedContext['validate']>;
  try {
    validation = context.validate(input);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const rejection = { code: 'InvalidCommand', message: `The command could not be read: ${problem}` };
    return finish({ kind: 'rejected', error: rejection, commandId }, recordableInput(input));
  }
  if (validation.kind === 'invalid')
    return finish({ kind: 'rejected', error: validation.error, commandId }, recordableInput(input));
  const command: Command = validation.command;
  const plan = context.plan(command);

  for (let attempt = 0; attempt <= deps.maxRetries; attempt++) {
    if (attempt > 0) {
      await deps.backoff(attempt);
      // A retry after a lost acknowledgement finds its own earlier write: the command is done, not decided again.
      const written = (await store.readStream(plan.streamId)).filter(
        (e) => e.metadata.commandId === commandId,
      );
      if (written.length > 0) {
        deps.onAppended(written);
        return finish({ kind: 'accepted', events: written, commandId }, command);
      }
    }
    // 2. Load the target stream and the guard streams (best effort across aggregates), then
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
          const guardStates: Record<string, unknown> = Object.create(null);
          plan.guardStreamIds.forEach((id, i) => (guardStates[id] = guards[i].state));
          return {
            now,
            version: target.version,
            decision: context.decideFolded(command, {
              stream: target.state,
              guards: guardStates,
              now,
              read: deps.read,
            }),
          };
        }
        const [stream, ...guardStreams] = await Promise.all(streamIds.map((id) => store.readStream(id)));
        const guards: Record<string, RecordedEvent[]> = Object.create(null);
        plan.guardStreamIds.forEach((id, i) => (guards[id] = guardStreams[i]));
        const decision = context.decide(command, { stream, guards, now, read: deps.read });
        return { now, version: stream.at(-1)?.version ?? 0, decision };
      },
    );
    deps.observer?.loaded?.({ commandId, actor, streamId: plan.streamId, version });
    if (decision.kind === 'rejected')
      return finish({ kind: 'rejected', error: decision.error, commandId }, command);
    if (decision.events.length === 0) return finish({ kind: 'accepted', events: [], commandId }, command);

    // 4. Append with the version the decision was based on.
    const events: NewEvent[] = decision.events.map((event) => ({
      id: deps.ids('evt'),
      type: event.type,
      data: event.data,
      metadata: { ...envelope, occurredAt: now },
    }));
    const expectedVersion: ExpectedVersion = version || 'no-stream';
    const result = await deps.append({
      streamId: plan.streamId,
      events,
      expectedVersion,
      commandId,
      actor,
      attempt,
    });
    if (result.kind === 'appended') {
      deps.onAppended(result.events);
      return finish({ kind: 'accepted', events: result.events, commandId }, command);
    }
    if (result.error.code !== 'ConcurrencyConflict') {
      const error: DomainError = { code: result.error.code, message: result.error.message };
      return finish({ kind: 'rejected', error, commandId }, command);
    }
    // 5. Conflict: someone wrote the stream since we loaded it. Reload and decide again.
    attempts.push({
      streamId: plan.streamId,
      expectedVersion: result.error.expectedVersion,
      actualVersion: result.error.actualVersion,
    });
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
