import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshPages } from './browser.ts';

const open = freshPages();

describe('the scenario library', () => {
  it('finds walkthroughs and Given/When/Then scenarios in one search, narrows them by tag, and opens each where it plays', async () => {
    const page = await open('#/scenarios');
    const library = page.getByRole('navigation', { name: 'Scenario library' });
    await library.getByLabel('Search scenarios').fill('overbooking');
    expect(await library.getByRole('list', { name: 'Walkthroughs' }).innerText()).toContain(
      'Overbooking, then compensation',
    );
    expect(await library.getByRole('list', { name: 'Built-in scenarios' }).innerText()).toContain(
      'An overbooking is accepted first',
    );
    await library.getByLabel('Search scenarios').fill('');
    await library
      .getByRole('group', { name: 'Filter by tag' })
      .getByRole('button', { name: /^concurrency/ })
      .click();
    expect(await library.getByTestId('library-count').innerText()).toMatch(/^1 of \d+ scenarios/);

    await library.getByRole('button', { name: 'Play Two patients race for one slot' }).click();
    const run = page.getByTestId('walkthrough-run');
    await expect.poll(() => run.innerText()).toContain('No invariant broken');
    expect(
      await page.getByRole('heading', { level: 2, name: /Two patients race for one slot/ }).count(),
    ).toBe(1);

    await library.getByRole('button', { name: /^concurrency/ }).click();
    await library.getByRole('button', { name: /A double slot is all or nothing/ }).click();
    expect(await page.getByLabel('Title').inputValue()).toBe('A double slot is all or nothing');
  });

  it('steps through a walkthrough with latency: the read side is behind after a booking and caught up after settling', async () => {
    const page = await open('#/scenarios');
    await page.getByRole('button', { name: 'Play A read model lagging behind' }).click();
    await page.getByTestId('walkthrough-outcome').waitFor();
    await page.getByRole('button', { name: 'Step by step from the start' }).click();
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    const next = page.getByRole('button', { name: /^Next step/ });
    while (!(await steps.filter({ hasText: 'Tom Baker: BookSlot accepted' }).count())) await next.click();
    const tom = steps.filter({ hasText: 'Tom Baker: BookSlot accepted' }).first();
    expect(await tom.innerText()).toMatch(
      /read side behind\s+7 projections and sagas at #\d+, the log at #\d+/,
    );
    await next.click();
    await expect
      .poll(() => steps.filter({ hasText: 'rejected with SlotAlreadyBooked' }).count())
      .toBeGreaterThan(0);
    await next.click();
    await expect.poll(() => page.getByTestId('walkthrough-lag').innerText()).toContain('Caught up');
    expect(await page.getByTestId('walkthrough-read-side').innerText()).toMatch(
      /patientSlots\(tom-baker\): 1 row\s+\{dayId: ana-silva_2026-03-02, slotId: ana-silva_2026-03-02_09:00/,
    );
  });

  it('names a saved scenario that no longer reads, downloads it as stored, and deletes it', async () => {
    const page = await open('#/scenarios');
    const library = page.getByRole('navigation', { name: 'Scenario library' });
    // Why wait: the tab creates the library's database on opening; a write before that would create it empty.
    const hasLibrary = () =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((db) => db.name === 'eventscope-scenarios'),
      );
    await expect.poll(hasLibrary).toBe(true);
    // Why behind the app's back: only an older app, before the stricter checks, could have saved such a row.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('eventscope-scenarios');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const transaction = db.transaction('saved', 'readwrite');
            transaction.objectStore('saved').put({
              domain: 'scheduling',
              id: 'tom-old',
              savedAt: '2026-01-10T09:00',
              scenario: { id: 'tom-old', title: 'Tom, saved long ago' },
            });
            transaction.oncomplete = () => (db.close(), resolve());
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    await page.reload();
    const notice = library.getByRole('region', { name: 'Unreadable saved scenarios' });
    expect(await notice.innerText()).toMatch(
      /1 saved scenario could not be read[\s\S]*Tom, saved long ago — /,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download it as JSON' }).click(),
    ]);
    const stored = JSON.parse(readFileSync(await download.path(), 'utf8')) as { id: string }[];
    expect(stored.map((row) => row.id)).toEqual(['tom-old']);
    await notice.getByRole('button', { name: 'Delete unreadable Tom, saved long ago' }).click();
    await notice.waitFor({ state: 'detached' });
    const storedIds = await page.evaluate(
      () =>
        new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = indexedDB.open('eventscope-scenarios');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const keys = request.result.transaction('saved').objectStore('saved').getAllKeys();
            keys.onsuccess = () => (request.result.close(), resolve(keys.result));
            keys.onerror = () => reject(keys.error);
          };
        }),
    );
    expect(storedIds).toEqual([]);
  });
});

