import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Plugin } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.config.ts';
import { BUILD_ID_PLACEHOLDER, buildIdOf } from './src/offline/build.ts';
import { rulesSandboxPlugin } from './src/tools/rules-lab/build/sandboxBundle.ts';

/**
 * Offline (build only): emits the service worker (`src/offline/serviceWorker.ts`) as `sw.js` and, once the
 * bundle is complete, `precache.json`: every file the built app is made of, for the worker to cache.
 */
function offlineShell(): Plugin {
  // Why the check: Storybook's build reuses this config; only the app (built into dist/) works offline.
  let isApp = false;
  return {
    name: 'eventscope-offline-shell',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      isApp = basename(config.build.outDir) === 'dist';
    },
    buildStart() {
      if (isApp) this.emitFile({ type: 'chunk', id: '/src/offline/serviceWorker.ts', fileName: 'sw.js' });
    },
    generateBundle(_, bundle) {
      if (!isApp) return;
      const publicFiles = readdirSync('public');
      const files = [...Object.keys(bundle), ...publicFiles].filter(
        (file) => file !== 'sw.js' && !file.endsWith('.map'),
      );
      const html = bundle['index.html'];
      const unhashed = [
        html?.type === 'asset' ? String(html.source) : '',
        ...publicFiles.sort().map((file) => readFileSync(join('public', file), 'utf8')),
      ];
      const buildId = buildIdOf(files, unhashed);
      const worker = bundle['sw.js'];
      // Why in the worker's own bytes: the browser installs a new worker only when sw.js changes.
      if (worker?.type === 'chunk') worker.code = worker.code.replaceAll(BUILD_ID_PLACEHOLDER, buildId);
      this.emitFile({
        type: 'asset',
        fileName: 'precache.json',
        source: JSON.stringify({ build: buildId, files: ['./', ...files.sort()] }, null, 1),
      });
    },
  };
}

// Why a function: Vitest names each project's browser instance in place, so two projects sharing one object (or
// one `instances` array) collide ("Cannot define a nested project for a chromium browser") whenever both run.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [svelte(), offlineShell(), rulesSandboxPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.ts', 'tests/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          browser: chromium(),
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: chromium(), testTimeout: 60_000 },
      },
    ],
  },
});
