import {
  JOB_LANE,
  LANES,
  NEEDS_MODULE,
  readJobResult,
  readSandboxMessage,
  RUNS_USER_CODE,
  type BootMessage,
  type JobEnd,
  type JobKind,
  type JobMessage,
  type JobRequest,
  type JobResult,
  type Lane,
} from './protocol.ts';
import { frameDocument } from './sandboxFrame.ts';

/** How a sandbox job ended (see `JobEnd`). */
export type SandboxEnd<R> = JobEnd<R>;

/** How long the sandbox may take, in milliseconds. */
export interface SandboxBudgets {
  /** To start (load the workers' script). */
  bootMs: number;
  /** For the lab's own work in a job (compiling, type-checking). */
  labMs: number;
  /** For the user's code in a job (running the module, its deciders…): an endless loop is stopped after this. */
  userCodeMs: number;
}

export const DEFAULT_BUDGETS: SandboxBudgets = { bootMs: 30_000, labMs: 30_000, userCodeMs: 3_000 };

/** What the sandbox host counts, for measures and tests. */
export interface SandboxStats {
  /** Sandboxes started (a stopped or crashed one is replaced by a new one for the next job). */
  starts: number;
  /** From creating the frame to both workers' `ready`, for the last start. */
  lastStartMs: number | null;
  /** Messages dropped: from the frame but of the wrong shape, or for no running job. */
  dropped: number;
}

/** Pure: what the watchdog reports. */
export const stoppedMessage = (budgetMs: number, isUserCode: boolean): string =>
  isUserCode
    ? `Stopped: it ran longer than ${budgetMs / 1000} s (an endless loop?). The sandbox was restarted.`
    : `Stopped: the lab took longer than ${budgetMs / 1000} s. The sandbox was restarted.`;

const CLOSED = 'The sandbox was closed.';
const RESTARTED = 'The sandbox was restarted while this ran (another job was stopped).';

interface Frame {
  iframe: HTMLIFrameElement;
  /** Resolves when every worker is ready; rejects when the frame goes first. */
  ready: Promise<void>;
  readyLanes: Set<Lane>;
  onReady(lane: Lane): void;
  onCrash(message: string): void;
}

interface ActiveJob {
  id: number;
  kind: JobKind;
  isRunningUserCode: boolean;
  timer: ReturnType<typeof setTimeout>;
  finish(end: SandboxEnd<unknown>): void;
}

interface QueuedJob {
  job: JobRequest;
  resolve(end: SandboxEnd<unknown>): void;
}

/** One worker's jobs: they run one at a time, in order. */
interface LaneState {
  queue: QueuedJob[];
  active: ActiveJob | null;
  isPumping: boolean;
}

/** Loads the sandbox workers' script (the build plugin's string), once, only when a sandbox first starts. */
export const loadSandboxScript = (): Promise<string> =>
  import('virtual:eventscope-rules-sandbox').then((module) => module.default);

/**
 * The page's side of the rules sandbox: an opaque-origin iframe holding two workers (see `LANES`) that compile,
 * run and type-check user code. Each worker runs its jobs one at a time, in order. A watchdog tears the iframe
 * down (ending its workers) when a job runs past its budget, and a dead worker is reported the same way; the next
 * job starts a new sandbox, which first gets the last module that defined a domain back. Only messages from its own
 * iframe's window, of the protocol's shape, are believed.
 */
