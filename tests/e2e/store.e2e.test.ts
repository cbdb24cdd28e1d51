import { afterEach, expect, it } from 'vitest';
import { baseUrl, freshProfile } from './browser.ts';
import { eventCount, openTab, registerPeople, waitForEvents } from './journeys.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

it('follows a reset made in another tab without a reload', async () => {
  const profile = await freshProfile();
  close = profile.close;
  const { page, context } = profile;
  page.setDefaultTimeout(8_000);
  await page.goto(baseUrl());
  await registerPeople(page);
  const other = await context.newPage();
  other.setDefaultTimeout(8_000);
  await other.goto(baseUrl());
  await waitForEvents(other, 2);
  await openTab(page, /Store/);
  await page.getByRole('button', { name: 'Reset the store…' }).click();
  await page.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect.poll(() => eventCount(other)).toBe(0);
  await registerPeople(page);
  await expect.poll(() => eventCount(other)).toBe(2);
  await expect.poll(() => other.getByRole('alert').count()).toBe(0);
});
