import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, freshPages } from './browser.ts';

const open = freshPages();

const counterexampleText = async (page: Page) => ({
  size: await page.getByTestId('cx-size').innerText(),
  story: await page.getByTestId('cx-story').innerText(),
  violations: await page.getByTestId('cx-violations').innerText(),
});

describe('the race lab', () => {
  it('finds a planted double booking, and its link shows the same counterexample in a fresh profile', async () => {
    const page = await open('#/raceLab');
    await page.getByRole('checkbox', { name: /skipVersionCheck/ }).check();
    await page.getByRole('button', { name: 'Run races' }).click();
    await page.getByTestId('counterexample').waitFor();
    const found = await counterexampleText(page);
    expect(found.violations).toContain('slotExclusivity');
    expect(found.size).toMatch(/^2 operations, 2 actors/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await page.getByRole('button', { name: 'Copy as a vitest test' }).click();
    await expect.poll(() => page.getByText('Copied').count()).toBe(1);
    const test = await page.evaluate(() => navigator.clipboard.readText());
    expect(test).toContain("import { replayRace } from '../../src/tools/race-lab/runRace.ts'");
    expect(test).toContain('breaks \\"always keeps every guarantee');
    const link = await page.getByTestId('cx-link').inputValue();
    expect(link).toContain('#race=');

    const shared = await open(link.slice(baseUrl().length));
    await shared.getByTestId('counterexample').waitFor();
    await shared.context().setOffline(true);
    const opened = await counterexampleText(shared);
    expect(opened.story).toBe(found.story);
    expect(opened.violations).toBe(found.violations);
    await expect.poll(() => shared.getByText('Replays exactly').count()).toBe(1);
    await shared.getByRole('button', { name: 'Last' }).click();
    const invariants = await shared.getByTestId('replay-invariants').innerText();
    expect(invariants).toMatch(/fail\s+slotExclusivity/);
  });

  it('keeps running while another tab is open, then stops and says so', async () => {
    const page = await open('#/raceLab');
    await page.getByRole('spinbutton', { name: 'Races' }).fill('100000');
    await page.getByRole('button', { name: 'Run races' }).click();
    await expect.poll(async () => Number(await page.getByTestId('race-runs').innerText())).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Practice board' }).click();
    await page.getByRole('tab', { name: 'Race lab' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByText('Stopped: the worker was terminated').count()).toBe(1);
  });

  it('explains a damaged link and changes nothing', async () => {
    const page = await open('#race=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg');
    await expect.poll(() => page.getByTestId('link-error').innerText()).toMatch(/cannot be opened/);
    expect(await page.getByTestId('counterexample').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /skipVersionCheck/ }).isChecked()).toBe(false);
  });
});
