import {
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
  type SandboxMessage,
} from './protocol.ts';
import { frameDocument } from './sandboxFrame.ts';

/** How a sandbox job ended (see `JobEnd`). */
export type SandboxEnd<R> = JobEnd<R>;

/** How long the sandbox may take, in milliseconds. */
export interface SandboxBudgets {
  /** To start (load the worker's script). */
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
  /** From creating the frame to the worker's `ready`, for the last start. */
  lastStartMs: number | null;
  /** Messages dropped: from another window, of the wrong shape, or for no running job. */
  dropped: number;
}

/** Pure: what the watchdog reports. */
export const stoppedMessage = (budgetMs: number, isUserCode: boolean): string =>
  isUserCode
    ? `Stopped: it ran longer than ${budgetMs / 1000} s (an endless loop?). The sandbox was restarted.`
    : `Stopped: the lab took longer than ${budgetMs / 1000} s. The sandbox was restarted.`;

interface Frame {
  iframe: HTMLIFrameElement;
  ready: Promise<void>;
  onReady(message: Extract<SandboxMessage, { type: 'ready' }>): void;
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

const CLOSED = 'The sandbox was closed.';

/** Loads the sandbox worker's script (the build plugin's string), once, only when a sandbox first starts. */
export const loadSandboxScript = (): Promise<string> =>
  import('virtual:eventscope-rules-sandbox').then((module) => module.default);

/**
 * The page's side of the rules sandbox: an opaque-origin iframe holding a worker that compiles and runs user
 * code. Jobs run one at a time, in order. A watchdog tears the iframe down (killing the worker) when a job runs
 * past its budget, and a dead worker is reported the same way; the next job starts a new sandbox, which first
 * gets the last module that defined a domain back. Only messages from its own iframe's window, of the protocol's
 * shape, are believed.
 */
export class RulesSandbox {
  readonly stats: SandboxStats = { starts: 0, lastStartMs: null, dropped: 0 };
  readonly #budgets: SandboxBudgets;
  readonly #loadScript: () => Promise<string>;
  #script: Promise<string> | null = null;
  #frame: Frame | null = null;
  #queue: QueuedJob[] = [];
  #active: ActiveJob | null = null;
  #nextId = 1;
  #isPumping = false;
  #isDisposed = false;
  /** The source of the last build that defined a domain: given again to a new sandbox. */
  #module: string | null = null;
  #isModuleLoaded = false;

