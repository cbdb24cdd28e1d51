import {
  emptyCoverage,
  startRaceLab,
  type RaceLabProgress,
  type RaceLabRun,
} from '../../../tools/race-lab/client.ts';
import { replayRace } from '../../../tools/race-lab/runRace.ts';
import { createDomainRuntime as createSandbox } from '../../../domains/index.ts';
import { TimeTravel } from '../../../tools/time-travel/timeTravel.ts';
import { createScheduling, sagaMachines } from '../../../domains/scheduling/index.ts';
import type { RecordedEvent } from '../../../core/event.ts';
import { createMemoryStore } from '../../../store/memory/memoryStore.ts';
import type { CommandRecord } from '../../../store/eventStore.ts';
import { AppState } from '../../shell/appState.svelte.ts';
import { TimelineState } from '../timeline/timelineState.svelte.ts';
import type { Counterexample, LabResult } from '../../../tools/race-lab/model/lab.ts';
import { toTestSource } from '../../../tools/race-lab/model/lab.ts';
import { NO_BUGS, type BugName, type BugToggles } from '../../../tools/race-lab/model/race.ts';
import { decodeRaceLink, raceLinkUrl } from './raceLink.ts';
import { replaySteps, type ReplayStep } from './stepReplayModel.ts';

export type LabStatus = 'idle' | 'running' | 'stopped' | 'passed' | 'failed' | 'crashed';

export interface LabSettings {
  property: string;
  numRuns: number;
  seed: number;
  monthlyLimit: number;
  bugs: BugToggles;
}

/** One plain sentence per planted bug, for facilitators choosing what to break. */
export const BUG_EXPLANATIONS: Record<BugName, string> = {
  skipVersionCheck:
    'Appends ignore the version the writer read, so two people who saw the same free slot can both book it.',
  splitAppends: 'A double slot is saved as two separate writes, so a race can leave only half of it booked.',
  nonIdempotentProjections:
    'Read models apply an event delivered twice a second time, so their counts drift from the log.',
  staleSagaReads:
    'The overbooking saga counts bookings from a read model that may lag, so it can miss a surplus booking.',
};

export const defaultSettings = (): LabSettings => ({
  property: 'everyProperty',
  numRuns: 200,
  seed: 1,
  monthlyLimit: 2,
  bugs: { ...NO_BUGS },
});

const hasBugs = (bugs: BugToggles) => Object.values(bugs).some(Boolean);

/** The race lab panel's state: settings, a worker run with live progress, and the counterexample it replays. */
export class RaceLabState {
  settings = $state<LabSettings>(defaultSettings());
  status = $state<LabStatus>('idle');
  progress = $state.raw<RaceLabProgress | null>(null);
  result = $state.raw<LabResult | null>(null);
  counterexample = $state.raw<Counterexample | null>(null);
  /** Where the counterexample came from: this run, or a link someone shared. */
  source = $state<'run' | 'link' | null>(null);
  crash = $state<string | null>(null);
  linkError = $state<string | null>(null);
  steps = $state.raw<ReplayStep[]>([]);
  stepIndex = $state(0);
  isReplayExact = $state<boolean | null>(null);
  /** The counterexample's log on a timeline of its own (the app's store is not touched). */
  onTimeline = $state.raw<{ app: AppState; timeline: TimelineState } | null>(null);
  #replayLog: RecordedEvent[] = [];
  /** The replay's command records, so the timeline draws its commands, conflicts and retries. */
  #replayCommands: CommandRecord[] = [];
  #setupHead = 0;

  #run: RaceLabRun | null = null;
  #replayToken = 0;

  readonly isRunning = $derived(this.status === 'running');
  readonly currentStep = $derived(this.steps[this.stepIndex] ?? null);
  readonly testSource = $derived(
    this.counterexample
      ? toTestSource(this.counterexample, {
          expectation: hasBugs(this.counterexample.race.bugs) ? 'breaks' : 'holds',
        })
      : '',
  );

