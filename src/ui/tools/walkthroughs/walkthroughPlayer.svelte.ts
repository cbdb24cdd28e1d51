import { afterMs } from '../../../runtime/schedulers/latentDeliveries.ts';
import type { ReadSide } from '../../../tools/shared/scratchSandbox.ts';
import {
  startTeachingRun,
  type PlayedStep,
  type ReadSideLag,
  type TeachingPlayer,
  type TeachingRun,
} from '../../../tools/walkthroughs/play.ts';
import {
  scenarios as builtInTeaching,
  type Scenario,
} from '../../../domains/scheduling/walkthroughs/index.ts';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The teaching player: one step-based scenario at a time, stepped by the learner, the read side's lag live. */
export class TeachingPlayerState {
  scenario = $state.raw<Scenario | null>(null);
  played = $state.raw<PlayedStep[]>([]);
  /** Where the read side stands against the log right now. */
  lag = $state.raw<ReadSideLag | null>(null);
  /** The read models as they are now: stale while deliveries lag. */
  readSide = $state.raw<ReadSide | null>(null);
  /** How the scenario ended, once played to the end and settled. */
  outcome = $state.raw<TeachingRun | null>(null);
  isBusy = $state(false);
  problem = $state<string | null>(null);
  /** Counts every opening, so the view can bring the player into sight even when the same one opens again. */
  openings = $state(0);

  readonly scenarios: readonly Scenario[];
  isFinished = $derived(this.scenario !== null && this.played.length >= this.scenario.steps.length);
  #player: TeachingPlayer | null = null;
  #stopListening: (() => void) | null = null;
  readonly #wait: (ms: number) => Promise<void>;
  #reads = 0;

  /** `wait` lets a scenario's latency pass (real time in the app; tests release it by hand). */
  constructor(options: { scenarios?: readonly Scenario[]; wait?: (ms: number) => Promise<void> } = {}) {
    this.scenarios = options.scenarios ?? builtInTeaching;
    this.#wait = options.wait ?? afterMs;
  }

  /** Opens a teaching scenario at its start; false when there is none with that id. */
  open(id: string): boolean {
    const scenario = this.scenarios.find((s) => s.id === id);
    if (!scenario) return false;
    this.close();
    this.scenario = scenario;
    const player = startTeachingRun(scenario, { wait: this.#wait });
    this.#player = player;
    this.#stopListening = player.onChange(() => void this.#refresh(player));
    void this.#refresh(player);
    this.openings += 1;
    return true;
  }

  /** Opens a teaching scenario and plays it through; `restart` then steps through it one step at a time. */
  async play(id: string): Promise<void> {
    if (this.open(id)) await this.toEnd();
  }

  /** Plays the next step; after the last one, settles and shows how the scenario ended. */
  next(): Promise<void> {
    return this.#playing(async (player) => {
      if (this.isFinished) this.outcome = await player.finish();
      else if (await player.next()) this.played = [...player.played];
    });
  }

  /** Plays every remaining step, settles and shows how the scenario ended. */
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
    if (this.scenario) this.open(this.scenario.id);
  }

  close(): void {
    this.#stopListening?.();
    this.#player?.close();
    this.#player = this.#stopListening = null;
    this.scenario = this.lag = this.readSide = this.outcome = null;
    this.played = [];
    this.problem = null;
  }

  async #playing(work: (player: TeachingPlayer) => Promise<void>): Promise<void> {
    const player = this.#player;
    if (!player || this.outcome) return;
    this.isBusy = true;
    try {
      await work(player);
      await this.#refresh(player);
    } catch (error) {
      this.problem = `${this.scenario?.title} could not be played: ${reason(error)}`;
    } finally {
      this.isBusy = false;
    }
  }

  async #refresh(player: TeachingPlayer): Promise<void> {
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