export class RulesSandbox {
  readonly stats: SandboxStats = { starts: 0, lastStartMs: null, dropped: 0 };
  readonly #budgets: SandboxBudgets;
  readonly #loadScript: () => Promise<string>;
  #script: Promise<string> | null = null;
  #frame: Frame | null = null;
  #starting: Promise<SandboxEnd<never> | null> | null = null;
  readonly #lanes: Record<Lane, LaneState> = {
    main: { queue: [], active: null, isPumping: false },
    types: { queue: [], active: null, isPumping: false },
  };
  #nextId = 1;
  #isDisposed = false;
  /** The source of the last build that defined a domain: given again to a new sandbox. */
  #module: string | null = null;
  #isModuleLoaded = false;

  constructor(options: { budgets?: Partial<SandboxBudgets>; loadScript?: () => Promise<string> } = {}) {
    this.#budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
    this.#loadScript = options.loadScript ?? loadSandboxScript;
    addEventListener('message', this.#onMessage);
  }

  /** Runs a job (after those already asked for on its worker). Never rejects: a failure is a `crashed` end. */
  run<K extends JobKind>(job: JobRequest<K>): Promise<SandboxEnd<JobResult<K>>> {
    if (this.#isDisposed) return Promise.resolve({ kind: 'crashed', message: CLOSED });
    const lane = JOB_LANE[job.kind];
    return new Promise((resolve) => {
      this.#lanes[lane].queue.push({
        job: job as JobRequest,
        resolve: resolve as (end: SandboxEnd<unknown>) => void,
      });
      void this.#pump(lane);
    });
  }

  /** Closes the sandbox: the iframe goes, and jobs not yet ended end as `crashed`. */
  dispose(): void {
    this.#isDisposed = true;
    removeEventListener('message', this.#onMessage);
    this.#teardown();
    for (const lane of LANES) {
      const state = this.#lanes[lane];
      state.active?.finish({ kind: 'crashed', message: CLOSED });
      for (const queued of state.queue.splice(0)) queued.resolve({ kind: 'crashed', message: CLOSED });
    }
  }

  async #pump(lane: Lane): Promise<void> {
    const state = this.#lanes[lane];
    if (state.isPumping) return;
    state.isPumping = true;
    try {
      while (state.queue.length > 0 && !this.#isDisposed) {
        const queued = state.queue.shift()!;
        const end = await this.#runNow(lane, queued.job);
        queued.resolve(this.#isDisposed ? { kind: 'crashed', message: CLOSED } : end);
      }
    } finally {
      state.isPumping = false;
    }
  }

  async #runNow(lane: Lane, job: JobRequest): Promise<SandboxEnd<unknown>> {
    const started = await this.#ensureFrame();
    if (started) return started;
    if (NEEDS_MODULE[job.kind] && this.#module !== null && !this.#isModuleLoaded) {
      // Why: a new sandbox has no module; the last one that defined a domain keeps running.
      const reload = await this.#send(lane, { kind: 'build', source: this.#module });
      if (reload.kind !== 'done') return reload;
      this.#isModuleLoaded = true;
    }
    const end = await this.#send(lane, job);
    if (job.kind === 'build' && end.kind === 'done' && (end.result as JobResult<'build'>).kind === 'domain') {
      this.#module = job.source;
      this.#isModuleLoaded = true;
    }
    return end;
  }

  /** Starts a sandbox when there is none (once, for both workers); an end when it could not. */
  #ensureFrame(): Promise<SandboxEnd<never> | null> {
    if (this.#frame)
      return this.#frame.ready.then(
        () => null,
        (error: unknown) => ({
          kind: 'crashed',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    this.#starting ??= this.#start().finally(() => (this.#starting = null));
    return this.#starting;
  }

  async #start(): Promise<SandboxEnd<never> | null> {
    let script: string;
    try {
      this.#script ??= this.#loadScript();
      script = await this.#script;
    } catch (error) {
      this.#script = null;
      return { kind: 'crashed', message: `The sandbox could not be loaded: ${String(error)}` };
    }
    if (this.#isDisposed) return { kind: 'crashed', message: CLOSED };
    const began = performance.now();
    const iframe = document.createElement('iframe');
    // Why no allow-same-origin: the frame gets an opaque origin, so it shares no storage, cookies or DOM with us.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'Rules sandbox';
    iframe.hidden = true;
    iframe.dataset.rulesSandbox = '';
    iframe.srcdoc = frameDocument(location.origin);
    let resolveReady: () => void = () => {};
    let rejectReady: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    // Why: a frame torn down after it started rejects `ready` with no one waiting.
    ready.catch(() => {});
    const frame: Frame = {
      iframe,
      ready,
      readyLanes: new Set(),
      onReady: (lane) => {
        frame.readyLanes.add(lane);
        if (LANES.every((each) => frame.readyLanes.has(each))) resolveReady();
      },
      onCrash: (message) => rejectReady(new Error(message)),
    };
    this.#frame = frame;
    this.#isModuleLoaded = false;
    this.stats.starts += 1;
    const loaded = new Promise<void>((resolve) =>
      iframe.addEventListener('load', () => resolve(), { once: true }),
    );
    document.body.append(iframe);
    const timeout = setTimeout(
      () => frame.onCrash(`The sandbox did not start within ${this.#budgets.bootMs / 1000} s.`),
      this.#budgets.bootMs,
    );
    try {
      await loaded;
      const boot: BootMessage = { type: 'boot', script };
      iframe.contentWindow?.postMessage(boot, '*');
      await ready;
      this.stats.lastStartMs = performance.now() - began;
      return null;
    } catch (error) {
      this.#teardown(frame);
      return { kind: 'crashed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timeout);
    }
  }

  #send(lane: Lane, job: JobRequest): Promise<SandboxEnd<unknown>> {
    const frame = this.#frame;
    if (!frame) return Promise.resolve({ kind: 'crashed', message: 'The sandbox is not running.' });
    const state = this.#lanes[lane];
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const active: ActiveJob = {
        id,
        kind: job.kind,
        isRunningUserCode: false,
        timer: this.#watch(frame, lane, this.#budgets.labMs, false),
        finish: (end) => {
          clearTimeout(active.timer);
          if (state.active === active) state.active = null;
          resolve(end);
        },
      };
      state.active = active;
      const message: JobMessage = { type: 'job', lane, id, job };
      frame.iframe.contentWindow?.postMessage(message, '*');
    });
  }

  #watch(frame: Frame, lane: Lane, budgetMs: number, isUserCode: boolean): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (this.#frame !== frame) return;
      const stopped = this.#lanes[lane].active;
      this.#teardown(frame);
      stopped?.finish({ kind: 'stopped', message: stoppedMessage(budgetMs, isUserCode) });
      this.#endOthers(lane, RESTARTED);
    }, budgetMs);
  }

  /** Ends the jobs other workers were running when the frame went for `lane`'s sake. */
  #endOthers(lane: Lane, message: string): void {
    for (const other of LANES)
      if (other !== lane) this.#lanes[other].active?.finish({ kind: 'crashed', message });
  }

  /** Removes the frame: the browser ends its workers with it, however busy. */
  #teardown(frame: Frame | null = this.#frame): void {
    if (!frame) return;
    frame.iframe.remove();
    frame.onCrash('The sandbox was removed.');
    if (this.#frame === frame) this.#frame = null;
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const frame = this.#frame;
    if (!frame || event.source !== frame.iframe.contentWindow || event.origin !== 'null') return;
    const framed = readSandboxMessage(event.data);
    if (!framed) {
      this.stats.dropped += 1;
      return;
    }
    const { lane, message } = framed;
    if (message.type === 'ready') return frame.onReady(lane);
    const active = this.#lanes[lane].active;
    if (message.type === 'crashed') {
      frame.onCrash(message.message);
      this.#teardown(frame);
      active?.finish({ kind: 'crashed', message: `The sandbox's worker failed: ${message.message}` });
      this.#endOthers(lane, RESTARTED);
      return;
    }
    if (!active || message.id !== active.id) {
      this.stats.dropped += 1;
      return;
    }
    switch (message.type) {
      case 'running':
        if (!RUNS_USER_CODE[active.kind] || active.isRunningUserCode) return;
        clearTimeout(active.timer);
        active.isRunningUserCode = true;
        active.timer = this.#watch(frame, lane, this.#budgets.userCodeMs, true);
        return;
      case 'failed':
        active.finish({ kind: 'crashed', message: `The lab failed: ${message.message}` });
        return;
      case 'done': {
        const result = readJobResult(active.kind, message.result);
        if (result === null) {
          this.stats.dropped += 1;
          this.#teardown(frame);
          active.finish({ kind: 'crashed', message: 'The sandbox answered something that is not a result.' });
          this.#endOthers(lane, RESTARTED);
          return;
        }
        active.finish({ kind: 'done', result });
      }
    }
  };
}
