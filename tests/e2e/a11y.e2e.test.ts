import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, freshProfile } from './browser.ts';
import { openTab } from './journeys.ts';

const panels = [
  'Practice board',
  'Command console',
  'Event log',
  'Timeline',
  'Read models',
  'Sagas',
  'Mailbox',
  'Store',
  'Race lab',
  'Scenarios',
];
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await freshProfile());
  page.setDefaultTimeout(8_000);
  await page.goto(`${baseUrl()}#/store`);
  await page.getByRole('button', { name: 'Add a demo practice' }).click();
  await page.getByTestId('store-notice').waitFor();
});
afterAll(() => close());

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  it.each(panels)('the %s panel has no serious or critical accessibility violation', async (panel) => {
    await page.emulateMedia({ colorScheme });
    await openTab(page, new RegExp(`^${panel}`));
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  });
});
