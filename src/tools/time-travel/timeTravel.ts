import {
  bindQueries,
  type BoundedContext,
  type BoundQueries,
  type Projection,
  type QueryCatalog,
  type Saga,
} from '../../core/boundedContext.ts';
import type { DomainModule, SagaInstanceView } from '../../core/domain/domainModule.ts';
import type { RecordedEvent } from '../../core/event.ts';

/** The read side as it was after the event at `position` (0 = before any event). */
export interface PastView {
  readonly position: number;
  /**
   * A projection's state as of `position` (`queriesAt` binds the domain's queries to it). Read-only, and valid until another
   * view of this time travel is read (stepping forward folds the same state further, in place).
   */
  read(projectionName: string): unknown;
  /** A saga's state as of `position` (every event up to it handled). */
  sagaState(sagaName: string): unknown;
}

export interface TimeTravelOptions {
  /**
   * Events between snapshots: a saga's state is kept every this many events (free: a saga never changes a state
   * in place); a projection's at most this often, and only when copying it costs less than folding again since
   * the last one (default 1,000).
   */
  snapshotEvery?: number;
  /** `always`: a projection is copied at every `snapshotEvery` events too, whatever it costs (for tests). */
  projectionSnapshots?: 'adaptive' | 'always';
}

interface Frame {
  position: number;
  state: unknown;
}

/**
 * One projection or saga through time: snapshots, and the frame last handed out (private to this track, so
 * stepping forward folds it further instead of starting from a copy).
 */
class Track {
  snapshots: Frame[];
  current: Frame | null = null;
  #cloneMs = 0;
  #foldMsSinceSnapshot = 0;

  constructor(
    private readonly initial: () => unknown,
    private readonly apply: (state: unknown, event: RecordedEvent) => unknown,
    /** Pure (sagas): a state is never changed in place, so a snapshot is the state itself. */
    private readonly isPure: boolean,
    private readonly every: number,
    private readonly isAdaptive: boolean,
  ) {
    this.snapshots = [{ position: 0, state: initial() }];
  }

  /** The state after event `target`, folded from the nearest snapshot or from the frame handed out last. */
  stateAt(events: readonly RecordedEvent[], target: number): unknown {
    const snapshot = this.#nearestSnapshot(target);
    const current = this.current;
    let frame: Frame;
    if (current && current.position <= target && current.position >= snapshot.position) frame = current;
    else frame = { position: snapshot.position, state: this.#copy(snapshot.state) };
    this.current = frame;
    this.#fold(frame, events, target);
    return frame.state;
  }

  #nearestSnapshot(target: number): Frame {
    let [lo, hi] = [0, this.snapshots.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.snapshots[mid].position <= target) lo = mid;
      else hi = mid - 1;
    }
    return this.snapshots[lo];
  }

  /** Folds `frame` up to `target`, keeping snapshots as it passes the last one. */
  #fold(frame: Frame, events: readonly RecordedEvent[], target: number): void {
    let started = performance.now();
    while (frame.position < target) {
      frame.state = this.apply(frame.state, events[frame.position]);
      frame.position++;
      const last = this.snapshots[this.snapshots.length - 1].position;
      if (frame.position - last < this.every || frame.position <= last) continue;
      const now = performance.now();
      this.#foldMsSinceSnapshot += now - started;
      started = now;
      if (this.#isSnapshotWorthIt(frame.position, last)) this.#keep(frame);
    }
    this.#foldMsSinceSnapshot += performance.now() - started;
  }

  /**
   * Why adaptive: a projection's state is copied to be kept, and at 100k events a copy (hundreds of ms) costs
   * more than folding the whole log again; a copy is made only when it is cheaper than the folding it saves.
   */
  #isSnapshotWorthIt(position: number, last: number): boolean {
    if (this.isPure || !this.isAdaptive) return true;
    // The copy's cost grows with the state, which grows with the events folded into it.
    const lastPosition = Math.max(1, last);
    const estimatedCopyMs = (this.#cloneMs * position) / lastPosition;
    return this.#foldMsSinceSnapshot >= estimatedCopyMs;
  }

  #keep(frame: Frame): void {
    const started = performance.now();
    this.snapshots.push({ position: frame.position, state: this.#copy(frame.state) });
    if (!this.isPure) this.#cloneMs = performance.now() - started;
    this.#foldMsSinceSnapshot = 0;
  }

  #copy(state: unknown): unknown {
    return this.isPure ? state : structuredClone(state);
  }

  reset(): void {
    this.snapshots = [{ position: 0, state: this.initial() }];
    this.current = null;
    this.#cloneMs = 0;
    this.#foldMsSinceSnapshot = 0;
  }
}

