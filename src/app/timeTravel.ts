import type { BoundedContext, Projection, Saga } from '../core/boundedContext.ts';
import type { RecordedEvent } from '../core/event.ts';
import { schedulingQueries } from '../domain/scheduling/index.ts';
import type { SandboxQueries } from './sandbox.ts';

/** Every projection's and saga's state at one position, keyed by name. */
interface Frame {
  position: number;
  projections: Record<string, unknown>;
  sagas: Record<string, unknown>;
}

/** The read side as it was after the event at `position` (0 = before any event). */
export interface PastView {
  readonly position: number;
  /** A projection's state as of `position`: bind `schedulingQueries` to it. Treat it as read-only. */
  read(projectionName: string): unknown;
  /** A saga's state as of `position` (every event up to it handled). */
  sagaState(sagaName: string): unknown;
}

export interface TimeTravelOptions {
  /** A snapshot of every state is kept after this many events (default 1,000). */
  snapshotEvery?: number;
}

/**
 * Time travel (DESIGN.md decision 7): folds the context's projections and sagas over a copy of the log up to
 * any position, starting from the nearest snapshot. It reads the events it is given and writes nothing anywhere.
 */
export class TimeTravel {
  readonly snapshotEvery: number;
  #projections: Projection[];
  #sagas: Saga[];
  #events: RecordedEvent[] = [];
  /** snapshots[i] = the frame at position i × snapshotEvery; snapshots[0] is the empty frame. */
  #snapshots: Frame[];
  /** The frame after the last event known: snapshots are taken from it as the log grows. */
  #tip: Frame;
  #cache: PastView | null = null;

  constructor(context: Pick<BoundedContext, 'projections' | 'sagas'>, options: TimeTravelOptions = {}) {
    this.snapshotEvery = Math.max(1, options.snapshotEvery ?? 1_000);
    this.#projections = context.projections;
    this.#sagas = context.sagas as Saga[];
    this.#tip = this.#emptyFrame();
    this.#snapshots = [this.#copy(this.#tip)];
  }

  /** The last position known. */
  get head(): number {
    return this.#events.length;
  }

  /**
   * Follows the log: appends the events after the known head, or starts again when the log was replaced
   * (shorter, or a different event at a known position). Cheap when nothing changed.
   */
  sync(events: readonly RecordedEvent[]): void {
    const known = this.#events.length;
    const isSameLog =
      events.length >= known && (known === 0 || events[known - 1]?.id === this.#events[known - 1].id);
    if (!isSameLog) this.#restart();
    for (let i = this.#events.length; i < events.length; i++) this.#advance(events[i]);
  }

  /** The read side after the event at `position` (clamped to 0…head). */
  at(position: number): PastView {
    const target = Math.max(0, Math.min(this.head, Math.floor(position)));
    if (this.#cache?.position === target) return this.#cache;
    const frame = this.#frameAt(target);
    const view: PastView = {
      position: target,
      read: (name) => {
        if (!(name in frame.projections)) throw new Error(`No projection named "${name}"`);
        return frame.projections[name];
      },
      sagaState: (name) => {
        if (!(name in frame.sagas)) throw new Error(`No saga named "${name}"`);
        return frame.sagas[name];
      },
    };
    this.#cache = view;
    return view;
  }

  #frameAt(target: number): Frame {
    if (target === this.head) return this.#copy(this.#tip);
    const snapshot = this.#snapshots[Math.floor(target / this.snapshotEvery)];
    const frame = this.#copy(snapshot);
    for (let p = snapshot.position + 1; p <= target; p++) this.#apply(frame, this.#events[p - 1]);
    return frame;
  }

  #advance(event: RecordedEvent): void {
    this.#events.push(event);
    this.#apply(this.#tip, event);
    if (this.#tip.position % this.snapshotEvery === 0) this.#snapshots.push(this.#copy(this.#tip));
  }

  /** Why in place: projections may update their state in place; the frame is ours (always a copy). */
  #apply(frame: Frame, event: RecordedEvent): void {
    for (const p of this.#projections) frame.projections[p.name] = p.apply(frame.projections[p.name], event);
    // Why the event's own instant as "now": the saga saw roughly that clock when the event was delivered.
    const context = { now: event.metadata.occurredAt };
    for (const s of this.#sagas) frame.sagas[s.name] = s.handle(frame.sagas[s.name], event, context).state;
    frame.position = event.position;
  }

  #restart(): void {
    this.#events = [];
    this.#tip = this.#emptyFrame();
    this.#snapshots = [this.#copy(this.#tip)];
    this.#cache = null;
  }

  #emptyFrame(): Frame {
    return {
      position: 0,
      projections: Object.fromEntries(this.#projections.map((p) => [p.name, p.initialState()])),
      sagas: Object.fromEntries(this.#sagas.map((s) => [s.name, s.initialState()])),
    };
  }

  #copy(frame: Frame): Frame {
    return structuredClone(frame);
  }
}

/** The queries of DOMAIN.md as of a past view; `now` is the clock `patientSlots` compares with. */
export function queriesAt(view: PastView, now: () => string): SandboxQueries {
  const read = (name: string) => view.read(name);
  return {
    availableSlots: (date) => schedulingQueries.availableSlots(read, date),
    patientSlots: (patientId) => schedulingQueries.patientSlots(read, patientId, now()),
    appointment: (slotId) => schedulingQueries.appointment(read, slotId),
    doctorDay: (dayId) => schedulingQueries.doctorDay(read, dayId),
    mailbox: (patientId) => schedulingQueries.mailbox(read, patientId),
    monthlyBookings: (patientId, month) => schedulingQueries.monthlyBookings(read, patientId, month),
  };
}

/** What the app's panels read while it views the past: the queries and read models as of `position`. */
export interface PastReading {
  position: number;
  head: number;
  query: SandboxQueries;
  read(projectionName: string): unknown;
  sagaState(sagaName: string): unknown;
}
