/**
 * What makes one build of the app different from another, for the service worker: a build id over every file it
 * is made of (hashed names, and the contents of the files whose names carry no hash). `sw.js` carries the id, so a
 * new build is a new worker: the browser installs it, it caches that build, and the page can offer a reload.
 */
import { hashText } from '../core/json.ts';

/** The placeholder the build replaces with the build id in `sw.js`. */
export const BUILD_ID_PLACEHOLDER = '__EVENTSCOPE_BUILD_ID__';

/** Pure: the id of a build made of `files`, given the contents of those whose names do not change with them. */
export function buildIdOf(files: readonly string[], unhashedContents: readonly string[]): string {
  return hashText(JSON.stringify([[...files].sort(), unhashedContents]));
}

/** The event the page dispatches on `window` when a newer build is installed and ready (a reload shows it). */
export const UPDATE_READY_EVENT = 'eventscope:update-ready';