  /** 1. start a fresh worker, 2. stream its progress, 3. keep the result (or that it was stopped). */
  async start(): Promise<void> {
    this.stop();
    this.status = 'running';
    this.progress = null;
    this.result = null;
    this.crash = null;
    this.linkError = null;
    this.#clearCounterexample();
    const run = startRaceLab($state.snapshot(this.settings), (progress) => {
      if (this.#run === run) this.progress = progress;
    });
    this.#run = run;
    const ended = await run.result;
    if (this.#run !== run) return;
    this.#run = null;
    if (ended.kind === 'stopped') return;
    if (ended.kind === 'crashed') {
      this.status = 'crashed';
      this.crash = ended.message;
      return;
    }
    this.result = ended.result;
    this.progress = { ...(this.progress ?? emptyProgress()), runs: ended.result.statistics.runs };
    if (ended.result.error) {
      this.status = 'crashed';
      this.crash = ended.result.error;
    } else if (ended.result.counterexample) {
      this.status = 'failed';
      this.#show(ended.result.counterexample, 'run');
    } else {
      this.status = 'passed';
    }
  }

  /** Terminates the worker at once; whatever it had found so far is dropped. */
  stop(): void {
    if (!this.#run) return;
    this.#run.stop();
    this.#run = null;
    this.status = 'stopped';
  }

  /** Shows the counterexample a `#race=…` link carries; a bad link changes nothing but the message. */
  openLink(hash: string): void {
    const decoded = decodeRaceLink(hash);
    if (decoded.kind === 'none') return;
    if (decoded.kind === 'invalid') {
      this.linkError = decoded.message;
      return;
    }
    this.stop();
    this.linkError = null;
    const { race, property, seed } = decoded.counterexample;
    this.settings = {
      ...this.settings,
      property,
      seed,
      monthlyLimit: race.monthlyLimit,
      bugs: { ...race.bugs },
    };
    this.result = null;
    this.progress = null;
    this.status = 'failed';
    this.#show(decoded.counterexample, 'link');
  }

  linkFor(base: string): string {
    return this.counterexample ? raceLinkUrl(this.counterexample, base) : '';
  }

  goToStep(index: number): void {
    this.stepIndex = Math.max(0, Math.min(index, this.steps.length - 1));
    this.#syncTimeline();
  }

  /**
   * Loads the replayed log into a scratch in-memory app and shows it on a timeline that follows the replay's
   * steps. Sagas do not run there: their reactions are already in the log. Returns the problem in words, or null.
   */
  async openOnTimeline(): Promise<string | null> {
    if (!this.counterexample || this.#replayLog.length === 0) return 'Replay the counterexample first.';
    const store = createMemoryStore();
    const now = this.#replayLog.at(-1)?.metadata.occurredAt ?? '2026-03-02T08:00';
    const file = {
      format: 'eventscope.event-log',
      formatVersion: 1,
      exportedAt: now,
      events: this.#replayLog,
      commands: this.#replayCommands,
    };
    const imported = await store.importLog(file);
    if (imported.kind === 'rejected') return imported.error.message;
    // Why saved saga checkpoints: sagas do not run here (their reactions are in the log), so the timeline shows
    // them, as in a tab that does not run them, from their checkpoints: folded over the whole log, not lagging.
    const head = this.#replayLog.length;
    const travel = new TimeTravel(createScheduling({ monthlyLimit: this.counterexample.race.monthlyLimit }));
    travel.sync(this.#replayLog);
    const folded = travel.at(head);
    for (const name of Object.keys(sagaMachines))
      await store.saveCheckpoint({
        subscriberId: `saga:${name}`,
        position: head,
        state: { saga: folded.sagaState(name), outbox: [] },
      });
    const app = new AppState({
      makeSandbox: (options) => createSandbox({ store, now, ...options, runSagas: false }),
      role: 'follower',
      monthlyLimit: this.counterexample.race.monthlyLimit,
      storeKind: store.kind,
    });
    await app.settle();
    this.#closeTimeline();
    this.onTimeline = { app, timeline: new TimelineState(app) };
    this.#syncTimeline();
    return null;
  }

  /** The timeline shows the log as of the replay's current step. */
  #syncTimeline() {
    const step = this.steps[this.stepIndex];
    if (!step || !this.onTimeline) return;
    const position = step.events.at(-1)?.position ?? this.#setupHead;
    this.onTimeline.timeline.send({ type: 'playback.scrubTo', position });
  }

  #closeTimeline() {
    this.onTimeline?.timeline.close();
    this.onTimeline = null;
  }

  #clearCounterexample() {
    this.counterexample = null;
    this.source = null;
    this.steps = [];
    this.stepIndex = 0;
    this.isReplayExact = null;
    this.#replayLog = [];
    this.#replayCommands = [];
    this.#closeTimeline();
  }

  async #show(counterexample: Counterexample, source: 'run' | 'link') {
    this.#clearCounterexample();
    this.counterexample = counterexample;
    this.source = source;
    const token = ++this.#replayToken;
    // Replayed here, not in the worker: a shrunk race is tiny, and a shared link then works with no worker at all.
    let records: CommandRecord[] = [];
    const replay = await replayRace(counterexample, { onCommandRecords: (r) => (records = r) });
    if (token !== this.#replayToken) return;
    this.steps = replaySteps(replay.outcome, counterexample.race.monthlyLimit);
    this.#replayLog = replay.outcome.log;
    this.#replayCommands = records;
    this.#setupHead = replay.outcome.setupHead;
    this.isReplayExact = replay.isExact;
    this.stepIndex = 0;
  }
}

const emptyProgress = (): RaceLabProgress => ({
  runs: 0,
  elapsedMs: 0,
  shrinkRuns: 0,
  hasFailed: false,
  coverage: emptyCoverage(),
});
