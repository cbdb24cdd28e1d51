// Each test runs a rules module that tries to get out of the sandbox, in real Chromium, and checks both that the
// escape failed and that the host reported what happened. The module tells what it saw by throwing it: the host
// reports a module that throws as `thrown`, with the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../../src/tools/rules-lab/protocol.ts';
import { RulesSandbox, type SandboxEnd } from '../../../src/tools/rules-lab/sandboxHost.ts';
import todoSource from '../../../src/tools/rules-lab/exercises/todo.rules.txt?raw';

const SECRET_DB = 'eventscope-escape-test';
const BUDGET_MS = 3_000;

/** A module whose default export is the promise of `body` (an async function body that ends by throwing). */
const probe = (body: string) => `export default (async () => {\n${body}\n})();\n`;

/** What the module saw: the JSON it threw. */
function seen(end: SandboxEnd<BuildResult>): Record<string, string> {
  if (end.kind !== 'done' || end.result.kind !== 'thrown')
    throw new Error(`expected a throw, got ${JSON.stringify(end)}`);
  const json = end.result.message.replace(/^Error: /, '');
  return JSON.parse(json) as Record<string, string>;
}

/** Runs `during` while watching the page's main thread: the longest gap between 20 ms ticks. */
async function watchingThePage<T>(during: () => Promise<T>): Promise<{ value: T; longestGapMs: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 20);
  try {
    return { value: await during(), longestGapMs };
  } finally {
    clearInterval(tick);
  }
}

function createSecretDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SECRET_DB, 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('events').put({ secret: 'patient list' }, 1);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

let sandbox: RulesSandbox;
beforeAll(async () => {
  await createSecretDatabase();
  sandbox = new RulesSandbox({ budgets: { userCodeMs: BUDGET_MS } });
});
afterAll(() => {
  sandbox.dispose();
  indexedDB.deleteDatabase(SECRET_DB);
});