/**
 * Time travel (DESIGN.md decision 7): the context's projections and sagas as of any position, each folded only
 * when first read there, from its nearest snapshot or, stepping forward, from where it was last read. It reads
 * the events it is given and writes nothing anywhere.
 */
export class TimeTravel {
  readonly snapshotEvery: number;
  #events: RecordedEvent[] = [];
  #projections: Map<string, Track>;
  #sagas: Map<string, Track>;
  #cache: PastView | null = null;

  constructor(context: Pick<BoundedContext, 'projections' | 'sagas'>, options: TimeTravelOptions = {}) {
    this.snapshotEvery = Math.max(1, options.snapshotEvery ?? 1_000);
    const isAdaptive = options.projectionSnapshots !== 'always';
    this.#projections = new Map(
      (context.projections as Projection[]).map((p) => [
        p.name,
        new Track(
          () => p.initialState(),
          (state, event) => p.apply(state, event),
          false,
          this.snapshotEvery,
          isAdaptive,
        ),
      ]),
    );
    this.#sagas = new Map(
      (context.sagas as Saga[]).map((s) => [
        s.name,
        new Track(
          () => s.initialState(),
          // Why the event's own instant as "now": the saga saw roughly that clock when the event was delivered.
          (state, event) => s.handle(state, event, { now: event.metadata.occurredAt }).state,
          true,
          this.snapshotEvery,
          isAdaptive,
        ),
      ]),
    );
  }

  /** The last position known. */
  get head(): number {
    return this.#events.length;
  }

  /**
   * Follows the log: takes the events after the known head (folded only when read), or starts again when the
   * log was replaced (shorter, or a different event at a known position). Cheap when nothing changed.
   */
  sync(events: readonly RecordedEvent[]): void {
    const known = this.#events.length;
    const isSameLog =
      events.length >= known && (known === 0 || events[known - 1]?.id === this.#events[known - 1].id);
    if (!isSameLog) {
      this.#events = [];
      for (const track of [...this.#projections.values(), ...this.#sagas.values()]) track.reset();
      this.#cache = null;
    }
    for (let i = this.#events.length; i < events.length; i++) this.#events.push(events[i]);
  }

  /** The read side after the event at `position` (clamped to 0…head); each state is folded when first read. */
  at(position: number): PastView {
    const target = Math.max(0, Math.min(this.head, Math.floor(position)));
    if (this.#cache?.position === target) return this.#cache;
    const events = this.#events;
    const memo = new Map<Track, unknown>();
    const stateOf = (track: Track | undefined, kind: string, name: string) => {
      if (!track) throw new Error(`No ${kind} named "${name}"`);
      if (!memo.has(track)) memo.set(track, track.stateAt(events, target));
      return memo.get(track);
    };
    const view: PastView = {
      position: target,
      read: (name) => stateOf(this.#projections.get(name), 'projection', name),
      sagaState: (name) => stateOf(this.#sagas.get(name), 'saga', name),
    };
    this.#cache = view;
    return view;
  }
}

/** The domain's queries as of a past view (bound as the runtime binds them); `now` is the clock they compare with. */
export const queriesAt = <Q extends QueryCatalog>(
  domain: Pick<DomainModule<Q>, 'queries'>,
  view: PastView,
  now: () => string,
): BoundQueries<Q> => bindQueries(domain.queries, (name) => view.read(name), now);

/** The live instances of a saga in a state of it, as the domain's saga view lists them (none without one). */
export const sagaInstancesOf = (
  domain: Pick<DomainModule, 'sagaViews'>,
  sagaName: string,
  sagaState: unknown,
): SagaInstanceView[] =>
  Object.hasOwn(domain.sagaViews, sagaName) ? (domain.sagaViews[sagaName].instances?.(sagaState) ?? []) : [];

/** What the app's panels read while it views the past: the queries and read models as of `position`. */
export interface PastReading<Q extends QueryCatalog = QueryCatalog> {
  position: number;
  head: number;
  query: BoundQueries<Q>;
  read(projectionName: string): unknown;
  sagaState(sagaName: string): unknown;
}
