// Offline: once the built app has been opened, a scenario link opens and runs with no network at all. The app is
// served by a server of this test's own, which is then shut down (a refused connection, not an emulated one).
import { afterEach, describe, expect, it } from 'vitest';
import { preview } from 'vite';
import { scheduling } from '../../src/domains/index.ts';
import { scenarioLinkUrl } from '../../src/tools/scenarios/model/scenarioLink.ts';

const builtInScenarios = scheduling.scenarios;
import { freshProfile } from './browser.ts';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function serveBuiltApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}

describe('offline', () => {
  it('opens a scenario link and runs it after the server is gone', async () => {
    const server = await serveBuiltApp();
    cleanup.push(server.close);
    const profile = await freshProfile();
    cleanup.push(profile.close);
    const { page, context } = profile;
    page.setDefaultTimeout(20_000);
    await page.goto(server.url);
    // The service worker has cached the app once it controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    });
    await server.close();
    cleanup = cleanup.filter((close) => close !== server.close);
    expect(
      await fetch(server.url).then(
        () => 'reachable',
        () => 'gone',
      ),
    ).toBe('gone');

    const scenario = builtInScenarios.find(
      (s) => 'rejection' in s.then && s.then.rejection === 'SlotAlreadyBooked',
    )!;
    const offline = await context.newPage();
    offline.setDefaultTimeout(20_000);
    await offline.goto(scenarioLinkUrl(scheduling, scenario, server.url));
    await expect.poll(() => offline.getByRole('tab', { selected: true }).innerText()).toContain('Scenarios');
    await expect.poll(() => offline.getByLabel('Title').inputValue()).toBe(scenario.title);
    await offline.getByRole('button', { name: 'Run scenario' }).click();
    await expect.poll(() => offline.getByTestId('scenario-status').innerText()).toBe('Passed');
  });
});
