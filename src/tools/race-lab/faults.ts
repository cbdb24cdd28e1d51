/**
 * Faults of the environment and runtime-level planted bugs, as decorators around the runtime's seams (the way
 * `latentDeliveries` decorates a scheduler): the production runtime carries no flag for any of them.
 */
import type { RecordedEvent } from '../../core/event.ts';
import type { Append, RuntimeDecorators, SelectUnapplied } from '../../runtime/index.ts';
import type { AppendResult, EventStore } from '../../store/eventStore.ts';

/** Fault: deliveries to projections and sagas carry these events twice (at-least-once delivery). */
export const duplicateDeliveries =
  (isDuplicated: (event: RecordedEvent) => boolean) =>
  (store: EventStore): EventStore => ({
    ...store,
    kind: store.kind,
    readAll: async (options) =>
      (await store.readAll(options)).flatMap((e) => (isDuplicated(e) ? [e, e] : [e])),
  });

/** Planted bug: a subscriber applies every event it is handed, even one at or below its checkpoint. */
export const noIdempotenceGuard = (): SelectUnapplied => (events) => [...events];

/** Planted bug: appends skip the expected-version check (optimistic concurrency is gone). */
export const noVersionCheck =
  (append: Append): Append =>
  (request) =>
    append({ ...request, expectedVersion: 'any' });

/** Planted bug: a multi-event decision is appended one event at a time (another writer can get in between). */
export const splitAppends =
  (append: Append): Append =>
  async (request) => {
    if (request.events.length <= 1) return append(request);
    const appended: RecordedEvent[] = [];
    let last: AppendResult | null = null;
    for (const [index, event] of request.events.entries()) {
      const expectedVersion =
        index === 0 || request.expectedVersion === 'any'
          ? request.expectedVersion
          : (appended.at(-1)?.version ?? 0);
      last = await append({ ...request, events: [event], expectedVersion });
      if (last.kind !== 'appended') break;
      appended.push(...last.events);
    }
    if (appended.length === 0 || !last) return last as AppendResult;
    // Part of the decision is in the log: the writer is told what landed.
    const tail = appended.at(-1) as RecordedEvent;
    return { kind: 'appended', events: appended, streamVersion: tail.version, lastPosition: tail.position };
  };

/**
 * Fault: a successful append's acknowledgement is lost. The events are in the store (subscribers see them); only
 * the writer believes the append failed, so it reloads and finds its own write (or decides again).
 */
export const loseAcks =
  (shouldLose: (request: { commandId: string; streamId: string; attempt: number }) => boolean) =>
  (append: Append): Append =>
  async (request) => {
    const result = await append(request);
    if (result.kind !== 'appended' || !shouldLose(request)) return result;
    return {
      kind: 'failed',
      error: {
        code: 'ConcurrencyConflict',
        message: 'The acknowledgement of this append was lost',
        streamId: request.streamId,
        expectedVersion: 'any',
        actualVersion: result.streamVersion,
      },
    };
  };

/** Composes append decorators, innermost first. */
export const composeAppends =
  (...decorators: ((append: Append) => Append)[]) =>
  (append: Append): Append =>
    decorators.reduce((inner, decorate) => decorate(inner), append);

/** The runtime decorators of a race's faults and runtime-level planted bugs. */
export function raceDecorators(options: {
  duplicated?: (event: RecordedEvent) => boolean;
  nonIdempotentProjections?: boolean;
  skipVersionCheck?: boolean;
  splitAppends?: boolean;
  loseAck?: (request: { commandId: string; streamId: string; attempt: number }) => boolean;
  /** The innermost append decorator: sees what really reached the store (for observers). */
  observe?: (append: Append) => Append;
}): RuntimeDecorators {
  const appends: ((append: Append) => Append)[] = [];
  if (options.observe) appends.push(options.observe);
  if (options.loseAck) appends.push(loseAcks(options.loseAck));
  if (options.splitAppends) appends.push(splitAppends);
  if (options.skipVersionCheck) appends.push(noVersionCheck);
  return {
    store: options.duplicated ? duplicateDeliveries(options.duplicated) : undefined,
    append: appends.length > 0 ? composeAppends(...appends) : undefined,
    selectUnapplied: options.nonIdempotentProjections ? () => noIdempotenceGuard() : undefined,
  };
}
