import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, freshProfile } from './browser.ts';
import { book, eventCount, openTab, registerPeople, scheduleDay, slotButton } from './journeys.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function open(query = ''): Promise<Page> {
  const profile = await freshProfile();
  close = profile.close;
  profile.page.setDefaultTimeout(8_000);
  await profile.page.goto(`${baseUrl()}${query}`);
  await expect.poll(() => eventCount(profile.page)).toBe(0);
  return profile.page;
}

const cellText = async (page: Page, time: string) =>
  (await slotButton(page, time)).getAttribute('aria-label');
const positionText = (page: Page) => page.getByTestId('timeline-position').innerText();

describe('the timeline', () => {
  it('scrubs back before a booking (the slot is free) and forward again (booked), never touching the log', async () => {
    const page = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:10');
    await expect.poll(() => cellText(page, '09:10')).toContain('booked by Tom Baker');
    await expect.poll(() => eventCount(page)).toBe(10);

    await openTab(page, 'Timeline');
    await expect.poll(() => positionText(page)).toContain('Live — position 10');
    await page.getByLabel('Viewing position').fill('9');
    await expect.poll(() => positionText(page)).toContain('Viewing the past — position 9 of 10');

    await openTab(page, /Practice board/);
    await expect.poll(() => page.getByTestId('past-banner').innerText()).toContain('position 9 of 10');
    await expect.poll(() => cellText(page, '09:10')).toContain('available');

    await openTab(page, 'Timeline');
    await page.getByRole('application').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => positionText(page)).toContain('Live — position 10');
    await openTab(page, /Practice board/);
    await expect.poll(() => cellText(page, '09:10')).toContain('booked by Tom Baker');
    expect(await page.getByTestId('past-banner').count()).toBe(0);
    expect(await eventCount(page)).toBe(10);
  });

  it('steps with the keyboard and plays back to live', async () => {
    const page = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '09:30');
    await openTab(page, 'Timeline');
    await expect.poll(() => positionText(page)).toContain('Live — position 6');
    await page.getByRole('application').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => positionText(page)).toContain('position 0 of 6');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => positionText(page)).toContain('position 2 of 6');
    // Stepping selects the event at the cursor; up and down walk every mark, commands included.
    const detail = () => page.getByTestId('timeline-detail').innerText();
    await expect.poll(detail).toMatch(/^#2\s+DoctorRegistered|^#2\s+PatientRegistered/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(detail).toMatch(/^ScheduleDay\s+accepted/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(detail).toMatch(/^#2\s/);
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('50');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => positionText(page)).toContain('Live — position 6');
    await page.getByRole('application').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => positionText(page)).toContain('position 0 of 6');
    await page.getByTestId('past-banner').getByRole('button', { name: 'Back to live' }).click();
    await expect.poll(() => positionText(page)).toContain('Live — position 6');
  });

  it('starts a scenario whose Given is the log up to a selected event', async () => {
    const page = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '09:30');
    await openTab(page, 'Timeline');
    await page.getByRole('application').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: /^Scenario from here \(Given: the log up to #3\)/ }).click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toContain('Scenarios');
    await expect
      .poll(() => page.getByText(/Given: the log up to #3 \(3 events\)/).count())
      .toBeGreaterThan(0);
    // The log itself is untouched: scenarios run on scratch sandboxes.
    expect(await eventCount(page)).toBe(6);
  });

  // `TIMELINE_SCREENSHOTS=<dir>` saves the chart in both themes at 1280×800, for a person to look at.
  it.runIf(process.env.TIMELINE_SCREENSHOTS)('draws a saga chain in light and dark', async () => {
    const page = await open('?monthlyLimit=1');
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:10');
    await book(page, '09:30');
    await expect.poll(() => eventCount(page)).toBeGreaterThanOrEqual(13);
    await openTab(page, 'Timeline');
    await page.getByTestId('timeline-detail').waitFor();
    const cancel = page.locator('circle.cancel').first();
    await cancel.click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${process.env.TIMELINE_SCREENSHOTS}/timeline-${colorScheme}.png` });
    }
    await page.getByLabel('Viewing position').fill('10');
    await page.screenshot({ path: `${process.env.TIMELINE_SCREENSHOTS}/timeline-past-dark.png` });
  });
});