describe('a rules module in the sandbox', () => {
  it('(a) cannot open the app’s IndexedDB databases, list them, or read its caches', async () => {
    const end = await sandbox.run({
      kind: 'build',
      source: probe(`
        const seen: Record<string, string> = {};
        const attempt = async (name: string, act: () => Promise<string> | string) => {
          try { seen[name] = 'reached: ' + (await act()); } catch (error) { seen[name] = (error as Error).name; }
        };
        await attempt('open', () => new Promise((resolve, reject) => {
          const request = indexedDB.open(${JSON.stringify(SECRET_DB)});
          request.onsuccess = () => resolve([...request.result.objectStoreNames].join());
          request.onerror = () => reject(request.error);
        }));
        await attempt('databases', async () => JSON.stringify(await indexedDB.databases()));
        await attempt('caches', async () => JSON.stringify(await caches.keys()));
        seen.origin = self.origin;
        throw new Error(JSON.stringify(seen));`),
    });
    expect(seen(end)).toEqual({
      open: 'SecurityError',
      databases: 'SecurityError',
      caches: expect.stringMatching(/^(SecurityError|ReferenceError)$/),
      origin: 'null',
    });
    // The database is there, for the page.
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).toContain(SECRET_DB);
  });

  it('(b) cannot reach the network: fetch, XMLHttpRequest, WebSocket, EventSource and importScripts are refused by the CSP', async () => {
    const here = location.origin;
    const end = await sandbox.run({
      kind: 'build',
      source: probe(`
        const seen: Record<string, string> = {};
        const violations: string[] = [];
        self.addEventListener('securitypolicyviolation', (event) => violations.push((event as SecurityPolicyViolationEvent).effectiveDirective));
        const attempt = async (name: string, act: () => Promise<string> | string) => {
          try { seen[name] = 'reached: ' + (await act()); } catch (error) { seen[name] = (error as Error).name; }
        };
        const fetchNoCors = async (url: string) => (await fetch(url, { mode: 'no-cors' })).type;
        await attempt('fetch this server', () => fetchNoCors(${JSON.stringify(`${here}/favicon.svg`)}));
        await attempt('fetch another origin', () => fetchNoCors('http://127.0.0.1:9/steal'));
        await attempt('xhr', () => new Promise((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', ${JSON.stringify(`${here}/favicon.svg`)});
          xhr.onload = () => resolve(String(xhr.status));
          xhr.onerror = () => reject(new Error('xhr failed'));
          xhr.send();
        }));
        await attempt('websocket', () => new Promise((resolve, reject) => {
          const socket = new WebSocket(${JSON.stringify(here.replace(/^http/, 'ws'))});
          socket.onopen = () => resolve('open');
          socket.onerror = () => reject(new Error('websocket failed'));
        }));
        await attempt('eventsource', () => new Promise((resolve, reject) => {
          const source = new EventSource(${JSON.stringify(`${here}/events`)});
          source.onopen = () => resolve('open');
          source.onerror = () => { source.close(); reject(new Error('eventsource failed')); };
        }));
        await attempt('importScripts', () => { (self as unknown as { importScripts(url: string): void }).importScripts(${JSON.stringify(`${here}/favicon.svg`)}); return 'loaded'; });
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen.violations = [...new Set(violations)].sort().join();
        throw new Error(JSON.stringify(seen));`),
    });
    expect(seen(end)).toEqual({
      'fetch this server': 'TypeError',
      'fetch another origin': 'TypeError',
      xhr: 'Error',
      websocket: expect.stringMatching(/^(SecurityError|Error)$/),
      eventsource: 'Error',
      importScripts: 'NetworkError',
      violations: 'connect-src,script-src-elem',
    });
  });

  it('(c) cannot touch the DOM: no document, parent or top in the worker, and the frame is cross-origin to the page', async () => {
    const end = await sandbox.run({
      kind: 'build',
      source: probe(`
        const seen: Record<string, string> = {};
        const scope = self as unknown as Record<string, { document?: { title: string }; location?: { href: string } }>;
        const attempt = (name: string, act: () => string) => {
          try { seen[name] = 'reached: ' + act(); } catch (error) { seen[name] = (error as Error).name; }
        };
        attempt('document', () => (globalThis as unknown as { document: { title: string } }).document.title);
        attempt('parent.document', () => scope.parent.document!.title);
        attempt('top.location', () => scope.top.location!.href);
        throw new Error(JSON.stringify(seen));`),
    });
    expect(seen(end)).toEqual({
      document: 'TypeError',
      'parent.document': 'TypeError',
      'top.location': 'TypeError',
    });
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-rules-sandbox]');
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame?.contentDocument).toBeNull();
    expect(() => frame?.contentWindow?.document).toThrow(/cross-origin/);
  });

  it('(d) cannot reach the service worker, nor talk on the app’s BroadcastChannels', async () => {
    const channel = new BroadcastChannel('eventscope-store:eventscope');
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    const end = await sandbox.run({
      kind: 'build',
      source: probe(`
        const seen: Record<string, string> = {};
        seen.serviceWorker = typeof (navigator as unknown as { serviceWorker?: unknown }).serviceWorker;
        try {
          const channel = new BroadcastChannel('eventscope-store:eventscope');
          channel.postMessage({ type: 'appended', head: 999 });
          channel.close();
          seen.broadcast = 'posted';
        } catch (error) { seen.broadcast = (error as Error).name; }
        throw new Error(JSON.stringify(seen));`),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    channel.close();
    expect(seen(end).serviceWorker).toBe('undefined');
    // Posting may be allowed, but an opaque origin's channel is its own: the app hears nothing.
    expect(heard).toEqual([]);
  });

  it('(e) an endless loop is stopped within its budget and reported; the page stays responsive and the next job runs', async () => {
    expect((await sandbox.run({ kind: 'build', source: todoSource })).kind).toBe('done');
    const starts = sandbox.stats.starts;
    const began = performance.now();
    const { value: end, longestGapMs } = await watchingThePage(() =>
      sandbox.run({ kind: 'build', source: 'while (true) {}\nexport {};\n' }),
    );
    const tookMs = performance.now() - began;
    expect(end).toEqual({
      kind: 'stopped',
      message: 'Stopped: it ran longer than 3 s (an endless loop?). The sandbox was restarted.',
    });
    expect(tookMs).toBeGreaterThanOrEqual(BUDGET_MS);
    expect(tookMs).toBeLessThan(BUDGET_MS + 2_000);
    expect(longestGapMs).toBeLessThan(250);
    expect(document.querySelectorAll('iframe[data-rules-sandbox]')).toHaveLength(0);
    // The last good version keeps running: a new sandbox gets it back for jobs that need it.
    expect(await sandbox.run({ kind: 'describe' })).toMatchObject({
      kind: 'done',
      result: { domain: { name: 'todo' } },
    });
    expect(sandbox.stats.starts).toBe(starts + 1);
    const next = await sandbox.run({ kind: 'build', source: todoSource.replace("'To-do list'", "'Chores'") });
    expect(next).toMatchObject({ kind: 'done', result: { kind: 'domain', domain: { title: 'Chores' } } });
  });

  it('(f) a huge allocation is stopped and reported; the page keeps working and the next job runs', async () => {
    const { value: end, longestGapMs } = await watchingThePage(() =>
      sandbox.run({
        kind: 'build',
        source:
          'const hoard: number[][] = [];\nfor (;;) hoard.push(new Array(1_000_000).fill(1.5));\nexport {};\n',
      }),
    );
    expect(end.kind).toMatch(/^(stopped|crashed)$/);
    if (end.kind === 'stopped') expect(end.message).toContain('Stopped: it ran longer than 3 s');
    expect(longestGapMs).toBeLessThan(250);
    const next = await sandbox.run({ kind: 'build', source: todoSource });
    expect(next).toMatchObject({ kind: 'done', result: { kind: 'domain' } });
  });

  it('(f) an allocation larger than memory fails at once and is reported as thrown', async () => {
    const end = await sandbox.run({
      kind: 'build',
      source: 'const big = new ArrayBuffer(2 ** 45);\nexport default big;\n',
    });
    expect(end).toMatchObject({
      kind: 'done',
      result: { kind: 'thrown', message: expect.stringMatching(/^RangeError: /) },
    });
  });

  describe('(g) spoofed messages', () => {
    const fakeResult = {
      kind: 'domain',
      domain: {
        name: 'forged',
        title: 'Forged',
        summary: '',
        commands: [],
        events: [],
        projections: [],
        sagas: [],
        queries: [],
        invariants: [],
        scenarios: 0,
        walkthroughs: 0,
        hasRace: false,
      },
      diagnostics: [],
      timings: { compileMs: 0, evaluateMs: 0 },
    };

    it('a module posting forged results on its global scope is not heard', async () => {
      const end = await sandbox.run({
        kind: 'build',
        source: `for (let id = 0; id < 200; id++) (self as unknown as Worker).postMessage({ type: 'done', id, result: ${JSON.stringify(fakeResult)} });\nthrow new Error('the real outcome');\n`,
      });
      expect(end).toMatchObject({
        kind: 'done',
        result: { kind: 'thrown', message: 'Error: the real outcome' },
      });
    });

    it('a module patching MessagePort.prototype.postMessage cannot forge its result', async () => {
      // Its own sandbox: a module's patches stay in the worker for the modules built after it (see RULES-LAB.md).
      const patched = new RulesSandbox();
      const end = await patched.run({
        kind: 'build',
        source: `const original = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, message: { id?: number }) {
  original.call(this, { type: 'done', id: message.id, result: ${JSON.stringify(fakeResult)} });
} as typeof original;
throw new Error('the real outcome');\n`,
      });
      expect(end).toMatchObject({
        kind: 'done',
        result: { kind: 'thrown', message: 'Error: the real outcome' },
      });
      expect(await patched.run({ kind: 'build', source: todoSource })).toMatchObject({
        kind: 'done',
        result: { kind: 'domain', domain: { name: 'todo' } },
      });
      patched.dispose();
    });

    it('another window posting well-formed results to the page is ignored, and so is the page itself', async () => {
      const spoofer = document.createElement('iframe');
      spoofer.setAttribute('sandbox', 'allow-scripts');
      spoofer.srcdoc = `<script>const fake = ${JSON.stringify(fakeResult)};
        setInterval(() => { for (let id = 0; id < 100; id++) parent.postMessage({ type: 'done', id, result: fake }, '*'); }, 10);</script>`;
      document.body.append(spoofer);
      const forge = setInterval(() => {
        for (let id = 0; id < 100; id++) window.postMessage({ type: 'done', id, result: fakeResult }, '*');
      }, 10);
      try {
        // The module takes a while, so the forgeries arrive while its job runs.
        const end = await sandbox.run({
          kind: 'build',
          source: todoSource.replace(
            'export default',
            'const until = Date.now() + 500;\nwhile (Date.now() < until) {}\nexport default',
          ),
        });
        expect(end).toMatchObject({ kind: 'done', result: { kind: 'domain', domain: { name: 'todo' } } });
      } finally {
        clearInterval(forge);
        spoofer.remove();
      }
    });
  });
});
