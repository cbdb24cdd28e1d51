import { mount } from 'svelte';
import App from './ui/shell/App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Offline: the built app keeps itself in a cache, so shared links open with no network (src/offline).
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => {
    console.warn('Eventscope works online only here: the service worker was refused.', error);
  });
