import { createDomainRuntime as createSandbox } from '../../domains/index.ts';
import { randomIds } from '../../runtime/idGenerators.ts';
import { openDexieStore } from '../../store/indexeddb/dexieStore.ts';
import { AppState } from './appState.svelte.ts';

const LOCK = 'eventscope-sagas';
const LIMIT_KEY = 'eventscope.monthlyLimit';
export const DEFAULT_MONTHLY_LIMIT = 10;

/** The monthly limit: `?monthlyLimit=N` wins, then the saved setting, then 10. */
export function readMonthlyLimit(search: string, saved: string | null): number {
  const fromUrl = Number(new URLSearchParams(search).get('monthlyLimit'));
  if (Number.isInteger(fromUrl) && fromUrl >= 1) return fromUrl;
  const fromSettings = Number(saved);
  return Number.isInteger(fromSettings) && fromSettings >= 1 ? fromSettings : DEFAULT_MONTHLY_LIMIT;
}

export function saveMonthlyLimit(limit: number): void {
  localStorage.setItem(LIMIT_KEY, String(limit));
}

/**
 * Resolves true when this tab holds the saga lock now; otherwise resolves false and calls `onGranted`
 * once the tab that held it goes away. The lock is held until the tab closes.
 */
function claimSagas(onGranted: () => void): Promise<boolean> {
  if (!('locks' in navigator)) return Promise.resolve(true);
  const forever = () => new Promise<never>(() => {});
  return new Promise((resolve) => {
    void navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
      if (lock) {
        resolve(true);
        return forever();
      }
      resolve(false);
      void navigator.locks.request(LOCK, () => {
        onGranted();
        return forever();
      });
      return undefined;
    });
  });
}

/** Opens the IndexedDB store and the runtime over it; one tab runs the sagas, the others follow. */
export async function openApp(): Promise<AppState> {
  const store = await openDexieStore();
  const monthlyLimit = readMonthlyLimit(location.search, localStorage.getItem(LIMIT_KEY));
  let app: AppState | null = null;
  let isPromoted = false;
  const isLeader = await claimSagas(() => {
    isPromoted = true;
    void app?.restart({ role: 'leader' });
  });
  app = new AppState({
    makeSandbox: (options) => createSandbox({ store, ids: randomIds, ...options }),
    role: isLeader || isPromoted ? 'leader' : 'follower',
    monthlyLimit,
    storeKind: store.kind,
    clockChannel: 'eventscope-clock',
  });
  await app.sandbox.ready;
  await app.refresh();
  return app;
}
