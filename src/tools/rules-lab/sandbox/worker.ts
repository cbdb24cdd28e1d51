// The rules lab's sandbox worker: compiles and runs the user's rules module. Bundled as one classic script (see
// `build/sandboxBundle.ts`) and started from a Blob inside an opaque-origin, CSP-locked iframe (see
// `sandboxHost.ts`), so the code it runs cannot reach the app's data, the page or the network.
//
// It talks only over the MessagePort the frame hands it first; the port and the functions used to post on it and
// to load scripts are captured before any user code runs, so a module cannot take them over by patching
// prototypes or globals later.
import typeFiles from 'virtual:eventscope-rules-types';
import type { DomainModule } from '../../../core/domain/index.ts';
import type {
  DomainSummary,
  JobKind,
  JobMessage,
  JobRequest,
  JobResult,
  SandboxMessage,
} from '../protocol.ts';
import { buildRules } from './buildRules.ts';
import { describeThrown, type ModuleFactory, type ScriptLoader } from './evaluate.ts';
import { RulesTypeChecker } from './typecheck.ts';

const scope = globalThis as unknown as Record<string, unknown> & {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};
const postOnPort = MessagePort.prototype.postMessage;
const importScripts = scope.importScripts.bind(scope);
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);
const BlobOf = Blob;
const now = performance.now.bind(performance);

let port: MessagePort | null = null;
const send = (message: SandboxMessage) => postOnPort.call(port, message);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let loads = 0;

/** Loads compiled code as a Blob script (the frame's CSP allows `blob:` scripts, and no `eval`). */
const blobLoader: ScriptLoader = {
  load(js) {
    const key = `__eventscopeRules${++loads}`;
    let factory: ModuleFactory | undefined;
    scope[key] = (loaded: ModuleFactory) => (factory = loaded);
    const prefix = `self[${JSON.stringify(key)}](function (require, module, exports) {`;
    const url = createObjectURL(new BlobOf([`${prefix}${js}\n});`], { type: 'text/javascript' }));
    try {
      importScripts(url);
    } finally {
      revokeObjectURL(url);
      delete scope[key];
    }
    if (!factory) throw new Error('The compiled module did not load.');
    const frame = new RegExp(`${escapeRegExp(url)}:(\\d+):(\\d+)`);
    return {
      factory,
      positionIn(stack) {
        const match = frame.exec(stack);
        if (!match) return null;
        const line = Number(match[1]);
        const column = Number(match[2]) - 1 - (line === 1 ? prefix.length : 0);
        return { line, column: Math.max(0, column) };
      },
    };
  },
};

/** The last module that defined a domain: the one later jobs (scenarios, races) run against. */
let current: { module: DomainModule; summary: DomainSummary } | null = null;
let checker: RulesTypeChecker | null = null;

type Handler<K extends JobKind> = (job: JobRequest<K>, running: () => void) => Promise<JobResult<K>>;
const handlers: { [K in JobKind]: Handler<K> } = {
  async build(job, running) {
    const built = await buildRules(job.source, blobLoader, running, now);
    if (built.module && built.result.kind === 'domain')
      current = { module: built.module, summary: built.result.domain };
    return built.result;
  },
  async typecheck(job) {
    const started = now();
    checker ??= new RulesTypeChecker(typeFiles);
    return { diagnostics: checker.check(job.source), checkMs: now() - started };
  },
  async describe() {
    return { domain: current?.summary ?? null };
  },
};

let queue: Promise<void> = Promise.resolve();

function run({ id, job }: JobMessage): Promise<void> {
  const handler = Object.hasOwn(handlers, job.kind) ? (handlers[job.kind] as Handler<JobKind>) : null;
  if (!handler) {
    send({ type: 'failed', id, message: `The sandbox has no job “${String(job.kind)}”.` });
    return Promise.resolve();
  }
  return handler(job, () => send({ type: 'running', id })).then(
    (result) => send({ type: 'done', id, result }),
    (error: unknown) => send({ type: 'failed', id, message: describeThrown(error) }),
  );
}

function init(event: MessageEvent) {
  const [channel] = event.ports;
  if (port || !channel || (event.data as { type?: unknown } | null)?.type !== 'init') return;
  port = channel;
  scope.removeEventListener('message', init);
  port.onmessage = (message: MessageEvent) => {
    const data = message.data as JobMessage;
    queue = queue.then(() => run(data));
  };
  send({ type: 'ready', bootMs: now() });
}
scope.addEventListener('message', init);
