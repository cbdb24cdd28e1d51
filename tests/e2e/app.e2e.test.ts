import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, freshProfile } from './browser.ts';
import {
  actAs,
  book,
  eventCount,
  openTab,
  registerPeople,
  scheduleDay,
  slotButton,
  waitForEvents,
} from './journeys.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function open(
  query = '',
): Promise<{ page: Page; context: Awaited<ReturnType<typeof freshProfile>>['context'] }> {
  const profile = await freshProfile();
  close = profile.close;
  profile.page.setDefaultTimeout(8_000);
  await profile.page.goto(`${baseUrl()}${query}`);
  await expect.poll(() => eventCount(profile.page)).toBe(0);
  return profile;
}

const cellText = async (page: Page, time: string) =>
  (await slotButton(page, time)).getAttribute('aria-label');

describe('the practice board', () => {
  it('schedules a day, books a slot, and shows it in the available slots and the patient’s list', async () => {
    const { page } = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await expect.poll(() => cellText(page, '09:50')).toContain('available');
    await expect.poll(() => page.getByTestId('available-slots').innerText()).toContain('09:10');

    await book(page, '09:10');
    await expect.poll(() => cellText(page, '09:10')).toContain('booked by Tom Baker');
    await expect.poll(() => page.getByTestId('available-slots').innerText()).not.toContain('09:10');
    const upcoming = page.getByRole('list', { name: 'Upcoming appointments' });
    await expect.poll(() => upcoming.innerText()).toContain('2026-03-02 09:10');
  });

  it('books a double slot as two adjacent bookings', async () => {
    const { page } = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:20', true);
    await expect.poll(() => cellText(page, '09:20')).toContain('booked by Tom Baker');
    await expect.poll(() => cellText(page, '09:30')).toContain('booked by Tom Baker');
  });

  it('shows the domain’s rejection where the doctor acted, in plain words', async () => {
    const { page } = await open();
    await registerPeople(page);
    await scheduleDay(page, '12:00', '13:00');
    const alert = page.getByRole('alert', { name: 'Board result' });
    await expect.poll(() => alert.innerText()).toContain('SlotOutsideWorkingHours');
  });

  it('cancels the day and the patient finds the email in their mailbox', async () => {
    const { page } = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:00');
    await actAs(page, 'Dr Ana Silva');
    await page.getByRole('button', { name: 'Cancel this day' }).click();
    await expect.poll(() => cellText(page, '09:00')).toContain('cancelled');
    await openTab(page, /Mailbox/);
    await expect.poll(() => page.getByTestId('mailbox').innerText()).toMatch(/cancel/i);
  });

  it('compensates an overbooking when the monthly limit is low', async () => {
    const { page } = await open('?monthlyLimit=1');
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:00');
    await book(page, '09:30');
    await expect.poll(() => cellText(page, '09:30'), { timeout: 10_000 }).toContain('available');
    await expect.poll(() => page.getByTestId('monthly-count').innerText()).toContain('1 booking in 2026-03');
    await openTab(page, /Sagas/);
    await expect.poll(() => page.getByTestId('saga-overbooking').innerText()).toContain('CancelSlotBooking');
    await page
      .getByTestId('saga-overbooking')
      .getByRole('button', { name: /SlotBooked$/ })
      .click();
    await expect.poll(() => page.getByRole('article').getAttribute('aria-label')).toMatch(/^Event #\d+$/);
    await expect.poll(() => page.getByRole('article').innerText()).toContain('SlotBooked');
    await openTab(page, /Mailbox/);
    await expect.poll(() => page.getByTestId('mailbox').innerText()).toMatch(/09:30/);
  });
});

describe('the store', () => {
  it('keeps everything across a reload', async () => {
    const { page } = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    await book(page, '09:10');
    await waitForEvents(page, 10);
    const before = await eventCount(page);
    await page.reload();
    await expect.poll(() => eventCount(page)).toBe(before);
    await actAs(page, 'Tom Baker');
    await expect.poll(() => cellText(page, '09:10')).toContain('booked by Tom Baker');
  });

  it('shows a booking and a clock move made in one tab in the other', async () => {
    const { page, context } = await open();
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    const other = await context.newPage();
    await other.goto(baseUrl());
    await expect.poll(() => other.getByTestId('store-status').innerText()).toContain('Follower tab');
    await book(page, '09:40');
    await expect.poll(() => cellText(other, '09:40'), { timeout: 10_000 }).toContain('booked by Tom Baker');
    await page.getByRole('button', { name: '+1 day' }).click();
    await expect.poll(() => other.getByTestId('clock-now').innerText()).toBe('Tue 3 Mar 2026, 08:00');
  });

  it('hands the sagas to a follower tab when the leader tab closes', async () => {
    const { page, context } = await open('?monthlyLimit=1');
    await registerPeople(page);
    await scheduleDay(page, '09:00', '10:00');
    const other = await context.newPage();
    other.setDefaultTimeout(8_000);
    await other.goto(`${baseUrl()}?monthlyLimit=1`);
    await expect.poll(() => other.getByTestId('store-status').innerText()).toContain('Follower tab');
    await page.close();
    await expect.poll(() => other.getByTestId('store-status').innerText()).toContain('Sagas run here');
    await book(other, '09:00');
    await book(other, '09:30');
    await expect.poll(() => cellText(other, '09:30'), { timeout: 10_000 }).toContain('available');
  });

  it('refuses a bad file with a clear error and loses nothing', async () => {
    const { page } = await open();
    await registerPeople(page);
    await waitForEvents(page, 2);
    const before = await eventCount(page);
    await openTab(page, /Store/);
    const bad = {
      format: 'eventscope.event-log',
      formatVersion: 1,
      exportedAt: '2026-03-02T08:00',
      events: [{}],
      commands: [],
    };
    await page.getByLabel('Import a log file…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const notice = page.getByTestId('store-notice');
    await expect
      .poll(() => notice.innerText())
      .toMatch(/broken\.json was not imported, nothing changed: events\[0\]/);
    expect(await eventCount(page)).toBe(before);
  });
});
