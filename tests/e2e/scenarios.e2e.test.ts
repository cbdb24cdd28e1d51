import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, freshPages } from './browser.ts';

const open = freshPages();

async function addGiven(page: Page, type: string, values: Record<string, string>) {
  await page.getByLabel('Given command').selectOption(type);
  for (const [name, value] of Object.entries(values)) await page.fill(`#given-${type}-${name}`, value);
  await page.getByRole('button', { name: `Add ${type} to Given` }).click();
  await page.getByRole('status', { name: `${type} result` }).waitFor();
}

const result = async (page: Page) => ({
  status: await page.getByTestId('scenario-status').innerText(),
  verdict: await page.getByTestId('scenario-verdict').innerText(),
});

describe('the scenarios tab', () => {
  it('builds a scenario expecting SlotAlreadyBooked, and its link gives the same result in a fresh profile', async () => {
    const page = await open('#/scenarios');
    await page.getByLabel('Title').fill('Maria cannot take Tom’s slot');
    await page.getByLabel('Monthly limit').fill('2');
    await addGiven(page, 'RegisterDoctor', { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'GP' });
    for (const [patientId, name] of [
      ['tom-baker', 'Tom Baker'],
      ['maria-lopez', 'Maria Lopez'],
    ])
      await addGiven(page, 'RegisterPatient', {
        patientId,
        name,
        email: `${patientId}@example.com`,
        birthDate: '1985-06-14',
      });
    await addGiven(page, 'ScheduleDay', { doctorId: 'ana-silva', date: '2026-03-02', slots: '09:00-09:30' });
    const slot = { dayId: 'ana-silva_2026-03-02', slotId: 'ana-silva_2026-03-02_09:00' };
    await addGiven(page, 'BookSlot', { ...slot, patientId: 'tom-baker' });
    expect(await page.getByRole('list', { name: 'Given steps' }).getByRole('listitem').count()).toBe(5);

    await page.getByLabel('When command').selectOption('BookSlot');
    for (const [name, value] of Object.entries({ ...slot, patientId: 'maria-lopez' }))
      await page.fill(`#when-BookSlot-${name}`, value);
    await page.getByRole('button', { name: 'Set BookSlot as When' }).click();
    await page.getByLabel('Expected rejection').fill('SlotAlreadyBooked');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    const built = await result(page);
    expect(built.status).toBe('Passed');
    expect(built.verdict).toMatch(/^BookSlot was rejected with SlotAlreadyBooked/);
    const link = await page.getByTestId('scenario-link').inputValue();
    expect(link).toContain('#scenario=');

    const shared = await open(link.slice(baseUrl().length));
    await shared.getByTestId('scenario-result').waitFor();
    await shared.context().setOffline(true);
    expect(await result(shared)).toEqual(built);
    expect(await shared.getByLabel('Title').inputValue()).toBe('Maria cannot take Tom’s slot');
    expect(await shared.getByLabel('Monthly limit').inputValue()).toBe('2');
  });

  it('builds the past and the expected events with a form per event, no JSON, and passes', async () => {
    const page = await open('#/scenarios');
    await page.getByLabel('Add a past command or event').selectOption('event');
    const addEvent = async (type: string, values: Record<string, string>) => {
      await page.getByLabel('Given event', { exact: true }).selectOption(type);
      for (const [name, value] of Object.entries(values))
        await page.fill(`#given-event-${type}-${name}`, value);
      await page.getByRole('button', { name: `Add ${type} to Given` }).click();
    };
    await addEvent('DoctorRegistered', { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'GP' });
    await addEvent('PatientRegistered', {
      patientId: 'tom-baker',
      name: 'Tom Baker',
      email: 'tom.baker@example.com',
      birthDate: '1985-06-14',
    });
    await addEvent('DayScheduled', { doctorId: 'ana-silva', date: '2026-03-02' });
    await addEvent('SlotScheduled', { doctorId: 'ana-silva', date: '2026-03-02', startTimes: '09:05' });
    expect(await page.locator('#given-event-SlotScheduled-startTimes-error').innerText()).toBe(
      'Start times "09:05" must be on the 10-minute grid (09:00, 09:10, …)',
    );
    await addEvent('SlotScheduled', { doctorId: 'ana-silva', date: '2026-03-02', startTimes: '09:00-09:30' });
    expect(await page.getByRole('list', { name: 'Given steps' }).getByRole('listitem').count()).toBe(6);

    const slot = {
      dayId: 'ana-silva_2026-03-02',
      slotId: 'ana-silva_2026-03-02_09:10',
      patientId: 'tom-baker',
    };
    await page.getByLabel('When command').selectOption('BookSlot');
    for (const [name, value] of Object.entries(slot)) await page.fill(`#when-BookSlot-${name}`, value);
    await page.getByRole('button', { name: 'Set BookSlot as When' }).click();
    await page.getByLabel('It records these events').check();
    for (const [name, value] of Object.entries(slot))
      await page.fill(`#then-event-SlotBooked-${name}`, value);
    await page.getByRole('button', { name: 'Expect SlotBooked' }).click();
    expect(await page.getByRole('list', { name: 'Expected events' }).innerText()).toContain('SlotBooked');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    expect(await result(page)).toEqual({
      status: 'Passed',
      verdict: 'BookSlot was accepted and recorded 1 event: SlotBooked, as expected.',
    });
    const { violations } = await new AxeBuilder({ page }).include('#panel-scenarios').analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });

  it('shows a failing run with what differs', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /A booked slot cannot be booked again/ }).click();
    await page.getByLabel('Expected rejection').fill('SlotNotScheduled');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    expect(await page.getByTestId('scenario-status').innerText()).toBe('Failed');
    expect(await page.getByTestId('scenario-diff').innerText()).toContain('"code": "SlotAlreadyBooked"');
  });

  it('plays a scenario on a scratch sandbox and shows what the sagas did', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /Cancelling a day cancels its bookings first/ }).click();
    await page.getByRole('button', { name: 'Run scenario' }).click();
    const scratch = page.getByTestId('scenario-scratch');
    await expect.poll(() => scratch.innerText()).toContain('dayCancellationNotifier');
    expect(await scratch.innerText()).toContain('NotifyPatient (tom-baker): accepted');
    expect(await scratch.innerText()).toContain('No invariant is broken.');
  });

  it('plays a walkthrough step by step on a scratch sandbox', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: 'Play Two patients race for one slot' }).click();
    const run = page.getByTestId('walkthrough-run');
    await expect.poll(() => run.innerText()).toContain('At once: BookSlot + BookSlot');
    expect(await run.innerText()).toContain('rejected with SlotAlreadyBooked');
    expect(await run.innerText()).toContain('No invariant broken');
  });

  it('compares a what-if branch of the live log without its last booking, and leaves the log as it was', async () => {
    const page = await open('#/store');
    await page.getByRole('button', { name: 'Add a demo practice' }).click();
    await page.getByTestId('store-notice').waitFor();
    await page.getByRole('tab', { name: /^Scenarios/ }).click();
    const before = Number(await page.getByLabel('Log position to fork at').inputValue());
    const branch = page.getByRole('list', { name: 'Events of the branch' });
    const booking = branch.getByRole('listitem').filter({ hasText: 'SlotBooked' }).last();
    const slot = (await booking.innerText()).match(/(\S+)_(\d\d:\d\d)\b/);
    await booking.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Run the what-if' }).click();
    await expect
      .poll(() => page.getByTestId('live-what-if-differences').innerText())
      .toContain(`doctorDay(${slot?.[1]}): slots[${slot?.[1]}_${slot?.[2]}].status: booked → available`);
    expect(await page.getByTestId('live-what-if-original').innerText()).toContain('No invariant broken');
    expect(Number(await page.getByLabel('Log position to fork at').inputValue())).toBe(before);
  });

  it('keeps a saved scenario in the library after a reload', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /A patient books a free slot/ }).click();
    await page.getByLabel('Title').fill('Tom books 09:00');
    await page.getByLabel('Id', { exact: true }).fill('tom-books');
    await page.getByRole('button', { name: 'Save to my library' }).click();
    await expect.poll(() => page.getByTestId('scenario-notice').innerText()).toMatch(/^Saved/);
    await page.reload();
    await page.getByLabel('Search scenarios').fill('tom books');
    await page
      .getByRole('list', { name: 'My scenarios' })
      .getByRole('button', { name: /^Tom books 09:00/ })
      .click();
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('tom-books');
  });

  it('exports a file that imports into a fresh profile, and refuses a broken file whole', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /A double slot is all or nothing/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export file' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'eventscope.scenario',
      formatVersion: 2,
      domain: 'scheduling',
    });

    const other = await open('#/scenarios');
    const pageErrors: string[] = [];
    other.on('pageerror', (error) => pageErrors.push(error.message));
    const broken = text.replace('"BookDoubleSlot"', '"BookTripleSlot"');
    await other.getByLabel('Import file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await expect
      .poll(() => other.getByTestId('scenario-notice').innerText())
      .toMatch(
        /^broken\.json was not imported, nothing changed\. First problem at scenarios\.0\.when\.type: must be one of /,
      );
    expect(await other.getByRole('list', { name: 'My scenarios' }).count()).toBe(0);
    await other.getByLabel('Import file').setInputFiles(path);
    await other
      .getByRole('list', { name: 'My scenarios' })
      .getByRole('button', { name: /^A double slot/ })
      .waitFor();
    await other.getByRole('button', { name: 'Run scenario' }).click();
    expect(await other.getByTestId('scenario-status').innerText()).toBe('Passed');
    // The same file chosen again: the input was cleared, so it imports again, and nothing is saved twice.
    await other.getByLabel('Import file').setInputFiles(path);
    await expect
      .poll(() => other.getByTestId('scenario-notice').innerText())
      .toContain('Already in your library as they are: double-slot-all-or-nothing.');
    expect(await other.getByRole('list', { name: 'My scenarios' }).getByRole('listitem').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('has no serious or critical accessibility violation, with a failing run shown', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /A booked slot cannot be booked again/ }).click();
    await page.getByLabel('Expected rejection').fill('SlotNotScheduled');
    await page.getByRole('button', { name: 'Run scenario' }).click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('#panel-scenarios').analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
    }
  });

  it('forks a what-if branch without Tom’s booking and compares both runs', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: /A booked slot cannot be booked again/ }).click();
    await page.getByRole('button', { name: 'Fork a copy' }).click();
    await page
      .getByRole('list', { name: 'Branch steps' })
      .getByRole('checkbox', { name: 'skip' })
      .nth(4)
      .check();
    await page.getByRole('button', { name: 'Run both' }).click();
    const compared = page.getByTestId('what-if-compare');
    expect(await compared.getByTestId('scenario-status').allInnerTexts()).toEqual(['Passed', 'Failed']);
    expect(await page.getByRole('list', { name: 'What the branch changes' }).innerText()).toBe(
      'Skip step 5 (BookSlot)',
    );
  });

  it('forks the practice’s event log into the Given', async () => {
    const page = await open('#/store');
    await page.getByRole('button', { name: 'Add a demo practice' }).click();
    await page.getByTestId('store-notice').waitFor();
    await page.getByRole('tab', { name: /^Scenarios/ }).click();
    const position = Number(await page.getByLabel('Log position to fork at').inputValue());
    expect(position).toBeGreaterThan(5);
    await page.getByLabel('Log position to fork at').fill('5');
    await page.getByRole('button', { name: 'Use as Given' }).click();
    expect(await page.getByRole('list', { name: 'Given steps' }).getByRole('listitem').count()).toBe(5);
    expect(await page.getByTestId('scenario-notice').innerText()).toBe('Given: the log up to #5 (5 events).');
  });

  it('explains a damaged link and changes nothing', async () => {
    const page = await open('#scenario=N4IgZg9gTgtghgFxALhAUwG5oHYIM4DGEADmg');
    await expect
      .poll(() => page.getByTestId('scenario-link-error').innerText())
      .toMatch(/^This scenario link cannot be opened: /);
    expect(await page.getByTestId('scenario-result').count()).toBe(0);
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });
});
