import { mount } from 'svelte';
import App from './ui/shell/App.svelte';
import './ui/theme.css';
import { UPDATE_READY_EVENT } from './offline/build.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Offline: the built app keeps itself in a cache, so shared links open with no network (src/offline).
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`)
    .then(offerUpdates)
    .catch((error: unknown) => {
      console.warn('Eventscope works online only here: the service worker was refused.', error);
    });

/** When a newer build has been installed beside the running one, tell the page; applying it reloads. */
function offerUpdates(registration: ServiceWorkerRegistration): void {
  const announce = (worker: ServiceWorker) =>
    window.dispatchEvent(
      new CustomEvent(UPDATE_READY_EVENT, {
        detail: {
          apply: () => {
            navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
              once: true,
            });
            worker.postMessage('skip-waiting');
          },
        },
      }),
    );
  if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      // Why only with a controller: the first install is not an update, it just makes the app work offline.
      if (installing.state === 'installed' && navigator.serviceWorker.controller) announce(installing);
    });
  });
}
