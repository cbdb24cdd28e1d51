import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { Message } from '../../../core/domain/scenario.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { resolveDomain } from '../../../domains/index.ts';
import type { CommandRecord } from '../../../store/eventStore.ts';
import { editsOf } from '../../../tools/what-if/edits.ts';
import {
  isSagaEvent,
  runWhatIf,
  type LogEdit,
  type WhatIfInput,
  type WhatIfResult,
} from '../../../tools/what-if/whatIf.ts';
import type { Outcome } from '../../shell/appState.svelte.ts';
import { isSameData } from '../../forms/eventFormValues.ts';
import { PAGE_SIZE, pageOf, searchLog, type LogPage } from './liveWhatIfLog.ts';

/** Replays a what-if of a domain: on this thread by default; the app runs it in a worker, and may stop it. */
export type WhatIfRunner = (
  domain: DomainModule,
  input: WhatIfInput,
) => { result: Promise<WhatIfResult | null>; stop(): void };

const onThisThread: WhatIfRunner = (domain, input) => ({ result: runWhatIf(domain, input), stop: () => {} });

/**
 * A what-if branch of a domain's live log: fork at any position, make several edits there (skip, change, move,
 * insert commands), then compare both sides. The log is only read.
 */
export class LiveWhatIfState {
  /** The domain the log is of, under the settings it was recorded with. */
  domain = $state.raw<DomainModule>(resolveDomain(undefined));
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

  constructor(options: { runner?: WhatIfRunner; domain?: DomainModule } = {}) {
    this.#runner = options.runner ?? onThisThread;
    if (options.domain) this.domain = options.domain;
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

  /**
   * Replaces an event's data in the branch with the one event its form built, of its own type; anything else
   * leaves the branch as it was. The problem in words, or null once changed (the original's data: unchanged).
   */
  changeTo(events: readonly RecordedEvent[], position: number, built: readonly Message[]): string | null {
    const event = events.find((each) => each.position === position);
    const problem = this.#notInBranch(events, [position]);
    if (problem || !event) return problem ?? `There is no event #${position}.`;
    if (built.length !== 1)
      return `Event #${position} is unchanged: a change makes it one ${event.type}, not ${built.length}.`;
    if (built[0].type !== event.type)
      return `Event #${position} is unchanged: it stays a ${event.type}, not a ${built[0].type}.`;
    if (isSameData(built[0].data, event.data)) this.unchange(position);
    else this.changed = { ...this.changed, [position]: built[0].data };
    this.problem = null;
    return null;
  }

  /** The advanced way: the event's data typed as JSON, checked as the domain reads its type, then as `changeTo`. */
  changeJson(events: readonly RecordedEvent[], position: number, dataText: string): string | null {
    const type = events.find((each) => each.position === position)?.type ?? '';
    let data: unknown;
    try {
      data = JSON.parse(dataText);
    } catch {
      return `Event #${position} is unchanged: The event data is not valid JSON.`;
    }
    const [first] = this.domain.eventProblems({ type, data });
    if (first) return `Event #${position} is unchanged: ${type}: ${first.path.join('.')} ${first.problem}`;
    return this.changeTo(events, position, [{ type, data: data as Record<string, unknown> }]);
  }

  unchange(position: number): void {
    this.changed = Object.fromEntries(Object.entries(this.changed).filter(([p]) => Number(p) !== position));
  }

  /** Adds a move of a user's event up to the fork to just before another (or the end); anything else says why. */
  move(events: readonly RecordedEvent[], position: number, before: number | null): void {
    const problem =
      this.#notInBranch(events, [position, before]) ??
      (position === before ? `Event #${position} cannot move before itself.` : null);
    if (!problem) this.moves = [...this.moves, { position, before }];
    this.problem = problem;
  }

  /**
   * Adds a command (as the command form built it), dispatched in the branch just before event `before` (null =
   * the end). A command the domain would not read, or a place that is not a user's event up to the fork, leaves
   * the branch as it was and comes back as the outcome to show; null once added.
   */
  insert(events: readonly RecordedEvent[], command: Message, before: number | null): Outcome | null {
    const validated = this.domain.context.validate(command);
    if (validated.kind === 'invalid')
      return { kind: 'rejected', error: validated.error, commandId: 'what-if-insert' };
    const problem = this.#notInBranch(events, [before]);
    if (problem) return { kind: 'failed', message: problem };
    this.inserts = [...this.inserts, { command, before }];
    this.problem = null;
    return null;
  }

  /** Why a position is no place for an edit: not a user's event up to the fork (null = the end is always one). */
  #notInBranch(events: readonly RecordedEvent[], positions: readonly (number | null)[]): string | null {
    const fork = this.forkPosition(events);
    const isUsers = (p: number) =>
      events.some((event) => event.position === p && p <= fork && !isSagaEvent(event));
    const wrong = positions.filter((p) => p !== null).find((p) => !isUsers(p));
    return wrong === undefined
      ? null
      : `Event #${wrong} is not a user's event up to the fork (#${fork}); the sagas' events run again by themselves.`;
  }

  removeMove(index: number): void {
    this.moves = this.moves.filter((_, i) => i !== index);
  }

  removeInsert(index: number): void {
    this.inserts = this.inserts.filter((_, i) => i !== index);
  }

  /** The edit list the choices amount to (the shared edit model's order: moves, inserts, changes, skips). */
  edits(): LogEdit[] {
    return $state.snapshot(
      editsOf<Message>({
        skipped: this.skipped,
        changed: Object.entries(this.changed).map(([position, data]) => [Number(position), data] as const),
        moves: this.moves,
        inserts: this.inserts.map(({ command, before }) => ({ item: command, before })),
      }),
    ) as LogEdit[];
  }

  /** Replays the branch beside the original as recorded, under the domain's settings (the log's own). */
  async run(
    events: readonly RecordedEvent[],
    now: string,
    commands: readonly CommandRecord[] = [],
  ): Promise<void> {
    this.#stop?.();
    this.isRunning = true;
    const run = this.#runner(this.domain, {
      events,
      commands,
      position: this.forkPosition(events),
      edits: this.edits(),
      now,
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
