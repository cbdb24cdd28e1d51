import type { RecordedEvent } from '../core/event.ts';
import type {
  ConcurrencyConflict,
  ExpectedVersion,
  StoreFailure,
  SubscribeOptions,
  Subscription,
} from './eventStore.ts';
import { StoreError } from './eventStore.ts';

export const DEFAULT_BATCH_SIZE = 500;

/** What a store gives a subscription: a read of up to `limit` events after a position, with the log's epoch. */
export type ReadAfter = (
  afterPosition: number,
  limit: number,
) => Promise<{ epoch: number; events: RecordedEvent[] }>;

/** A subscription the store wakes whenever the log may have grown (a local append or another tab's). */
export interface LiveSubscription extends Subscription {
  notify(): void;
}

/** Pure: does the stream's actual version satisfy the writer's expectation? */
export function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

/** Pure: the conflict value for a failed expectation. */
export function conflict(
  streamId: string,
  expectedVersion: ExpectedVersion,
  actualVersion: number,
): ConcurrencyConflict {
  return {
    code: 'ConcurrencyConflict',
    message: `Stream "${streamId}" is at version ${actualVersion}, the writer expected ${String(expectedVersion)}`,
    streamId,
    expectedVersion,
    actualVersion,
  };
}

export const logReplaced = (): StoreFailure => ({
  code: 'VersionChanged',
  message: 'The event log was replaced (reset or import); this subscription stopped',
});

function asFailure(error: unknown): StoreFailure {
  if (error instanceof StoreError) return error.failure;
  return { code: 'StoreFailed', message: 'Reading the log failed', cause: String(error) };
}

/**
 * Starts a live subscription. One loop per subscription: read a batch, await the handler, repeat
 * until caught up, then sleep until notified. So deliveries never overlap, and because every read
 * starts right after the last delivered position, nothing is skipped or repeated.
 */
export function startSubscription(
  read: ReadAfter,
  epoch: number,
  handler: (events: RecordedEvent[]) => void | Promise<void>,
  options: SubscribeOptions,
  onClose: (subscription: LiveSubscription) => void,
): LiveSubscription {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let position = options.afterPosition;
  let isClosed = false;
  // Set by notify(); checked before sleeping so a notification during a read is never lost.
  let isDirty = true;
  let wake: (() => void) | null = null;

  const subscription: LiveSubscription = {
    notify() {
      isDirty = true;
      wake?.();
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      wake?.();
      onClose(subscription);
    },
  };

  const stop = (failure: StoreFailure) => {
    if (isClosed) return;
    subscription.close();
    options.onError?.(failure);
  };

  const run = async () => {
    while (!isClosed) {
      if (!isDirty) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      isDirty = false;
      for (;;) {
        let batch: { epoch: number; events: RecordedEvent[] };
        try {
          batch = await read(position, batchSize);
        } catch (error) {
          return stop(asFailure(error));
        }
        if (isClosed) return;
        if (batch.epoch !== epoch) return stop(logReplaced());
        if (batch.events.length === 0) break;
        if (batch.events[0].position !== position + 1) {
          return stop({
            code: 'StoreFailed',
            message: `Gap in the log: expected position ${position + 1}, read ${batch.events[0].position}`,
          });
        }
        try {
          await handler(batch.events);
        } catch (error) {
          return stop({
            code: 'StoreFailed',
            message: 'The subscriber threw; it stopped',
            cause: String(error),
          });
        }
        position = batch.events[batch.events.length - 1].position;
        if (isClosed) return;
      }
    }
  };
  void run();
  return subscription;
}
