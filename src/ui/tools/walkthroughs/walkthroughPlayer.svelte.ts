import type { DomainModule } from '../../../core/domain/domainModule.ts';
import type { Walkthrough } from '../../../core/domain/walkthrough.ts';
import { resolveDomain } from '../../../domains/index.ts';
import { afterMs } from '../../../runtime/schedulers/latentDeliveries.ts';
import type { ReadSide } from '../../../tools/shared/readSide.ts';
import {
  startWalkthrough,
  type PlayedStep,
  type ReadSideLag,
  type WalkthroughPlayer,
  type WalkthroughRun,
} from '../../../tools/walkthroughs/play.ts';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The walkthrough player: one of the domain's walkthroughs at a time, stepped by the learner, the read side's lag
 * live. Each step runs, then its caption shows.
 */
export class WalkthroughPlayerState {
  walkthrough = $state.raw<Walkthrough | null>(null);
  played = $state.raw<PlayedStep[]>([]);
  /** Where the read side stands against the log right now. */
  lag = $state.raw<ReadSideLag | null>(null);
  /** The read models as they are now: stale while deliveries lag. */
  readSide = $state.raw<ReadSide | null>(null);
  /** How the walkthrough ended, once played to the end and settled. */
  outcome = $state.raw<WalkthroughRun | null>(null);
  isBusy = $state(false);
  problem = $state<string | null>(null);
  /** Counts every opening, so the view can bring the player into sight even when the same one opens again. */
  openings = $state(0);
  /** The domain whose walkthroughs play here. */
  domain = $state.raw<DomainModule>(resolveDomain(undefined));

  /** The domain's walkthroughs. */
  readonly walkthroughs = $derived(this.domain.walkthroughs);
  isFinished = $derived(this.walkthrough !== null && this.played.length >= this.walkthrough.steps.length);
  #player: WalkthroughPlayer | null = null;
  #stopListening: (() => void) | null = null;
  readonly #wait: (ms: number) => Promise<void>;
  #reads = 0;

  /** `wait` lets a walkthrough's latency pass (real time in the app; tests release it by hand). */
  constructor(options: { domain?: DomainModule; wait?: (ms: number) => Promise<void> } = {}) {
    if (options.domain) this.domain = options.domain;
    this.#wait = options.wait ?? afterMs;
  }

  /** Plays the walkthroughs of another domain from now on (closing the one playing). */
  useDomain(domain: DomainModule): void {
    if (domain.name === this.domain.name) return;
    this.close();
    this.domain = domain;
  }

  /** Opens a walkthrough at its start; false when the domain has none with that id. */
  open(id: string): boolean {
    const walkthrough = this.walkthroughs.find((each) => each.id === id);
    if (!walkthrough) return false;
    this.close();
    this.walkthrough = walkthrough;
    const player = startWalkthrough(this.domain, walkthrough, { wait: this.#wait });
    this.#player = player;
    this.#stopListening = player.onChange(() => void this.#refresh(player));
    void this.#refresh(player);
    this.openings += 1;
    return true;
  }

  /** Opens a walkthrough and plays it through; `restart` then steps through it one step at a time. */
  async play(id: string): Promise<void> {
    if (this.open(id)) await this.toEnd();
  }

  /** Plays the next step; after the last one, settles and shows how the walkthrough ended. */
  next(): Promise<void> {
    return this.#playing(async (player) => {
      if (this.isFinished) this.outcome = await player.finish();
      else if (await player.next()) this.played = [...player.played];
    });
  }

  /** Plays every remaining step, settles and shows how the walkthrough ended. */
  toEnd(): Promise<void> {
    return this.#playing(async (player) => {
      this.outcome = await player.finish();
      this.played = [...player.played];
    });
  }

  /** Resolves once nothing runs (deliveries held by the latency stay held) and the view shows it. */
  async whenQuiet(): Promise<void> {
    const player = this.#player;
    if (!player) return;
    await player.whenQuiet();
    await this.#refresh(player);
  }

  restart(): void {
    if (this.walkthrough) this.open(this.walkthrough.id);
  }

  close(): void {
    this.#stopListening?.();
    this.#player?.close();
    this.#player = this.#stopListening = null;
    this.walkthrough = this.lag = this.readSide = this.outcome = null;
    this.played = [];
    this.problem = null;
  }

  async #playing(work: (player: WalkthroughPlayer) => Promise<void>): Promise<void> {
    const player = this.#player;
    if (!player || this.outcome) return;
    this.isBusy = true;
    try {
      await work(player);
      await this.#refresh(player);
    } catch (error) {
      this.problem = `${this.walkthrough?.title} could not be played: ${reason(error)}`;
    } finally {
      this.isBusy = false;
    }
  }

  async #refresh(player: WalkthroughPlayer): Promise<void> {
    if (player !== this.#player) return;
    if (this.outcome) {
      this.readSide = this.outcome.readSide;
      this.lag = null;
      return;
    }
    this.lag = player.lag();
    // Why numbered: reads overlap while deliveries arrive; only the latest may land.
    const read = ++this.#reads;
    const readSide = await player.readSide();
    if (read === this.#reads && player === this.#player && !this.outcome) this.readSide = readSide;
  }
}