  constructor(options: { budgets?: Partial<SandboxBudgets>; loadScript?: () => Promise<string> } = {}) {
    this.#budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
    this.#loadScript = options.loadScript ?? loadSandboxScript;
    addEventListener('message', this.#onMessage);
  }

  /** Runs a job (after those already asked for). Never rejects: a failure is a `crashed` end. */
  run<K extends JobKind>(job: JobRequest<K>): Promise<SandboxEnd<JobResult<K>>> {
    if (this.#isDisposed) return Promise.resolve({ kind: 'crashed', message: CLOSED });
    return new Promise((resolve) => {
      this.#queue.push({ job: job as JobRequest, resolve: resolve as (end: SandboxEnd<unknown>) => void });
      void this.#pump();
    });
  }

  /** Closes the sandbox: the iframe goes, and jobs not yet ended end as `crashed`. */
  dispose(): void {
    this.#isDisposed = true;
    removeEventListener('message', this.#onMessage);
    this.#teardown();
    this.#active?.finish({ kind: 'crashed', message: CLOSED });
    for (const queued of this.#queue.splice(0)) queued.resolve({ kind: 'crashed', message: CLOSED });
  }

  async #pump(): Promise<void> {
    if (this.#isPumping) return;
    this.#isPumping = true;
    try {
      while (this.#queue.length > 0 && !this.#isDisposed) {
        const queued = this.#queue.shift()!;
        const end = await this.#runNow(queued.job);
        queued.resolve(this.#isDisposed ? { kind: 'crashed', message: CLOSED } : end);
      }
    } finally {
      this.#isPumping = false;
    }
  }

  async #runNow(job: JobRequest): Promise<SandboxEnd<unknown>> {
    const started = await this.#ensureFrame();
    if (started) return started;
    if (NEEDS_MODULE[job.kind] && this.#module !== null && !this.#isModuleLoaded) {
      // Why: a new sandbox has no module; the last one that defined a domain keeps running.
      const reload = await this.#send({ kind: 'build', source: this.#module });
      if (reload.kind !== 'done') return reload;
      this.#isModuleLoaded = true;
    }
    const end = await this.#send(job);
    if (job.kind === 'build' && end.kind === 'done' && (end.result as JobResult<'build'>).kind === 'domain') {
      this.#module = job.source;
      this.#isModuleLoaded = true;
    }
    return end;
  }

  /** Starts a sandbox when there is none; an end when it could not. */
  async #ensureFrame(): Promise<SandboxEnd<never> | null> {
    if (this.#frame) {
      try {
        await this.#frame.ready;
        return null;
      } catch (error) {
        return { kind: 'crashed', message: error instanceof Error ? error.message : String(error) };
      }
    }
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
    let onReady: Frame['onReady'] = () => {};
    let onCrash: Frame['onCrash'] = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      onReady = () => resolve();
      onCrash = (message) => reject(new Error(message));
    });
    // Why: a frame torn down after it started rejects `ready` with no one waiting.
    ready.catch(() => {});
    const frame: Frame = { iframe, ready, onReady: (m) => onReady(m), onCrash: (m) => onCrash(m) };
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

  #send(job: JobRequest): Promise<SandboxEnd<unknown>> {
    const frame = this.#frame;
    if (!frame) return Promise.resolve({ kind: 'crashed', message: 'The sandbox is not running.' });
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const active: ActiveJob = {
        id,
        kind: job.kind,
        isRunningUserCode: false,
        timer: this.#watch(frame, this.#budgets.labMs, false),
        finish: (end) => {
          clearTimeout(active.timer);
          if (this.#active === active) this.#active = null;
          resolve(end);
        },
      };
      this.#active = active;
      const message: JobMessage = { type: 'job', id, job };
      frame.iframe.contentWindow?.postMessage(message, '*');
    });
  }

  #watch(frame: Frame, budgetMs: number, isUserCode: boolean): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (this.#frame !== frame) return;
      this.#teardown(frame);
      this.#active?.finish({ kind: 'stopped', message: stoppedMessage(budgetMs, isUserCode) });
    }, budgetMs);
  }

  /** Removes the frame: the browser ends its worker with it, however busy. */
  #teardown(frame: Frame | null = this.#frame): void {
    if (!frame) return;
    frame.iframe.remove();
    frame.onCrash('The sandbox was removed.');
    if (this.#frame === frame) this.#frame = null;
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const frame = this.#frame;
    if (!frame || event.source !== frame.iframe.contentWindow || event.origin !== 'null') return;
    const message = readSandboxMessage(event.data);
    if (!message) {
      this.stats.dropped += 1;
      return;
    }
    if (message.type === 'ready') return frame.onReady(message);
    if (message.type === 'crashed') {
      frame.onCrash(message.message);
      this.#teardown(frame);
      this.#active?.finish({ kind: 'crashed', message: `The sandbox's worker failed: ${message.message}` });
      return;
    }
    const active = this.#active;
    if (!active || message.id !== active.id) {
      this.stats.dropped += 1;
      return;
    }
    switch (message.type) {
      case 'running':
        if (!RUNS_USER_CODE[active.kind] || active.isRunningUserCode) return;
        clearTimeout(active.timer);
        active.isRunningUserCode = true;
        active.timer = this.#watch(frame, this.#budgets.userCodeMs, true);
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
          return;
        }
        active.finish({ kind: 'done', result });
      }
    }
  };
}
