import type { RecordedEvent } from '../../core/event.ts';
import { validateCommand } from '../../domain/scheduling/validation.ts';
import type { Message } from '../../domain/scheduling/scenarioFile.ts';
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
  /** New data of changed events, by original position. */
  changed = $state<Record<number, Record<string, unknown>>>({});
  /** A command dispatched in the branch just before event `before` (at the end of the branch when null). */
  inserted = $state<{ command: Message; before: number | null } | null>(null);
  result = $state.raw<WhatIfResult | null>(null);
  isRunning = $state(false);
  problem = $state<string | null>(null);

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

  /** Replaces an event's data in the branch; a text that is not a JSON object changes nothing and says so. */
  change(position: number, dataText: string): void {
    try {
      const data: unknown = JSON.parse(dataText);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
      this.changed = { ...this.changed, [position]: data as Record<string, unknown> };
      this.problem = null;
    } catch {
      this.problem = `The data of event #${position} is not a JSON object; it is unchanged.`;
    }
  }

  /** Inserts a command (JSON `{type, data}`) before event `before`; an invalid command changes nothing and says why. */
  insert(commandText: string, before: number | null): void {
    try {
      const command = JSON.parse(commandText) as Message;
      const validated = validateCommand(command);
      if (validated.kind === 'invalid') {
        this.problem = `The command to insert is not valid: ${validated.error.message}`;
        return;
      }
      this.inserted = { command, before };
      this.problem = null;
    } catch {
      this.problem = 'The command to insert is not JSON: write {"type": …, "data": {…}}.';
    }
  }

  /** Pure over the state: the edit list the choices amount to. */
  edits(events: readonly RecordedEvent[]): WhatIfEdit[] {
    const edits: WhatIfEdit[] = [
      ...this.skipped.map((position): WhatIfEdit => ({ kind: 'skip', position })),
      ...Object.entries(this.changed)
        .filter(([position]) => !this.skipped.includes(Number(position)))
        .map(([position, data]): WhatIfEdit => ({ kind: 'change', position: Number(position), data })),
    ];
    const fork = this.forkPosition(events);
    const users = events.filter((event) => event.position <= fork && !isSagaEvent(event));
    const indexOf = (position: number, before: readonly WhatIfEdit[]) => {
      const steps = applyEdits(users, before);
      return steps.kind === 'ok'
        ? steps.steps.findIndex((step) => step.kind === 'event' && step.from === position)
        : -1;
    };
    const { moveFrom, moveBefore } = this;
    if (moveFrom !== null && moveBefore !== null && moveFrom !== moveBefore)
      edits.push({
        kind: 'move',
        position: moveFrom,
        to: indexOf(moveBefore, [...edits, { kind: 'skip', position: moveFrom }]),
      });
    if (this.inserted) {
      const { command, before } = this.inserted;
      const after = applyEdits(users, edits);
      const at = before === null ? (after.kind === 'ok' ? after.steps.length : 0) : indexOf(before, edits);
      edits.push({ kind: 'insertCommand', at, command });
    }
    return edits;
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
    this.changed = {};
    this.inserted = null;
    this.problem = null;
    this.moveFrom = this.moveBefore = null;
    this.result = null;
  }
}
