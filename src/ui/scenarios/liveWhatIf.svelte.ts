import type { RecordedEvent } from '../../core/event.ts';
import { applyEdits, isSagaEvent, runWhatIf, type WhatIfEdit, type WhatIfResult } from '../../app/whatIf.ts';

/** How many of the last events before the fork the view lists for editing. */
export const LISTED_EVENTS = 30;

/** A what-if branch of the practice's live log: fork at a position, skip or move events, compare both sides. */
export class LiveWhatIfState {
  /** Fork after this position; 0 = the head. */
  position = $state(0);
  skipped = $state<number[]>([]);
  /** Move event `from` to just before event `before` (positions of the original). */
  moveFrom = $state<number | null>(null);
  moveBefore = $state<number | null>(null);
  result = $state.raw<WhatIfResult | null>(null);
  isRunning = $state(false);

  /** The users' events up to the fork the view lists (the last `LISTED_EVENTS`); sagas' events run again. */
  listed(events: readonly RecordedEvent[]): RecordedEvent[] {
    const fork = this.forkPosition(events);
    return events.filter((event) => event.position <= fork && !isSagaEvent(event)).slice(-LISTED_EVENTS);
  }

  forkPosition(events: readonly RecordedEvent[]): number {
    const head = events.at(-1)?.position ?? 0;
    return this.position > 0 ? Math.min(this.position, head) : head;
  }

  toggleSkip(position: number): void {
    this.skipped = this.skipped.includes(position)
      ? this.skipped.filter((p) => p !== position)
      : [...this.skipped, position].sort((a, b) => a - b);
  }

  /** Pure over the state: the edit list the choices amount to. */
  edits(events: readonly RecordedEvent[]): WhatIfEdit[] {
    const edits: WhatIfEdit[] = this.skipped.map((position) => ({ kind: 'skip', position }));
    const { moveFrom, moveBefore } = this;
    if (moveFrom === null || moveBefore === null || moveFrom === moveBefore) return edits;
    const fork = this.forkPosition(events);
    const users = events.filter((event) => event.position <= fork && !isSagaEvent(event));
    const withoutMoved = applyEdits(users, [...edits, { kind: 'skip', position: moveFrom }]);
    const to =
      withoutMoved.kind === 'ok'
        ? withoutMoved.steps.findIndex((step) => step.kind === 'event' && step.from === moveBefore)
        : -1;
    return [...edits, { kind: 'move', position: moveFrom, to }];
  }

  async run(events: readonly RecordedEvent[], now: string, monthlyLimit: number): Promise<void> {
    this.isRunning = true;
    try {
      this.result = await runWhatIf({
        events,
        position: this.forkPosition(events),
        edits: this.edits(events),
        now,
        monthlyLimit,
      });
    } finally {
      this.isRunning = false;
    }
  }

  reset(): void {
    this.skipped = [];
    this.moveFrom = this.moveBefore = null;
    this.result = null;
  }
}
