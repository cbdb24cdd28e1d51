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
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
}

const scope = globalThis as unknown as WorkerScope;
const CACHE = 'eventscope-app';
const SHELL = 'index.html';

interface Precache {
  files: string[];
}

const absolute = (path: string) => new URL(path, scope.registration.scope).href;

async function precache(): Promise<void> {
  const response = await fetch(absolute('precache.json'), { cache: 'no-store' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const { files } = (await response.json()) as Precache;
  const cache = await caches.open(CACHE);
  await cache.addAll(files.map(absolute));
  // Why after adding: files of an older build are dropped only once this build's are all in.
  const keep = new Set(files.map(absolute));
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}

scope.addEventListener('install', (event) => event.waitUntil(precache().then(() => scope.skipWaiting())));
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(absolute(SHELL))) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches
      .match(request, { ignoreSearch: true, ignoreVary: true })
      .then((cached) => cached ?? fetch(request)),
  );
});
