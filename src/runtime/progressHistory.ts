/**
 * How far each subscriber (projection or saga) had got whenever the log moved on: the read side's lag over
 * time, for the timeline. Recorded by the runtime each time the head advances, so it costs one sample per
 * append, never a store read. Pure data; the runtime feeds it.
 */
export interface SubscriberHistory {
  /** History starts here: positions at or before it were appended before this runtime started. */
  readonly since: number;
  /** The heads the log moved on from, increasing. */
  readonly heads: readonly number[];
  /** `checkpoints[i]`: the subscriber's checkpoint at the last moment the head was `heads[i]`. */
  readonly checkpoints: readonly number[];
  /** The largest lag recorded per block of `LAG_BLOCK` heads (block b: heads b·LAG_BLOCK … b·LAG_BLOCK + LAG_BLOCK − 1). */
  readonly blockMaxLag: readonly number[];
}

/** Heads per lag block: a zoomed-out timeline reads one maximum per block instead of every sample. */
export const LAG_BLOCK = 64;

export class ProgressHistory {
  #since = 0;
  #heads: number[] = [];
  #checkpoints = new Map<string, number[]>();
  #blockMaxLag = new Map<string, number[]>();

  constructor(private readonly names: readonly string[]) {
    this.clear(0);
  }

  /** Forgets everything: the log at `head` is where history starts (a start, a reset, an import). */
  clear(head: number): void {
    this.#since = head;
    this.#heads = [];
    this.#checkpoints = new Map(this.names.map((name) => [name, []]));
    this.#blockMaxLag = new Map(this.names.map((name) => [name, []]));
  }

  /** The head moves on from `head`: keeps where each subscriber was at that moment. */
  record(head: number, checkpointOf: (name: string) => number): void {
    if (head <= (this.#heads.at(-1) ?? this.#since - 1)) return;
    this.#heads.push(head);
    const block = Math.floor(head / LAG_BLOCK);
    for (const [name, checkpoints] of this.#checkpoints) {
      const checkpoint = checkpointOf(name);
      checkpoints.push(checkpoint);
      const maxima = this.#blockMaxLag.get(name)!;
      while (maxima.length <= block) maxima.push(0);
      maxima[block] = Math.max(maxima[block], head - checkpoint);
    }
  }

  of(name: string): SubscriberHistory | null {
    const checkpoints = this.#checkpoints.get(name);
    const blockMaxLag = this.#blockMaxLag.get(name)!;
    return checkpoints ? { since: this.#since, heads: this.#heads, checkpoints, blockMaxLag } : null;
  }
}

/**
 * Pure: a subscriber's checkpoint as of `position`, the latest moment the log's head was there (or, inside a
 * multi-event append, at the append's end). `live` is its checkpoint now, for positions at or past `head`.
 * Null before the history starts: nothing was recorded then.
 */
export function checkpointAt(
  history: SubscriberHistory,
  position: number,
  head: number,
  live: number,
): number | null {
  if (position >= head) return Math.min(live, position);
  if (position < history.since) return null;
  // The first recorded head at or after the position: the log's state when it was there.
  const { heads, checkpoints } = history;
  let [lo, hi] = [0, heads.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (heads[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  if (lo === heads.length) return Math.min(live, position);
  return Math.min(checkpoints[lo], position);
}
