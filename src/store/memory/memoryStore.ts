import type { NewEvent, RecordedEvent } from '../../core/event.ts';
import type {
  AppendResult,
  Checkpoint,
  CommandRecord,
  EventLogFile,
  EventStore,
  ImportResult,
} from '../eventStore.ts';
import { LOG_FORMAT, LOG_FORMAT_VERSION, appendProblem, recorded, validateLogFile } from '../logFile.ts';
import { type LiveSubscription, conflict, startSubscription, versionMatches } from '../subscription.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The reference `EventStore`: plain arrays, same contract as the Dexie store. Stored events are frozen copies. */
export function createMemoryStore(): EventStore {
  let events: RecordedEvent[] = [];
  let streams = new Map<string, RecordedEvent[]>();
  let commands: CommandRecord[] = [];
  let checkpoints = new Map<string, Checkpoint>();
  let epoch = 0;
  const subscriptions = new Set<LiveSubscription>();

  const notifyAll = () => {
    for (const subscription of subscriptions) subscription.notify();
  };

  // Replacing the log does not wake subscriptions: the caller re-subscribes, and an old subscription
  // learns of the replacement (VersionChanged) only if it is still open at the next append.
  const load = (file: EventLogFile) => {
    events = file.events.map((e) => deepFreeze(structuredClone(e)));
    streams = new Map();
    for (const e of events) {
      const stream = streams.get(e.streamId) ?? [];
      stream.push(e);
      streams.set(e.streamId, stream);
    }
    commands = structuredClone(file.commands);
    checkpoints = new Map();
    epoch += 1;
  };

  const store: EventStore = {
    kind: 'memory',

    async append(streamId, batch, { expectedVersion }): Promise<AppendResult> {
      const problem = appendProblem(streamId, batch);
      if (problem) return { kind: 'failed', error: { code: 'InvalidAppend', message: problem } };
      const stream = streams.get(streamId) ?? [];
      if (!versionMatches(expectedVersion, stream.length)) {
        return { kind: 'failed', error: conflict(streamId, expectedVersion, stream.length) };
      }
      let copies: NewEvent[];
      try {
        copies = structuredClone(batch.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })));
      } catch (error) {
        return {
          kind: 'failed',
          error: { code: 'InvalidAppend', message: 'Events must be cloneable data', cause: String(error) },
        };
      }
      const appended = copies.map((e, i) =>
        deepFreeze(recorded(e, events.length + i + 1, streamId, stream.length + i + 1)),
      );
      if (appended.length > 0) {
        events.push(...appended);
        stream.push(...appended);
        streams.set(streamId, stream);
        notifyAll();
      }
      return {
        kind: 'appended',
        events: appended,
        streamVersion: stream.length,
        lastPosition: events.length,
      };
    },

    async readStream(streamId, { from = 1, to = Infinity } = {}) {
      const stream = streams.get(streamId) ?? [];
      return stream.slice(Math.max(0, from - 1), Math.min(stream.length, to));
    },

    async readAll({ fromPosition = 1, toPosition = Infinity, limit = Infinity } = {}) {
      const start = Math.max(0, fromPosition - 1);
      return events.slice(start, Math.min(events.length, toPosition, start + limit));
    },

    async head() {
      return events.length;
    },

    subscribe(handler, options) {
      const read = async (after: number, limit: number) => ({
        epoch,
        events: events.slice(after, after + limit),
      });
      const subscription = startSubscription(read, epoch, handler, options, (s) => subscriptions.delete(s));
      subscriptions.add(subscription);
      return subscription;
    },

    async loadCheckpoint<State>(subscriberId: string) {
      const found = checkpoints.get(subscriberId);
      return found ? (structuredClone(found) as Checkpoint<State>) : null;
    },

    async saveCheckpoint(checkpoint) {
      try {
        // Why no clone: the caller hands the state over (EventStore.saveCheckpoint's contract).
        checkpoints.set(checkpoint.subscriberId, { ...checkpoint });
        return { kind: 'saved' };
      } catch (error) {
        return {
          kind: 'failed',
          error: { code: 'StoreFailed', message: 'The checkpoint is not cloneable', cause: String(error) },
        };
      }
    },

    async deleteCheckpoints() {
      checkpoints = new Map();
    },

    async recordCommand(record) {
      const stored: CommandRecord = { seq: commands.length + 1, ...structuredClone(record) };
      commands.push(stored);
      return structuredClone(stored);
    },

    async readCommands() {
      return structuredClone(commands);
    },

    async exportLog(exportedAt) {
      return {
        format: LOG_FORMAT,
        formatVersion: LOG_FORMAT_VERSION,
        exportedAt,
        events: structuredClone(events),
        commands: structuredClone(commands),
      };
    },

    async importLog(file): Promise<ImportResult> {
      const checked = validateLogFile(file);
      if (checked.kind === 'invalid') return { kind: 'rejected', error: checked.error };
      load(checked.file);
      return { kind: 'imported', events: events.length, commands: commands.length };
    },

    async reset() {
      load({
        format: LOG_FORMAT,
        formatVersion: LOG_FORMAT_VERSION,
        exportedAt: '',
        events: [],
        commands: [],
      });
    },

    close() {
      for (const subscription of [...subscriptions]) subscription.close();
    },
  };
  return store;
}
