import type { RecordedEvent } from '../../core/event.ts';
import { validateCommand } from '../../domain/scheduling/validation.ts';
import type { Message } from '../../domain/scheduling/scenarioFile.ts';
import {
  isSagaEvent,
  runWhatIf,
  type WhatIfEdit,
  type WhatIfInput,
  type WhatIfResult,
} from '../../app/whatIf.ts';
import { PAGE_SIZE, pageOf, searchLog, type LogPage } from './liveWhatIfLog.ts';

/** Replays a what-if: on this thread by default; the app runs it in a worker, and may stop it. */
export type WhatIfRunner = (input: WhatIfInput) => { result: Promise<WhatIfResult | null>; stop(): void };

const onThisThread: WhatIfRunner = (input) => ({ result: runWhatIf(input), stop: () => {} });

/**
 * A what-if branch of the practice's live log: fork at any position, make several edits there (skip, change,
 * move, insert commands), then compare both sides. The log is only read.
 */
export class LiveWhatIfState {
  /** Fork after this position; 0 = the head. */
  position = $state(0);
  /** Words every listed event must contain (`#12`, a type, an id of its data). */
  search = $state('');
  /** Index of the first listed match; null = the page that ends at the fork. */
  pageStart = $state<number | null>(null);
  skipped = $state<number[]>([]);
  /** New data of changed events, by original position. */
  changed = $state<Record<number, Record<string, unknown>>>({});
  /** Moves, in order: event `position` goes just before event `before` (positions of the original; null = the end). */
  moves = $state<{ position: number; before: number | null }[]>([]);
  /** Commands dispatched in the branch, in order, just before event `before` (null = the end). */
  inserts = $state<{ command: Message; before: number | null }[]>([]);
  result = $state.raw<WhatIfResult | null>(null);
  isRunning = $state(false);
  problem = $state<string | null>(null);
  readonly #runner: WhatIfRunner;
  #stop: (() => void) | null = null;

  constructor(options: { runner?: WhatIfRunner } = {}) {
    this.#runner = options.runner ?? onThisThread;
  }

  forkPosition(events: readonly RecordedEvent[]): number {
    const head = events.at(-1)?.position ?? 0;
    return this.position > 0 ? Math.min(this.position, head) : head;
  }

  /** The listed page of the users' events that match the search, over the whole log. */
  page(events: readonly RecordedEvent[]): LogPage {
    return pageOf(searchLog(events, this.search), this.forkPosition(events), this.pageStart);
  }

  /** Turns the page: -1 earlier, +1 later. */
  turn(events: readonly RecordedEvent[], direction: -1 | 1): void {
    this.pageStart = Math.max(0, this.page(events).start + direction * PAGE_SIZE);
  }

  /** Forks after `position` (the head when 0) and lists the events up to there. */
  forkAt(position: number): void {
    this.position = position;
    this.pageStart = null;
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

  unchange(position: number): void {
    this.changed = Object.fromEntries(Object.entries(this.changed).filter(([p]) => Number(p) !== position));
  }

  /** Adds a move of a user's event up to the fork to just before another (or the end); anything else says why. */
  move(events: readonly RecordedEvent[], position: number, before: number | null): void {
    const fork = this.forkPosition(events);
    const isMovable = (p: number) =>
      events.some((event) => event.position === p && p <= fork && !isSagaEvent(event));
    const wrong = [position, before].find((p) => p !== null && !isMovable(p));
    if (wrong !== undefined) {
      this.problem = `Event #${wrong} is not a user's event up to the fork (#${fork}); the sagas' events run again by themselves.`;
      return;
    }
    if (position === before) {
      this.problem = `Event #${position} cannot move before itself.`;
      return;
    }
    this.moves = [...this.moves, { position, before }];
    this.problem = null;
  }

  /** Adds a command (JSON `{type, data}`) before event `before`; an invalid command changes nothing and says why. */
  insert(commandText: string, before: number | null): void {
    try {
      const command = JSON.parse(commandText) as Message;
      const validated = validateCommand(command);
      if (validated.kind === 'invalid') {
        this.problem = `The command to insert is not valid: ${validated.error.message}`;
        return;
      }
      this.inserts = [...this.inserts, { command, before }];
      this.problem = null;
    } catch {
      this.problem = 'The command to insert is not JSON: write {"type": …, "data": {…}}.';
    }
  }

  removeMove(index: number): void {
    this.moves = this.moves.filter((_, i) => i !== index);
  }

  removeInsert(index: number): void {
    this.inserts = this.inserts.filter((_, i) => i !== index);
  }

  /** The edit list the choices amount to: skips, changes, then the moves and the inserts in the order made. */
  edits(): WhatIfEdit[] {
    const isSkipped = (position: number) => this.skipped.includes(position);
    return $state.snapshot([
      ...this.skipped.map((position): WhatIfEdit => ({ kind: 'skip', position })),
      ...Object.entries(this.changed)
        .filter(([position]) => !isSkipped(Number(position)))
        .map(([position, data]): WhatIfEdit => ({ kind: 'change', position: Number(position), data })),
      ...this.moves.map(({ position, before }): WhatIfEdit => ({ kind: 'move', position, before })),
      ...this.inserts.map(({ command, before }): WhatIfEdit => ({ kind: 'insertCommand', before, command })),
    ]) as WhatIfEdit[];
  }

  async run(events: readonly RecordedEvent[], now: string, monthlyLimit: number): Promise<void> {
    this.#stop?.();
    this.isRunning = true;
    const run = this.#runner({
      events,
      position: this.forkPosition(events),
      edits: this.edits(),
      now,
      monthlyLimit,
    });
    this.#stop = run.stop;
    try {
      const result = await run.result;
      if (this.#stop === run.stop) this.result = result ?? this.result;
    } catch (error) {
      this.problem = `The what-if could not be replayed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (this.#stop === run.stop) {
        this.#stop = null;
        this.isRunning = false;
      }
    }
  }

  /** Stops a replay in progress; the last result stays. */
  stop(): void {
    this.#stop?.();
    this.#stop = null;
    this.isRunning = false;
  }

  reset(): void {
    this.skipped = [];
    this.changed = {};
    this.moves = [];
    this.inserts = [];
    this.problem = null;
    this.result = null;
  }
}