describe('the what-if of the live log', () => {
  it('forks before the head, skips two bookings, changes one and inserts a command through forms, and the log keeps every event', async () => {
    const page = await open('#/store');
    await page.getByRole('button', { name: 'Add a demo practice' }).click();
    await page.getByTestId('store-notice').waitFor();
    const logTab = page.getByRole('tab', { name: /^Event log/ });
    const countBefore = await logTab.innerText();
    await page.getByRole('tab', { name: /^Scenarios/ }).click();

    await page.getByLabel('Search the live log').fill('SlotBooked');
    const rows = page.getByRole('list', { name: 'Events of the branch' }).getByRole('listitem');
    const bookings = await rows.count();
    expect(bookings).toBeGreaterThanOrEqual(3);
    for (const i of [0, 1]) await rows.nth(i).getByRole('checkbox').check();
    const last = rows.nth(bookings - 1);
    const slot = (await last.innerText()).match(/(\S+)_(\d\d:\d\d)\b/);
    await last.getByRole('button', { name: /^Fork after event/ }).click();
    await last.getByRole('button', { name: /^Change event/ }).click();
    const change = page.getByRole('group', { name: /^Change event #/ });
    expect(await change.getByLabel('Patient id').inputValue()).not.toBe('');
    await change.getByLabel('Patient id').fill('amara-nwosu');
    await change.getByRole('button', { name: /^Change #/ }).click();
    await page.getByLabel('Search the live log').fill('');
    const whatIf = page.getByRole('region', { name: /^What if, from the live log/ });
    await whatIf.getByLabel('Command to insert').selectOption('RegisterPatient');
    const form = whatIf.getByRole('form', { name: 'RegisterPatient' });
    await form.getByRole('button', { name: 'Insert it at the end' }).click();
    expect(await form.getByText('Patient id is required').count()).toBe(1);
    await form.getByLabel('Patient id').fill('zoe-king');
    await form.getByLabel('Name').fill('Zoe King');
    await form.getByLabel('Email').fill('zoe@example.com');
    await form.getByLabel('Birth date').fill('1990-01-01');
    await form.getByRole('button', { name: 'Insert it at the end' }).click();
    const changes = page.getByRole('list', { name: 'Changes on the branch' }).getByRole('listitem');
    await expect.poll(() => changes.count()).toBe(4);

    await page.getByRole('button', { name: 'Run the what-if' }).click();
    const differences = page.getByTestId('live-what-if-differences');
    await expect.poll(() => differences.innerText()).toMatch(/status: booked → available/);
    // The changed booking: its appointment now names Amara.
    expect(await differences.innerText()).toMatch(
      new RegExp(`appointment\\(${slot?.[1]}_${slot?.[2]}\\): patient\\.patientId: \\S+ → amara-nwosu`),
    );
    expect(await page.getByTestId('live-what-if-branch').innerText()).toContain(
      'Inserted RegisterPatient: accepted (PatientRegistered)',
    );
    expect(await logTab.innerText()).toBe(countBefore);
  });
});
