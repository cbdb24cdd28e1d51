import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';

/** A fresh Chromium profile (its own IndexedDB on disk), as a new user would have. */
export async function freshProfile(): Promise<{
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'eventscope-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export const baseUrl = (): string => inject('baseUrl');

/** `open(path)`: the built app at `path` in a fresh profile; every profile opened is closed after each test. */
export function freshPages(): (path: string) => Promise<Page> {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  return async (path) => {
    const profile = await freshProfile();
    closers.push(profile.close);
    profile.page.setDefaultTimeout(30_000);
    await profile.page.goto(`${baseUrl()}${path}`);
    return profile.page;
  };
}
