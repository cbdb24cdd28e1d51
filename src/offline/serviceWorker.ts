// The app's service worker: keeps the built app (its shell and every asset) in a cache, so that a scenario or race
// link opens with no network once the app has been loaded. Navigations go to the network first (a new build is
// picked up when online) and fall back to the cached shell; assets, hashed by the build, come from the cache first.
// `precache.json` (written by the build, see vite.config.ts) lists the files.

/** The few service-worker types used here (the DOM library this project compiles against does not have them). */
interface LifecycleEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends LifecycleEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: Event) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
}

const scope = globalThis as unknown as WorkerScope;
/** Replaced by the build with its id (vite.config.ts): each build is a new worker with a cache of its own. */
const BUILD = '__EVENTSCOPE_BUILD_ID__';
const CACHE_PREFIX = 'eventscope-app';
const CACHE = `${CACHE_PREFIX}-${BUILD}`;
const SHELL = 'index.html';

interface Precache {
  build: string;
  files: string[];
}

const absolute = (path: string) => new URL(path, scope.registration.scope).href;

async function precache(): Promise<void> {
  const response = await fetch(absolute('precache.json'), { cache: 'no-store' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const { build, files } = (await response.json()) as Precache;
  // A worker installs only the build it belongs to (a newer precache.json means a newer worker is coming).
  if (build !== BUILD) throw new Error(`precache.json is of build ${build}, this worker of build ${BUILD}`);
  const cache = await caches.open(CACHE);
  await cache.addAll(files.map((file) => new Request(absolute(file), { cache: 'reload' })));
}

/** Why after activation: an older build's cache is dropped only once this build's is complete and in charge. */
async function dropOlderBuilds(): Promise<void> {
  for (const name of await caches.keys())
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
}

scope.addEventListener('install', (event) => event.waitUntil(precache()));
scope.addEventListener('activate', (event) =>
  event.waitUntil(dropOlderBuilds().then(() => scope.clients.claim())),
);
scope.addEventListener('message', (event) => {
  if ((event as MessageEvent).data === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(
        async () => (await (await caches.open(CACHE)).match(absolute(SHELL))) ?? Response.error(),
      ),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true, ignoreVary: true }))
      .then((cached) => cached ?? fetch(request)),
  );
});
