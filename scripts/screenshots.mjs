// Screenshots of every panel, light and dark, at 1280×800, against the built app (`npx vite build` first).
// Usage: node scripts/screenshots.mjs [outDir]   (default /tmp/eventscope-shots)
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node 20 cannot import .ts: the same values as chromium.config.ts.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const outDir = process.argv[2] ?? '/tmp/eventscope-shots';
const tabs = ['board', 'console', 'log', 'models', 'sagas', 'mailbox', 'store'];
mkdirSync(outDir, { recursive: true });

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls.local[0];
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'eventscope-shots-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${url}?monthlyLimit=2#/store`);
  await page.getByRole('button', { name: 'Add a demo practice' }).click();
  await page.getByTestId('store-notice').waitFor();
  await page.getByRole('tab', { name: /Practice board/ }).click();
  await page.getByLabel('Acting as').selectOption({ label: 'Tom Baker' });
  await page.getByRole('button', { name: /09:50 Dr Ana Silva: available/ }).click();
  await page.getByRole('button', { name: 'Book double slot' }).click();
  await page.waitForTimeout(400);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const tab of tabs) {
      await page.getByRole('tab', { name: new RegExp(`^${tabLabel(tab)}`) }).click();
      if (tab === 'log')
        await page
          .getByRole('button', { name: 'SlotBookingCancelled' })
          .first()
          .click({ timeout: 3000 })
          .catch(() => console.error('no SlotBookingCancelled in the log'));
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(outDir, `${tab}-${scheme}.png`) });
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await context.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

function tabLabel(id) {
  return {
    board: 'Practice board',
    console: 'Command console',
    log: 'Event log',
    models: 'Read models',
    sagas: 'Sagas',
    mailbox: 'Mailbox',
    store: 'Store',
  }[id];
}
