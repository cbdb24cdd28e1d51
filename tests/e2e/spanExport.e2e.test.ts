import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshPages } from './browser.ts';
import { book, eventCount, openTab, registerPeople, scheduleDay } from './journeys.ts';

const open = freshPages();

describe('exporting a span of the timeline', () => {
  it('writes the selected booking’s chain as a vitest test that names its command and its event', async () => {
    const page = await open('');
    await expect.poll(() => eventCount(page)).toBe(0);
    await registerPeople(page);
    await scheduleDay(page, '09:00', '09:30');
    await book(page, '09:10');
    await expect.poll(() => eventCount(page)).toBe(7);

    await openTab(page, 'Timeline');
    await page.getByText('Export a span of the log as a vitest test').click();
    const exporter = page.getByTestId('span-export');
    await expect.poll(() => exporter.getByRole('status').innerText()).toContain('each command of #1–7');

    // The booking is the last command mark: its chain is the booking and its one event.
    await page.locator('g.command.accepted').last().click();
    await exporter.getByRole('button', { name: 'Use the selected chain (#7–7)' }).click();
    await expect.poll(() => exporter.getByLabel('From position').inputValue()).toBe('7');
    const preview = exporter.getByTestId('span-test-preview');
    await expect.poll(() => preview.innerText()).toContain('/* … 7 events, one a line … */');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('button', { name: 'Download span-7-7.test.ts' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('it("#7 a user: BookSlot appends SlotBooked"');
    expect(text).toContain('given(logUpTo(6))');
    expect(text).toContain(
      '"type":"BookSlot","data":{"dayId":"ana_2026-03-02","slotId":"ana_2026-03-02_09:10"',
    );
    expect(text).toContain(
      '{"type":"SlotBooked","data":{"dayId":"ana_2026-03-02","slotId":"ana_2026-03-02_09:10"',
    );
    // The span holds one command: the registrations and the schedule are its Given, not its tests.
    expect(text.match(/^ {2}it\(/gm)).toHaveLength(1);
    expect(text).toContain('/* #6 */ {"id":');
  });
});
