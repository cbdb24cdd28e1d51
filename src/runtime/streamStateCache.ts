import type { StreamFold } from '../core/boundedContext.ts';
import type { RecordedEvent } from '../core/event.ts';
import type { EventStore } from '../store/eventStore.ts';

interface Entry {
  version: number;
  lastEventId: string;
  state: unknown;
}

/**
 * Keeps each stream's folded state between commands, so loading folds only the events appended since.
 * Safe to share: deciders' `evolve` never changes a state, it returns a new one.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 2_000) {}

  /** The stream's current state and version (0 = no stream), reading only what the cache has not seen. */
  async load(
    store: EventStore,
    streamId: string,
    fold: StreamFold,
  ): Promise<{ state: unknown; version: number }> {
    const cached = this.entries.get(streamId);
    if (cached) {
      // Why re-read the last cached event: if another tab replaced the log (reset, import), its id differs and
      // the cached state is dropped instead of being extended with someone else's history.
      const tail = await store.readStream(streamId, { from: cached.version });
      if (tail[0]?.id === cached.lastEventId) return this.extend(streamId, cached, tail.slice(1), fold);
      this.entries.delete(streamId);
    }
    return this.extend(streamId, null, await store.readStream(streamId), fold);
  }

  private extend(streamId: string, base: Entry | null, events: RecordedEvent[], fold: StreamFold) {
    const state = events.reduce(fold.evolve, base ? base.state : fold.initialState());
    const last = events.at(-1);
    const version = last?.version ?? base?.version ?? 0;
    const lastEventId = last?.id ?? base?.lastEventId;
    if (lastEventId) this.remember(streamId, { version, lastEventId, state });
    return { state, version };
  }

  clear(): void {
    this.entries.clear();
  }

  private remember(streamId: string, entry: Entry) {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
